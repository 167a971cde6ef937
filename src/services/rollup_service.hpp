// Incremental rollups of room-temperature readings into household-days (R-TEMP-3, issue 5:
// "Rollups are incremental: hourly -> room-day -> household-day. A late reading re-opens its
// day").
//
// The reading store marks (sensor, local day) dirty with every insert (ports/monitoring_store.hpp).
// A rollup takes dirty marks, recomputes each household-day they touch from all of that day's
// readings of the household's sensors with rules::DailyValues (the hourly -> room-day ->
// household-day chain) under the profile of the household's company, stores the result, and
// clears the marks only if no reading re-opened them meanwhile; a re-opened day is rolled up
// again by the next run.
//
// Thread-safe: runs are serialised by mutex_, so that a background run and a synchronous
// catch-up for one household never store an older result over a newer one. Across processes on
// one database (several `hearth serve`), two runs may roll up one day at once; each clears only
// the seq it took, so a day touched by a later reading stays dirty and is rolled up again.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>

#include "core/mutex.hpp"
#include "core/result.hpp"
#include "core/thread_annotations.hpp"
#include "ports/monitoring_store.hpp"
#include "ports/record_store.hpp"
#include "ports/record_views.hpp"
#include "services/policy_registry.hpp"

namespace hearth::services {

struct RollupCounts {
  int64_t marks = 0;           ///< dirty marks taken
  int64_t household_days = 0;  ///< household-days recomputed and stored
  int64_t cleared = 0;         ///< marks cleared (marks - cleared were re-opened meanwhile)
};

class RollupService {
 public:
  /// None is owned; all must outlive the service.
  RollupService(ports::MonitoringStore& store, ports::RecordStore& records,
                const PolicyRegistry& policies)
      : store_(store), records_(records), policies_(policies) {}

  /// Rolls up dirty household-days in rounds of at most `batch` marks until none is left that was
  /// there when it started (at most `max_rounds` rounds, so that a flood of readings cannot keep
  /// it busy for ever). Errors: the store's, and failed_precondition when a household's company
  /// names a policy profile that is not loaded; then what was done so far stays done.
  Result<RollupCounts> RunOnce(int batch = 2000, int max_rounds = 50);

  /// The same for one household only: what a reader of its days calls first, so that its
  /// answer includes every reading committed before the call.
  Result<RollupCounts> CatchUp(int64_t household_id);
  /// The same for the marks in `range`: a page of households over the days it reads, or every
  /// household over a period (the alerts of today), so that the work on a reader's request path
  /// is that of what it reads, never the whole backlog.
  Result<RollupCounts> CatchUp(const ports::MarkRange& range);

 private:
  Result<RollupCounts> Round(int batch, const ports::MarkRange& range) REQUIRES(mutex_);

  ports::MonitoringStore& store_;
  ports::RecordStore& records_;
  const PolicyRegistry& policies_;
  Mutex mutex_;  // serialises rounds: it guards no data, Round requires it
};

/// The profile of a household: its company's `policy` field (RULES.md: one profile per company).
/// Errors: not_found (household or company), failed_precondition (profile not loaded).
Result<std::shared_ptr<const rules::Policy>> PolicyOfHousehold(ports::RecordStore& records,
                                                               const PolicyRegistry& policies,
                                                               int64_t household_id);
/// The same, for a household the caller has read.
Result<std::shared_ptr<const rules::Policy>> PolicyOfHousehold(ports::RecordStore& records,
                                                               const PolicyRegistry& policies,
                                                               const ports::HouseholdView& household);

}  // namespace hearth::services

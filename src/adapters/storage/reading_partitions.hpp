// PostgreSQL's monthly partitions of `readings` (migration 26, schema_history_readings.hpp): the
// months a batch needs, created before it is stored, and the retention that drops whole months.
//
// A month is a local (UTC+08:00) calendar month; its partition is readings_YYYYMM.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "adapters/storage/sql.hpp"
#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/reading_store.hpp"

namespace hearth::adapters::storage {

/// The months a reading store has made sure of. Not thread-safe: the store holds it under its
/// lock.
class ReadingMonths {
 public:
  /// One time of each month of `batch` not known yet, in first-seen order.
  std::vector<int64_t> Unknown(std::span<const ports::Reading> batch) const;
  void MarkKnown(std::span<const int64_t> times);
  /// Forgets every month: after a failed batch (a month may have been dropped meanwhile).
  void Forget() { months_.clear(); }

 private:
  std::set<int32_t> months_;  // year * 12 + month - 1 of the local month
};

/// Creates the partitions of the months of `times` that do not exist yet, in one statement of
/// its own (not in a transaction: creating a partition locks the parent table until commit).
Status EnsureReadingPartitions(PGconn* conn, std::span<const int64_t> times);

/// Decision (issue 17): readings are kept at least 24 months, so that the season before the last
/// is whole while its refunds are offset and its disputes heard (R-REFUND-6, R-METER-1).
inline constexpr int kMinReadingMonthsKept = 24;

/// The first month kept when `keep_months` months up to and including the month of `today` are
/// kept: its first day.
Date FirstMonthKept(Date today, int keep_months);

/// Drops the partitions of the months before `first_kept` (its month) and returns their names,
/// oldest first; with `dry_run`, only names them. One transaction, with an audit entry (resource
/// "readings", action "prune", after: the months dropped). failed_precondition on SQLite, whose
/// readings are one table.
Result<std::vector<std::string>> PruneReadingMonths(Connection& conn, Date first_kept, bool dry_run,
                                                    const std::string& actor);

}  // namespace hearth::adapters::storage

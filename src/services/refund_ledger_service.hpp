// The refund ledger's use cases (issue 5, R-REFUND-1..6): a run writes one entry per household for
// a season, from the household's judged days (JudgingService: values, evidence, guarantees,
// exempt days) and its season fee; managers approve and mark entries paid; the household records
// whether it wants the refund paid or offset against the next season's fee (R-REFUND-6).
//
// A run covers the heated households in scope that were billed a fee for the season (a fees
// record); the others are counted, not entered. Re-running replaces the drafts and never changes
// an approved or paid entry (RefundLedgerStore::ReplaceDrafts). Each entry's payment deadline is
// the profile's refund-payment date after the season's official end (R-REFUND-6, 30 June).
// Thread-safe.
#pragma once

#include <string>

#include "core/result.hpp"
#include "ports/record_store.hpp"
#include "ports/refund_ledger.hpp"
#include "services/deadline_service.hpp"
#include "services/judging_service.hpp"
#include "services/policy_registry.hpp"

namespace hearth::services {

struct LedgerRunSummary {
  int season_start_year = 0;
  int64_t households = 0;   ///< heated households in scope
  int64_t written = 0;      ///< drafts written
  int64_t kept = 0;         ///< approved or paid entries left unchanged
  int64_t without_fee = 0;  ///< households with no fee billed for the season: no entry
  int64_t refund_fen = 0;   ///< the total of the drafts written
};

class RefundLedgerService {
 public:
  /// None is owned; all must outlive the service.
  RefundLedgerService(ports::RefundLedgerStore& ledger, ports::RecordStore& records,
                      const JudgingService& judging, const DeadlineService& deadlines,
                      const PolicyRegistry& policies)
      : ledger_(ledger), records_(records), judging_(judging), deadlines_(deadlines),
        policies_(policies) {}

  /// Runs the season that starts in `season_start_year` for the households in `scope` (a
  /// household scope is refused: failed_precondition). invalid_argument (field "season") for a
  /// year outside 2000..2200.
  Result<LedgerRunSummary> Run(int season_start_year, const ports::Scope& scope,
                               const std::string& actor) const;

  /// One household's entry for one season, computed the way Run writes it, without storing it.
  /// not_found when the household has no fee for the season.
  Result<ports::RefundEntry> Compute(int64_t household_id, int season_start_year,
                                     const std::string& actor) const;

 private:
  ports::RefundLedgerStore& ledger_;
  ports::RecordStore& records_;
  const JudgingService& judging_;
  const DeadlineService& deadlines_;
  const PolicyRegistry& policies_;
};

}  // namespace hearth::services

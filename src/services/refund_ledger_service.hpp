// The refund ledger's use cases (issue 5, R-REFUND-1..6): a run writes one entry per household for
// a season, from the household's judged days (JudgingService: values, evidence, guarantees,
// exempt days) and its season fee; managers approve and mark entries paid; the household records
// whether it wants the refund paid or offset against the next season's fee (R-REFUND-6).
//
// A run covers the heated households in scope that were billed a fee for the season (a fees
// record); the others are counted, not entered. Re-running replaces the drafts and never changes
// an approved or paid entry (RefundLedgerStore::ReplaceDrafts). Each entry's payment deadline is
// the profile's refund-payment date after the season's official end (R-REFUND-6, 30 June).
//
// Issue 15: the judged days carry the household's company-caused stop time (R-REFUND-2: 12 h or
// more of a day is not heated, 100 %) and its household-caused findings (R-REFUND-4: no
// temperature share), when the JudgingService was given those stores.
//
// Decisions (issue 11): a run counts only official days up to the last complete day (yesterday,
// local), and the entry says so (covered_to), so that a mid-season run never refunds days that
// have not happened; the refund's denominator stays the season's official days (R-REFUND-3). An
// entry is approved only after its season's official end and only when it covers the whole
// season (re-run first). An entry not paid by its payment deadline is overdue. Runs, approvals,
// payments and choices are audited (resource "refunds").
// Thread-safe.
#pragma once

#include <string>

#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/record_store.hpp"
#include "ports/refund_ledger.hpp"
#include "services/deadline_service.hpp"
#include "services/judging_service.hpp"
#include "services/policy_registry.hpp"
#include "services/progress.hpp"

namespace hearth::services {

struct LedgerRunSummary {
  int season_start_year = 0;
  int64_t households = 0;   ///< heated households in scope
  int64_t written = 0;      ///< drafts written
  int64_t kept = 0;         ///< approved or paid entries left unchanged
  int64_t without_fee = 0;  ///< households with no fee billed for the season: no entry
  int64_t refund_fen = 0;   ///< the total of the drafts written
  Date covered_to{};        ///< the last official day counted
};

class RefundLedgerService {
 public:
  /// None is owned; all must outlive the service.
  RefundLedgerService(ports::RefundLedgerStore& ledger, ports::RecordStore& records,
                      const JudgingService& judging, const DeadlineService& deadlines,
                      const PolicyRegistry& policies, const ports::Clock& clock)
      : ledger_(ledger), records_(records), judging_(judging), deadlines_(deadlines),
        policies_(policies), clock_(clock) {}

  /// Runs the season that starts in `season_start_year` for the households in `scope` (a
  /// household scope is refused: failed_precondition). invalid_argument (field "season") for a
  /// year outside 2000..2200; failed_precondition when no official day of it is complete yet.
  /// `progress` hears the households done of those in scope after each page of them; when it
  /// answers false the run stops there, its drafts so far written, and returns unavailable.
  Result<LedgerRunSummary> Run(int season_start_year, const ports::Scope& scope,
                               const std::string& actor, const Progress& progress = {}) const;

  /// One household's entry for one season, computed the way Run writes it, without storing it.
  /// not_found when the household has no fee for the season.
  Result<ports::RefundEntry> Compute(int64_t household_id, int season_start_year,
                                     const std::string& actor) const;

  /// draft -> approved. failed_precondition before the day after the season's official end, or
  /// when the draft does not cover the whole season; not_found outside `scope`.
  Result<ports::RefundEntry> Approve(int64_t id, const ports::Scope& scope,
                                     const std::string& actor) const;
  /// approved -> paid (R-REFUND-6), a payment record: `method` one of bank, wechat, alipay,
  /// cash (invalid_argument "method"), the channel's `reference` (required but for cash, at most
  /// 100 bytes: invalid_argument "reference"), the time the server's. failed_precondition when
  /// not approved, or (field "choice") when the household chose to offset it against its next
  /// bill (the billing run settles it); not_found outside `scope`.
  Result<ports::RefundEntry> Pay(int64_t id, const std::string& method,
                                 const std::string& reference, const ports::Scope& scope,
                                 const std::string& actor) const;
  /// The household's choice, "payment" or "offset" (invalid_argument, field "choice");
  /// failed_precondition once paid; not_found outside `scope`.
  Result<ports::RefundEntry> Choose(int64_t id, const std::string& choice,
                                    const ports::Scope& scope, const std::string& actor) const;
  /// The entry when `scope` may see it (not_found otherwise).
  Result<ports::RefundEntry> Get(int64_t id, const ports::Scope& scope) const;
  /// Entries by id within `scope` (its company or household overrides the query's);
  /// `overdue_only` keeps those not paid by their payment deadline.
  Result<std::vector<ports::RefundEntry>> List(ports::LedgerQuery query, bool overdue_only,
                                               const ports::Scope& scope) const;
  /// Not paid, and its payment deadline has passed (R-REFUND-6).
  bool Overdue(const ports::RefundEntry& entry) const;
  /// Paid after its payment deadline (R-REFUND-6: flagged as late); an offset, settled by the
  /// next season's bill as the household chose, never is.
  static bool PaidLate(const ports::RefundEntry& entry);

 private:
  ports::RefundLedgerStore& ledger_;
  ports::RecordStore& records_;
  const JudgingService& judging_;
  const DeadlineService& deadlines_;
  const PolicyRegistry& policies_;
  const ports::Clock& clock_;
};

}  // namespace hearth::services

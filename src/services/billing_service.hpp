// Use cases of season bills (issue 16, R-BILL-1, W 9.2.1; R-METER-1, W 10.3 (10.3 c);
// R-REFUND-6): the admin or a company's manager runs the company's bills for a season; staff,
// the regulator and households read them.
//
// A run bills every heated household of the company that has no fee for the season yet
// (rules::ComputeBill): by area at the company's area tariff valid on the season's first
// official day, or by meter at its meter tariff (the fixed part per m², if any, plus the heat
// of the season's meter reading × the price per GJ). A meter-billed household whose reading is
// missing or records a fault is billed by area, and the bill says why. A refund of the previous
// season that the household chose to offset (approved, not yet paid) is set against the bill and
// settled by it; one larger than the bill is left to be paid instead (the platform's decision:
// a refund is settled whole, never split between an offset and a payment). Stopped households
// are not billed (no base fee, rules/heating_change.hpp). Given the heating changes store, a
// household billed by area is billed as it stood on the season's first day (R-ACCT-1: the records
// with every approved 增减停复 effective after it undone, rules/usage_history.hpp), and each
// approved change effective later in the season adds its settlement as a line of the bill
// (rules::ChangeLine): a household that stopped in the season pays for the days before, one
// that resumed for the days after. A meter-billed household heated at the start or now is billed
// by its meter, which settles its own changes. A meter-billed household whose meter failed the
// calibration of a dispute raised in the season's heating year (July to June,
// rules::SeasonYearOf) is billed by area for the season: its meter's data are distorted
// (R-METER-1, W 10.3 (10.3 c)); the calibration settles its issued bill again. The
// government's reliefs (W 9.3,
// records `reliefs`) of the company that overlap the season apply to the households they name
// (every one, or a class by households.assistance), each a line of the bill with its reference,
// in the order entered, before the offset. Given the contract history (R-ACCT-1), a household is
// billed on the basis its contract held on the season's first official day: a change of basis
// made later applies from the next season.
//
// The season's first day is the company profile's (R-SEASON-1); the fee is due on `due_on`,
// by default that day (W 9.2.1 leaves the day to the contract). Without an area tariff valid
// then, or without a meter tariff while a household is billed by meter, the run refuses before
// writing anything (failed_precondition, field "tariff"). The run writes chunks of
// kBillingChunk households, each whole (ports/bill_store.hpp); running it again resumes it.
// Thread-safe.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "ports/bill_store.hpp"
#include "ports/clock.hpp"
#include "ports/contract_history.hpp"
#include "ports/heating_change_store.hpp"
#include "ports/record_store.hpp"
#include "ports/record_views.hpp"
#include "ports/relief_view.hpp"
#include "rules/season.hpp"
#include "services/policy_registry.hpp"
#include "services/progress.hpp"
#include "services/work_order_service.hpp"

namespace hearth::services {

inline constexpr int kBillingChunk = 2000;  ///< households per transaction

struct BillingRunRequest {
  int64_t company_id = 0;
  int season = 0;
  std::optional<Date> due_on;
};

class BillingService {
 public:
  /// None is owned; all must outlive the service. `changes` and `contracts` may be null: the
  /// records as they stand decide every household.
  BillingService(ports::BillStore& store, ports::RecordStore& records,
                 const PolicyRegistry& policies, const ports::Clock& clock,
                 ports::HeatingChangeStore* changes = nullptr,
                 ports::ContractHistory* contracts = nullptr)
      : store_(store),
        records_(records),
        policies_(policies),
        clock_(clock),
        changes_(changes),
        contracts_(contracts) {}

  /// Runs the bills. Errors: permission_denied unless the admin or the company's manager;
  /// not_found ("company_id") outside the actor's scope; invalid_argument ("season") outside
  /// 2000..2200, ("due_on") more than a year before or after the season; failed_precondition
  /// ("tariff"); the store's. `progress` hears the households done of the run's candidates after
  /// each chunk; when it answers false the run stops there, unfinished (running it again bills
  /// the rest), and returns unavailable.
  Result<ports::BillingRunRecord> Run(const BillingRunRequest& request, const OrderActor& actor,
                                      const Progress& progress = {}) const;
  /// Settles bill `fee_id` again as the run would bill it now (R-ACCT-1: an 增减停复 approved
  /// after the bill was issued, a stop for arrears included): the household as it stood on the
  /// season's first day with every approved change of the season as a line, at the tariffs of
  /// that day, with the reliefs; the offset it took when issued stays (its refunds are settled).
  /// Writes only when the lines change (rules::ComputeBill; the fee's amount follows the total,
  /// audited); answers the bill. Idempotent: running it again changes nothing. Errors:
  /// permission_denied but for the admin or a manager; not_found outside the actor's scope; the
  /// bill's computation's and the store's. A total below what was paid leaves an overpayment
  /// (PayBack).
  Result<ports::BillRecord> Resettle(int64_t fee_id, const OrderActor& actor) const;
  /// Pays back the whole of what bill `fee_id` holds overpaid (ports::BillRecord::OverpaidFen:
  /// settled again below what was paid) by `method` with the channel's `reference`
  /// (rules::CheckPayout), at the clock's time; answers the bill. Errors: permission_denied but
  /// for the admin, a manager or an agent; not_found outside the actor's scope; invalid_argument
  /// ("method", "reference"); failed_precondition ("id") when nothing is overpaid, ("amount")
  /// when a payment or payback came first.
  Result<ports::BillRecord> PayBack(int64_t fee_id, const std::string& method,
                                    const std::string& reference, const OrderActor& actor) const;
  /// Resettle of the household's bill of `season` (by `actor`, a name: for the services that
  /// approve a change), or none when it has no bill of that season yet (the run will bill it).
  Result<std::optional<ports::BillRecord>> ResettleSeason(int64_t household_id, int season,
                                                          const std::string& actor) const;
  /// In the actor's scope (a household sees none), newest first.
  Result<std::vector<ports::BillingRunRecord>> ListRuns(ports::BillingRunQuery query,
                                                        const OrderActor& actor) const;
  /// not_found outside the actor's scope.
  Result<ports::BillRecord> Get(int64_t fee_id, const OrderActor& actor) const;
  /// In the actor's scope (its company or household overrides the query's), newest first.
  Result<std::vector<ports::BillRecord>> List(ports::BillQuery query,
                                              const OrderActor& actor) const;

 private:
  /// What a season's bills of a company are computed from.
  struct SeasonTerms {
    int64_t company_id = 0;
    int year = 0;
    rules::SeasonDates season;
    std::optional<ports::TariffView> area, meter;  ///< valid on the season's first day
    std::vector<ports::ReliefView> reliefs;
    std::map<int64_t, std::vector<ports::ApprovedHeatingChange>> changes;  ///< by household
    std::set<int64_t> failed_meters;  ///< households whose meter failed its calibration
    /// The contract versions ending on or after the season's first day, by household.
    std::map<int64_t, std::vector<rules::TermsUntil>> contracts;
  };
  struct Billed {
    bool heated = true;  ///< for some of the season (else the run bills nothing)
    ports::NewBill bill;
    rules::BillingBasis basis = rules::BillingBasis::kArea;  ///< the contract's, at the start
  };
  /// The terms of `company_id`'s season `year`; the household-specific parts (approved changes,
  /// failed meters, contract versions) of `household` only, when given (settling one bill).
  Result<SeasonTerms> Terms(int64_t company_id, int year,
                            std::optional<int64_t> household = std::nullopt) const;
  /// The candidate's bill; unless `always`, a household heated for none of the season is
  /// answered as such without one (the run skips it; Resettle bills it at nothing).
  static Result<Billed> BillFor(const ports::BillingCandidate& candidate, const SeasonTerms& t,
                                bool always);
  Result<ports::BillRecord> ResettleBill(const ports::BillRecord& bill,
                                         const std::string& actor) const;

  ports::BillStore& store_;
  ports::RecordStore& records_;
  const PolicyRegistry& policies_;
  const ports::Clock& clock_;
  ports::HeatingChangeStore* changes_;
  ports::ContractHistory* contracts_;
};

}  // namespace hearth::services

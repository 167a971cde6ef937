// Use cases of increasing, decreasing, stopping and resuming heating (增减停复, issue 16,
// R-ACCT-1, W 9.1.8): the service hall takes in an application for one of its households with
// the documents to hand and files those supplied later; a household applies online for its own
// stop or resumption; the admin or a manager approves it, once every document is checked, or
// refuses it with a reason. What an application needs, who takes which step and the settlement
// are rules/heating_change.hpp's.
//
// - The receipt time is the hall's (the time on the form, RFC 3339), not later than the server's
//   clock and at most kMaxEntryDelay before it; a household's own application is received when
//   it is sent. The effective day is not before the day received.
// - On approval the settlement is computed, pro rata over the household's season (its district's
//   decided dates, else the profile's) that the effective day falls in or precedes, at the
//   company's area tariff (a "tariffs" record billed by area) valid on the effective day; without
//   one, approval is refused (failed_precondition, field "tariff"). A household billed by meter is
//   settled by its meter: no amount. The household changes in the store's transaction.
// - Readers: the company's staff and its admin see their company's applications; the regulator
//   every company's; a household its own.
//
// Messages (the outbox): every step but supply-documents goes to the household. Every change is
// audited by the store. Thread-safe.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/heating_change_store.hpp"
#include "ports/record_views.hpp"
#include "ports/record_store.hpp"
#include "services/billing_service.hpp"
#include "services/connection_service.hpp"
#include "services/judging_service.hpp"
#include "services/work_order_service.hpp"

namespace hearth::services {

inline constexpr size_t kMaxHeatingChangeText = 2000;  ///< note, reason (bytes)
inline constexpr size_t kMaxHeatingChangeName = 200;   ///< applicant (bytes)

struct NewHeatingChange {
  int64_t household_id = 0;
  rules::HeatingChangeKind kind = rules::HeatingChangeKind::kStop;
  Date effective;
  std::optional<int64_t> area;         ///< increase, decrease: the new area, m² × 100
  std::optional<Instant> received_at;  ///< the hall's form; none from the household itself
  std::string applicant;               ///< the hall: the name on the form
  std::set<rules::HeatingChangeDocument> documents;
  std::string note;
};

struct HeatingChangeRead {
  ports::HeatingChangeRecord record;
  /// On approval by area: the household's bill of the settlement's season, settled again with
  /// the change (BillingService::ResettleSeason), when it had one.
  std::optional<ports::BillRecord> bill;
  std::vector<rules::HeatingChangeDocument> missing;  ///< still to be supplied
  std::vector<rules::HeatingChangeAction> actions;    ///< what the reader may do now
};

class HeatingChangeService {
 public:
  /// None is owned; all must outlive the service. Given `billing`, an approval by area settles
  /// the household's issued bill of its season again (R-ACCT-1: the settlement reaches the bill
  /// already issued); a failure there is logged and leaves the approval standing (POST
  /// /api/v1/bills/{id}/resettle retries it).
  HeatingChangeService(ports::HeatingChangeStore& store, ports::RecordStore& records,
                       const JudgingService& seasons, const ports::Clock& clock,
                       const BillingService* billing = nullptr)
      : store_(store), records_(records), seasons_(seasons), clock_(clock), billing_(billing) {}

  /// Takes in an application. Errors: permission_denied (rules::MayApplyHeatingChange);
  /// not_found ("household") outside the actor's scope; invalid_argument naming the field:
  /// "received_at" given by a household, missing from the hall, in the future or over
  /// kMaxEntryDelay old; "applicant" blank from the hall or too long; "note" too long; "area"
  /// missing for an increase or decrease; rules::CheckHeatingChange's.
  Result<HeatingChangeRead> Apply(const NewHeatingChange& input, const OrderActor& actor) const;
  /// Takes `action`: rules::ApplyHeatingChange's errors, not_found outside the actor's scope,
  /// invalid_argument for a text too long, failed_precondition "tariff" (above), and the
  /// store's failed_precondition when another step came first or the household changed.
  Result<HeatingChangeRead> Act(int64_t id, rules::HeatingChangeAction action,
                                const rules::HeatingChangeMoveInput& input,
                                const OrderActor& actor) const;
  /// Writes the stop for arrears that ArrearsService decided (W 9.2.2; it checks the steps): the
  /// household stops on `effective`, settled as an approved stop by area is, the household told
  /// through the outbox. The decision note says why. Errors: "tariff" (above); the store's
  /// already_exists ("fee") and failed_precondition ("household").
  Result<HeatingChangeRead> StopForArrears(const ports::HouseholdView& household, int64_t fee_id,
                                           Date effective, const std::string& decision_note,
                                           const OrderActor& actor) const;
  /// not_found outside the actor's scope.
  Result<HeatingChangeRead> Get(int64_t id, const OrderActor& actor) const;
  /// In the actor's scope (its company or household overrides the query's), newest first.
  Result<std::vector<HeatingChangeRead>> List(ports::HeatingChangeQuery query,
                                              const OrderActor& actor) const;

 private:
  Result<rules::HeatingChangeSettlement> Settle(const ports::HeatingChangeRecord& c) const;
  Result<int64_t> AreaPrice(int64_t company_id, Date day) const;
  /// The read of an approved change, with its bill settled again (the constructor's note).
  HeatingChangeRead Approved(ports::HeatingChangeRecord c, const OrderActor& actor) const;

  ports::HeatingChangeStore& store_;
  ports::RecordStore& records_;
  const JudgingService& seasons_;
  const ports::Clock& clock_;
  const BillingService* billing_;
};

}  // namespace hearth::services

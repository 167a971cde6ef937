// Insurance claims' use cases (issue 16, R-INS-1, W 13): the company records a household's loss
// with its photos and loss list, reports it to the insurer, agrees the amount and pays it within
// the profile's insurance-payout period (30 working days, W 13.5), or rejects the claim with its
// exclusion (W 13.5, W 13.6). The state machine, the exclusions and the deadlines are
// rules/insurance.hpp's.
//
// Who may do what: the company's staff record claims on their company's households and report
// them to the insurer; its admin or a manager agrees, pays or rejects; the household reads its
// own; the regulator reads every company's. A claim outside the caller's scope is not_found.
// Every time is the server's.
//
// Messages (the outbox): every step goes to the household, the agreed amount included.
// Every change is audited by the store. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/insurance_store.hpp"
#include "ports/record_store.hpp"
#include "services/calendar_service.hpp"
#include "services/policy_registry.hpp"
#include "services/work_order_service.hpp"

namespace hearth::services {

/// Limits on what a claim's texts may hold.
inline constexpr size_t kMaxClaimText = 2000;  ///< incident, note (bytes)
inline constexpr size_t kMaxClaimName = 200;   ///< insurer, reference, a loss item (bytes)
inline constexpr size_t kMaxClaimPhotos = 20;
inline constexpr size_t kMaxClaimLosses = 100;

struct NewClaim {
  int64_t household_id = 0;
  Instant incident_at;
  std::string incident;
  bool injuries = false;
  std::vector<std::string> photos;
  std::vector<ports::ClaimLoss> losses;
};

struct ClaimRead {
  ports::InsuranceClaim claim;
  rules::ClaimDeadlines deadlines;
  std::vector<rules::ClaimAction> actions;  ///< what the reader may do now
};

class InsuranceService {
 public:
  /// None is owned; all must outlive the service.
  InsuranceService(ports::InsuranceStore& store, ports::RecordStore& records,
                   const PolicyRegistry& policies, CalendarService& calendar,
                   const ports::Clock& clock)
      : store_(store), records_(records), policies_(policies), calendar_(calendar), clock_(clock) {}

  /// Records a claim. Errors: permission_denied (role); not_found (field "household") outside
  /// the actor's company; invalid_argument naming the field: incident empty or too long,
  /// incident_at in the future, no photo or too many ("photos": W 13.3 asks for them), a photo
  /// reference ("photos[i]"), a loss item or estimate ("losses[i].item", "losses[i].estimate"),
  /// too many losses.
  Result<ClaimRead> Record(const NewClaim& input, const OrderActor& actor) const;
  /// Takes `action` on the claim: rules::ApplyClaim's errors, not_found outside the actor's
  /// scope, invalid_argument for a note, insurer or reference too long, and the store's
  /// failed_precondition when another move came first.
  Result<ClaimRead> Act(int64_t id, rules::ClaimAction action, const rules::ClaimMoveInput& input,
                        const OrderActor& actor) const;
  /// The claim with its history; not_found outside the actor's scope.
  Result<ClaimRead> Get(int64_t id, const OrderActor& actor) const;
  /// Claims in the actor's scope (its company or household overrides the query's), newest
  /// first, without their history.
  Result<std::vector<ClaimRead>> List(ports::ClaimQuery query, const OrderActor& actor) const;

  /// The service's clock, for the readers of its deadlines.
  Instant Now() const { return clock_.Now(); }

 private:
  Result<ClaimRead> Read(ports::InsuranceClaim claim, rules::Role role, const rules::Policy& policy,
                         const rules::HolidayCalendar& calendar) const;
  Result<ClaimRead> Read(ports::InsuranceClaim claim, rules::Role role) const;
  Result<ports::InsuranceClaim> Visible(int64_t id, const ports::Scope& scope) const;

  ports::InsuranceStore& store_;
  ports::RecordStore& records_;
  const PolicyRegistry& policies_;
  CalendarService& calendar_;
  const ports::Clock& clock_;
};

}  // namespace hearth::services

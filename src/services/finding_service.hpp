// Household-caused findings' use cases (issue 15, R-REFUND-4): a company records what it found
// at a household, with its evidence and validity period; the household acknowledges or disputes
// it; the regulator decides a dispute; the company may withdraw it. The state machine and its
// decisions are rules/finding.hpp's; the days a finding covers are judged by JudgingService.
//
// Who may do what: admin, manager, agent and technician record findings on their company's
// households; the household acts on its own; the regulator reads every company's and decides
// disputes; admin and manager withdraw. A finding outside the caller's scope is not_found.
//
// Messages (the outbox): a new finding goes to the household (it may dispute); an
// acknowledgement to the company's managers; a dispute to the regulator and the managers; a
// decision or withdrawal to the household and the managers. Every change is audited by the
// store. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/finding_store.hpp"
#include "ports/record_store.hpp"
#include "services/work_order_service.hpp"

namespace hearth::services {

/// Limits on what a finding's texts may hold.
inline constexpr size_t kMaxFindingText = 2000;  ///< description, found_by, note (bytes)
inline constexpr size_t kMaxFindingPhotos = 20;
inline constexpr size_t kMaxPhotoRef = 500;  ///< bytes of one photo reference

struct NewFinding {
  int64_t household_id = 0;
  rules::FindingKind kind = rules::FindingKind::kOwnInstallation;
  std::string description;
  std::vector<std::string> photos;
  std::string found_by;
  Instant found_at;
  Date valid_from, valid_to;
};

struct FindingRead {
  ports::Finding finding;
  bool effective = false;                      ///< rules::Effective(state)
  std::vector<rules::FindingAction> actions;  ///< what the reader may do now
};

class FindingService {
 public:
  /// None is owned; all must outlive the service.
  FindingService(ports::FindingStore& store, ports::RecordStore& records,
                 const ports::Clock& clock)
      : store_(store), records_(records), clock_(clock) {}

  /// Records a finding. Errors: permission_denied (role); not_found (field "household") for a
  /// household outside the actor's company; invalid_argument naming the field: description or
  /// found_by empty or too long, a photo reference empty or too long ("photos[i]"), too many
  /// photos ("photos"), the period (rules::CheckFindingPeriod, with a few minutes' allowance for
  /// the clocks of field devices).
  Result<FindingRead> Record(const NewFinding& input, const OrderActor& actor) const;
  /// Takes `action` (not record) on the finding: rules::Apply's errors, not_found outside the
  /// actor's scope, invalid_argument (field "note") for a note over kMaxFindingText, and the
  /// store's failed_precondition when another move came first.
  Result<FindingRead> Act(int64_t id, rules::FindingAction action, const std::string& note,
                          const OrderActor& actor) const;
  /// The finding with its history; not_found outside the actor's scope.
  Result<FindingRead> Get(int64_t id, const OrderActor& actor) const;
  /// Findings in the actor's scope (its company or household overrides the query's), newest
  /// first, without their history.
  Result<std::vector<FindingRead>> List(ports::FindingQuery query, const OrderActor& actor) const;

 private:
  FindingRead Read(ports::Finding finding, rules::Role role) const;
  Result<ports::Finding> Visible(int64_t id, const ports::Scope& scope) const;

  ports::FindingStore& store_;
  ports::RecordStore& records_;
  const ports::Clock& clock_;
};

}  // namespace hearth::services

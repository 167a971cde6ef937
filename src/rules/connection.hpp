// Connection applications (报装, R-CONN-1; Z 2.3 (三), W 9.1.2, W 9.1.4): what an application
// needs, which season it can catch, when its decision is due, and when it may be approved.
//
// - W 9.1.4: one form is enough to apply (申请表 1 份); drawings not yet to hand are accepted
//   and supplied later (容缺受理), and listed as missing.
// - Z 2.3 (三): a new building applies by 31 July for that year's season (the profile's
//   connection-application date); a later one is accepted for the next season, and the applicant
//   is told. An existing building is connected only after an energy-saving retrofit to the
//   standard and its owners' joint decision: both must be on file before approval.
// - W 9.1.4: the decision is due in 3 working days with outside works, 1 without (the profile's
//   connection-decision periods, over the working-day calendar).
// - A refusal gives its reason and a suggestion (R-CONN-1).
// - W 10.1.7 (R-WO-6): last season's applicants are visited back, and the visit is filed.
//
// Decisions (the platform's):
// - An existing building catches the season that has not yet ended on the day it applies (its
//   official end by the profile), else the next one.
// - The flow: received → approved | refused, once. The service hall (admin, manager, agent)
//   takes in applications, files the documents supplied later and the return visit; only the
//   admin or a manager decides. A decided application takes no more documents; the return visit
//   follows the decision, once, with what the applicant said and whether satisfied.
//
// Pure; thread-safe.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "rules/access.hpp"
#include "rules/deadline.hpp"
#include "rules/policy.hpp"
#include "rules/work_order.hpp"

namespace hearth::rules {

enum class ConnectionDocument { kApplicationForm, kDrawings, kRetrofitRecord, kOwnersDecision };

/// Wire names: "application-form", "drawings", "retrofit-record", "owners-decision".
std::string_view ConnectionDocumentName(ConnectionDocument d);
std::optional<ConnectionDocument> ParseConnectionDocument(std::string_view name);

struct ConnectionApplication {
  bool new_building = true;
  bool outside_works = false;
  Instant received_at;
  std::set<ConnectionDocument> documents;
};

struct ConnectionAssessment {
  int season = 0;                  ///< the year of the season it can catch
  bool next_season = false;        ///< a new building after the date: the next season (tell them)
  DeadlineAnswer application_due;  ///< new building: the date it met (or the next one)
  DeadlineAnswer decision;         ///< when the decision is due
  std::vector<ConnectionDocument> missing;  ///< supplied later (容缺), in enum order
};

/// Assesses an application on receipt. invalid_argument (field "documents") without the
/// application form: one form is the least an application is.
Result<ConnectionAssessment> AssessConnection(const Policy& policy, const HolidayCalendar& calendar,
                                              const ConnectionApplication& application);

/// Whether the application may be approved now: ok, or failed_precondition (field "documents")
/// naming what an existing building still lacks (the retrofit record, the owners' decision).
Status MayApproveConnection(const ConnectionApplication& application);

/// A refusal's texts: invalid_argument naming "reason" or "suggestion" when either is blank.
Status CheckConnectionRefusal(std::string_view reason, std::string_view suggestion);

enum class ConnectionState { kReceived, kApproved, kRefused };
enum class ConnectionAction { kApply, kSupplyDocuments, kApprove, kRefuse, kVisit };

/// Wire names: "received", "approved", "refused"; "apply", "supply-documents", "approve",
/// "refuse", "visit". Parsers return nullopt otherwise.
std::string_view ConnectionStateName(ConnectionState s);
std::optional<ConnectionState> ParseConnectionState(std::string_view name);
std::string_view ConnectionActionName(ConnectionAction a);
std::optional<ConnectionAction> ParseConnectionAction(std::string_view name);
/// "application-form, drawings, …": for error messages.
const std::string& ConnectionDocumentNames();

/// What a move carries besides who takes it.
struct ConnectionMoveInput {
  std::set<ConnectionDocument> documents;  ///< supply-documents: required, one at least new
  std::string reason, suggestion;          ///< refuse: both required
  std::string note;                        ///< visit: required (what the applicant said)
  std::optional<bool> satisfied;           ///< visit: required
};

/// Who takes in an application: the service hall (admin, manager, agent).
bool MayApplyConnection(Role role);

/// The state after `role` takes `action` (not kApply) on `application` in `state`, `visited`
/// telling whether its return visit is filed. Errors: permission_denied (the role);
/// failed_precondition (the state, a visit already filed, MayApproveConnection's documents);
/// invalid_argument naming the field a move lacks or does not take.
Result<ConnectionState> ApplyConnection(const ConnectionApplication& application,
                                        ConnectionState state, bool visited,
                                        ConnectionAction action, Role role,
                                        const ConnectionMoveInput& input);

/// The actions `role` may take now, in a stable order (approve only when MayApproveConnection).
std::vector<ConnectionAction> AllowedConnectionActions(const ConnectionApplication& application,
                                                       ConnectionState state, bool visited,
                                                       Role role);

/// The decision's deadline in a work order's shape: from receipt, met at the decision.
DeadlineStatus DecisionDeadline(const ConnectionApplication& application, const DeadlineAnswer& due,
                                std::optional<Instant> decided_at);

}  // namespace hearth::rules

#include "rules/connection.hpp"

#include <array>
#include <utility>

#include "rules/season.hpp"
#include "rules/wire_names.hpp"

namespace hearth::rules {
namespace {

constexpr NameTable<ConnectionDocument, 4> kDocuments = {{
    {ConnectionDocument::kApplicationForm, "application-form"},
    {ConnectionDocument::kDrawings, "drawings"},
    {ConnectionDocument::kRetrofitRecord, "retrofit-record"},
    {ConnectionDocument::kOwnersDecision, "owners-decision"},
}};

constexpr NameTable<ConnectionState, 3> kStates = {{
    {ConnectionState::kReceived, "received"},
    {ConnectionState::kApproved, "approved"},
    {ConnectionState::kRefused, "refused"},
}};
constexpr NameTable<ConnectionAction, 5> kActions = {{
    {ConnectionAction::kApply, "apply"},
    {ConnectionAction::kSupplyDocuments, "supply-documents"},
    {ConnectionAction::kApprove, "approve"},
    {ConnectionAction::kRefuse, "refuse"},
    {ConnectionAction::kVisit, "visit"},
}};

bool Hall(Role r) { return r == Role::kAdmin || r == Role::kManager || r == Role::kAgent; }
bool Deciders(Role r) { return r == Role::kAdmin || r == Role::kManager; }

bool RoleMay(ConnectionAction a, Role r) {
  return a == ConnectionAction::kApprove || a == ConnectionAction::kRefuse ? Deciders(r) : Hall(r);
}

bool StateAllows(ConnectionAction a, ConnectionState s, bool visited) {
  switch (a) {
    case ConnectionAction::kApply:
      return false;
    case ConnectionAction::kSupplyDocuments:
    case ConnectionAction::kApprove:
    case ConnectionAction::kRefuse:
      return s == ConnectionState::kReceived;
    case ConnectionAction::kVisit:
      return s != ConnectionState::kReceived && !visited;
  }
  return false;
}

/// What a building of its kind has on file in the end (the form aside).
std::vector<ConnectionDocument> Expected(bool new_building) {
  if (new_building) return {ConnectionDocument::kDrawings};
  return {ConnectionDocument::kRetrofitRecord, ConnectionDocument::kOwnersDecision};
}

bool Blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

int YearOf(Date d) { return static_cast<int>(std::chrono::year_month_day{d}.year()); }

/// What each move takes, and refuses.
Status CheckInput(const ConnectionApplication& app, ConnectionAction a,
                  const ConnectionMoveInput& in) {
  if (a != ConnectionAction::kSupplyDocuments && !in.documents.empty()) {
    return Error::InvalidArgument("only supply-documents takes documents", "documents");
  }
  if (a != ConnectionAction::kRefuse && !(in.reason.empty() && in.suggestion.empty())) {
    return Error::InvalidArgument("only refuse takes a reason and a suggestion",
                                  in.reason.empty() ? "suggestion" : "reason");
  }
  if (a != ConnectionAction::kVisit && in.satisfied) {
    return Error::InvalidArgument("only visit takes satisfied", "satisfied");
  }
  switch (a) {
    case ConnectionAction::kSupplyDocuments: {
      bool adds = false;
      for (ConnectionDocument d : in.documents) adds |= !app.documents.count(d);
      if (!adds) {
        return Error::InvalidArgument("supply-documents needs a document not yet on file: one of " +
                                          ConnectionDocumentNames(),
                                      "documents");
      }
      return OkStatus();
    }
    case ConnectionAction::kApprove:
      return MayApproveConnection(app);
    case ConnectionAction::kRefuse:
      return CheckConnectionRefusal(in.reason, in.suggestion);
    case ConnectionAction::kVisit:
      if (Blank(in.note)) {
        return Error::InvalidArgument("a return visit files what the applicant said (W 10.1.7)",
                                      "note");
      }
      if (!in.satisfied) {
        return Error::InvalidArgument("a return visit files whether the applicant is satisfied",
                                      "satisfied");
      }
      return OkStatus();
    case ConnectionAction::kApply:
      break;
  }
  return OkStatus();
}

}  // namespace

std::string_view ConnectionStateName(ConnectionState s) { return NameIn(kStates, s); }
std::optional<ConnectionState> ParseConnectionState(std::string_view n) {
  return ParseIn(kStates, n);
}
std::string_view ConnectionActionName(ConnectionAction a) { return NameIn(kActions, a); }
std::optional<ConnectionAction> ParseConnectionAction(std::string_view n) {
  return ParseIn(kActions, n);
}
const std::string& ConnectionDocumentNames() {
  static const std::string names = [] {
    std::string out;
    for (const auto& [d, name] : kDocuments) out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
  }();
  return names;
}

bool MayApplyConnection(Role role) { return Hall(role); }

Result<ConnectionState> ApplyConnection(const ConnectionApplication& app, ConnectionState state,
                                        bool visited, ConnectionAction action, Role role,
                                        const ConnectionMoveInput& in) {
  if (action == ConnectionAction::kApply) {
    return Error::InvalidArgument("an application is taken in once", "type");
  }
  if (!RoleMay(action, role)) {
    return Error::PermissionDenied(
        RoleMay(action, Role::kAgent)
            ? "applications are handled by the company's service hall"
            : "only the company's admin or a manager approves or refuses an application");
  }
  if (!StateAllows(action, state, visited)) {
    return Error::FailedPrecondition("an application that is " +
                                     std::string(ConnectionStateName(state)) +
                                     (visited ? " and visited" : "") + " cannot take " +
                                     std::string(ConnectionActionName(action)));
  }
  if (auto s = CheckInput(app, action, in); !s.ok()) return s.error();
  switch (action) {
    case ConnectionAction::kApprove:
      return ConnectionState::kApproved;
    case ConnectionAction::kRefuse:
      return ConnectionState::kRefused;
    default:
      return state;
  }
}

std::vector<ConnectionAction> AllowedConnectionActions(const ConnectionApplication& app,
                                                       ConnectionState state, bool visited,
                                                       Role role) {
  std::vector<ConnectionAction> out;
  for (const auto& [a, name] : kActions) {
    if (a == ConnectionAction::kApply || !RoleMay(a, role) || !StateAllows(a, state, visited)) {
      continue;
    }
    if (a == ConnectionAction::kApprove && !MayApproveConnection(app).ok()) continue;
    out.push_back(a);
  }
  return out;
}

DeadlineStatus DecisionDeadline(const ConnectionApplication& app, const DeadlineAnswer& due,
                                std::optional<Instant> decided_at) {
  DeadlineStatus d;
  d.from = app.received_at;
  d.due = due.deadline;
  d.basis = due.basis;
  d.calendar_incomplete = due.calendar_incomplete;
  d.met_at = decided_at;
  return d;
}

std::string_view ConnectionDocumentName(ConnectionDocument d) { return NameIn(kDocuments, d); }
std::optional<ConnectionDocument> ParseConnectionDocument(std::string_view name) {
  return ParseIn(kDocuments, name);
}

Result<ConnectionAssessment> AssessConnection(const Policy& policy, const HolidayCalendar& calendar,
                                              const ConnectionApplication& app) {
  if (!app.documents.count(ConnectionDocument::kApplicationForm)) {
    return Error::InvalidArgument(
        "documents must include the application-form: one form is enough to apply (W 9.1.4)",
        "documents");
  }
  ConnectionAssessment out;
  auto due = ComputeDeadline(
      policy, calendar,
      {DeadlineRule::kConnectionApplication, std::nullopt, app.received_at, false, std::nullopt});
  if (!due.ok()) return due.error();
  out.application_due = *due;
  auto decision = ComputeDeadline(policy, calendar,
                                  {DeadlineRule::kConnectionDecision, std::nullopt, app.received_at,
                                   app.outside_works, std::nullopt});
  if (!decision.ok()) return decision.error();
  out.decision = *decision;
  const Date received = LocalDate(app.received_at);
  if (app.new_building) {
    out.season = YearOf(LocalDate(out.application_due.deadline));
    out.next_season = out.season > YearOf(received);
  } else {
    const int y = YearOf(received);
    out.season = SeasonOf(policy.season, y - 1).official_end >= received ? y - 1 : y;
  }
  for (ConnectionDocument d : Expected(app.new_building)) {
    if (!app.documents.count(d)) out.missing.push_back(d);
  }
  return out;
}

Status MayApproveConnection(const ConnectionApplication& app) {
  if (app.new_building) return OkStatus();
  std::string lacking;
  for (ConnectionDocument d : Expected(false)) {
    if (app.documents.count(d)) continue;
    lacking += (lacking.empty() ? "" : " and ") + std::string(ConnectionDocumentName(d));
  }
  if (lacking.empty()) return OkStatus();
  return Error::FailedPrecondition(
      "an existing building is connected only after its energy-saving retrofit and its owners' "
      "joint decision are on file (Z 2.3 (三)): " +
          lacking + " missing",
      "documents");
}

Status CheckConnectionRefusal(std::string_view reason, std::string_view suggestion) {
  if (Blank(reason)) {
    return Error::InvalidArgument("a refusal gives its reason (R-CONN-1)", "reason");
  }
  if (Blank(suggestion)) {
    return Error::InvalidArgument("a refusal gives a suggestion: what the applicant can do",
                                  "suggestion");
  }
  return OkStatus();
}

}  // namespace hearth::rules

#include "rules/heating_change.hpp"

#include "core/decimal.hpp"
#include "rules/billing.hpp"
#include "rules/wire_names.hpp"

namespace hearth::rules {
namespace {

using Kind = HeatingChangeKind;
using Doc = HeatingChangeDocument;
using State = HeatingChangeState;
using Action = HeatingChangeAction;

constexpr NameTable<Kind, 4> kKinds = {{
    {Kind::kIncrease, "increase"},
    {Kind::kDecrease, "decrease"},
    {Kind::kStop, "stop"},
    {Kind::kResume, "resume"},
}};
constexpr NameTable<Doc, 4> kDocuments = {{
    {Doc::kApplicationForm, "application-form"},
    {Doc::kIdentity, "identity"},
    {Doc::kPropertyProof, "property-proof"},
    {Doc::kAreaSurvey, "area-survey"},
}};
constexpr NameTable<State, 3> kStates = {{
    {State::kReceived, "received"},
    {State::kApproved, "approved"},
    {State::kRefused, "refused"},
}};
constexpr NameTable<Action, 4> kActions = {{
    {Action::kApply, "apply"},
    {Action::kSupplyDocuments, "supply-documents"},
    {Action::kApprove, "approve"},
    {Action::kRefuse, "refuse"},
}};

bool Hall(Role r) { return r == Role::kAdmin || r == Role::kManager || r == Role::kAgent; }
bool Decides(Role r) { return r == Role::kAdmin || r == Role::kManager; }
bool ChangesArea(Kind k) { return k == Kind::kIncrease || k == Kind::kDecrease; }

bool RoleMay(Action a, Role r) {
  return a == Action::kApprove || a == Action::kRefuse ? Decides(r) : Hall(r);
}

bool Blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

Status CheckMove(const HeatingChange& change, Action a, const HeatingChangeMoveInput& in) {
  if (a != Action::kSupplyDocuments && !in.documents.empty()) {
    return Error::InvalidArgument("only supply-documents takes documents", "documents");
  }
  if (a != Action::kRefuse && !in.reason.empty()) {
    return Error::InvalidArgument("only refuse takes a reason", "reason");
  }
  switch (a) {
    case Action::kSupplyDocuments: {
      bool adds = false;
      for (Doc d : in.documents) adds |= !change.documents.count(d);
      if (!adds) {
        return Error::InvalidArgument("supply-documents needs a document not yet on file: one of " +
                                          HeatingChangeDocumentNames(),
                                      "documents");
      }
      return OkStatus();
    }
    case Action::kApprove: {
      const auto missing = MissingHeatingChangeDocuments(change);
      if (missing.empty()) return OkStatus();
      std::string names;
      for (Doc d : missing) {
        names += (names.empty() ? "" : ", ") + std::string(HeatingChangeDocumentName(d));
      }
      return Error::FailedPrecondition(
          "the documents are checked before approval (W 9.1.8): " + names + " missing",
          "documents");
    }
    case Action::kRefuse:
      if (Blank(in.reason)) {
        return Error::InvalidArgument("a refusal gives its reason", "reason");
      }
      return OkStatus();
    case Action::kApply:
      break;
  }
  return OkStatus();
}

}  // namespace

std::string_view HeatingChangeKindName(Kind k) { return NameIn(kKinds, k); }
std::optional<Kind> ParseHeatingChangeKind(std::string_view n) { return ParseIn(kKinds, n); }
std::string_view HeatingChangeDocumentName(Doc d) { return NameIn(kDocuments, d); }
std::optional<Doc> ParseHeatingChangeDocument(std::string_view n) { return ParseIn(kDocuments, n); }
std::string_view HeatingChangeStateName(State s) { return NameIn(kStates, s); }
std::optional<State> ParseHeatingChangeState(std::string_view n) { return ParseIn(kStates, n); }
std::string_view HeatingChangeActionName(Action a) { return NameIn(kActions, a); }
std::optional<Action> ParseHeatingChangeAction(std::string_view n) { return ParseIn(kActions, n); }
std::string HeatingChangeKindNames() { return JoinNames(kKinds); }
std::string HeatingChangeDocumentNames() { return JoinNames(kDocuments); }

Status CheckHeatingChange(const HeatingChange& c) {
  if (!c.documents.count(Doc::kApplicationForm)) {
    return Error::InvalidArgument(
        "documents must include the application-form: the household applies in writing",
        "documents");
  }
  if (c.effective < c.received) {
    return Error::InvalidArgument(
        "effective is before the day the application was received: a change takes effect from "
        "its application on",
        "effective");
  }
  if (c.area_after <= 0 || c.area_after > kMaxChangeAreaCenti) {
    return Error::InvalidArgument("area must be above 0 and at most 1000000 m²", "area");
  }
  switch (c.kind) {
    case Kind::kIncrease:
      if (c.area_after <= c.area_before) {
        return Error::InvalidArgument(
            "an increase names a heated area above today's " + FormatFen(c.area_before) + " m²",
            "area");
      }
      break;
    case Kind::kDecrease:
      if (c.area_after >= c.area_before) {
        return Error::InvalidArgument(
            "a decrease names a heated area below today's " + FormatFen(c.area_before) + " m²",
            "area");
      }
      break;
    case Kind::kStop:
    case Kind::kResume:
      if (c.area_after != c.area_before) {
        return Error::InvalidArgument(
            "a stop or resumption keeps the heated area: area is not "
            "taken",
            "area");
      }
      if (c.heated != (c.kind == Kind::kStop)) {
        return Error::FailedPrecondition(c.heated
                                             ? "the household is heated: it can stop, not resume"
                                             : "the household's heating is stopped: it can "
                                               "resume, not stop",
                                         "kind");
      }
      break;
  }
  return OkStatus();
}

std::vector<Doc> MissingHeatingChangeDocuments(const HeatingChange& c) {
  std::vector<Doc> out;
  for (const auto& [d, name] : kDocuments) {
    if (d == Doc::kAreaSurvey && !ChangesArea(c.kind)) continue;
    if (!c.documents.count(d)) out.push_back(d);
  }
  return out;
}

bool MayApplyHeatingChange(Role role, Kind kind) {
  return Hall(role) || (role == Role::kHousehold && (kind == Kind::kStop || kind == Kind::kResume));
}

Result<State> ApplyHeatingChange(const HeatingChange& change, State state, Action action, Role role,
                                 const HeatingChangeMoveInput& in) {
  if (action == Action::kApply) {
    return Error::InvalidArgument("an application is taken in once", "type");
  }
  if (!RoleMay(action, role)) {
    return Error::PermissionDenied(
        RoleMay(action, Role::kAgent)
            ? "documents are filed by the company's service hall"
            : "only the company's admin or a manager approves or refuses an application");
  }
  if (state != State::kReceived) {
    return Error::FailedPrecondition("an application that is " +
                                     std::string(HeatingChangeStateName(state)) + " cannot take " +
                                     std::string(HeatingChangeActionName(action)));
  }
  if (auto s = CheckMove(change, action, in); !s.ok()) return s.error();
  switch (action) {
    case Action::kApprove:
      return State::kApproved;
    case Action::kRefuse:
      return State::kRefused;
    default:
      return state;
  }
}

std::vector<Action> AllowedHeatingChangeActions(const HeatingChange& change, State state,
                                                Role role) {
  std::vector<Action> out;
  if (state != State::kReceived) return out;
  for (const auto& [a, name] : kActions) {
    if (a == Action::kApply || !RoleMay(a, role)) continue;
    if (a == Action::kApprove && !MissingHeatingChangeDocuments(change).empty()) continue;
    out.push_back(a);
  }
  return out;
}

Result<HeatingChangeSettlement> SettleHeatingChange(const HeatingChange& c,
                                                    const SeasonDates& season, int64_t price_fen) {
  if (price_fen < 0 || price_fen > kMaxBillPriceFen) {
    return Error::InvalidArgument("a price must be from 0 to 1000000.00 yuan", "price");
  }
  HeatingChangeSettlement s;
  s.season = season.start_year;
  s.season_days = season.OfficialDays();
  s.price_fen = price_fen;
  if (c.effective <= season.official_start) {
    s.days = s.season_days;
  } else if (c.effective <= season.official_end) {
    s.days = static_cast<int>((season.official_end - c.effective).count()) + 1;
  }
  const bool credit = c.kind == Kind::kDecrease || c.kind == Kind::kStop;
  s.area = ChangesArea(c.kind)
               ? (credit ? c.area_before - c.area_after : c.area_after - c.area_before)
               : c.area_before;
  const Int128 fen = RoundDiv(Int128{s.area} * price_fen * s.days, Int128{100} * s.season_days);
  s.amount_fen = static_cast<int64_t>(credit ? -fen : fen);
  return s;
}

}  // namespace hearth::rules

#include "rules/finding.hpp"

#include <array>
#include <string>
#include <utility>

#include "rules/wire_names.hpp"

namespace hearth::rules {
namespace {

constexpr NameTable<FindingKind, 7> kKinds = {{
    {FindingKind::kDrainValve, "drain-valve"},
    {FindingKind::kVentValve, "vent-valve"},
    {FindingKind::kHeatExchanger, "heat-exchanger"},
    {FindingKind::kAlteredPipes, "altered-pipes"},
    {FindingKind::kPipePump, "pipe-pump"},
    {FindingKind::kAddedRadiators, "added-radiators"},
    {FindingKind::kOwnInstallation, "own-installation"},
}};
constexpr NameTable<FindingState, 6> kStates = {{
    {FindingState::kOpen, "open"},
    {FindingState::kAcknowledged, "acknowledged"},
    {FindingState::kDisputed, "disputed"},
    {FindingState::kUpheld, "upheld"},
    {FindingState::kRejected, "rejected"},
    {FindingState::kWithdrawn, "withdrawn"},
}};
constexpr NameTable<FindingAction, 6> kActions = {{
    {FindingAction::kRecord, "record"},
    {FindingAction::kAcknowledge, "acknowledge"},
    {FindingAction::kDispute, "dispute"},
    {FindingAction::kUphold, "uphold"},
    {FindingAction::kReject, "reject"},
    {FindingAction::kWithdraw, "withdraw"},
}};

/// One move of the state machine: who takes it, from which states, to which state.
struct Move {
  FindingAction action;
  Role role;
  std::array<FindingState, 4> from;
  size_t from_count;
  FindingState to;
  bool note_required;
};

// Admin and manager share the withdrawal; the household and the regulator act alone.
constexpr std::array<Move, 6> kMoves = {{
    {FindingAction::kAcknowledge,
     Role::kHousehold,
     {FindingState::kOpen},
     1,
     FindingState::kAcknowledged,
     false},
    {FindingAction::kDispute,
     Role::kHousehold,
     {FindingState::kOpen},
     1,
     FindingState::kDisputed,
     true},
    {FindingAction::kUphold,
     Role::kRegulator,
     {FindingState::kDisputed},
     1,
     FindingState::kUpheld,
     true},
    {FindingAction::kReject,
     Role::kRegulator,
     {FindingState::kDisputed},
     1,
     FindingState::kRejected,
     true},
    {FindingAction::kWithdraw,
     Role::kAdmin,
     {FindingState::kOpen, FindingState::kAcknowledged, FindingState::kDisputed,
      FindingState::kUpheld},
     4,
     FindingState::kWithdrawn,
     true},
    {FindingAction::kWithdraw,
     Role::kManager,
     {FindingState::kOpen, FindingState::kAcknowledged, FindingState::kDisputed,
      FindingState::kUpheld},
     4,
     FindingState::kWithdrawn,
     true},
}};

bool From(const Move& m, FindingState s) {
  for (size_t i = 0; i < m.from_count; ++i)
    if (m.from[i] == s) return true;
  return false;
}

const char* WhoMay(FindingAction a) {
  switch (a) {
    case FindingAction::kAcknowledge:
    case FindingAction::kDispute:
      return "only the household acknowledges or disputes a finding";
    case FindingAction::kUphold:
    case FindingAction::kReject:
      return "only the regulator decides a disputed finding";
    case FindingAction::kWithdraw:
      return "a finding is withdrawn by the company's admin or manager";
    case FindingAction::kRecord:
      break;
  }
  return "a finding is recorded by the company's staff";
}

std::string Past(FindingAction a) {
  switch (a) {
    case FindingAction::kRecord:
      return "recorded";
    case FindingAction::kAcknowledge:
      return "acknowledged";
    case FindingAction::kDispute:
      return "disputed";
    case FindingAction::kUphold:
      return "upheld";
    case FindingAction::kReject:
      return "rejected";
    case FindingAction::kWithdraw:
      return "withdrawn";
  }
  return "changed";
}

}  // namespace

std::string_view FindingKindName(FindingKind k) { return NameIn(kKinds, k); }
std::optional<FindingKind> ParseFindingKind(std::string_view n) { return ParseIn(kKinds, n); }
std::string_view FindingStateName(FindingState s) { return NameIn(kStates, s); }
std::optional<FindingState> ParseFindingState(std::string_view n) { return ParseIn(kStates, n); }
std::string_view FindingActionName(FindingAction a) { return NameIn(kActions, a); }
std::optional<FindingAction> ParseFindingAction(std::string_view n) { return ParseIn(kActions, n); }

std::string_view FindingKindNames() {
  return "drain-valve, vent-valve, heat-exchanger, altered-pipes, pipe-pump, added-radiators, "
         "own-installation";
}

bool Effective(FindingState s) {
  return s == FindingState::kOpen || s == FindingState::kAcknowledged || s == FindingState::kUpheld;
}

Result<FindingState> Apply(FindingState state, FindingAction action, Role role,
                           std::string_view note) {
  bool role_may = false;
  for (const Move& m : kMoves) {
    if (m.action != action || m.role != role) continue;
    role_may = true;
    if (!From(m, state)) continue;
    if (m.note_required && note.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      return Error::InvalidArgument(std::string("a note is required to ") +
                                        std::string(FindingActionName(action)) +
                                        " a finding: say why",
                                    "note");
    }
    return m.to;
  }
  if (!role_may) return Error::PermissionDenied(WhoMay(action));
  return Error::FailedPrecondition("a finding that is " + std::string(FindingStateName(state)) +
                                   " cannot be " + Past(action));
}

std::vector<FindingAction> AllowedActions(FindingState state, Role role) {
  std::vector<FindingAction> out;
  for (const Move& m : kMoves) {
    if (m.role == role && From(m, state)) out.push_back(m.action);
  }
  return out;
}

Status CheckFindingPeriod(Instant found_at, Date valid_from, Date valid_to, Instant now) {
  if (found_at > now) {
    return Error::InvalidArgument(
        "found_at is in the future: a finding is recorded after it was "
        "made",
        "found_at");
  }
  const Date found_on = LocalDate(found_at);
  if (valid_from < found_on) {
    return Error::InvalidArgument(
        "valid_from is before the finding was made (" + FormatDate(found_on) +
            "): a finding covers days from the day it was made on (R-REFUND-4)",
        "valid_from");
  }
  if (valid_to < valid_from) {
    return Error::InvalidArgument("valid_to is before valid_from", "valid_to");
  }
  if ((valid_to - valid_from).count() >= kMaxFindingDays) {
    return Error::InvalidArgument(
        "a finding covers at most " + std::to_string(kMaxFindingDays) + " days", "valid_to");
  }
  return OkStatus();
}

std::map<Date, int64_t> CoveredDays(std::span<const FindingCover> findings, Date from, Date to) {
  std::map<Date, int64_t> out;
  for (const FindingCover& f : findings) {
    if (!Effective(f.state)) continue;
    for (Date d = std::max(from, f.valid_from); d <= std::min(to, f.valid_to);
         d += std::chrono::days{1}) {
      auto [it, inserted] = out.try_emplace(d, f.id);
      if (!inserted && f.id < it->second) it->second = f.id;
    }
  }
  return out;
}

}  // namespace hearth::rules

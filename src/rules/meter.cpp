#include "rules/meter.hpp"

#include <array>
#include <utility>

#include "rules/wire_names.hpp"

namespace hearth::rules {
namespace {

constexpr NameTable<Party, 2> kParties = {
    {{Party::kCompany, "company"}, {Party::kHousehold, "household"}}};
constexpr NameTable<CalibrationResult, 2> kResults = {
    {{CalibrationResult::kPassed, "passed"}, {CalibrationResult::kFailed, "failed"}}};
struct FaultRow {
  MeterFault fault;
  std::string_view name;
  std::string_view reason;
};
constexpr std::array<FaultRow, 5> kFaults = {{
    {MeterFault::kNone, "none", ""},
    {MeterFault::kDataMissing, "data-missing",
     "热量表无数据记录，本期改按面积收费（W 10.3 (10.3 c)）"},
    {MeterFault::kDataDistorted, "data-distorted",
     "热量表数据失真，本期改按面积收费（W 10.3 (10.3 c)）"},
    {MeterFault::kDamaged, "damaged", "热量表被人为破坏，本期改按面积收费（W 10.3 (10.3 c)）"},
    {MeterFault::kUnfiledReplacement, "unfiled-replacement",
     "私自更换热量表未备案，本期改按面积收费（W 10.3 (10.3 c)）"},
}};

constexpr NameTable<DisputeState, 3> kStates = {{{DisputeState::kOpen, "open"},
                                                 {DisputeState::kCalibrated, "calibrated"},
                                                 {DisputeState::kWithdrawn, "withdrawn"}}};
constexpr NameTable<DisputeAction, 3> kActions = {{{DisputeAction::kRaise, "raise"},
                                                   {DisputeAction::kCalibrate, "calibrate"},
                                                   {DisputeAction::kWithdraw, "withdraw"}}};

bool Staff(Role r) {
  return r == Role::kAdmin || r == Role::kManager || r == Role::kAgent || r == Role::kTechnician;
}

bool RoleMay(DisputeAction a, Party raised_by, Role r) {
  switch (a) {
    case DisputeAction::kRaise:
      return MayRaiseDispute(r, raised_by);
    case DisputeAction::kCalibrate:
      return r == Role::kAdmin || r == Role::kManager || r == Role::kTechnician;
    case DisputeAction::kWithdraw:
      return raised_by == Party::kHousehold ? r == Role::kHousehold
                                            : r == Role::kAdmin || r == Role::kManager;
  }
  return false;
}

}  // namespace

std::string_view DisputeStateName(DisputeState s) { return NameIn(kStates, s); }
std::optional<DisputeState> ParseDisputeState(std::string_view n) { return ParseIn(kStates, n); }
std::string_view DisputeActionName(DisputeAction a) { return NameIn(kActions, a); }
std::optional<DisputeAction> ParseDisputeAction(std::string_view n) { return ParseIn(kActions, n); }

bool MayRaiseDispute(Role role, Party raised_by) {
  return role == Role::kHousehold ? raised_by == Party::kHousehold : Staff(role);
}

Result<DisputeState> ApplyDispute(DisputeState state, Party raised_by, DisputeAction action,
                                  Role role, const CalibrationInput& in) {
  if (action == DisputeAction::kRaise) {
    return Error::InvalidArgument("a dispute is raised once", "type");
  }
  if (!RoleMay(action, raised_by, role)) {
    return Error::PermissionDenied(
        action == DisputeAction::kCalibrate
            ? "a calibration is recorded by the company's admin, a manager or a technician"
            : "a dispute is withdrawn by the side that raised it");
  }
  if (state != DisputeState::kOpen) {
    return Error::FailedPrecondition("a dispute that is " + std::string(DisputeStateName(state)) +
                                     " cannot take " + std::string(DisputeActionName(action)));
  }
  if (action == DisputeAction::kWithdraw) {
    if (in.result || !in.reference.empty()) {
      return Error::InvalidArgument("only calibrate takes a result and a reference",
                                    in.result ? "result" : "reference");
    }
    return DisputeState::kWithdrawn;
  }
  if (!in.result) {
    return Error::InvalidArgument("calibrate needs the result: passed or failed", "result");
  }
  if (in.reference.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Error::InvalidArgument(
        "calibrate needs the metrology body's report number (W 10.3: a qualified body)",
        "reference");
  }
  return DisputeState::kCalibrated;
}

std::vector<DisputeAction> AllowedDisputeActions(DisputeState state, Party raised_by, Role role) {
  std::vector<DisputeAction> out;
  if (state != DisputeState::kOpen) return out;
  for (DisputeAction a : {DisputeAction::kCalibrate, DisputeAction::kWithdraw}) {
    if (RoleMay(a, raised_by, role)) out.push_back(a);
  }
  return out;
}

MeterFault FaultOf(CalibrationResult result) {
  return result == CalibrationResult::kFailed ? MeterFault::kDataDistorted : MeterFault::kNone;
}

std::string_view PartyName(Party p) { return NameIn(kParties, p); }
std::optional<Party> ParseParty(std::string_view n) { return ParseIn(kParties, n); }
std::string_view CalibrationResultName(CalibrationResult r) { return NameIn(kResults, r); }
std::optional<CalibrationResult> ParseCalibrationResult(std::string_view n) {
  return ParseIn(kResults, n);
}
std::string_view MeterFaultName(MeterFault f) {
  for (const auto& row : kFaults)
    if (row.fault == f) return row.name;
  return "?";
}
std::optional<MeterFault> ParseMeterFault(std::string_view name) {
  for (const auto& row : kFaults)
    if (row.name == name) return row.fault;
  return std::nullopt;
}

CalibrationCost CalibrationPayer(Party raised_by, CalibrationResult result) {
  if (raised_by == Party::kCompany) return {Party::kCompany, "W 10.3 (10.3 a)"};
  return {result == CalibrationResult::kPassed ? Party::kHousehold : Party::kCompany,
          "W 10.3 (10.3 b)"};
}

MeterBasis BasisFor(MeterFault fault) {
  for (const auto& row : kFaults) {
    if (row.fault == fault) return {fault != MeterFault::kNone, row.reason};
  }
  return {};
}

}  // namespace hearth::rules

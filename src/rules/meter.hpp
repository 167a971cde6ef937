// Heat meters (R-METER-1, W 10.3): who pays a disputed meter's calibration, and when a
// meter-billed household is billed by area instead.
//
// The seed numbers the items of W 10.3 as 10.1–10.3 again; these are its item 10.3:
// W 10.3 (10.3 a): the company raised the dispute → the company pays, whatever the result.
// W 10.3 (10.3 b): the household raised it → the household pays when the meter passes, the
//                  company when it fails.
// W 10.3 (10.3 c): data distorted or not recorded (失真或无数据记录), a damaged meter, or a
//                  replacement not filed → may be billed by area (the platform always does).
//
// Disputes (the platform's decisions; the text names no procedure): a dispute is raised by the
// household over its own meter, or by the company's staff on either party's behalf (who raised it
// decides the payer); it is open until calibrated by a qualified metrology body, with the
// report's reference and result, or withdrawn by its side (the household its own; the admin or a
// manager the company's). Calibration is recorded by the admin, a manager or a technician. A
// failed calibration means the meter's data are distorted (失真): its household is billed by area
// for the period (W 10.3 (10.3 c)).
//
// Pure; thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "rules/access.hpp"

namespace hearth::rules {

enum class Party { kCompany, kHousehold };
enum class CalibrationResult { kPassed, kFailed };
enum class MeterFault { kNone, kDataMissing, kDataDistorted, kDamaged, kUnfiledReplacement };

/// Wire names: "company", "household"; "passed", "failed"; "none", "data-missing",
/// "data-distorted", "damaged", "unfiled-replacement". Parsers return nullopt otherwise.
std::string_view PartyName(Party p);
std::optional<Party> ParseParty(std::string_view name);
std::string_view CalibrationResultName(CalibrationResult r);
std::optional<CalibrationResult> ParseCalibrationResult(std::string_view name);
std::string_view MeterFaultName(MeterFault f);
std::optional<MeterFault> ParseMeterFault(std::string_view name);

struct CalibrationCost {
  Party payer = Party::kCompany;
  std::string_view clause;  ///< "W 10.3 (10.3 a)" or "W 10.3 (10.3 b)"
};

/// Who pays the calibration of a meter disputed by `raised_by` with `result`.
CalibrationCost CalibrationPayer(Party raised_by, CalibrationResult result);

/// A meter-billed household's basis for a period with `fault`: by area (and why, in Chinese, for
/// the bill) for any fault, by meter otherwise.
struct MeterBasis {
  bool by_area = false;
  std::string_view reason;  ///< "" by meter; "热量表无数据记录，改按面积收费（W 10.3 (10.3 c)）", …
};
MeterBasis BasisFor(MeterFault fault);

enum class DisputeState { kOpen, kCalibrated, kWithdrawn };
enum class DisputeAction { kRaise, kCalibrate, kWithdraw };

/// Wire names: "open", "calibrated", "withdrawn"; "raise", "calibrate", "withdraw".
std::string_view DisputeStateName(DisputeState s);
std::optional<DisputeState> ParseDisputeState(std::string_view name);
std::string_view DisputeActionName(DisputeAction a);
std::optional<DisputeAction> ParseDisputeAction(std::string_view name);

/// Whether `role` may raise a dispute for `raised_by`: a household only its own (kHousehold);
/// the company's staff (admin, manager, agent, technician) for either party.
bool MayRaiseDispute(Role role, Party raised_by);

/// What a calibration brings: required for kCalibrate, refused otherwise.
struct CalibrationInput {
  std::optional<CalibrationResult> result;
  std::string_view reference;  ///< the metrology body's report number
};

/// The state after `role` takes `action` (not kRaise) on a dispute raised by `raised_by` in
/// `state`. Errors: permission_denied (the role; a household withdrawing the company's
/// dispute); failed_precondition (not open); invalid_argument naming "result" or "reference".
Result<DisputeState> ApplyDispute(DisputeState state, Party raised_by, DisputeAction action,
                                  Role role, const CalibrationInput& input);

/// The actions `role` may take now, in a stable order.
std::vector<DisputeAction> AllowedDisputeActions(DisputeState state, Party raised_by, Role role);

/// The fault a calibration shows: data distorted when it failed, none when it passed.
MeterFault FaultOf(CalibrationResult result);

}  // namespace hearth::rules

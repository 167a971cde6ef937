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
// Pure; thread-safe.
#pragma once

#include <optional>
#include <string_view>

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

}  // namespace hearth::rules

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

}  // namespace

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

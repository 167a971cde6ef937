#include "rules/meter.hpp"

#include <array>
#include <utility>

namespace hearth::rules {
namespace {

constexpr std::array<std::pair<Party, std::string_view>, 2> kParties = {{
    {Party::kCompany, "company"}, {Party::kHousehold, "household"}}};
constexpr std::array<std::pair<CalibrationResult, std::string_view>, 2> kResults = {{
    {CalibrationResult::kPassed, "passed"}, {CalibrationResult::kFailed, "failed"}}};
struct FaultRow {
  MeterFault fault;
  std::string_view name;
  std::string_view reason;
};
constexpr std::array<FaultRow, 5> kFaults = {{
    {MeterFault::kNone, "none", ""},
    {MeterFault::kDataMissing, "data-missing", "热量表无数据记录，本期改按面积收费（W 10.3 c）"},
    {MeterFault::kDataFalsified, "data-falsified", "热量表数据失真，本期改按面积收费（W 10.3 c）"},
    {MeterFault::kDamaged, "damaged", "热量表被人为破坏，本期改按面积收费（W 10.3 c）"},
    {MeterFault::kUnfiledReplacement, "unfiled-replacement",
     "私自更换热量表未备案，本期改按面积收费（W 10.3 c）"},
}};

template <typename E, size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return "?";
}
template <typename E, size_t N>
std::optional<E> Parse(const std::array<std::pair<E, std::string_view>, N>& table,
                       std::string_view text) {
  for (const auto& [v, name] : table)
    if (name == text) return v;
  return std::nullopt;
}

}  // namespace

std::string_view PartyName(Party p) { return NameOf(kParties, p); }
std::optional<Party> ParseParty(std::string_view n) { return Parse(kParties, n); }
std::string_view CalibrationResultName(CalibrationResult r) { return NameOf(kResults, r); }
std::optional<CalibrationResult> ParseCalibrationResult(std::string_view n) {
  return Parse(kResults, n);
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
  if (raised_by == Party::kCompany) return {Party::kCompany, "W 10.3 a"};
  return {result == CalibrationResult::kPassed ? Party::kHousehold : Party::kCompany, "W 10.3 b"};
}

MeterBasis BasisFor(MeterFault fault) {
  for (const auto& row : kFaults) {
    if (row.fault == fault) return {fault != MeterFault::kNone, row.reason};
  }
  return {};
}

}  // namespace hearth::rules

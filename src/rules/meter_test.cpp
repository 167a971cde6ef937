// Heat meters (R-METER-1, W 10.3): the calibration's payer in all four cases, and the switch to
// billing by area for every kind of meter fault.
#include "rules/meter.hpp"

#include <gtest/gtest.h>

namespace hearth::rules {
namespace {

TEST(Meter, CalibrationPayerInAllFourCases) {
  const struct {
    Party raised_by;
    CalibrationResult result;
    Party payer;
    const char* clause;
  } table[] = {
      {Party::kCompany, CalibrationResult::kPassed, Party::kCompany, "W 10.3 (10.3 a)"},
      {Party::kCompany, CalibrationResult::kFailed, Party::kCompany, "W 10.3 (10.3 a)"},
      {Party::kHousehold, CalibrationResult::kPassed, Party::kHousehold, "W 10.3 (10.3 b)"},
      {Party::kHousehold, CalibrationResult::kFailed, Party::kCompany, "W 10.3 (10.3 b)"},
  };
  for (const auto& row : table) {
    const auto cost = CalibrationPayer(row.raised_by, row.result);
    const std::string what = std::string(PartyName(row.raised_by)) + " raised, " +
                             std::string(CalibrationResultName(row.result));
    EXPECT_EQ(cost.payer, row.payer) << what;
    EXPECT_EQ(cost.clause, row.clause) << what;
  }
}

TEST(Meter, AFaultyMeterIsBilledByArea) {
  const struct {
    const char* fault;
    bool by_area;
    const char* reason;
  } table[] = {
      {"none", false, ""},
      {"data-missing", true, "热量表无数据记录，本期改按面积收费（W 10.3 (10.3 c)）"},
      {"data-distorted", true, "热量表数据失真，本期改按面积收费（W 10.3 (10.3 c)）"},
      {"damaged", true, "热量表被人为破坏，本期改按面积收费（W 10.3 (10.3 c)）"},
      {"unfiled-replacement", true, "私自更换热量表未备案，本期改按面积收费（W 10.3 (10.3 c)）"},
  };
  for (const auto& row : table) {
    auto fault = ParseMeterFault(row.fault);
    ASSERT_TRUE(fault) << row.fault;
    EXPECT_EQ(MeterFaultName(*fault), row.fault);
    const MeterBasis basis = BasisFor(*fault);
    EXPECT_EQ(basis.by_area, row.by_area) << row.fault;
    EXPECT_EQ(basis.reason, row.reason) << row.fault;
  }
  EXPECT_EQ(ParseMeterFault("stolen"), std::nullopt);
  EXPECT_EQ(ParseParty("regulator"), std::nullopt);
  EXPECT_EQ(ParseCalibrationResult("pass"), std::nullopt);
}

}  // namespace
}  // namespace hearth::rules

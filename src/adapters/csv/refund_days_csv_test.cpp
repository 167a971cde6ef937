// The refund calculator's days file: R-REFUND-1..4 inputs, R-TEMP-3 rounding, R-SEASON-1 period.
#include "adapters/csv/refund_days_csv.hpp"

#include <gtest/gtest.h>

#include "adapters/policy/policy_loader.hpp"

namespace hearth::adapters::csv {
namespace {

const rules::Policy& Weihai() {
  static const rules::Policy p = *policy::LoadPolicyFile(HEARTH_SOURCE_DIR "/policies/weihai.toml");
  return p;
}

rules::SeasonDates Season2025() { return rules::SeasonOf(Weihai().season, 2025); }

const char* kHeader = "date,value,guarantee,outdoor_mean,unheated_hours,excluded\n";

TEST(RefundDaysCsv, CellsAndDefaults) {
  const std::string text = std::string(kHeader) +
                           "2025-12-01,17.5,,,,\r\n"
                           "2025-12-02,17.95,20,-5.45,11.5,1\n"
                           "\n"
                           "2025-12-03,,none,-5.44,24,0\n"
                           "2025-12-04,,16.0,,0.05,\n";
  auto days = ParseRefundDaysCsv(text, Weihai(), Season2025());
  ASSERT_TRUE(days.ok()) << days.error().message;
  ASSERT_EQ(days->size(), 4u);
  const auto& d = *days;
  EXPECT_EQ(FormatDate(d[0].date), "2025-12-01");
  EXPECT_EQ(d[0].value, 175);
  EXPECT_EQ(d[0].source, rules::EvidenceSource::kRemote);
  EXPECT_EQ(d[0].guarantee, 180);  // the profile's guarantee (R-TEMP-1)
  EXPECT_EQ(d[0].outdoor_mean, std::nullopt);
  EXPECT_EQ(d[0].outage, 0);
  EXPECT_FALSE(d[0].household_caused);
  EXPECT_EQ(d[1].value, 180);  // 17.95 is exactly 18.0 in tenths, never 17.9
  EXPECT_EQ(d[1].guarantee, 200);
  EXPECT_EQ(d[1].outdoor_mean, -55);  // half away from zero
  EXPECT_EQ(d[1].outage, 1150);
  EXPECT_TRUE(d[1].household_caused);
  EXPECT_EQ(d[2].value, std::nullopt);
  EXPECT_EQ(d[2].source, rules::EvidenceSource::kNone);
  EXPECT_EQ(d[2].guarantee, std::nullopt);  // "none": no guarantee (R-TEMP-2)
  EXPECT_EQ(d[2].outdoor_mean, -54);
  EXPECT_EQ(d[2].outage, 2400);
  EXPECT_EQ(d[3].guarantee, 160);
  EXPECT_EQ(d[3].outage, 5);
}

TEST(RefundDaysCsv, OptionalColumnsAnyOrderAndRowsOutsideThePeriod) {  // R-SEASON-1
  const std::string text =
      "excluded,value,date\n"
      "1,12.0,2025-11-14\n"  // commissioning: left out
      "0,12.0,2025-11-15\n"  // first official day
      ",12.0,2026-03-15\n"   // last official day
      ",12.0,2026-03-16\n"   // extension day: left out
      ",12.0,2024-12-01\n";  // another season
  auto days = ParseRefundDaysCsv(text, Weihai(), Season2025());
  ASSERT_TRUE(days.ok()) << days.error().message;
  ASSERT_EQ(days->size(), 2u);
  EXPECT_EQ(FormatDate((*days)[0].date), "2025-11-15");
  EXPECT_EQ(FormatDate((*days)[1].date), "2026-03-15");
  EXPECT_EQ((*days)[1].guarantee, 180);
  EXPECT_EQ((*days)[1].outage, 0);
}

TEST(RefundDaysCsv, FirstProblemByLineAndColumn) {
  struct Case {
    std::string text;
    const char* message;
  };
  const std::string h = kHeader;
  const Case cases[] = {
      {"", "line 1, column 1: the file is empty; expected the header date,value"},
      {"date,value,colour\n", "line 1, column 3 (colour): unknown column; expected date,value"},
      {"date,guarantee\n", "line 1, column 3 (value): missing column; expected date,value"},
      {h + "2025-12-01,17\n", "line 2, column 3: expected 6 fields, found 2"},
      {h + "2025-12-01,abc,,,,\n",
       "line 2, column 2 (value): 'abc' is not a decimal number (unexpected 'a')"},
      {h + "2025-12-01,17.5,,,,\n2025-02-30,,,,,\n",
       "line 3, column 1 (date): '2025-02-30' is not a date (day 30 does not exist in that "
       "month); expected YYYY-MM-DD"},
      {h + "2025-12-01,17.5,,,,\n2025-12-02,,,,,\n\n2025-12-01,18,,,,\n",
       "line 5, column 1 (date): 2025-12-01 is given twice (first on line 2)"},
      {h + "2025-12-01,45.1,,,,\n",
       "line 2, column 2 (value): 45.1 °C is outside the valid range (R-TEMP-3) -10.0 … 45.0 °C"},
      {h + "2025-12-01,-10.04,,,,\n", ""},  // rounds to -10.0: valid
      {h + "2025-12-01,17,hot,,,\n",
       "line 2, column 3 (guarantee): 'hot' is not a decimal number (unexpected 'h'); or leave "
       "it empty for the profile's guarantee, or write none"},
      {h + "2025-12-01,17,,-100.1,,\n",
       "line 2, column 4 (outdoor_mean): -100.1 °C is outside -100.0 … 100.0 °C"},
      {h + "2025-12-01,17,,,24.01,\n",
       "line 2, column 5 (unheated_hours): '24.01' is outside 0 … 24 h"},
      {h + "2025-12-01,17,,,-1,\n", "line 2, column 5 (unheated_hours): '-1' is outside 0 … 24 h"},
      {h + "2025-12-01,17,,,11.999,\n",
       "line 2, column 5 (unheated_hours): '11.999' has more than 2 decimals; expected hours "
       "from 0 to 24 with at most 2 decimals"},
      {h + "2025-12-01,17,,,12h,\n",
       "line 2, column 5 (unheated_hours): '12h' is not a decimal number (unexpected 'h'); "
       "expected hours from 0 to 24 with at most 2 decimals"},
      {h + "2025-12-01,17,,,,yes\n",
       "line 2, column 6 (excluded): expected 0 or 1 (1: a household-caused finding covers the "
       "day), got 'yes'"},
      // Rows outside the period are checked too.
      {h + "2024-12-01,17.x,,,,\n",
       "line 2, column 2 (value): '17.x' is not a decimal number (unexpected 'x')"},
      // The leftmost problem of a row, in the file's column order.
      {"excluded,value,date\n2,x,2025-13-01\n",
       "line 2, column 1 (excluded): expected 0 or 1 (1: a household-caused finding covers the "
       "day), got '2'"},
      {"value,date\nx,2025-13-01\n",
       "line 2, column 1 (value): 'x' is not a decimal number (unexpected 'x')"},
      {"date,value\n2025-13-01,x\n",
       "line 2, column 1 (date): '2025-13-01' is not a date (month 13 is out of range); "
       "expected YYYY-MM-DD"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto days = ParseRefundDaysCsv(c.text, Weihai(), Season2025());
    if (*c.message == '\0') {
      EXPECT_TRUE(days.ok()) << days.error().message;
      continue;
    }
    ASSERT_FALSE(days.ok());
    EXPECT_EQ(days.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(days.error().message, c.message);
  }
}

}  // namespace
}  // namespace hearth::adapters::csv

// The JSON of the daily-value calculator (R-TEMP-3): values with one decimal, null for a day
// without a counted guaranteed room.
#include "adapters/json/daily_json.hpp"

#include <gtest/gtest.h>

namespace hearth::adapters::json {
namespace {

TEST(DailyValuesToJson, Shape) {
  std::vector<rules::DailyValue> days(5);
  const char* dates[] = {"2025-12-01", "2025-12-02", "2025-12-03", "2025-12-04", "2025-12-05"};
  for (size_t i = 0; i < days.size(); ++i) days[i].date = *ParseDate(dates[i]);
  days[0].value = 183;
  days[2].value = 180;
  days[3].value = -5;
  days[4].value = 1795;  // not a temperature one meets indoors, but it prints exactly
  EXPECT_EQ(DailyValuesToJson(days).dump(),
            R"({"days":[{"date":"2025-12-01","value":18.3},{"date":"2025-12-02","value":null},)"
            R"({"date":"2025-12-03","value":18.0},{"date":"2025-12-04","value":-0.5},)"
            R"({"date":"2025-12-05","value":179.5}]})");
  EXPECT_EQ(DailyValuesToJson({}).dump(), R"({"days":[]})");
}

TEST(DailyValuesToJson, EveryTenthPrintsAsItsDecimal) {
  for (int t = -1000; t <= 1000; ++t) {
    rules::DailyValue d;
    d.date = *ParseDate("2025-12-01");
    d.value = t;
    std::string text = DailyValuesToJson({d})["days"][0]["value"].dump();
    ASSERT_EQ(text, FormatTenths(t)) << t;
  }
}

}  // namespace
}  // namespace hearth::adapters::json

// Outdoor daily means as JSON and CSV (adapters/json/weather_json.hpp,
// adapters/csv/weather_csv.hpp): exact tenths from the number's text, and every malformed input
// named.
#include "adapters/json/weather_json.hpp"

#include <gtest/gtest.h>

#include "adapters/csv/weather_csv.hpp"

namespace hearth::adapters::json {
namespace {

TEST(WeatherJson, ParsesExactTenths) {
  auto got = ParseWeatherJson(
      R"([{"district_id":3,"date":"2025-12-01","mean":-6.3},)"
      R"({"district_id":4,"date":"2025-12-02","mean":12},{"district_id":4,"date":"2025-12-03","mean":"-0.5"}])");
  ASSERT_TRUE(got.ok()) << got.error().message;
  ASSERT_EQ(got->size(), 3u);
  EXPECT_EQ((*got)[0].district_id, 3);
  EXPECT_EQ((*got)[0].day, *ParseDate("2025-12-01"));
  EXPECT_EQ((*got)[0].mean, -63);
  EXPECT_EQ((*got)[1].mean, 120);
  EXPECT_EQ((*got)[2].mean, -5);
}

TEST(WeatherJson, RejectsWithTheItemAndKey) {
  struct Case {
    const char* body;
    const char* field;
    const char* says;
  };
  const Case cases[] = {
      {"{}", "body", "array"},
      {"[]", "body", "no items"},
      {R"([{"district_id":3,"date":"2025-12-01","mean":-6.35}])", "item 0",
       "more than one decimal"},
      {R"([{"district_id":3,"date":"2025-12-01","mean":-6.3},{"district_id":0,"date":"2025-12-01","mean":1}])",
       "item 1", "district_id"},
      {R"([{"district_id":3,"date":"2025-02-30","mean":1}])", "item 0", "date"},
      {R"([{"district_id":3,"date":"2025-12-01"}])", "item 0", "mean"},
      {R"([{"district_id":3,"date":"2025-12-01","mean":1,"wind":3}])", "item 0",
       "unknown key 'wind'"},
      {R"([{"district_id":3,"date":"2025-12-01","mean":99}])", "item 0", "outside"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.body);
    auto got = ParseWeatherJson(c.body);
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(got.error().field, c.field);
    EXPECT_NE(got.error().message.find(c.says), std::string::npos) << got.error().message;
  }
}

TEST(WeatherCsv, ParsesAndNamesTheLineAndColumn) {
  auto got = csv::ParseWeatherCsv("date,mean,district_id\n2025-12-01,-6.3,3\n2025-12-02,0,3\n");
  ASSERT_TRUE(got.ok()) << got.error().message;
  ASSERT_EQ(got->size(), 2u);
  EXPECT_EQ((*got)[0].mean, -63);
  EXPECT_EQ((*got)[1].district_id, 3);
  struct Case {
    const char* text;
    const char* says;
  };
  const Case cases[] = {
      {"district_id,date\n3,2025-12-01\n", "mean"},
      {"district_id,date,mean\n3,2025-12-01,-6.3\nx,2025-12-01,1\n",
       "line 3, column 1 (district_id)"},
      {"district_id,date,mean\n3,2025-12-32,1\n", "line 2, column 2 (date)"},
      {"district_id,date,mean\n3,2025-12-01,cold\n", "line 2, column 3 (mean)"},
      {"district_id,date,mean\n", "no rows"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    auto bad = csv::ParseWeatherCsv(c.text);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find(c.says), std::string::npos) << bad.error().message;
  }
}

}  // namespace
}  // namespace hearth::adapters::json

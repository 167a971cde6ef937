// The daily-value calculator's use case with the shipped profiles (R-TEMP-3): the default
// profile, a named one, and which error wins when several things are wrong.
#include "services/daily_service.hpp"

#include <gtest/gtest.h>

#include "adapters/csv/readings_csv.hpp"
#include "support/test_policies.hpp"

namespace hearth::services {
namespace {

class DailyServiceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto registry = support::LoadPolicies();
    ASSERT_TRUE(registry.ok()) << registry.error().message;
    registry_ = new PolicyRegistry(std::move(*registry));
  }
  static void TearDownTestSuite() {
    delete registry_;
    registry_ = nullptr;
  }
  static PolicyRegistry* registry_;
};
PolicyRegistry* DailyServiceTest::registry_ = nullptr;

// 20 hourly readings of `value` in room b1 from 2025-12-01 00:00 local.
std::string TwentyHours(const std::string& value) {
  std::string csv = "room,kind,ts,value\n";
  for (int h = 0; h < 20; ++h) {
    std::string hh = (h < 10 ? "0" : "") + std::to_string(h);
    csv += "b1,bedroom,2025-12-01T" + hh + ":00:00+08:00," + value + "\n";
  }
  return csv;
}

TEST_F(DailyServiceTest, BothProfilesCarryTheSensorNumbers) {
  for (const char* policy : {kDefaultDailyPolicy, "weihai", "zibo"}) {
    SCOPED_TRACE(policy);
    auto days = DailyService(*registry_, adapters::csv::ParseReadingsCsv)
                    .Compute(TwentyHours("17.95"), policy, false);
    ASSERT_TRUE(days.ok()) << days.error().message;
    ASSERT_EQ(days->size(), 1u);
    EXPECT_EQ(days->front().value, 180);  // 17.95 -> 18.0
  }
}

TEST_F(DailyServiceTest, PolicyFileOnlyWhenAllowed) {
  const std::string file = std::string(HEARTH_SOURCE_DIR) + "/policies/zibo.toml";
  auto cli = DailyService(*registry_, adapters::csv::ParseReadingsCsv)
                 .Compute(TwentyHours("18"), file, true);
  ASSERT_TRUE(cli.ok()) << cli.error().message;
  auto http = DailyService(*registry_, adapters::csv::ParseReadingsCsv)
                  .Compute(TwentyHours("18"), file, false);
  ASSERT_FALSE(http.ok());
  EXPECT_EQ(http.error().field, "policy");
}

TEST_F(DailyServiceTest, Errors) {
  struct Case {
    const char* name;
    std::string csv;
    const char* policy;
    ErrorCode code;
    const char* field;
    const char* needle;
  };
  const Case cases[] = {
      {"unknown policy", TwentyHours("18"), "atlantis", ErrorCode::kInvalidArgument, "policy",
       "unknown policy 'atlantis'"},
      {"the policy is checked first", "nonsense", "atlantis", ErrorCode::kInvalidArgument, "policy",
       "atlantis"},
      {"malformed file", "room,kind,ts,value\nb1,bed,2025-12-01T00:00:00Z,18\n", "weihai",
       ErrorCode::kInvalidArgument, "line 2", "line 2, column 2 (kind): 'bed' is not a room kind"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto days =
        DailyService(*registry_, adapters::csv::ParseReadingsCsv).Compute(c.csv, c.policy, false);
    ASSERT_FALSE(days.ok());
    EXPECT_EQ(days.error().code, c.code);
    EXPECT_EQ(days.error().field, c.field);
    EXPECT_NE(days.error().message.find(c.needle), std::string::npos) << days.error().message;
  }
}

}  // namespace
}  // namespace hearth::services

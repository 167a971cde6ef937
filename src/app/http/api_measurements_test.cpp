// Manual measurements (R-TEMP-4), the calculators and the signed-in user, in process (AddApiRoutes
// over a real SQLite database, and over a real PostgreSQL one): every answer is checked against
// the OpenAPI document (issue 14: the console's types are generated from it).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_in_process_api.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::json;

class MeasurementApi : public support::InProcessApi {
 protected:
  /// Three readings 3 minutes apart from `first` in the household's 主卧, signed on the device
  /// when `signed_by` is given.
  json Body(const std::string& first, double celsius, const char* signed_by = nullptr) {
    json readings = json::array();
    for (const char* minute : {"00", "03", "06"}) {
      readings.push_back({{"at", first + ":" + minute + ":00+08:00"}, {"value", celsius}});
    }
    json m{{"household_id", a_.household_id}, {"room", "主卧"},
           {"instrument", "glass-thermometer"}, {"resolution", 0.1},
           {"system_running", true},        {"environment", "阴天，门窗关闭"},
           {"closed_minutes", 40},          {"readings", readings},
           {"radiators_uncovered", true},   {"shielded", true},
           {"at_room_centre", true},        {"height_cm", 150},
           {"inspector_still", true}};
    if (signed_by != nullptr) {
      m["signature"] = "signed";
      m["signature_record"] = {{"by", signed_by}, {"at", first + ":10:00+08:00"}, {"via", "device"}};
    }
    return m;
  }
};

TEST_P(MeasurementApi, StaffRecordItTheHouseholdSignsItAndABrokenRuleIsNamed) {
  auto signed_one = Call("zhao", "POST", "/api/v1/measurements",
                         Body("2025-12-05T10", 15.0, "户主").dump());
  ASSERT_EQ(signed_one.status, 201u) << signed_one.body;
  EXPECT_TRUE(json::parse(signed_one.body)["evidence"].get<bool>());
  auto pending = Call("wang", "POST", "/api/v1/measurements", Body("2025-12-06T10", 16.0).dump());
  ASSERT_EQ(pending.status, 201u) << pending.body;
  const json m = json::parse(pending.body);
  EXPECT_EQ(m["signature"], "pending");
  EXPECT_TRUE(m["signed"].is_null());
  auto refused = Call("home", "PATCH", "/api/v1/measurements/" + std::to_string(m["id"].get<int64_t>()),
                      R"({"signature":"refused"})");
  ASSERT_EQ(refused.status, 200u) << refused.body;
  EXPECT_EQ(json::parse(refused.body)["signed"]["via"], "household-login");
  auto list = Call("home", "GET", "/api/v1/measurements?limit=1");
  ASSERT_EQ(list.status, 200u) << list.body;
  EXPECT_EQ(json::parse(list.body)["items"].size(), 1u);

  json coarse = Body("2025-12-07T10", 16.0);
  coarse["resolution"] = 0.5;
  auto broken = Call("zhao", "POST", "/api/v1/measurements", coarse.dump());
  ASSERT_EQ(broken.status, 400u) << broken.body;
  EXPECT_EQ(json::parse(broken.body)["error"]["violations"][0]["check"], "resolution");
}

TEST_P(MeasurementApi, TheCalculatorsAnswerAsTheCliPrints) {
  std::string readings = "room,kind,ts,value\n";
  for (int h = 0; h < 20; ++h) {
    readings += "b1,bedroom,2025-12-01T" + std::string(h < 10 ? "0" : "") + std::to_string(h) +
                ":00:00+08:00,18.0\n";
  }
  auto daily = Call("", "POST", "/api/v1/calc/daily", readings);
  ASSERT_EQ(daily.status, 200u) << daily.body;
  EXPECT_EQ(daily.body, R"({"days":[{"date":"2025-12-01","value":18.0}]})");

  auto refund = Call("", "POST", "/api/v1/calc/refund?policy=weihai&season=2025&fee=2640.00",
                     "date,value,guarantee,outdoor_mean,unheated_hours,excluded\n"
                     "2025-12-01,17.5,,,,\n2025-12-05,,,,14,\n");
  ASSERT_EQ(refund.status, 200u) << refund.body;
  EXPECT_EQ(json::parse(refund.body)["days"].size(), 2u);

  std::string households =
      "id,building,substation,floor,floors,position,orientation,area_m2,has_sensor\n";
  for (int i = 0; i < 60; ++i) {
    households += "H" + std::to_string(i) + ",B" + std::to_string(i / 10) + ",S0," +
                  std::to_string(i % 6 + 1) + ",6," + (i % 3 == 0 ? "far" : "near") + "," +
                  (i % 2 == 0 ? "shade" : "sun") + ",90.5,1\n";
  }
  auto plan = Call("", "POST", "/api/v1/calc/sample-plan?policy=weihai&seed=7", households);
  ASSERT_EQ(plan.status, 200u) << plan.body;
  EXPECT_EQ(json::parse(plan.body)["households"], 60);

  auto deadline = Call("", "GET", "/api/v1/calc/deadline?policy=weihai&rule=reply&channel=city-hotline"
                                  "&from=2025-12-01T02:00:00Z");
  ASSERT_EQ(deadline.status, 200u) << deadline.body;
  EXPECT_EQ(json::parse(deadline.body)["channel"], "city-hotline");
}

TEST_P(MeasurementApi, LoginAndTheSignedInUser) {
  auto login = Call("", "POST", "/api/v1/auth/login",
                    R"({"username":"home","password":"api-test-password"})");
  ASSERT_EQ(login.status, 200u) << login.body;
  for (const char* user : {"root", "li", "home"}) {
    SCOPED_TRACE(user);
    auto me = Call(user, "GET", "/api/v1/auth/me");
    ASSERT_EQ(me.status, 200u) << me.body;
    EXPECT_EQ(json::parse(me.body)["username"], user);
  }
  EXPECT_EQ(json::parse(Call("home", "GET", "/api/v1/auth/me").body)["household_id"],
            a_.household_id);
}

INSTANTIATE_TEST_SUITE_P(Engines, MeasurementApi, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& engine) {
                           return engine.param;
                         });

}  // namespace
}  // namespace hearth::app::http

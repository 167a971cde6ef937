// Heat-meter disputes end to end, in process (AddApiRoutes over a real SQLite database, and over a
// real PostgreSQL one; issue 16, R-METER-1, W 10.3): the household disputes its meter, the
// technician records a failed calibration, and the answer says the company pays (10.3 b) and the
// household is billed by area for the period (10.3 c); a company's dispute on a passing meter is
// the company's to pay (10.3 a); the household withdraws its own, not the company's; a household
// billed by area has no meter to dispute; who may see what; and the field named in every
// refusal.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/resources.hpp"
#include "support/test_in_process_api.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::json;

class MeterDisputeApi : public support::InProcessApi {
 protected:
  void SetUp() override {
    support::InProcessApi::SetUp();
    ASSERT_TRUE(rt_->db->records
                    .Update(*model::FindResource("households"), a_.household_id,
                            {{"billing", std::string("meter")}}, {}, "setup")
                    .ok());
  }
  static std::string PathOf(const adapters::http::Response& r) {
    return "/api/v1/meter-disputes/" + std::to_string(json::parse(r.body)["id"].get<int64_t>());
  }
};

TEST_P(MeterDisputeApi, TheHouseholdDisputesAndAFailedMeterIsTheCompanys) {
  auto r =
      Call("home", "POST", "/api/v1/meter-disputes",
           json{{"household", a_.household_id}, {"reason", "12月用热量比去年同期高出一倍"}}.dump());
  ASSERT_EQ(r.status, 201u) << r.body;
  json d = json::parse(r.body);
  const std::string path = PathOf(r);
  EXPECT_EQ(d["raised_by"], "household");
  EXPECT_EQ(d["state"], "open");
  EXPECT_TRUE(d["payer"].is_null());
  EXPECT_EQ(d["actions"], json{"withdraw"});
  EXPECT_EQ(json::parse(Call("zhao", "GET", path).body)["actions"], json{"calibrate"});
  EXPECT_EQ(Call("other", "GET", path).status, 404u);
  EXPECT_EQ(Call("liu", "GET", path).status, 404u);
  EXPECT_EQ(Call("wang", "POST", path + "/events",
                 json{{"type", "calibrate"}, {"result", "failed"}, {"reference", "x"}}.dump())
                .status,
            403u);

  auto calibrated = Call("zhao", "POST", path + "/events",
                         json{{"type", "calibrate"},
                              {"result", "failed"},
                              {"reference", "JL-2026-118"},
                              {"cost", "300.00"},
                              {"note", "流量传感器偏差 +8%"}}
                             .dump());
  ASSERT_EQ(calibrated.status, 200u) << calibrated.body;
  d = json::parse(calibrated.body);
  EXPECT_EQ(d["state"], "calibrated");
  EXPECT_EQ(d["cost"], "300.00");
  EXPECT_EQ(d["cost_fen"], 30000);
  EXPECT_EQ(d["payer"], "company");
  EXPECT_EQ(d["payer_clause"], "W 10.3 (10.3 b)");
  EXPECT_EQ(d["billing"]["by_area"], true);
  EXPECT_EQ(d["billing"]["reason"], "热量表数据失真，本期改按面积收费（W 10.3 (10.3 c)）");
  EXPECT_EQ(d["calibrated_by"], "zhao");
  EXPECT_EQ(d["actions"], json::array());
  auto told = Call("home", "GET", "/api/v1/notifications");
  EXPECT_NE(told.body.find("meter-dispute.calibrated"), std::string::npos) << told.body;
  EXPECT_NE(told.body.find("W 10.3 (10.3 b)"), std::string::npos) << told.body;
  EXPECT_EQ(Call("home", "POST", path + "/events", json{{"type", "withdraw"}}.dump()).status, 409u);
  auto all = Call("gov", "GET", "/api/v1/meter-disputes?state=calibrated");
  ASSERT_EQ(all.status, 200u) << all.body;
  EXPECT_EQ(json::parse(all.body)["items"].size(), 1u);

  auto audit = Call("root", "GET", "/api/v1/audit?limit=20");
  ASSERT_EQ(audit.status, 200u) << audit.body;
  const json entries = json::parse(audit.body)["items"];
  size_t steps = 0;
  for (const auto& e : entries) steps += e["resource"] == "meter_disputes" ? 1u : 0u;
  EXPECT_EQ(steps, 2u) << audit.body;
}

TEST_P(MeterDisputeApi, TheCompanysDisputeIsTheCompanysToPayAndToWithdraw) {
  auto r = Call("li", "POST", "/api/v1/meter-disputes",
                json{{"household", a_.household_id},
                     {"raised_by", "company"},
                     {"reason", "读数连续三日不变，疑似表计故障"}}
                    .dump());
  ASSERT_EQ(r.status, 201u) << r.body;
  const std::string path = PathOf(r);
  EXPECT_EQ(Call("home", "POST", path + "/events", json{{"type", "withdraw"}}.dump()).status, 403u);
  auto passed =
      Call("li", "POST", path + "/events",
           json{{"type", "calibrate"}, {"result", "passed"}, {"reference", "JL-7"}}.dump());
  ASSERT_EQ(passed.status, 200u) << passed.body;
  json d = json::parse(passed.body);
  EXPECT_EQ(d["payer"], "company");
  EXPECT_EQ(d["payer_clause"], "W 10.3 (10.3 a)");
  EXPECT_EQ(d["billing"]["by_area"], false);
  EXPECT_TRUE(d["cost"].is_null());

  auto second =
      Call("li", "POST", "/api/v1/meter-disputes",
           json{{"household", a_.household_id}, {"raised_by", "company"}, {"reason", "x"}}.dump());
  ASSERT_EQ(second.status, 201u) << second.body;
  auto withdrawn = Call("li", "POST", PathOf(second) + "/events",
                        json{{"type", "withdraw"}, {"note", "读数恢复正常"}}.dump());
  ASSERT_EQ(withdrawn.status, 200u) << withdrawn.body;
  EXPECT_EQ(json::parse(withdrawn.body)["state"], "withdrawn");
  EXPECT_FALSE(json::parse(withdrawn.body)["withdrawn_at"].is_null());
}

TEST_P(MeterDisputeApi, EachRefusalNamesItsField) {
  struct Case {
    const char* name;
    const char* user;
    json body;
    unsigned status;
    const char* field;
  };
  const json ok = {{"household", a_.household_id}, {"raised_by", "household"}, {"reason", "偏高"}};
  auto with = [&](const char* key, json value) {
    json b = ok;
    if (value.is_null()) {
      b.erase(key);
    } else {
      b[key] = std::move(value);
    }
    return b;
  };
  const std::vector<Case> cases = {
      {"no household", "li", with("household", nullptr), 400, "household"},
      {"staff say who raised it", "li", with("raised_by", nullptr), 400, "raised_by"},
      {"an unknown side", "li", with("raised_by", "regulator"), 400, "raised_by"},
      {"no reason", "li", with("reason", ""), 400, "reason"},
      {"another company's household", "li", with("household", b_.household_id), 404, "household"},
      {"billed by area", "liu", with("household", b_.household_id), 409, "household"},
      {"the household for the company", "home", with("raised_by", "company"), 403, ""},
      {"another household's meter", "other", ok, 404, "household"},
      {"the regulator raises none", "gov", ok, 403, ""},
      {"an unknown member", "li", with("meter", "A-1"), 400, "meter"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = Call(c.user, "POST", "/api/v1/meter-disputes", c.body.dump());
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_EQ(Field(r), c.field) << r.body;
  }
  auto r = Call("li", "POST", "/api/v1/meter-disputes", ok.dump());
  ASSERT_EQ(r.status, 201u) << r.body;
  const std::string path = PathOf(r);
  const std::vector<Case> steps = {
      {"an unknown step", "li", {{"type", "raise"}}, 400, "type"},
      {"no result", "li", {{"type", "calibrate"}, {"reference", "x"}}, 400, "result"},
      {"a result in words", "li", {{"type", "calibrate"}, {"result", "ok"}}, 400, "result"},
      {"no report number", "li", {{"type", "calibrate"}, {"result", "passed"}}, 400, "reference"},
      {"a cost in thousandths",
       "li",
       {{"type", "calibrate"}, {"result", "passed"}, {"reference", "x"}, {"cost", "1.005"}},
       400,
       "cost"},
      {"a withdrawal with a cost", "home", {{"type", "withdraw"}, {"cost", "1"}}, 400, "cost"},
      {"another company's dispute", "liu", {{"type", "withdraw"}}, 404, "id"},
  };
  for (const auto& c : steps) {
    SCOPED_TRACE(c.name);
    auto s = Call(c.user, "POST", path + "/events", c.body.dump());
    EXPECT_EQ(s.status, c.status) << s.body;
    EXPECT_EQ(Field(s), c.field) << s.body;
  }
  EXPECT_EQ(Field(Call("li", "GET", "/api/v1/meter-disputes?state=closed")), "state");
  EXPECT_EQ(json::parse(Call("li", "GET", path).body)["state"], "open");  // nothing moved
}

INSTANTIATE_TEST_SUITE_P(Engines, MeterDisputeApi, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& engine) {
                           return engine.param;
                         });

}  // namespace
}  // namespace hearth::app::http

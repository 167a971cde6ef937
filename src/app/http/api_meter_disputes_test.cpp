// Heat-meter disputes end to end, in process (AddApiRoutes over a real SQLite database, and over a
// real PostgreSQL one; issue 16, R-METER-1, W 10.3): the household disputes its meter, the
// technician records a failed calibration, and the answer says the company pays (10.3 b) and the
// household is billed by area for the period (10.3 c); a company's dispute on a passing meter is
// the company's to pay (10.3 a); the household withdraws its own, not the company's; a household
// billed by area has no meter to dispute; who may see what; and the field named in every
// refusal.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "model/resources.hpp"
#include "rules/season.hpp"
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

// W 10.3 (10.3 c): the meter's data are distorted, so the season's bill issued by its reading
// is settled again by area, saying why; a run after it bills by area from the start. The
// dispute is raised now, in the heating year of the season that started this autumn (or the
// last one, in the summer: rules::SeasonYearOf).
TEST_P(MeterDisputeApi, AFailedCalibrationBillsTheSeasonByArea) {
  const int season = rules::SeasonYearOf(
      LocalDate(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())));
  for (const ports::Fields& f :
       {ports::Fields{{"company_id", a_.company_id}, {"name", "居民按面积"}, {"billing", "area"},
                      {"price", int64_t{2600}}, {"valid_from", "2020-01-01"}},
        ports::Fields{{"company_id", a_.company_id}, {"name", "居民按热量"}, {"billing", "meter"},
                      {"price", int64_t{5000}}, {"valid_from", "2020-01-01"}}}) {
    ASSERT_TRUE(rt_->db->records.Create(*model::FindResource("tariffs"), f, {}, "setup").ok());
  }
  ASSERT_TRUE(rt_->db->records
                  .Create(*model::FindResource("meter_readings"),
                          {{"household_id", a_.household_id},
                           {"season", int64_t{season}},
                           {"heat", int64_t{3000}},
                           {"read_on", std::to_string(season + 1) + "-03-16"},
                           {"fault", "none"}},
                          {}, "setup")
                  .ok());
  auto run = Call("li", "POST", "/api/v1/billing-runs", json{{"season", season}}.dump());
  ASSERT_EQ(run.status, 201u) << run.body;
  auto bills = json::parse(Call("li", "GET", "/api/v1/bills").body)["items"];
  ASSERT_EQ(bills.size(), 1u);
  EXPECT_EQ(bills[0]["basis"], "meter");
  EXPECT_EQ(bills[0]["total"], "1500.00");  // 30.00 GJ × 50.00 yuan
  const std::string bill = "/api/v1/bills/" + std::to_string(bills[0]["id"].get<int64_t>());

  auto r = Call("home", "POST", "/api/v1/meter-disputes",
                json{{"household", a_.household_id}, {"reason", "读数偏高"}}.dump());
  ASSERT_EQ(r.status, 201u) << r.body;
  auto passed = Call("zhao", "POST", PathOf(r) + "/events",
                     json{{"type", "calibrate"}, {"result", "passed"}, {"reference", "JL-1"}}.dump());
  ASSERT_EQ(passed.status, 200u) << passed.body;
  EXPECT_EQ(json::parse(Call("li", "GET", bill).body)["basis"], "meter");  // a pass changes nothing

  r = Call("home", "POST", "/api/v1/meter-disputes",
           json{{"household", a_.household_id}, {"reason", "读数仍然偏高"}}.dump());
  ASSERT_EQ(r.status, 201u) << r.body;
  auto failed = Call("zhao", "POST", PathOf(r) + "/events",
                     json{{"type", "calibrate"}, {"result", "failed"}, {"reference", "JL-2"}}.dump());
  ASSERT_EQ(failed.status, 200u) << failed.body;
  const json now = json::parse(Call("home", "GET", bill).body);
  EXPECT_EQ(now["basis"], "area");
  EXPECT_EQ(now["basis_reason"], "热量表数据失真，本期改按面积收费（W 10.3 (10.3 c)）");
  EXPECT_EQ(now["total"], "2224.30");  // 85.55 m² × 26.00 yuan
  auto fee = rt_->db->records.Get(*model::FindResource("fees"), now["id"].get<int64_t>(), {});
  ASSERT_TRUE(fee.ok());
  EXPECT_EQ(fee->Int("amount"), 222430);
}

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

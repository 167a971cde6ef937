// The refund ledger end to end, in process (AddApiRoutes over a real SQLite database, and over a
// real PostgreSQL one): readings
// in, a run writes the household's entry with its days and evidence, re-runs keep approved
// entries, the household sees its own entry and chooses payment or offset (R-REFUND-1..6).
#include <gtest/gtest.h>

#include <chrono>

#include <nlohmann/json.hpp>

#include "support/openapi_check.hpp"
#include "support/test_postgres.hpp"
#include "app/http/api.hpp"
#include "support/test_process.hpp"
#include "support/test_sensors.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::json;

class RefundsApi : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const std::string db = GetParam() == "postgres"
                               ? support::PostgresCluster::Shared().CreateDatabase()
                               : dir_ / "h.db";
    // Cheap hashes: these tests are about refunds, not hashing.
    auto rt = runtime::Runtime::Open({db, std::string(HEARTH_SOURCE_DIR) + "/policies",
                                      runtime::DbMode::kRequired, {1, 1024, 1}});
    ASSERT_TRUE(rt.ok()) << rt.error().message;
    rt_ = std::move(*rt);
    AddApiRoutes(router_, *rt_);
    support::CheckAnswers(router_);  // every answer as documented
    a_ = support::MakeSensorCity(rt_->db->records, "a", 1, "A-");
    b_ = support::MakeSensorCity(rt_->db->records, "b", 0, "B-");
    for (const auto& c : {a_, b_}) {
      auto fee = rt_->db->records.Create(*model::FindResource("fees"),
                                      {{"household_id", c.household_id},
                                       {"season", int64_t{2025}},
                                       {"amount", int64_t{264000}},
                                       {"due_on", "2025-11-15"}},
                                      {}, "setup");
      ASSERT_TRUE(fee.ok()) << fee.error().message;
    }
    struct User {
      const char* name;
      const char* role;
      std::optional<int64_t> company, household;
    };
    const User users[] = {{"root", "admin", {}, {}},
                          {"gov", "regulator", {}, {}},
                          {"li", "manager", a_.company_id, {}},
                          {"wang", "agent", a_.company_id, {}},
                          {"liu", "manager", b_.company_id, {}},
                          {"home", "household", {}, a_.household_id},
                          {"other", "household", {}, b_.household_id}};
    for (const auto& u : users) {
      ASSERT_TRUE(rt_->db->auth.AddUser({u.name, "api-test-password", u.role, u.company, u.household})
                      .ok());
      tokens_[u.name] = rt_->db->auth.Login(u.name, "api-test-password")->token;
    }
    // Household a's bedroom sensor: 2025-12-01 at 16.5 °C every hour (20 % below 18 °C:
    // R-REFUND-1), 2025-12-02 at 19.0 °C (qualified).
    std::vector<services::IncomingReading> readings;
    for (int h = 0; h < 24; ++h) {
      char ts[40];
      std::snprintf(ts, sizeof ts, "2025-12-01T%02d:10:00+08:00", h);
      readings.push_back({"A-0", ts, "16.5"});
      std::snprintf(ts, sizeof ts, "2025-12-02T%02d:10:00+08:00", h);
      readings.push_back({"A-0", ts, "19.0"});
    }
    auto report = rt_->db->ingest.Ingest(readings);
    ASSERT_TRUE(report.ok());
    ASSERT_EQ(report->accepted, 48);
  }

  adapters::http::Response Call(const std::string& user, const std::string& method,
                      const std::string& target, const std::string& body = "") {
    adapters::http::Request req;
    req.method = method;
    size_t q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string::npos) req.query = *adapters::http::ParseQuery(target.substr(q + 1));
    if (!user.empty()) req.headers["authorization"] = "Bearer " + tokens_[user];
    req.body = body;
    return router_.Handle(req);
  }

  support::TempDir dir_;
  std::unique_ptr<runtime::Runtime> rt_;
  adapters::http::Router router_;
  support::SensorCity a_, b_;
  std::map<std::string, std::string> tokens_;
};

TEST_P(RefundsApi, ARunWritesEntriesWithTheirEvidence) {
  auto run = Call("root", "POST", "/api/v1/refunds/runs", R"({"season":2025})");
  ASSERT_EQ(run.status, 200u) << run.body;
  auto summary = json::parse(run.body);
  EXPECT_EQ(summary["households"], 2);
  EXPECT_EQ(summary["written"], 2);
  EXPECT_EQ(summary["kept"], 0);
  EXPECT_EQ(summary["refund_fen"], 436);  // 20 % × 2640.00 yuan ÷ 121 days = 4.3636 → 4.36

  auto mine = Call("home", "GET", "/api/v1/refunds?season=2025");
  ASSERT_EQ(mine.status, 200u) << mine.body;
  auto items = json::parse(mine.body)["items"];
  ASSERT_EQ(items.size(), 1u);
  auto e = items[0];
  EXPECT_EQ(e["household_id"], a_.household_id);
  EXPECT_EQ(e["status"], "draft");
  EXPECT_EQ(e["fee_fen"], 264000);
  EXPECT_EQ(e["refund_fen"], 436);
  EXPECT_EQ(e["official_days"], 121);
  EXPECT_EQ(e["payment_deadline"], "2026-06-30T23:59:59+08:00");  // R-REFUND-6
  ASSERT_EQ(e["days"].size(), 1u);
  auto day = e["days"][0];
  EXPECT_EQ(day["date"], "2025-12-01");
  EXPECT_EQ(day["share_percent"], 20);
  EXPECT_EQ(day["cause"], "temperature");
  EXPECT_EQ(day["value"], 16.5);
  EXPECT_EQ(day["guarantee"], 18.0);
  EXPECT_EQ(day["evidence"]["source"], "remote");
  EXPECT_EQ(day["evidence"]["room"], "主卧");
  EXPECT_FALSE(day["reason"].get<std::string>().empty());

  // Another household's entry is not there for this household.
  std::string other_id = std::to_string(
      json::parse(Call("other", "GET", "/api/v1/refunds").body)["items"][0]["id"].get<int64_t>());
  EXPECT_EQ(Call("home", "GET", "/api/v1/refunds/" + other_id).status, 404u);
  EXPECT_EQ(Call("li", "GET", "/api/v1/refunds/" + other_id).status, 404u);
  EXPECT_EQ(Call("gov", "GET", "/api/v1/refunds/" + other_id).status, 200u);
}

TEST_P(RefundsApi, ReRunsKeepApprovedEntriesAndChoicesFollowTheRules) {
  ASSERT_EQ(Call("li", "POST", "/api/v1/refunds/runs", R"({"season":2025})").status, 200u);
  // The manager of company a ran it: company b has no entry yet.
  EXPECT_TRUE(json::parse(Call("liu", "GET", "/api/v1/refunds").body)["items"].empty());
  auto entry = json::parse(Call("li", "GET", "/api/v1/refunds").body)["items"][0];
  const std::string id = std::to_string(entry["id"].get<int64_t>());

  struct Step {
    std::string user, body;
    unsigned status;
  };
  const Step steps[] = {
      {"home", R"({"status":"approved"})", 403},   // a household does not approve
      {"gov", R"({"choice":"offset"})", 403},       // nor does a regulator choose
      {"home", R"({"choice":"cash"})", 400},
      {"home", R"({"choice":"offset","status":"paid"})", 400},
      {"home", R"({"choice":"offset"})", 200},      // R-REFUND-6: the household consents
      {"li", R"({"status":"paid","method":"bank","reference":"B1"})", 409},  // not approved
      {"li", R"({"status":"approved","method":"bank"})", 400},  // a method goes with paid
      {"li", R"({"status":"approved"})", 200},
      {"liu", R"({"status":"paid","method":"cash"})", 404},  // another company's manager
      {"li", R"({"status":"paid"})", 400},                   // no method
      {"li", R"({"status":"paid","method":"cheque"})", 400},
      {"li", R"({"status":"paid","method":"bank"})", 400},   // no reference
      // R-REFUND-6: the household chose to offset it: the billing run settles it.
      {"li", R"({"status":"paid","method":"cash"})", 409},
  };
  for (const auto& s : steps) {
    SCOPED_TRACE(s.user + " " + s.body);
    auto r = Call(s.user, "PATCH", "/api/v1/refunds/" + id, s.body);
    EXPECT_EQ(r.status, s.status) << r.body;
  }
  // A colder day arrives late; the re-run keeps the approved entry as it was.
  std::vector<services::IncomingReading> late;
  for (int h = 0; h < 24; ++h) {
    char ts[40];
    std::snprintf(ts, sizeof ts, "2025-12-03T%02d:10:00+08:00", h);
    late.push_back({"A-0", ts, "11.0"});
  }
  ASSERT_EQ(rt_->db->ingest.Ingest(late)->accepted, 24);
  auto rerun = json::parse(Call("li", "POST", "/api/v1/refunds/runs", R"({"season":2025})").body);
  EXPECT_EQ(rerun["kept"], 1);
  EXPECT_EQ(rerun["written"], 0);
  auto kept = json::parse(Call("home", "GET", "/api/v1/refunds/" + id).body);
  EXPECT_EQ(kept["refund_fen"], 436);
  EXPECT_EQ(kept["status"], "approved");
  EXPECT_EQ(kept["choice"], "offset");
  // The entry as a run would compute it now includes the late day (100 % below g-6).
  auto now = rt_->db->refunds.Compute(a_.household_id, 2025, "test");
  ASSERT_TRUE(now.ok());
  EXPECT_EQ(now->refund_fen, 2618);  // (20 + 100) % × 264000 ÷ 121 = 2618.18 → 2618
  EXPECT_EQ(Call("home", "PATCH", "/api/v1/refunds/" + id, R"({"choice":"payment"})").status,
            200u);
  auto paid = Call("li", "PATCH", "/api/v1/refunds/" + id,
                   R"({"status":"paid","method":"bank","reference":"工行 20260601-0042"})");
  ASSERT_EQ(paid.status, 200u) << paid.body;
  const json payout = json::parse(paid.body)["payout"];
  EXPECT_EQ(payout["method"], "bank");
  EXPECT_EQ(payout["reference"], "工行 20260601-0042");
  EXPECT_FALSE(payout["paid_at"].get<std::string>().empty());
  // The 2025 season's refunds were due by 30 June 2026: paid now, it is flagged late.
  EXPECT_EQ(payout["late"], std::chrono::system_clock::now() >
                                *ParseRfc3339("2026-06-30T23:59:59+08:00"));
  EXPECT_EQ(json::parse(paid.body)["overdue"], false);
  EXPECT_EQ(Call("home", "PATCH", "/api/v1/refunds/" + id, R"({"choice":"offset"})").status,
            409u);
  EXPECT_EQ(Call("li", "PATCH", "/api/v1/refunds/" + id, R"({"status":"paid","method":"cash"})")
                .status,
            409u);
}

TEST_P(RefundsApi, WhoMayRun) {
  struct Case {
    std::string user;
    unsigned status;
  };
  for (const auto& c : {Case{"root", 200}, Case{"li", 200}, Case{"wang", 403}, Case{"gov", 403},
                        Case{"home", 403}, Case{"", 401}}) {
    SCOPED_TRACE(c.user);
    EXPECT_EQ(Call(c.user, "POST", "/api/v1/refunds/runs", R"({"season":2025})").status,
              c.status);
  }
  EXPECT_EQ(Call("root", "POST", "/api/v1/refunds/runs", R"({"season":"2025"})").status, 400u);
  EXPECT_EQ(Call("root", "POST", "/api/v1/refunds/runs", R"({"season":1800})").status, 400u);
  EXPECT_EQ(Call("root", "POST", "/api/v1/refunds/runs", R"({"season":2025,"x":1})").status,
            400u);
  EXPECT_EQ(Call("root", "POST", "/api/v1/refunds/runs", "{").status, 400u);
}

// The monitoring routes' answers, each checked against the OpenAPI document (CheckAnswers):
// judged days, raw, conflicting and quarantined readings, alerts, the calendar, health,
// outdoor means and their submissions, and usage rates.
TEST_P(RefundsApi, MonitoringAnswersAsDocumented) {
  auto ok = [&](const std::string& user, const std::string& method, const std::string& target,
                const std::string& body = "") {
    auto r = Call(user, method, target, body);
    EXPECT_LT(r.status, 300u) << method << " " << target << ": " << r.body;
    return json::parse(r.body);
  };
  const std::string hh = std::to_string(a_.household_id);
  auto days = ok("home", "GET", "/api/v1/households/" + hh + "/days?from=2025-12-01&to=2025-12-02");
  ASSERT_EQ(days["items"].size(), 2u);
  EXPECT_EQ(days["items"][0]["status"], "unqualified");
  auto readings = ok("li", "GET", "/api/v1/sensors/A-0/readings?from=2025-12-01T00:00:00%2B08:00");
  EXPECT_EQ(readings["items"].size(), 24u);
  // A conflicting reading, and one an hour in the future (quarantined: the clock-skew alert).
  const std::string later = FormatLocal(std::chrono::time_point_cast<std::chrono::seconds>(
                                            std::chrono::system_clock::now()) +
                                        std::chrono::hours{1});
  ok("li", "POST", "/api/v1/readings",
     R"([{"sensor":"A-0","ts":"2025-12-01T00:10:00+08:00","value":17},{"sensor":"A-0","ts":")" +
         later + R"(","value":12.5}])");
  EXPECT_EQ(ok("li", "GET", "/api/v1/sensors/A-0/conflicts")["items"].size(), 1u);
  EXPECT_EQ(ok("li", "GET", "/api/v1/sensors/A-0/quarantine")["items"].size(), 1u);
  ok("li", "GET", "/api/v1/alerts");
  ok("root", "GET", "/api/v1/alerts?silent_hours=1");
  auto unqualified = ok("li", "GET", "/api/v1/alerts/unqualified?from=2025-12-01&to=2025-12-02");
  EXPECT_EQ(unqualified["items"].size(), 1u);
  ok("li", "GET", "/api/v1/alerts/cold-now");
  ok("", "GET", "/api/v1/calendar");
  ok("", "GET", "/healthz");
  ok("", "GET", "/readyz");
  ok("li", "GET", "/api/v1/usage-rates?by=partition");
  ok("li", "GET", "/api/v1/usage-rates?by=community");
  // Outdoor means: stored by an admin (200), submitted by a manager (202), then decided.
  const std::string district =
      std::to_string(ok("root", "GET", "/api/v1/districts")["items"][0]["id"].get<int64_t>());
  ok("root", "POST", "/api/v1/weather/daily",
     R"([{"district_id":)" + district + R"(,"date":"2025-12-01","mean":-3.5}])");
  auto submitted =
      ok("li", "POST", "/api/v1/weather/daily",
         R"([{"district_id":)" + district +
             R"(,"date":"2025-12-02","mean":-4},{"district_id":)" + district +
             R"(,"date":"2025-12-03","mean":-5}])");
  ASSERT_EQ(submitted["ids"].size(), 2u);
  ok("gov", "GET", "/api/v1/weather/daily?district_id=" + district + "&from=2025-12-01&to=2025-12-03");
  ok("gov", "POST", "/api/v1/weather/submissions/" + submitted["ids"][0].dump() + "/confirm");
  ok("gov", "POST", "/api/v1/weather/submissions/" + submitted["ids"][1].dump() + "/reject");
  EXPECT_EQ(ok("li", "GET", "/api/v1/weather/submissions")["items"].size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Engines, RefundsApi, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& engine) {
                           return engine.param;
                         });

}  // namespace
}  // namespace hearth::app::http

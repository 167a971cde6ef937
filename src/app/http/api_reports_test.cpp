// The monthly report routes in process (AddApiRoutes over a real SQLite database): who may read
// which company's report, the month and format parameters, the JSON figures of one order, and
// the workbook's content type and file name (issue 13, R-WO-7, R-KPI-Q/P/B).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/http/api.hpp"
#include "app/http/reports.hpp"
#include "support/openapi_check.hpp"
#include "support/test_process.hpp"
#include "support/test_sensors.hpp"
#include "support/test_xlsx.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::json;

Instant T(const char* text) { return *ParseRfc3339(text); }

class ReportsApi : public ::testing::Test {
 protected:
  void SetUp() override {
    // Cheap hashes: these tests are about reports, not hashing.
    auto rt = runtime::Runtime::Open({dir_ / "h.db",
                                      std::string(HEARTH_SOURCE_DIR) + "/policies",
                                      runtime::DbMode::kRequired,
                                      {1, 1024, 1}});
    ASSERT_TRUE(rt.ok()) << rt.error().message;
    rt_ = std::move(*rt);
    AddApiRoutes(router_, *rt_);
    support::CheckAnswers(router_);  // every answer as documented
    a_ = support::MakeSensorCity(rt_->db->records, "a", 0, "A-");
    b_ = support::MakeSensorCity(rt_->db->records, "b", 0, "B-");
    struct User {
      const char* name;
      const char* role;
      std::optional<int64_t> company, household;
    };
    const User users[] = {{"root", "admin", {}, {}},
                          {"gov", "regulator", {}, {}},
                          {"li", "manager", a_.company_id, {}},
                          {"wang", "agent", a_.company_id, {}},
                          {"zhao", "technician", a_.company_id, {}},
                          {"home", "household", {}, a_.household_id}};
    for (const auto& u : users) {
      ASSERT_TRUE(
          rt_->db->auth.AddUser({u.name, "api-test-password", u.role, u.company, u.household})
              .ok());
      tokens_[u.name] = rt_->db->auth.Login(u.name, "api-test-password")->token;
    }
    // Company a: one city-hotline order of January 2026, handled in time and visited
    // (satisfied); company b: one received and left alone.
    services::OrderActor agent{"wang", rules::Role::kAgent, {a_.company_id, std::nullopt}};
    order_ = Receive(agent, a_.household_id, "C-1", "2026-01-05T09:00:00+08:00");
    using E = rules::OrderEventType;
    for (auto [type, at] : {std::pair{E::kAccept, "2026-01-05T09:05:00+08:00"},
                            {E::kRespond, "2026-01-05T09:20:00+08:00"},
                            {E::kReply, "2026-01-07T10:00:00+08:00"},
                            {E::kVisit, "2026-01-08T10:00:00+08:00"}}) {
      rules::OrderEvent e;
      e.type = type;
      e.at = T(at);
      if (type == E::kReply) e.result = "已处理";
      if (type == E::kVisit) {
        e.reasonable = true;
        e.process_satisfaction = e.result_satisfaction = rules::Satisfaction::kSatisfied;
        e.mode = rules::VisitMode::kPhone;
      }
      auto r = rt_->db->work_orders.Record(order_, e, agent);
      ASSERT_TRUE(r.ok()) << r.error().message << " " << r.error().detail;
    }
    Receive({"liu", rules::Role::kAgent, {b_.company_id, std::nullopt}}, b_.household_id, "C-2",
            "2026-01-06T09:00:00+08:00");
  }

  int64_t Receive(const services::OrderActor& agent, int64_t household, const char* external,
                  const char* at) {
    services::NewWorkOrder n;
    n.channel = rules::Channel::kCityHotline;
    n.external_id = external;
    n.received_at = T(at);
    n.household = std::to_string(household);
    n.category = rules::OrderCategory::kHeatingQuality;
    auto r = rt_->db->work_orders.Receive(n, agent);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? r->order.order.head.id : 0;
  }

  adapters::http::Response Get(const std::string& user, const std::string& target) {
    adapters::http::Request req;
    req.method = "GET";
    size_t q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string::npos) req.query = *adapters::http::ParseQuery(target.substr(q + 1));
    if (!user.empty()) req.headers["authorization"] = "Bearer " + tokens_[user];
    return router_.Handle(req);
  }
  static std::string Field(const adapters::http::Response& r) {
    return json::parse(r.body)["error"].value("field", "");
  }

  support::TempDir dir_;
  std::unique_ptr<runtime::Runtime> rt_;
  adapters::http::Router router_;
  support::SensorCity a_, b_;
  std::map<std::string, std::string> tokens_;
  int64_t order_ = 0;
};

// Every role on both routes: the status and the companies it sees.
TEST_F(ReportsApi, RolesAndScopes) {
  struct Case {
    const char* user;
    const char* query;
    unsigned status;
    std::vector<std::string> companies;  // codes, when 200
  };
  const Case cases[] = {
      {"root", "month=2026-01", 200, {"a", "b"}},
      {"gov", "month=2026-01", 200, {"a", "b"}},
      {"gov", "month=2026-01&company=b", 200, {"b"}},
      {"li", "month=2026-01", 200, {"a"}},
      {"wang", "month=2026-01", 200, {"a"}},
      {"wang", "month=2026-01&company=a", 200, {"a"}},
      {"li", "month=2026-01&company=b", 403, {}},
      {"zhao", "month=2026-01", 403, {}},
      {"home", "month=2026-01", 403, {}},
      {"", "month=2026-01", 401, {}},
  };
  for (const char* route : {"/api/v1/reports/hotline", "/api/v1/reports/indicators"}) {
    for (const Case& c : cases) {
      SCOPED_TRACE(std::string(route) + " " + c.user + " " + c.query);
      auto r = Get(c.user, std::string(route) + "?" + c.query);
      ASSERT_EQ(r.status, c.status) << r.body;
      if (c.status != 200) continue;
      std::vector<std::string> codes;
      const json body = json::parse(r.body);
      for (const auto& company : body["companies"]) {
        codes.push_back(company["company_code"]);
      }
      EXPECT_EQ(codes, c.companies);
    }
  }
}

TEST_F(ReportsApi, ParametersAreChecked) {
  struct Case {
    const char* target;
    const char* field;
  };
  const Case cases[] = {
      {"/api/v1/reports/hotline", "month"},
      {"/api/v1/reports/hotline?month=2026-13", "month"},
      {"/api/v1/reports/hotline?month=2026-1", "month"},
      {"/api/v1/reports/indicators?month=January", "month"},
      {"/api/v1/reports/hotline?month=2026-01&format=pdf", "format"},
      {"/api/v1/reports/indicators?month=2026-01&format=csv", "format"},
      {"/api/v1/reports/hotline?month=2026-01&company=zz", "company"},
      // Issue 15: the indicators over a run of days, and of a district.
      {"/api/v1/indicators", "month"},
      {"/api/v1/indicators?month=2026-01&from=2026-01-01&to=2026-01-31", "month"},
      {"/api/v1/indicators?from=2026-01-01", "to"},
      {"/api/v1/indicators?to=2026-01-31", "from"},
      {"/api/v1/indicators?from=2026-01-32&to=2026-02-01", "from"},
      {"/api/v1/indicators?from=2026-02-01&to=2026-01-31", "to"},
      {"/api/v1/indicators?from=2025-01-01&to=2026-01-31", "to"},
      {"/api/v1/indicators?month=2026-01&district=d-zz", "district"},
      {"/api/v1/indicators?month=2026-01&district=999999", "district"},
      {"/api/v1/indicators?month=2026-01&district=0", "district"},
      {"/api/v1/reports/hotline?from=2026-01-01&to=2026-01-31", "from"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.target);
    auto r = Get("root", c.target);
    ASSERT_EQ(r.status, 400u) << r.body;
    EXPECT_EQ(json::parse(r.body)["error"]["field"], c.field) << r.body;
  }
  EXPECT_EQ(
      json::parse(Get("root", "/api/v1/reports/hotline?month=2026-13").body)["error"]["message"],
      "month must be YYYY-MM");
}

TEST_F(ReportsApi, HotlineJsonAndIndicators) {
  auto r = Get("li", "/api/v1/reports/hotline?month=2026-01");
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(r.content_type, "application/json");
  auto body = json::parse(r.body);
  EXPECT_EQ(body["month"], "2026-01");
  EXPECT_EQ(body["from"], "2026-01-01T00:00:00+08:00");
  EXPECT_EQ(body["until"], "2026-02-01T00:00:00+08:00");
  const auto& a = body["companies"][0];
  EXPECT_EQ(a["company_id"], a_.company_id);
  ASSERT_EQ(a["channels"].size(), 9u);
  EXPECT_EQ(a["channels"][0]["channel"], "city-hotline");
  EXPECT_EQ(a["channels"][0]["received"], 1);
  EXPECT_EQ(a["total"]["received"], 1);
  EXPECT_EQ(a["total"]["on_time"], 1);
  EXPECT_EQ(a["total"]["late"], 0);
  EXPECT_EQ(a["total"]["satisfaction"]["satisfied"], 1);
  EXPECT_EQ(a["total"]["orders"], json::array({order_}));

  auto i = Get("gov", "/api/v1/reports/indicators?month=2026-01&company=a");
  ASSERT_EQ(i.status, 200u) << i.body;
  const json indicators = json::parse(i.body);
  const auto& ind = indicators["companies"][0]["indicators"];
  ASSERT_EQ(ind.size(), 5u);
  // R-KPI-S first (issue 15): no heating stop recorded, 0‰ of the company's heated area.
  EXPECT_EQ(ind[0]["rule"], "R-KPI-S");
  EXPECT_EQ(ind[0]["display"], "0.00‰");
  EXPECT_EQ(ind[0]["status"], "met");
  EXPECT_EQ(ind[0]["outages"], json::array());
  EXPECT_EQ(ind[1]["rule"], "R-KPI-Q");
  EXPECT_EQ(ind[1]["display"], "100.00%");
  EXPECT_EQ(ind[1]["status"], "met");
  EXPECT_EQ(ind[1]["records"], json::array({std::to_string(order_) + "/response"}));
  EXPECT_EQ(ind[1]["orders"], json::array({order_}));
  // R-KPI-C (issue 15): January 2026 is in the season, but no household-day has a value.
  EXPECT_EQ(ind[2]["rule"], "R-KPI-C");
  EXPECT_EQ(ind[2]["status"], "not-applicable");
  EXPECT_EQ(ind[2]["households"], json::array());
  EXPECT_EQ(ind[3]["rule"], "R-KPI-P");
  EXPECT_EQ(ind[3]["value"], 1.0);
  EXPECT_EQ(ind[4]["rule"], "R-KPI-B");
  EXPECT_EQ(ind[4]["target_per_mille"], 900);
  EXPECT_EQ(ind[4]["orders"], json::array({order_}));
}

// Issue 15: GET /api/v1/indicators answers as the report does, over a month or a run of days,
// and for one district (id or code): the order is a's household's, in d-a.
TEST_F(ReportsApi, IndicatorsOfAPeriodAndADistrict) {
  auto month = json::parse(Get("gov", "/api/v1/indicators?month=2026-01&company=a").body);
  auto report = json::parse(Get("gov", "/api/v1/reports/indicators?month=2026-01&company=a").body);
  month.erase("generated_at");
  report.erase("generated_at");
  EXPECT_EQ(month, report);
  EXPECT_EQ(month["period"], "2026-01");
  EXPECT_EQ(month["district"], nullptr);

  auto days = Get("li", "/api/v1/indicators?from=2026-01-05&to=2026-01-06&district=d-a");
  ASSERT_EQ(days.status, 200u) << days.body;
  const json d = json::parse(days.body);
  EXPECT_EQ(d["month"], nullptr);
  EXPECT_EQ(d["period"], "2026-01-05..2026-01-06");
  EXPECT_EQ(d["from"], "2026-01-05T00:00:00+08:00");
  EXPECT_EQ(d["until"], "2026-01-07T00:00:00+08:00");
  EXPECT_EQ(d["district"]["district_code"], "d-a");
  ASSERT_EQ(d["companies"].size(), 1u);  // the manager's own company
  EXPECT_EQ(d["companies"][0]["indicators"][1]["orders"], json::array({order_}));

  // Each indicator links to its records, paged (issue 15): R-KPI-Q's one order, 1 of 1 or 0 of 1.
  const json& q = d["companies"][0]["indicators"][1];
  const std::string link = q["records_url"];
  EXPECT_EQ(link, "/api/v1/indicators/R-KPI-Q/records?from=2026-01-05&to=2026-01-06&company=" +
                      std::to_string(d["companies"][0]["company_id"].get<int64_t>()) +
                      "&district=" + std::to_string(d["district"]["district_id"].get<int64_t>()));
  auto behind = Get("li", link + "&limit=1");
  ASSERT_EQ(behind.status, 200u) << behind.body;
  const json items = json::parse(behind.body)["items"];
  ASSERT_FALSE(q["records"].empty());
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["record"], q["records"][0]);
  EXPECT_EQ(items[0]["denominator"], 1);
  EXPECT_EQ(items[0]["company_id"], d["companies"][0]["company_id"]);
  EXPECT_EQ(json::parse(behind.body)["next_cursor"].is_null(), q["records"].size() == 1u);
  EXPECT_EQ(Field(Get("li", "/api/v1/indicators/R-KPI-X/records?month=2026-01")), "rule");
  EXPECT_EQ(Get("zhao", "/api/v1/indicators/R-KPI-Q/records?month=2026-01").status, 403u);
  EXPECT_EQ(Field(Get("li", "/api/v1/indicators/R-KPI-Q/records")), "month");

  // d-b is company b's: company a has no household there, so no order counts.
  const json other =
      json::parse(Get("li", "/api/v1/indicators?from=2026-01-05&to=2026-01-06&district=d-b").body);
  EXPECT_EQ(other["companies"][0]["indicators"][1]["orders"], json::array());
  EXPECT_EQ(other["companies"][0]["indicators"][1]["status"], "not-applicable");

  // A district coded by its six-digit division code is found by that code.
  auto coded = rt_->db->records.Create(*model::FindResource("districts"),
                                       {{"code", "371002"}, {"name", "环翠区"}, {"city", "威海市"},
                                        {"policy", "weihai"}},
                                       {}, "setup");
  ASSERT_TRUE(coded.ok()) << coded.error().message;
  auto by_code = Get("gov", "/api/v1/indicators?month=2026-01&district=371002");
  ASSERT_EQ(by_code.status, 200u) << by_code.body;
  EXPECT_EQ(json::parse(by_code.body)["district"]["district_id"], coded->id);

  auto xlsx = Get("gov", "/api/v1/indicators?from=2026-01-05&to=2026-01-06&format=xlsx");
  ASSERT_EQ(xlsx.status, 200u) << xlsx.body;
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(Get("zhao", "/api/v1/indicators?month=2026-01").status, 403u);
}

TEST_F(ReportsApi, XlsxIsAnAttachment) {
  struct Case {
    const char* user;
    const char* query;
    const char* file;
  };
  const Case cases[] = {
      {"li", "month=2026-01&format=xlsx", "hotline-report-2026-01-a.xlsx"},
      {"root", "month=2026-01&format=xlsx", "hotline-report-2026-01.xlsx"},
      {"gov", "month=2026-01&format=xlsx&company=b", "hotline-report-2026-01-b.xlsx"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.query);
    auto r = Get(c.user, std::string("/api/v1/reports/hotline?") + c.query);
    ASSERT_EQ(r.status, 200u) << r.body;
    EXPECT_EQ(r.content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(r.body.substr(0, 2), "PK");
    bool named = false;
    for (const auto& [name, value] : r.headers) {
      if (name == "Content-Disposition") {
        named = true;
        EXPECT_EQ(value, std::string("attachment; filename=\"") + c.file + "\"");
      }
    }
    EXPECT_TRUE(named);
  }
  EXPECT_EQ(Get("zhao", "/api/v1/reports/hotline?month=2026-01&format=xlsx").status, 403u);
}

TEST_F(ReportsApi, TheIndicatorsWorkbookListsTheRecordsBehindThem) {
  auto r = Get("gov", "/api/v1/reports/indicators?month=2026-01&company=a&format=xlsx");
  ASSERT_EQ(r.status, 200u) << r.body;
  bool named = false;
  for (const auto& [name, value] : r.headers) {
    if (value == "attachment; filename=\"indicators-2026-01-a.xlsx\"") named = true;
  }
  EXPECT_TRUE(named);
  const support::XlsxBook wb = support::ReadXlsx(r.body);
  ASSERT_EQ(wb.sheets, (std::vector<std::string>{"指标", "记录"}));
  const auto& v = wb.cells[0];
  EXPECT_EQ(v.at("A1"), "2026年01月 供热服务指标");
  EXPECT_EQ(v.at("B4"), "运行事故率 (R-KPI-S)");
  EXPECT_EQ(v.at("C4"), "0.00‰");
  EXPECT_EQ(v.at("D4"), "≤ 2‰");
  EXPECT_EQ(v.at("E4"), "达标");
  EXPECT_EQ(v.at("B5"), "抢修响应率 (R-KPI-Q)");
  EXPECT_EQ(v.at("C5"), "100.00%");
  EXPECT_EQ(v.at("F5"), "1");
  EXPECT_EQ(v.at("C6"), "不适用");  // R-KPI-C: no household-day with a value
  EXPECT_EQ(v.at("E6"), "不适用");
  EXPECT_EQ(v.at("D8"), "≥ 90%");  // R-KPI-B
  const auto& rec = wb.cells[1];
  EXPECT_EQ(rec.at("B4"), "抢修响应率 (R-KPI-Q)");
  EXPECT_EQ(rec.at("C4"), std::to_string(order_) + "/response");
  EXPECT_EQ(rec.at("D4"), "是");
  EXPECT_NE(rec.at("A2").find("记录共 3 条"), std::string::npos) << rec.at("A2");  // Q, P, B
}

}  // namespace
}  // namespace hearth::app::http

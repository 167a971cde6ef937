// GET /api/v1/sample-plan in process (AddApiRoutes over a real SQLite database): a company's
// sampling plan from its stored households (R-SAMPLE-1..3, issue 14's 采样方案), its roles, its
// parameters, the data errors that stop it, and its CSV and xlsx exports; and the plan adopted
// (POST /api/v1/sample-plan, R-SAMPLE-3): its days and staff, its follow-up and its changes.
// Every answer is checked against the OpenAPI document (support/openapi_check.hpp).
//
// The city: company p, one substation, three buildings of 6 floors with pipe distances 100, 200
// and 300 m (near, middle, far by thirds), and 12 heated households, 4 per building. Under the
// weihai profile (≤ 1,000,000 m²: 3 %) 12 households need ceil(0.36) = 1, whose quotas are far
// (50 %), shade (60 %) and lower (40 %): the one far, shade, lower household (H-31, floor 1 of
// the far building) is the only pick that meets all three.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/http/api.hpp"
#include "app/http/openapi.hpp"
#include "rules/season.hpp"
#include "support/openapi_check.hpp"
#include "support/test_process.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::json;

class SamplePlanApi : public ::testing::Test {
 protected:
  void SetUp() override {
    auto rt = runtime::Runtime::Open({dir_ / "h.db",
                                      std::string(HEARTH_SOURCE_DIR) + "/policies",
                                      runtime::DbMode::kRequired,
                                      {1, 1024, 1}});
    ASSERT_TRUE(rt.ok()) << rt.error().message;
    rt_ = std::move(*rt);
    AddApiRoutes(router_, *rt_);
    support::CheckAnswers(router_);
    const int64_t d =
        Make("districts", {{"code", "d"}, {"name", "D"}, {"city", "威海市"}, {"policy", "weihai"}});
    company_ = Make("companies", {{"code", "p"}, {"name", "P 热力"}, {"policy", "weihai"}});
    other_ = Make("companies", {{"code", "q"}, {"name", "Q"}, {"policy", "weihai"}});
    const int64_t src =
        Make("heat_sources",
             {{"company_id", company_}, {"code", "hs"}, {"name", "hs"}, {"kind", "chp"}});
    const int64_t sec =
        Make("network_sections",
             {{"company_id", company_}, {"heat_source_id", src}, {"code", "n"}, {"name", "n"}});
    const int64_t sub =
        Make("substations",
             {{"company_id", company_}, {"network_section_id", sec}, {"code", "s"}, {"name", "s"}});
    // Buildings 1..3 at 100, 200, 300 m, each with households k = 1..4 as below: floor 1 of 6
    // is lower, floor 6 upper; only the far building's first household is lower and shaded.
    struct Home {
      int64_t floor;
      const char* orientation;
    };
    for (int b = 1; b <= 3; ++b) {
      buildings_[b] = Make("buildings", {{"company_id", company_},
                                         {"district_id", d},
                                         {"substation_id", sub},
                                         {"code", "B-" + std::to_string(b)},
                                         {"community", "C"},
                                         {"floors", int64_t{6}},
                                         {"pipe_distance_m", int64_t{100} * b}});
      const int64_t part = Make(
          "partitions", {{"company_id", company_}, {"building_id", buildings_[b]}, {"code", "U"}});
      const Home homes[] = {{b == 3 ? 1 : 6, "shade"}, {1, "sun"}, {6, "shade"}, {6, "sun"}};
      for (int k = 1; k <= 4; ++k) {
        const std::string code = "H-" + std::to_string(b) + std::to_string(k);
        households_[code] = Make("households", {{"company_id", company_},
                                                {"partition_id", part},
                                                {"code", code},
                                                {"area_m2", int64_t{9000}},
                                                {"floor", homes[k - 1].floor},
                                                {"orientation", homes[k - 1].orientation},
                                                {"billing", "area"},
                                                {"heating_status", "heated"}});
      }
    }
    const int64_t room = Make(
        "rooms", {{"household_id", households_["H-31"]}, {"name", "主卧"}, {"kind", "bedroom"}});
    sensor_ = Make("sensors", {{"code", "S-31"}, {"room_id", room}});
    struct User {
      const char* name;
      const char* role;
      std::optional<int64_t> company, household;
    };
    const User users[] = {
        {"root", "admin", {}, {}},       {"gov", "regulator", {}, {}},
        {"li", "manager", company_, {}}, {"zhao", "technician", company_, {}},
        {"wang", "agent", company_, {}}, {"home", "household", {}, households_["H-11"]}};
    for (const auto& u : users) {
      ASSERT_TRUE(
          rt_->db->auth.AddUser({u.name, "api-test-password", u.role, u.company, u.household})
              .ok());
      tokens_[u.name] = rt_->db->auth.Login(u.name, "api-test-password")->token;
    }
  }

  int64_t Make(const char* resource, const ports::Fields& fields) {
    auto rec = rt_->db->records.Create(*model::FindResource(resource), fields, {}, "setup");
    EXPECT_TRUE(rec.ok()) << resource << ": " << rec.error().message;
    return rec.ok() ? rec->id : 0;
  }

  void Change(const char* resource, int64_t id, const ports::Fields& fields) {
    auto rec = rt_->db->records.Update(*model::FindResource(resource), id, fields, {}, "setup");
    ASSERT_TRUE(rec.ok()) << resource << ": " << rec.error().message;
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
  adapters::http::Response Get(const std::string& user, const std::string& target) {
    return Call(user, "GET", target);
  }

  // A collection window that started three days ago, within one season, and its season.
  struct Window {
    Date from, to;
    int64_t season;
  };
  Window RecentWindow() const {
    const Date from = LocalDate(rt_->clock.Now()) - std::chrono::days(3);
    const int64_t season = rules::SeasonYearOf(from);
    const Date last = *MakeDate(static_cast<int>(season) + 1, 6, 30);
    return {from, std::min(from + std::chrono::days(30), last), season};
  }
  json Adoption(const Window& w, const json& staff) const {
    return {{"season", w.season},
            {"from", FormatDate(w.from)},
            {"to", FormatDate(w.to)},
            {"staff", staff}};
  }

  // The answer conforms to the schema the OpenAPI document declares for it.
  void Conforms(const std::string& schema, const std::string& body) {
    const auto document = OpenApiDocument(router_);
    for (const auto& problem : support::AnswerProblems(document, schema, json::parse(body))) {
      ADD_FAILURE() << schema << ": " << problem;
    }
  }

  void Measured(const std::string& household, Date day, bool valid) {
    ports::Measurement m;
    m.household_id = households_[household];
    m.room = "主卧";
    m.taken_at = StartOfLocalDay(day) + std::chrono::hours(10);
    m.instrument = "glass-thermometer";
    m.payload_json = R"({"room":"主卧"})";
    m.signature = "pending";
    m.valid = valid;
    m.violations_json = valid ? "[]" : R"([{"rule":"R-TEMP-4","check":"x","message":"x"}])";
    if (valid) m.value = 181;
    m.created_by = "zhao";
    ASSERT_TRUE(rt_->db->monitoring.AddMeasurement(m).ok());
  }

  support::TempDir dir_;
  std::unique_ptr<runtime::Runtime> rt_;
  adapters::http::Router router_;
  int64_t company_ = 0, other_ = 0, sensor_ = 0;
  std::map<int, int64_t> buildings_;
  std::map<std::string, int64_t> households_;
  std::map<std::string, std::string> tokens_;
};

TEST_F(SamplePlanApi, ThePlanOfTheStoredHouseholdsMeetsItsQuotas) {
  auto r = Get("li", "/api/v1/sample-plan");
  ASSERT_EQ(r.status, 200u) << r.body;
  Conforms("SamplePlanPreview", r.body);
  const json plan = json::parse(r.body);
  EXPECT_EQ(plan["company_code"], "p");
  EXPECT_EQ(plan["seed"], "0");
  EXPECT_EQ(plan["households"], 12);
  EXPECT_EQ(plan["total_area_m2"], 1080);
  EXPECT_EQ(plan["rate_percent"], 3);
  EXPECT_EQ(plan["required"], 1);
  EXPECT_EQ(plan["quotas"]["position"]["far"], 1);
  EXPECT_EQ(plan["quotas"]["orientation"]["shade"], 1);
  EXPECT_EQ(plan["quotas"]["floor"]["lower"], 1);
  EXPECT_EQ(plan["achieved"], plan["quotas"]);
  EXPECT_EQ(plan["shortfalls"], json::array());
  EXPECT_EQ(plan["selected"], json::array({std::to_string(households_["H-31"])}));
  ASSERT_EQ(plan["selected_households"].size(), 1u);
  const json& h = plan["selected_households"][0];
  EXPECT_EQ(h["code"], "H-31");
  EXPECT_EQ(h["building_code"], "B-3");
  EXPECT_EQ(h["floor_tier"], "lower");
  EXPECT_EQ(h["network_position"], "far");
  EXPECT_EQ(h["position_derived"], true);
  EXPECT_EQ(h["orientation"], "shade");
  EXPECT_EQ(h["area_m2"], 90.0);
  EXPECT_EQ(h["has_sensor"], true);

  // The same records and seed give the same plan; the technician and the admin read it too.
  auto again = json::parse(Get("zhao", "/api/v1/sample-plan?seed=0").body);
  auto admin = json::parse(Get("root", "/api/v1/sample-plan?company=p").body);
  for (json* j : {&again, &admin}) j->erase("generated_at");
  json expected = plan;
  expected.erase("generated_at");
  EXPECT_EQ(again, expected);
  EXPECT_EQ(admin, expected);

  // A position set on the building wins over the distance: B-3 near now, and B-1 (derived near)
  // is no longer alone there; no far household is left, so the far quota falls short.
  Change("buildings", buildings_[3], {{"network_position", "near"}});
  const json moved = json::parse(Get("li", "/api/v1/sample-plan").body);
  EXPECT_EQ(moved["selected_households"][0]["network_position"], "near");
  EXPECT_EQ(moved["selected_households"][0]["position_derived"], false);
  EXPECT_EQ(moved["shortfalls"],
            json::parse(R"([{"dimension":"position","value":"far","missing":1}])"));
}

TEST_F(SamplePlanApi, RolesAndParameters) {
  struct Case {
    const char* user;
    const char* query;
    unsigned status;
    const char* field;  // of a 400
  };
  const Case cases[] = {
      {"wang", "", 403, nullptr},
      {"home", "", 403, nullptr},
      {"", "", 401, nullptr},
      {"gov", "", 400, "company"},
      {"gov", "?company=zz", 400, "company"},
      {"gov", "?company=p", 200, nullptr},
      {"li", "?company=q", 403, nullptr},
      {"li", "?seed=abc", 400, "seed"},
      {"li", "?seed=-1", 400, "seed"},
      {"li", "?seed=18446744073709551616", 400, "seed"},
      {"li", "?seed=18446744073709551615", 200, nullptr},
      {"li", "?format=pdf", 400, "format"},
      {"li", "?month=2026-01", 400, "month"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.user) + " " + c.query);
    auto r = Get(c.user, std::string("/api/v1/sample-plan") + c.query);
    EXPECT_EQ(r.status, c.status) << r.body;
    if (c.field != nullptr) {
      EXPECT_EQ(json::parse(r.body)["error"]["field"], c.field) << r.body;
    }
  }
  EXPECT_EQ(json::parse(Get("li", "/api/v1/sample-plan?seed=18446744073709551615").body)["seed"],
            "18446744073709551615");
}

// What the plan cannot place is named: a building with neither position nor distance, a
// household above its building's top floor. A basement household counts as lower.
TEST_F(SamplePlanApi, DataThatCannotBePlacedIsNamed) {
  Change("households", households_["H-12"], {{"floor", int64_t{7}}});
  auto high = Get("li", "/api/v1/sample-plan");
  ASSERT_EQ(high.status, 409u) << high.body;
  EXPECT_EQ(json::parse(high.body)["error"]["field"], "floor");
  EXPECT_NE(json::parse(high.body)["error"]["message"].get<std::string>().find("H-12"),
            std::string::npos);
  Change("households", households_["H-12"], {{"floor", int64_t{-1}}});
  EXPECT_EQ(Get("li", "/api/v1/sample-plan").status, 200u);

  Change("buildings", buildings_[2], {{"pipe_distance_m", nullptr}});
  auto lost = Get("li", "/api/v1/sample-plan");
  ASSERT_EQ(lost.status, 409u) << lost.body;
  const json error = json::parse(lost.body)["error"];
  EXPECT_EQ(error["field"], "network_position");
  EXPECT_NE(error["message"].get<std::string>().find("B-2"), std::string::npos);
}

TEST_F(SamplePlanApi, CsvAndXlsxExports) {
  auto csv = Get("zhao", "/api/v1/sample-plan?format=csv&seed=7");
  ASSERT_EQ(csv.status, 200u) << csv.body;
  EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body,
            "household_id,code,address,community,building,floor,floor_tier,network_position,"
            "position_derived,orientation,area_m2,has_sensor\r\n" +
                std::to_string(households_["H-31"]) +
                ",H-31,,C,B-3,1,lower,far,true,shade,90.00,true\r\n");
  bool named = false;
  for (const auto& [name, value] : csv.headers) {
    if (name == "Content-Disposition") {
      named = true;
      EXPECT_EQ(value, "attachment; filename=\"sample-plan-p-seed-7.csv\"");
    }
  }
  EXPECT_TRUE(named);
  auto xlsx = Get("li", "/api/v1/sample-plan?format=xlsx");
  ASSERT_EQ(xlsx.status, 200u) << xlsx.body;
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
}


// R-SAMPLE-3: the plan adopted names its households, their collection days and the staff; it is
// stored once per season, audited, and followed point by point.
TEST_F(SamplePlanApi, AnAdoptedPlanNamesDaysAndStaffAndIsFollowed) {
  ASSERT_TRUE(
      rt_->db->records.Delete(*model::FindResource("sensors"), sensor_, {}, "setup").ok());
  const Window w = RecentWindow();
  auto adopted = Call("li", "POST", "/api/v1/sample-plan", Adoption(w, {"zhao"}).dump());
  ASSERT_EQ(adopted.status, 201u) << adopted.body;
  Conforms("sample plan", adopted.body);
  const json plan = json::parse(adopted.body);
  for (const auto& problem :
       support::AnswerProblems(OpenApiDocument(router_), "SamplePlanSummary", plan["summary"])) {
    ADD_FAILURE() << "summary: " << problem;
  }
  EXPECT_EQ(plan["company_id"], company_);
  EXPECT_EQ(plan["season"], w.season);
  EXPECT_EQ(plan["seed"], "0");
  EXPECT_EQ(plan["required"], 1);
  EXPECT_EQ(plan["heated_households"], 12);
  EXPECT_EQ(plan["adopted_by"], "li");
  EXPECT_EQ(plan["summary"]["quotas"]["floor"]["lower"], 1);
  EXPECT_FALSE(plan["summary"].contains("selected"));  // the points hold them
  const std::string id = std::to_string(plan["id"].get<int64_t>());

  auto listed = Get("zhao", "/api/v1/sample_points?plan_id=" + id);
  ASSERT_EQ(listed.status, 200u) << listed.body;
  const json points = json::parse(listed.body)["items"];
  ASSERT_EQ(points.size(), 1u);
  EXPECT_EQ(points[0]["household_id"], households_["H-31"]);
  EXPECT_EQ(points[0]["method"], "manual");  // its sensor is gone: a visit
  EXPECT_EQ(points[0]["staff"], "zhao");
  EXPECT_EQ(points[0]["collect_on"], FormatDate(w.from));
  EXPECT_EQ(points[0]["floor_tier"], "lower");

  auto follow = [&](const std::string& user, const std::string& query = "") {
    auto r = Get(user, "/api/v1/sample_plans/" + id + "/follow-up" + query);
    EXPECT_EQ(r.status, 200u) << r.body;
    if (r.status == 200u) Conforms("SamplePlanFollowUp", r.body);
    return r.status == 200u ? json::parse(r.body) : json::object();
  };
  json f = follow("li");
  EXPECT_EQ(f["counts"]["overdue"], 1);  // its day was three days ago
  EXPECT_EQ(f["points"][0]["status"], "overdue");
  EXPECT_EQ(f["points"][0]["household_code"], "H-31");
  Measured("H-31", w.from - std::chrono::days(1), true);  // before the window: not this plan's
  Measured("H-31", w.from, false);                         // broke R-TEMP-4: not a collection
  EXPECT_EQ(follow("gov")["points"][0]["status"], "overdue");
  Measured("H-31", w.from, true);
  f = follow("zhao", "?staff=zhao");
  EXPECT_EQ(f["counts"]["collected"], 1);
  ASSERT_EQ(f["points"].size(), 1u);
  EXPECT_EQ(f["points"][0]["status"], "collected");
  EXPECT_EQ(f["points"][0]["collected_on"], FormatDate(w.from));
  EXPECT_EQ(f["points"][0]["collected_by"], "zhao");
  EXPECT_EQ(follow("li", "?staff=nobody")["points"].size(), 0u);

  // Exported for the round: the same points as CSV (wire names) and as a workbook.
  const std::string path = "/api/v1/sample_plans/" + id + "/follow-up";
  auto csv = Get("zhao", path + "?format=csv&staff=zhao");
  ASSERT_EQ(csv.status, 200u) << csv.body;
  EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body,
            "point_id,household_id,household_code,address,method,network_position,orientation,"
            "floor_tier,collect_on,staff,status,collected_on,collected_by\r\n" +
                std::to_string(points[0]["id"].get<int64_t>()) + "," +
                std::to_string(households_["H-31"]) + ",H-31,,manual,far,shade,lower," +
                FormatDate(w.from) + ",zhao,collected," + FormatDate(w.from) + ",zhao\r\n");
  bool named = false;
  for (const auto& [name, value] : csv.headers) {
    named |= name == "Content-Disposition" &&
             value == "attachment; filename=\"sample-plan-" + id + "-" +
                          std::to_string(w.season) + "-zhao.csv\"";
  }
  EXPECT_TRUE(named);
  auto xlsx = Get("gov", path + "?format=xlsx");
  ASSERT_EQ(xlsx.status, 200u) << xlsx.body;
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  auto pdf = Get("li", path + "?format=pdf");
  EXPECT_EQ(pdf.status, 400u);
  EXPECT_EQ(json::parse(pdf.body)["error"]["field"], "format");
  EXPECT_EQ(Get("home", "/api/v1/sample_plans/" + id + "/follow-up").status, 403u);
  EXPECT_EQ(Get("li", "/api/v1/sample_plans/999/follow-up").status, 404u);

  // Once per season; what changes is a point's day or technician, by the manager, audited.
  auto again = Call("li", "POST", "/api/v1/sample-plan", Adoption(w, {"zhao"}).dump());
  EXPECT_EQ(again.status, 409u) << again.body;
  EXPECT_EQ(json::parse(again.body)["error"]["field"], "season");
  const std::string point =
      "/api/v1/sample_points/" + std::to_string(points[0]["id"].get<int64_t>());
  const json later = {{"collect_on", FormatDate(w.to)}};
  EXPECT_EQ(Call("zhao", "POST", point + "/reschedule", later.dump()).status, 403u);
  auto moved = Call("li", "POST", point + "/reschedule", later.dump());
  ASSERT_EQ(moved.status, 200u) << moved.body;
  Conforms("sample point", moved.body);
  EXPECT_EQ(json::parse(moved.body)["collect_on"], FormatDate(w.to));
  const json outside = {{"collect_on", FormatDate(w.to + std::chrono::days(1))}};
  auto refused = Call("li", "POST", point + "/reschedule", outside.dump());
  EXPECT_EQ(refused.status, 400u);
  EXPECT_EQ(json::parse(refused.body)["error"]["field"], "collect_on");
  auto agent = Call("li", "POST", point + "/reschedule", json{{"staff", "wang"}}.dump());
  EXPECT_EQ(agent.status, 400u);
  EXPECT_EQ(json::parse(agent.body)["error"]["field"], "staff");
  EXPECT_EQ(Call("li", "PATCH", point, later.dump()).status, 403u);  // Hearth writes these

  auto audit = rt_->db->records.Audit(std::nullopt, 50);
  ASSERT_TRUE(audit.ok());
  bool created = false, rescheduled = false;
  for (const auto& e : *audit) {
    created |= e.resource == "sample_plans" && e.action == "create" && e.actor == "li";
    rescheduled |= e.resource == "sample_points" && e.action == "update" && e.actor == "li" &&
                   e.after_json.find(FormatDate(w.to)) != std::string::npos;
  }
  EXPECT_TRUE(created);
  EXPECT_TRUE(rescheduled);
}

TEST_F(SamplePlanApi, TheStaffAManagerMayNameAreListed) {
  // A disabled technician of the company and one of another company are never listed.
  for (auto [name, company] : {std::pair{"an", company_}, std::pair{"qian", company_},
                                std::pair{"sun", other_}}) {
    ASSERT_TRUE(
        rt_->db->auth.AddUser({name, "api-test-password", "technician", company, {}}).ok());
  }
  const int64_t qian = rt_->db->accounts.Find("qian")->id;
  ASSERT_TRUE(rt_->db->accounts.SetDisabled(qian, true, {"root", std::nullopt}).ok());
  auto names = [](const adapters::http::Response& r) {
    std::vector<std::string> out;
    const json body = json::parse(r.body);
    for (const auto& u : body["items"]) out.push_back(u["username"]);
    return out;
  };
  auto r = Get("li", "/api/v1/staff?role=technician");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(names(r), (std::vector<std::string>{"an", "zhao"}));
  EXPECT_EQ(json::parse(r.body)["items"][0]["role"], "technician");
  EXPECT_EQ(names(Get("zhao", "/api/v1/staff")),
            (std::vector<std::string>{"an", "li", "wang", "zhao"}));
  EXPECT_EQ(names(Get("root", "/api/v1/staff?role=technician&company=q")),
            (std::vector<std::string>{"sun"}));
  EXPECT_EQ(names(Get("gov", "/api/v1/staff?role=technician&company_id=" +
                                 std::to_string(company_))),
            (std::vector<std::string>{"an", "zhao"}));

  EXPECT_EQ(Get("li", "/api/v1/staff?company=q").status, 403);
  EXPECT_EQ(Get("home", "/api/v1/staff").status, 403);
  EXPECT_EQ(Get("", "/api/v1/staff").status, 401);
  auto no_company = Get("root", "/api/v1/staff");
  EXPECT_EQ(no_company.status, 400);
  EXPECT_EQ(json::parse(no_company.body)["error"]["field"], "company_id");
  auto bad_role = Get("li", "/api/v1/staff?role=household");
  EXPECT_EQ(bad_role.status, 400);
  EXPECT_EQ(json::parse(bad_role.body)["error"]["field"], "role");
  EXPECT_EQ(Get("li", "/api/v1/staff?user=x").status, 400);
}

TEST_F(SamplePlanApi, AdoptingIsRefusedWithTheFieldAtFault) {
  const Window w = RecentWindow();
  struct Case {
    const char* name;
    const char* user;
    json body;
    unsigned status;
    const char* field;
  };
  json outside = Adoption(w, json::array());
  outside["from"] = std::to_string(w.season - 1) + "-12-01";
  json backwards = Adoption(w, json::array());
  backwards["to"] = FormatDate(w.from - std::chrono::days(1));
  json unknown = Adoption(w, json::array());
  unknown["note"] = "x";
  const Case cases[] = {
      {"a technician", "zhao", Adoption(w, json::array()), 403u, nullptr},
      {"the regulator", "gov", Adoption(w, json::array()), 403u, nullptr},
      {"an agent as staff", "li", Adoption(w, {"wang"}), 400u, "staff"},
      {"an unknown user as staff", "li", Adoption(w, {"nobody"}), 400u, "staff"},
      {"a name twice", "li", Adoption(w, {"zhao", "zhao"}), 400u, "staff"},
      {"a window outside the season", "li", outside, 400u, "from"},
      {"a window backwards", "li", backwards, 400u, "to"},
      {"an unknown field", "li", unknown, 400u, "note"},
      {"no season", "li", json{{"from", "2026-12-01"}, {"to", "2026-12-02"}}, 400u, "season"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = Call(c.user, "POST", "/api/v1/sample-plan", c.body.dump());
    EXPECT_EQ(r.status, c.status) << r.body;
    if (c.field) {
      EXPECT_EQ(json::parse(r.body)["error"]["field"], c.field) << r.body;
    }
  }
  // The records themselves are Hearth's to write, not even the admin's.
  EXPECT_EQ(Call("root", "POST", "/api/v1/sample_plans",
                 json{{"company_id", company_}, {"season", w.season}}.dump())
                .status,
            403u);
  EXPECT_EQ(json::parse(Get("li", "/api/v1/sample_plans").body)["items"].size(), 0u);
}

TEST_F(SamplePlanApi, ARemotePointNeedsNoVisitAndALargePlanRunsAsAJob) {
  const Window w = RecentWindow();
  auto started = Call("root", "POST", "/api/v1/sample-plan?company=p&async=true",
                      Adoption(w, json::array()).dump());
  ASSERT_EQ(started.status, 202u) << started.body;
  const json job = json::parse(started.body);
  EXPECT_EQ(job["kind"], "sample-plan");
  rt_->db->jobs.Drain();
  auto ended = Get("root", "/api/v1/jobs/" + std::to_string(job["id"].get<int64_t>()));
  ASSERT_EQ(ended.status, 200u);
  Conforms("Job", started.body);
  Conforms("Job", ended.body);
  const json done = json::parse(ended.body);
  ASSERT_EQ(done["state"], "succeeded") << ended.body;
  EXPECT_EQ(done["percent"], 100);
  const std::string id = std::to_string(done["result"]["id"].get<int64_t>());
  const json f = json::parse(Get("li", "/api/v1/sample_plans/" + id + "/follow-up").body);
  ASSERT_EQ(f["points"].size(), 1u);
  EXPECT_EQ(f["points"][0]["method"], "remote");  // H-31 has a sensor: no staff needed
  EXPECT_TRUE(f["points"][0]["staff"].is_null());
  EXPECT_EQ(f["points"][0]["status"], "overdue");  // silent since the window opened
  const std::string point =
      "/api/v1/sample_points/" + std::to_string(f["points"][0]["id"].get<int64_t>());
  EXPECT_EQ(Call("li", "POST", point + "/reschedule", json{{"staff", "zhao"}}.dump()).status,
            409u);
}

}  // namespace
}  // namespace hearth::app::http

// Work orders end to end, in process (AddApiRoutes over a real SQLite database, and over a real
// PostgreSQL one): receiving orders with their deadlines (R-WO-1..3), validation, who may see and
// do what (W 12.1 masking, company and household scopes), an order's whole life by events with
// 409/422 refusals (R-WO-2, R-WO-3, R-WO-6, R-REPAIR-1), duplicates closed with their parent,
// the timeline, the household's notifications and the list's filters and paging.
//
// The runtime runs on the system clock: every time below is in the past (2024–2025), so every
// event is backdated, and every deadline still open is overdue. Expected deadlines are derived
// by hand from RULES.md (R-CAL-2: the day a period starts is not counted) and the State
// Council's calendar (National Day 2024: 10-01..07 off, Sun 09-29 and Sat 10-12 worked).
#include <gtest/gtest.h>

#include <chrono>
#include <functional>

#include <nlohmann/json.hpp>

#include "app/http/api.hpp"
#include "support/openapi_check.hpp"
#include "support/test_postgres.hpp"
#include "support/test_process.hpp"
#include "support/test_sensors.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::json;

Instant Now() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

class WorkOrdersApi : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const std::string db = GetParam() == "postgres"
                               ? support::PostgresCluster::Shared().CreateDatabase()
                               : dir_ / "h.db";
    // Cheap hashes: these tests are about work orders, not hashing.
    auto rt = runtime::Runtime::Open({db, std::string(HEARTH_SOURCE_DIR) + "/policies",
                                      runtime::DbMode::kRequired, {1, 1024, 1}});
    ASSERT_TRUE(rt.ok()) << rt.error().message;
    rt_ = std::move(*rt);
    AddApiRoutes(router_, *rt_);
    support::CheckAnswers(router_);  // every answer as documented
    // Both companies have a household coded H-101.
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
                          {"liu", "manager", b_.company_id, {}},
                          {"home", "household", {}, a_.household_id},
                          {"other", "household", {}, b_.household_id}};
    for (const auto& u : users) {
      ASSERT_TRUE(rt_->db->auth.AddUser({u.name, "api-test-password", u.role, u.company, u.household})
                      .ok());
      tokens_[u.name] = rt_->db->auth.Login(u.name, "api-test-password")->token;
    }
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

  // A new order's body for household a (by id), heating-quality, with a caller's phone.
  json Order(const std::string& channel, const std::string& received,
             const std::string& external = "") {
    json o = {{"channel", channel},
              {"received_at", received},
              {"household", a_.household_id},
              {"category", "heating-quality"},
              {"content", "卧室温度 16 度"},
              {"caller_phone", "13812345678"}};
    if (!external.empty()) o["external_id"] = external;
    return o;
  }

  // Creates an order; 0 (and a failure) unless the answer is 201.
  int64_t Create(const std::string& user, const json& body) {
    auto r = Call(user, "POST", "/api/v1/work-orders", body.dump());
    EXPECT_EQ(r.status, 201u) << body.dump() << " -> " << r.body;
    if (r.status != 201u) return 0;
    return json::parse(r.body)["id"].get<int64_t>();
  }

  adapters::http::Response Event(const std::string& user, int64_t id, const json& body) {
    return Call(user, "POST", "/api/v1/work-orders/" + std::to_string(id) + "/events",
                body.dump());
  }

  json Get(const std::string& user, int64_t id) {
    auto r = Call(user, "GET", "/api/v1/work-orders/" + std::to_string(id));
    EXPECT_EQ(r.status, 200u) << r.body;
    return r.status == 200u ? json::parse(r.body) : json();
  }

  // The ids of a list's page.
  std::vector<int64_t> Ids(const std::string& user, const std::string& query) {
    auto r = Call(user, "GET", "/api/v1/work-orders" + query);
    EXPECT_EQ(r.status, 200u) << query << " -> " << r.body;
    std::vector<int64_t> ids;
    if (r.status != 200u) return ids;
    const json page = json::parse(r.body);
    for (const auto& item : page["items"]) ids.push_back(item["id"].get<int64_t>());
    return ids;
  }

  struct Step {
    std::string user;
    json body;
    unsigned status;
    std::string state;  // after it, when 200
    std::string field;  // the error's field, when not 200
  };
  void Run(int64_t id, const std::vector<Step>& steps) {
    for (const auto& s : steps) {
      SCOPED_TRACE(s.user + " " + s.body.dump());
      auto r = Event(s.user, id, s.body);
      ASSERT_EQ(r.status, s.status) << r.body;
      auto j = json::parse(r.body);
      if (s.status == 200u) {
        EXPECT_EQ(j["state"], s.state);
      } else if (!s.field.empty()) {
        EXPECT_EQ(j["error"]["field"], s.field) << r.body;
      }
    }
  }

  static json Contact(const std::string& at) {
    return {{"who", "王女士"}, {"at", at}, {"how", "phone"}};
  }
  static json Visit(const std::string& at, const std::string& mode, bool by_manager) {
    return {{"type", "visit"},
            {"at", at},
            {"process_satisfaction", "satisfied"},
            {"result_satisfaction", "basically-satisfied"},
            {"reasonable", true},
            {"mode", mode},
            {"by_manager", by_manager}};
  }

  support::TempDir dir_;
  std::unique_ptr<runtime::Runtime> rt_;
  adapters::http::Router router_;
  support::SensorCity a_, b_;
  std::map<std::string, std::string> tokens_;
};

// ---------------------------------------------------------------------------------------------
// 1. Create

TEST_P(WorkOrdersApi, CreateGivesTheDeadlinesOfTheChannel) {
  const json body = Order("city-hotline", "2024-09-27T16:00:00+08:00", "12345-2024-000123");
  auto r = Call("wang", "POST", "/api/v1/work-orders", body.dump());
  ASSERT_EQ(r.status, 201u) << r.body;
  auto o = json::parse(r.body);
  EXPECT_EQ(o["state"], "received");
  EXPECT_EQ(o["channel"], "city-hotline");
  EXPECT_EQ(o["external_id"], "12345-2024-000123");
  EXPECT_EQ(o["category"], "heating-quality");
  EXPECT_EQ(o["household_id"], a_.household_id);
  EXPECT_EQ(o["company_id"], a_.company_id);
  EXPECT_EQ(o["received_at"], "2024-09-27T16:00:00+08:00");
  EXPECT_EQ(o["caller_phone"], "13812345678");  // the agent sees it whole
  EXPECT_EQ(o["second_complaint"], false);
  EXPECT_EQ(o["parent_id"], nullptr);
  EXPECT_EQ(o["season"], 2024);
  EXPECT_EQ(o["created_by"], "wang");
  // Received Fri 09-27 16:00. Return (R-WO-2, city: 2 working days): Sun 09-29 (make-up), Mon
  // 09-30. Reply (R-WO-3, city: 5 working days): 09-29, 09-30, then after National Day
  // (10-01..07) Tue 10-08, Wed 10-09, Thu 10-10. Both long past: overdue.
  const json expected = {
      {"return",
       {{"due", "2024-09-30T23:59:59+08:00"},
        {"basis", "W 10.1.3"},
        {"calendar_incomplete", false},
        {"from", "2024-09-27T16:00:00+08:00"},
        {"status", "overdue"}}},
      {"reply",
       {{"due", "2024-10-10T23:59:59+08:00"},
        {"basis", "W 10.1.4"},
        {"calendar_incomplete", false},
        {"from", "2024-09-27T16:00:00+08:00"},
        {"status", "overdue"}}}};
  EXPECT_EQ(json(o["deadlines"]), expected) << o["deadlines"].dump();
  // The same reply deadline as the calculator's.
  auto calc = Call("wang", "GET",
                   "/api/v1/calc/deadline?policy=weihai&rule=reply&channel=city-hotline"
                   "&from=2024-09-27T16:00:00%2B08:00");
  ASSERT_EQ(calc.status, 200u) << calc.body;
  EXPECT_EQ(json::parse(calc.body)["deadline"], o["deadlines"]["reply"]["due"]);
  EXPECT_EQ(json::parse(calc.body)["basis"], o["deadlines"]["reply"]["basis"]);
  const int64_t id = o["id"].get<int64_t>();

  // A platform's re-send: 200 with the same order, unchanged.
  auto again = Call("wang", "POST", "/api/v1/work-orders", body.dump());
  ASSERT_EQ(again.status, 200u) << again.body;
  EXPECT_EQ(json::parse(again.body)["id"], id);
  EXPECT_EQ(json::parse(again.body)["deadlines"], o["deadlines"]);
  json changed = body;
  changed["content"] = "又打来了";
  auto resent = Call("li", "POST", "/api/v1/work-orders", changed.dump());
  ASSERT_EQ(resent.status, 200u) << resent.body;
  EXPECT_EQ(json::parse(resent.body)["id"], id);
  EXPECT_EQ(json::parse(resent.body)["content"], "卧室温度 16 度");
  // Another company's manager re-using the number does not see company a's order.
  json theirs = body;
  theirs["household"] = b_.household_id;
  EXPECT_EQ(Call("liu", "POST", "/api/v1/work-orders", theirs.dump()).status, 409u);
  // The same number on another channel is another order.
  EXPECT_NE(Create("wang", Order("provincial-hotline", "2024-09-27T16:00:00+08:00",
                                 "12345-2024-000123")),
            id);

  // A company's own channel: no return deadline; the reply is the city hotline's, marked as a
  // platform default (R-WO-1).
  auto phone = Call("wang", "POST", "/api/v1/work-orders",
                    Order("phone", "2024-09-27T16:00:00+08:00").dump());
  ASSERT_EQ(phone.status, 201u) << phone.body;
  auto p = json::parse(phone.body);
  EXPECT_FALSE(p["deadlines"].contains("return")) << p["deadlines"].dump();
  ASSERT_TRUE(p["deadlines"].contains("reply"));
  EXPECT_EQ(p["deadlines"]["reply"]["basis"], "platform default (R-WO-1)");
  EXPECT_EQ(p["deadlines"]["reply"]["due"], "2024-10-10T23:59:59+08:00");
  EXPECT_EQ(p["external_id"], nullptr);
  // A leak is due 1 hour from receipt (R-REPAIR-1).
  json leak = Order("phone", "2024-09-27T16:00:00+08:00");
  leak["category"] = "leak";
  auto l = Call("wang", "POST", "/api/v1/work-orders", leak.dump());
  ASSERT_EQ(l.status, 201u) << l.body;
  EXPECT_EQ(json::parse(l.body)["deadlines"]["leak"]["due"], "2024-09-27T17:00:00+08:00");
  EXPECT_EQ(json::parse(l.body)["deadlines"]["leak"]["basis"], "W 10.2.3");
}

TEST_P(WorkOrdersApi, HouseholdByCode) {
  json body = Order("phone", "2025-12-01T09:00:00+08:00");
  body["household"] = "H-101";
  // Both companies have an H-101: the admin must give the id.
  auto root = Call("root", "POST", "/api/v1/work-orders", body.dump());
  ASSERT_EQ(root.status, 400u) << root.body;
  EXPECT_EQ(json::parse(root.body)["error"]["field"], "household");
  // A company's staff mean their own.
  auto wang = Call("wang", "POST", "/api/v1/work-orders", body.dump());
  ASSERT_EQ(wang.status, 201u) << wang.body;
  EXPECT_EQ(json::parse(wang.body)["household_id"], a_.household_id);
  EXPECT_EQ(json::parse(wang.body)["company_id"], a_.company_id);
  auto liu = Call("liu", "POST", "/api/v1/work-orders", body.dump());
  ASSERT_EQ(liu.status, 201u) << liu.body;
  EXPECT_EQ(json::parse(liu.body)["household_id"], b_.household_id);
  // By id, another company's household is not there for company a.
  body["household"] = b_.household_id;
  auto cross = Call("wang", "POST", "/api/v1/work-orders", body.dump());
  ASSERT_EQ(cross.status, 400u) << cross.body;
  EXPECT_EQ(json::parse(cross.body)["error"]["field"], "household");
  body["household"] = "H-999";
  EXPECT_EQ(Call("wang", "POST", "/api/v1/work-orders", body.dump()).status, 400u);
}

// ---------------------------------------------------------------------------------------------
// 2. Validation

TEST_P(WorkOrdersApi, CreateValidation) {
  struct Case {
    std::string what;
    std::function<void(json&)> edit;
    std::string field;
  };
  const Case cases[] = {
      {"unknown field", [](json& b) { b["priority"] = "high"; }, "priority"},
      {"bad channel", [](json& b) { b["channel"] = "fax"; }, "channel"},
      {"bad category", [](json& b) { b["category"] = "noise"; }, "category"},
      {"category not a string", [](json& b) { b["category"] = 3; }, "category"},
      {"no received_at", [](json& b) { b.erase("received_at"); }, "received_at"},
      {"received_at without offset",
       [](json& b) { b["received_at"] = "2025-12-01T09:00:00"; }, "received_at"},
      {"received_at in the future",
       [](json& b) { b["received_at"] = "2099-01-01T09:00:00+08:00"; }, "received_at"},
      {"hotline without external_id", [](json& b) { b["channel"] = "city-hotline"; },
       "external_id"},
      {"hotline with an empty external_id",
       [](json& b) {
         b["channel"] = "provincial-hotline";
         b["external_id"] = "";
       },
       "external_id"},
      {"no household", [](json& b) { b.erase("household"); }, "household"},
      {"no content", [](json& b) { b.erase("content"); }, "content"},
      {"parent not an id", [](json& b) { b["parent"] = "x"; }, "parent"},
      {"parent unknown", [](json& b) { b["parent"] = 999999; }, "parent"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    json body = Order("phone", "2025-12-01T09:00:00+08:00");
    c.edit(body);
    auto r = Call("root", "POST", "/api/v1/work-orders", body.dump());
    ASSERT_EQ(r.status, 400u) << r.body;
    EXPECT_EQ(json::parse(r.body)["error"]["code"], "invalid_argument");
    EXPECT_EQ(json::parse(r.body)["error"]["field"], c.field) << r.body;
  }
  EXPECT_EQ(Call("root", "POST", "/api/v1/work-orders", "{").status, 400u);
  EXPECT_EQ(Call("root", "POST", "/api/v1/work-orders", "[]").status, 400u);
  EXPECT_EQ(Call("", "POST", "/api/v1/work-orders",
                 Order("phone", "2025-12-01T09:00:00+08:00").dump())
                .status,
            401u);
  // Nothing was stored.
  EXPECT_TRUE(Ids("root", "").empty());
}

// ---------------------------------------------------------------------------------------------
// 3. Access

TEST_P(WorkOrdersApi, WhoSeesAndDoesWhat) {
  const int64_t a = Create("wang", Order("city-hotline", "2025-12-01T09:00:00+08:00", "12345-A"));
  json b_body = Order("web", "2025-12-01T10:00:00+08:00");
  b_body["household"] = b_.household_id;
  const int64_t b = Create("root", b_body);
  ASSERT_GT(a, 0);
  ASSERT_GT(b, 0);

  // The regulator reads every company's orders, the caller's phone masked (W 12.1).
  auto gov = Get("gov", a);
  EXPECT_EQ(gov["caller_phone"], "138****5678");
  EXPECT_EQ(Get("li", a)["caller_phone"], "13812345678");
  auto gov_list = json::parse(Call("gov", "GET", "/api/v1/work-orders").body)["items"];
  ASSERT_EQ(gov_list.size(), 2u);
  EXPECT_EQ(gov_list[0]["caller_phone"], "138****5678");
  // Another company's or household's order is not there.
  EXPECT_EQ(Call("liu", "GET", "/api/v1/work-orders/" + std::to_string(a)).status, 404u);
  EXPECT_EQ(Call("other", "GET", "/api/v1/work-orders/" + std::to_string(a)).status, 404u);
  EXPECT_EQ(Call("home", "GET", "/api/v1/work-orders/" + std::to_string(b)).status, 404u);
  EXPECT_EQ(Call("li", "GET", "/api/v1/work-orders/" + std::to_string(b)).status, 404u);
  EXPECT_EQ(Call("root", "GET", "/api/v1/work-orders/999999").status, 404u);
  EXPECT_EQ(Call("root", "GET", "/api/v1/work-orders/x").status, 400u);
  EXPECT_EQ(Call("", "GET", "/api/v1/work-orders/" + std::to_string(a)).status, 401u);
  EXPECT_EQ(Ids("liu", ""), std::vector<int64_t>{b});
  EXPECT_EQ(Ids("li", ""), std::vector<int64_t>{a});

  // Who may create.
  struct Case {
    std::string user;
    unsigned status;
  };
  for (const auto& c : {Case{"zhao", 403}, Case{"gov", 403}, Case{"", 401}}) {
    SCOPED_TRACE(c.user);
    EXPECT_EQ(Call(c.user, "POST", "/api/v1/work-orders",
                   Order("phone", "2025-12-02T09:00:00+08:00").dump())
                  .status,
              c.status);
  }
  // Who may record which events.
  const std::vector<Step> steps = {
      {"liu", {{"type", "accept"}, {"at", "2025-12-01T09:10:00+08:00"}}, 404, "", "id"},
      {"gov", {{"type", "accept"}, {"at", "2025-12-01T09:10:00+08:00"}}, 403, "", ""},
      {"home", {{"type", "accept"}, {"at", "2025-12-01T09:10:00+08:00"}}, 403, "", ""},
      {"zhao", {{"type", "accept"}, {"at", "2025-12-01T09:10:00+08:00"}}, 403, "", ""},
      {"wang", {{"type", "accept"}, {"at", "2025-12-01T09:10:00+08:00"}}, 200, "accepted", ""},
      {"wang", {{"type", "respond"}, {"at", "2025-12-01T09:20:00+08:00"}}, 200, "responded", ""},
      {"zhao",
       {{"type", "dispatch"}, {"at", "2025-12-01T09:30:00+08:00"}, {"technician", "赵师傅"}},
       403, "", ""},
      {"li",
       {{"type", "dispatch"}, {"at", "2025-12-01T09:30:00+08:00"}, {"technician", "赵师傅"}},
       200, "dispatched", ""},
      {"zhao", {{"type", "arrive"}, {"at", "2025-12-01T09:50:00+08:00"}}, 200, "on-site", ""},
      {"zhao",
       {{"type", "repair"},
        {"at", "2025-12-01T11:00:00+08:00"},
        {"staff", json::array({"赵师傅"})},
        {"started_at", "2025-12-01T10:00:00+08:00"},
        {"result", "放气后温度正常"},
        {"confirmation", Contact("2025-12-01T11:00:00+08:00")}},
       200, "repaired", ""},
      {"zhao", {{"type", "reply"}, {"at", "2025-12-01T12:00:00+08:00"}}, 403, "", ""},
  };
  Run(a, steps);

  // A household files its own orders on the web channel only.
  json mine = Order("web", "2025-12-02T09:00:00+08:00");
  mine["household"] = "H-101";
  mine.erase("caller_phone");
  auto filed = Call("home", "POST", "/api/v1/work-orders", mine.dump());
  ASSERT_EQ(filed.status, 201u) << filed.body;
  EXPECT_EQ(json::parse(filed.body)["household_id"], a_.household_id);
  const int64_t own = json::parse(filed.body)["id"].get<int64_t>();
  json by_phone = mine;
  by_phone["channel"] = "phone";
  auto refused = Call("home", "POST", "/api/v1/work-orders", by_phone.dump());
  EXPECT_EQ(refused.status, 400u) << refused.body;
  EXPECT_EQ(json::parse(refused.body)["error"]["field"], "channel");
  json theirs = mine;
  theirs["household"] = b_.household_id;
  auto not_theirs = Call("home", "POST", "/api/v1/work-orders", theirs.dump());
  EXPECT_EQ(not_theirs.status, 400u) << not_theirs.body;
  EXPECT_EQ(json::parse(not_theirs.body)["error"]["field"], "household");
  // It lists its own orders only, whatever it asks for.
  EXPECT_EQ(Ids("home", ""), (std::vector<int64_t>{a, own}));
  EXPECT_EQ(Ids("home", "?household=" + std::to_string(b_.household_id)),
            (std::vector<int64_t>{a, own}));
  EXPECT_EQ(Ids("other", ""), std::vector<int64_t>{b});

  // Its notifications: the orders received (newest first).
  auto notes = Call("home", "GET", "/api/v1/notifications");
  ASSERT_EQ(notes.status, 200u) << notes.body;
  auto items = json::parse(notes.body)["items"];
  std::vector<std::pair<std::string, int64_t>> got;
  for (const auto& n : items) {
    got.emplace_back(n["topic"].get<std::string>(), n["order_id"].get<int64_t>());
  }
  // Order a: received, then the technician dispatched; then the household's own order.
  const std::vector<std::pair<std::string, int64_t>> want = {{"work-order.received", own},
                                                             {"work-order.dispatched", a},
                                                             {"work-order.received", a}};
  EXPECT_EQ(got, want) << notes.body;
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[2]["fields"]["external_id"], "12345-A");
  // Mon 12-01 + 5 working days (R-WO-3): 12-02 .. 12-05, Mon 12-08.
  EXPECT_EQ(items[2]["fields"]["reply_by"], "2025-12-08T23:59:59+08:00");
  EXPECT_EQ(items[1]["fields"]["technician"], "赵师傅");
  EXPECT_EQ(items[1]["fields"]["arrive_by"], "2025-12-01T10:00:00+08:00");  // 30 min
  // The reply reaches the household too.
  ASSERT_EQ(Event("wang", a, {{"type", "reply"}, {"at", "2025-12-01T12:00:00+08:00"},
                              {"result", "已修复"}})
                .status,
            200u);
  auto after = json::parse(Call("home", "GET", "/api/v1/notifications").body)["items"];
  ASSERT_EQ(after.size(), 4u);
  EXPECT_EQ(after[0]["topic"], "work-order.replied");
  EXPECT_EQ(after[0]["order_id"], a);
  EXPECT_EQ(after[0]["fields"]["replied_at"], "2025-12-01T12:00:00+08:00");
  EXPECT_EQ(after[0]["fields"]["result"], "已修复");
  // Paged.
  auto first = json::parse(Call("home", "GET", "/api/v1/notifications?limit=3").body);
  EXPECT_EQ(first["items"].size(), 3u);
  ASSERT_FALSE(first["next_cursor"].is_null());
  auto rest = json::parse(Call("home", "GET",
                               "/api/v1/notifications?limit=3&cursor=" +
                                   first["next_cursor"].get<std::string>())
                              .body);
  ASSERT_EQ(rest["items"].size(), 1u);
  EXPECT_EQ(rest["items"][0]["topic"], "work-order.received");
  EXPECT_EQ(rest["items"][0]["order_id"], a);
  EXPECT_TRUE(rest["next_cursor"].is_null());
  // Household b sees its own order's receipt only; staff read the orders instead.
  auto theirs_notes = json::parse(Call("other", "GET", "/api/v1/notifications").body)["items"];
  ASSERT_EQ(theirs_notes.size(), 1u) << theirs_notes.dump();
  EXPECT_EQ(theirs_notes[0]["topic"], "work-order.received");
  EXPECT_EQ(theirs_notes[0]["order_id"], b);
  EXPECT_EQ(Call("li", "GET", "/api/v1/notifications").status, 403u);
  EXPECT_EQ(Call("root", "GET", "/api/v1/notifications").status, 403u);
  EXPECT_EQ(Call("", "GET", "/api/v1/notifications").status, 401u);
}

// ---------------------------------------------------------------------------------------------
// 4. Events, and 6. the timeline

TEST_P(WorkOrdersApi, AFullLifeAndItsTimeline) {
  const Instant started = Now();
  const int64_t id =
      Create("wang", Order("city-hotline", "2024-09-27T16:00:00+08:00", "12345-2024-000123"));
  ASSERT_GT(id, 0);
  json repair = {{"type", "repair"},
                 {"at", "2024-09-27T18:00:00+08:00"},
                 {"charges", json::array({json{{"item", "更换阀门"},
                                               {"price_fen", 4500},
                                               {"materials", "DN20 球阀"}}})},
                 {"staff", json::array({"赵师傅", "钱师傅"})},
                 {"started_at", "2024-09-27T17:05:00+08:00"},
                 {"result", "阀门已更换，室温 19 度"},
                 {"confirmation", Contact("2024-09-27T18:00:00+08:00")}};
  json signed_repair = repair;
  signed_repair["signature"] = {{"who", "王女士"}, {"at", "2024-09-27T17:03:00+08:00"},
                                {"how", "paper form"}};
  json close_by_parent = {{"type", "close"}, {"at", "2024-09-30T10:00:00+08:00"},
                          {"by_parent", 1}};
  const std::vector<Step> steps = {
      {"wang", {{"type", "visit"}, {"at", "2024-09-27T16:05:00+08:00"}}, 409, "", "type"},
      {"wang", {{"type", "accept"}, {"at", "2024-09-27T16:10:00+08:00"}}, 200, "accepted", ""},
      {"wang", {{"type", "accept"}, {"at", "2024-09-27T16:11:00+08:00"}}, 409, "", "type"},
      {"wang", {{"type", "respond"}, {"at", "2024-09-27T16:30:00+08:00"}}, 200, "responded", ""},
      {"wang",
       {{"type", "dispatch"}, {"at", "2024-09-27T16:40:00+08:00"}, {"technician", "赵师傅"}},
       200, "dispatched", ""},
      {"zhao", {{"type", "arrive"}, {"at", "2024-09-27T17:00:00+08:00"}}, 200, "on-site", ""},
      // Charged work without the household's signature (R-REPAIR-1).
      {"zhao", repair, 422, "", "signature"},
      {"zhao", signed_repair, 200, "repaired", ""},
      {"wang",
       {{"type", "reply"}, {"at", "2024-09-28T10:00:00+08:00"}, {"result", "阀门已更换"}},
       200, "replied", ""},
      {"li", Visit("2024-09-29T10:00:00+08:00", "phone", false), 200, "visited", ""},
      // The system closes a parent's children; a client may not say so.
      {"li", close_by_parent, 400, "", "by_parent"},
      {"li", {{"type", "close"}, {"at", "2024-09-30T10:00:00+08:00"}}, 200, "closed", ""},
  };
  Run(id, steps);

  // An illegal event: exactly the error of the spec.
  auto illegal = Event("li", id, {{"type", "accept"}, {"at", "2024-09-30T11:00:00+08:00"}});
  ASSERT_EQ(illegal.status, 409u);
  EXPECT_EQ(json::parse(illegal.body),
            json::parse(R"({"error":{"code":"failed_precondition",
                            "message":"accept is not allowed in state closed","field":"type"}})"));

  auto o = Get("li", id);
  EXPECT_EQ(o["state"], "closed");
  EXPECT_EQ(o["replied_at"], "2024-09-28T10:00:00+08:00");
  EXPECT_EQ(o["visited_at"], "2024-09-29T10:00:00+08:00");
  EXPECT_EQ(o["closed_at"], "2024-09-30T10:00:00+08:00");
  EXPECT_EQ(o["process_satisfaction"], "satisfied");
  EXPECT_EQ(o["result_satisfaction"], "basically-satisfied");
  EXPECT_EQ(o["reasonable"], true);
  EXPECT_EQ(o["returned"], false);
  EXPECT_EQ(o["children"], json::array());
  // Each deadline met in time. The return window lapsed when the company responded (not shown).
  // Response (R-WO-4): 30 min from acceptance at 16:10 (09-27 is before the season). Arrival
  // (R-REPAIR-1): 30 min from dispatch at 16:40. Return visit (R-WO-6): 3 calendar days after
  // the reply's day (09-28): 10-01 at its end.
  struct Want {
    const char* name;
    const char* from;
    const char* due;
    const char* basis;
    const char* met_at;
  };
  const Want wants[] = {
      {"reply", "2024-09-27T16:00:00+08:00", "2024-10-10T23:59:59+08:00", "W 10.1.4",
       "2024-09-28T10:00:00+08:00"},
      {"response", "2024-09-27T16:10:00+08:00", "2024-09-27T16:40:00+08:00", "W 10.1.4",
       "2024-09-27T16:30:00+08:00"},
      {"arrival", "2024-09-27T16:40:00+08:00", "2024-09-27T17:10:00+08:00", "W 10.2.4 a)",
       "2024-09-27T17:00:00+08:00"},
      {"return_visit", "2024-09-28T10:00:00+08:00", "2024-10-01T23:59:59+08:00", "W 10.1.6",
       "2024-09-29T10:00:00+08:00"},
  };
  ASSERT_EQ(o["deadlines"].size(), std::size(wants)) << o["deadlines"].dump();
  for (const Want& w : wants) {
    SCOPED_TRACE(w.name);
    ASSERT_TRUE(o["deadlines"].contains(w.name)) << o["deadlines"].dump();
    EXPECT_EQ(o["deadlines"][w.name],
              json({{"due", w.due},
                    {"basis", w.basis},
                    {"calendar_incomplete", false},
                    {"from", w.from},
                    {"status", "met"},
                    {"met_at", w.met_at}}));
  }

  // The timeline: every event accepted, in order, none of the refused ones; each recorded now,
  // more than an hour after it happened.
  const Instant finished = Now();
  struct Entry {
    const char* type;
    const char* at;
    const char* actor;
  };
  const Entry entries[] = {
      {"accept", "2024-09-27T16:10:00+08:00", "wang"},
      {"respond", "2024-09-27T16:30:00+08:00", "wang"},
      {"dispatch", "2024-09-27T16:40:00+08:00", "wang"},
      {"arrive", "2024-09-27T17:00:00+08:00", "zhao"},
      {"repair", "2024-09-27T18:00:00+08:00", "zhao"},
      {"reply", "2024-09-28T10:00:00+08:00", "wang"},
      {"visit", "2024-09-29T10:00:00+08:00", "li"},
      {"close", "2024-09-30T10:00:00+08:00", "li"},
  };
  const json& timeline = o["timeline"];
  ASSERT_EQ(timeline.size(), std::size(entries)) << timeline.dump();
  for (size_t i = 0; i < std::size(entries); ++i) {
    SCOPED_TRACE(entries[i].type);
    const json& e = timeline[i];
    EXPECT_EQ(e["seq"], i + 1);
    EXPECT_EQ(e["type"], entries[i].type);
    EXPECT_EQ(e["at"], entries[i].at);
    EXPECT_EQ(e["actor"], entries[i].actor);
    EXPECT_EQ(e["backdated"], true);
    auto recorded = ParseRfc3339(e["recorded_at"].get<std::string>());
    ASSERT_TRUE(recorded.ok()) << e.dump();
    EXPECT_GE(*recorded, started);
    EXPECT_LE(*recorded, finished);
    EXPECT_TRUE(e["recorded_at"].get<std::string>().ends_with("+08:00"));
  }
  EXPECT_EQ(timeline[2]["technician"], "赵师傅");
  // The repair's completion record, as sent.
  const json& r = timeline[4];
  EXPECT_EQ(r["staff"], json::array({"赵师傅", "钱师傅"}));
  EXPECT_EQ(r["started_at"], "2024-09-27T17:05:00+08:00");
  EXPECT_EQ(r["result"], "阀门已更换，室温 19 度");
  EXPECT_EQ(r["charges"], signed_repair["charges"]);
  EXPECT_EQ(r["signature"], signed_repair["signature"]);
  EXPECT_EQ(r["confirmation"], Contact("2024-09-27T18:00:00+08:00"));
  EXPECT_EQ(timeline[6]["mode"], "phone");
  EXPECT_EQ(timeline[6]["by_manager"], false);
  EXPECT_EQ(timeline[6]["reasonable"], true);
  // The regulator reads the same timeline.
  EXPECT_EQ(Get("gov", id)["timeline"].size(), std::size(entries));
}

TEST_P(WorkOrdersApi, EventsRecordedPromptlyAreNotBackdated) {
  // Received two hours ago; accepted 90 minutes ago (recorded now: backdated), responded 10
  // minutes ago (recorded now: not backdated).
  const Instant now = Now();
  const int64_t id = Create("wang", Order("phone", FormatLocal(now - std::chrono::hours{2})));
  ASSERT_GT(id, 0);
  ASSERT_EQ(Event("wang", id, {{"type", "accept"},
                               {"at", FormatLocal(now - std::chrono::minutes{90})}})
                .status,
            200u);
  // An event more than 5 minutes ahead of the clock is refused.
  auto ahead = Event("wang", id, {{"type", "respond"},
                                  {"at", FormatLocal(now + std::chrono::hours{1})}});
  EXPECT_EQ(ahead.status, 422u) << ahead.body;
  EXPECT_EQ(json::parse(ahead.body)["error"]["field"], "at");
  ASSERT_EQ(Event("wang", id, {{"type", "respond"},
                               {"at", FormatLocal(now - std::chrono::minutes{10})}})
                .status,
            200u);
  auto o = Get("wang", id);
  ASSERT_EQ(o["timeline"].size(), 2u);
  EXPECT_EQ(o["timeline"][0]["type"], "accept");
  EXPECT_EQ(o["timeline"][0]["backdated"], true);
  EXPECT_EQ(o["timeline"][1]["type"], "respond");
  EXPECT_EQ(o["timeline"][1]["backdated"], false);
  // Five working days, two hours used: ok.
  EXPECT_EQ(o["deadlines"]["reply"]["status"], "ok");
}

TEST_P(WorkOrdersApi, MalformedEvents) {
  const int64_t id = Create("wang", Order("city-hotline", "2025-12-01T09:00:00+08:00", "12345-M"));
  ASSERT_GT(id, 0);
  struct Case {
    std::string body;
    unsigned status;
    std::string field;
  };
  const Case cases[] = {
      {"{", 400, ""},
      {"[]", 400, "body"},
      {R"({"at":"2025-12-01T09:10:00+08:00"})", 400, "type"},
      {R"({"type":"fly","at":"2025-12-01T09:10:00+08:00"})", 400, "type"},
      {R"({"type":"accept"})", 400, "at"},
      {R"({"type":"accept","at":"2025-12-01T09:10:00"})", 400, "at"},
      {R"({"type":"accept","at":"2025-12-01T09:10:00+08:00","technician":"x"})", 400,
       "technician"},
      {R"({"type":"accept","at":"2025-12-01T09:10:00+08:00","colour":"red"})", 400, "colour"},
      {R"({"type":"return","at":"2025-12-01T09:10:00+08:00","seal":"yes"})", 400, "seal"},
      {R"({"type":"return","at":"2025-12-01T09:10:00+08:00","approved_by":"张",
          "seal":true,"contact_record":{"who":"王","how":"phone"}})",
       400, "contact_record.at"},
      // Well formed, but earlier than the receipt: the rules refuse it.
      {R"({"type":"accept","at":"2025-12-01T08:00:00+08:00"})", 422, "at"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body);
    auto r = Call("wang", "POST", "/api/v1/work-orders/" + std::to_string(id) + "/events", c.body);
    ASSERT_EQ(r.status, c.status) << r.body;
    if (!c.field.empty()) {
      EXPECT_EQ(json::parse(r.body)["error"]["field"], c.field) << r.body;
    }
  }
  EXPECT_EQ(Event("wang", 999999, {{"type", "accept"}, {"at", "2025-12-01T09:10:00+08:00"}})
                .status,
            404u);
  EXPECT_EQ(Call("wang", "POST", "/api/v1/work-orders/x/events",
                 R"({"type":"accept","at":"2025-12-01T09:10:00+08:00"})")
                .status,
            400u);
  EXPECT_EQ(Get("wang", id)["timeline"].size(), 0u);
  EXPECT_EQ(Get("wang", id)["state"], "received");
}

TEST_P(WorkOrdersApi, ReturnsNeedApprovalSealAndContact) {  // R-WO-2
  const int64_t late = Create("wang", Order("city-hotline", "2024-09-27T16:00:00+08:00", "R-1"));
  const int64_t on_time =
      Create("wang", Order("city-hotline", "2024-09-27T16:00:00+08:00", "R-2"));
  const int64_t responded =
      Create("wang", Order("city-hotline", "2024-09-27T16:00:00+08:00", "R-3"));
  ASSERT_GT(late * on_time * responded, 0);
  const json full = {{"type", "return"},
                     {"at", "2024-10-08T10:00:00+08:00"},
                     {"approved_by", "张经理"},
                     {"seal", true},
                     {"contact_record", Contact("2024-10-08T09:30:00+08:00")},
                     {"reason", "不属于本公司供热范围"}};
  auto without = [&full](const char* key) {
    json j = full;
    j.erase(key);
    return j;
  };
  json unsealed = full;
  unsealed["seal"] = false;
  json nobody = full;
  nobody["contact_record"]["who"] = "";
  const std::vector<Step> steps = {
      {"wang", without("approved_by"), 422, "", "approved_by"},
      {"wang", without("seal"), 422, "", "seal"},
      {"wang", unsealed, 422, "", "seal"},
      {"wang", without("contact_record"), 422, "", "contact_record"},
      {"wang", nobody, 422, "", "contact_record"},
      // After the return deadline (09-30, end of day): recorded, and late.
      {"wang", full, 200, "returned", ""},
      {"wang", {{"type", "close"}, {"at", "2024-10-09T10:00:00+08:00"}}, 200, "closed", ""},
  };
  Run(late, steps);
  auto o = Get("wang", late);
  EXPECT_EQ(o["returned"], true);
  ASSERT_TRUE(o["deadlines"].contains("return")) << o["deadlines"].dump();
  EXPECT_EQ(o["deadlines"]["return"]["status"], "late");
  EXPECT_EQ(o["deadlines"]["return"]["due"], "2024-09-30T23:59:59+08:00");
  EXPECT_EQ(o["deadlines"]["return"]["met_at"], "2024-10-08T10:00:00+08:00");
  // The reply is no longer owed: not shown.
  EXPECT_FALSE(o["deadlines"].contains("reply")) << o["deadlines"].dump();
  EXPECT_EQ(o["timeline"][0]["approved_by"], "张经理");
  EXPECT_EQ(o["timeline"][0]["seal"], true);

  // In time: met.
  json in_time = full;
  in_time["at"] = "2024-09-30T10:00:00+08:00";
  in_time["contact_record"] = Contact("2024-09-30T09:30:00+08:00");
  Run(on_time, {{"wang", {{"type", "accept"}, {"at", "2024-09-29T09:00:00+08:00"}}, 200,
                 "accepted", ""},
                {"wang", in_time, 200, "returned", ""}});
  EXPECT_EQ(Get("wang", on_time)["deadlines"]["return"]["status"], "met");
  // Once the company has responded, it has taken the order on: no return.
  json after_response = in_time;
  Run(responded,
      {{"wang", {{"type", "accept"}, {"at", "2024-09-29T09:00:00+08:00"}}, 200, "accepted", ""},
       {"wang", {{"type", "respond"}, {"at", "2024-09-29T09:20:00+08:00"}}, 200, "responded", ""},
       {"wang", after_response, 409, "", "type"}});
  // The platform hears of the returns: nothing for the household.
  auto notes = json::parse(Call("home", "GET", "/api/v1/notifications").body)["items"];
  for (const auto& n : notes) EXPECT_EQ(n["topic"], "work-order.received");
}

TEST_P(WorkOrdersApi, Extensions) {  // R-WO-3
  // City hotline, received Fri 2024-09-27 16:00, reply due Thu 10-10. The extension (10 working
  // days) counts from that day: Fri 10-11, Sat 10-12 (make-up), Mon 10-14 .. Fri 10-18,
  // Mon 10-21, Tue 10-22, Wed 10-23.
  const int64_t city =
      Create("wang", Order("city-hotline", "2024-09-27T16:00:00+08:00", "12345-X1"));
  // Provincial hotline, received Sun 2024-09-29 10:00 (a make-up working day, not counted):
  // reply (3 working days) Mon 09-30, Tue 10-08, Wed 10-09. Extension (5): Thu 10-10, Fri 10-11,
  // Sat 10-12, Mon 10-14, Tue 10-15.
  const int64_t provincial =
      Create("wang", Order("provincial-hotline", "2024-09-29T10:00:00+08:00", "PROV-X2"));
  const int64_t on_receipt =
      Create("wang", Order("on-receipt", "2025-09-30T09:00:00+08:00", "JSJB-X3"));
  const int64_t too_late =
      Create("wang", Order("city-hotline", "2024-09-27T16:00:00+08:00", "12345-X4"));
  const int64_t phone = Create("wang", Order("phone", "2024-09-27T16:00:00+08:00"));
  ASSERT_GT(city * provincial * on_receipt * too_late * phone, 0);

  const json accept = {{"type", "accept"}, {"at", "2024-09-30T09:00:00+08:00"}};
  auto extend = [](const char* at, const char* reason) {
    json j = {{"type", "extend"}, {"at", at}};
    if (reason) j["reason"] = reason;
    return j;
  };
  // Not before acceptance.
  Run(city, {{"wang", extend("2024-09-30T08:00:00+08:00", "需要更换管道"), 409, "", "type"},
             {"wang", accept, 200, "accepted", ""},
             {"wang", extend("2024-10-08T10:00:00+08:00", nullptr), 422, "", "reason"},
             {"wang", extend("2024-10-08T10:00:00+08:00", "需要更换管道"), 200, "accepted", ""},
             {"wang", extend("2024-10-09T10:00:00+08:00", "再延一次"), 409, "", "type"}});
  auto o = Get("wang", city);
  EXPECT_EQ(o["extended"], true);
  EXPECT_EQ(o["deadlines"]["reply_extended"],
            json({{"due", "2024-10-23T23:59:59+08:00"},
                  {"basis", "W 10.1.4"},
                  {"calendar_incomplete", false},
                  {"from", "2024-10-10T23:59:59+08:00"},
                  {"status", "overdue"}}));
  // The extension is the unfinished reply: the reply deadline is met by it.
  EXPECT_EQ(o["deadlines"]["reply"]["status"], "met");
  EXPECT_EQ(o["deadlines"]["reply"]["met_at"], "2024-10-08T10:00:00+08:00");
  // A reply within the extension meets it.
  Run(city, {{"wang", {{"type", "respond"}, {"at", "2024-10-08T11:00:00+08:00"}}, 200,
              "responded", ""},
             {"wang", {{"type", "reply"}, {"at", "2024-10-22T10:00:00+08:00"}}, 200, "replied",
              ""}});
  EXPECT_EQ(Get("wang", city)["deadlines"]["reply_extended"]["status"], "met");

  Run(provincial, {{"wang", accept, 200, "accepted", ""},
                   {"wang", extend("2024-10-09T23:00:00+08:00", "等待检测"), 200, "accepted",
                    ""}});
  EXPECT_EQ(Get("wang", provincial)["deadlines"]["reply_extended"]["due"],
            "2024-10-15T23:59:59+08:00");
  // Only the city and provincial hotlines extend; only before the reply deadline.
  Run(on_receipt,
      {{"wang", {{"type", "accept"}, {"at", "2025-09-30T09:10:00+08:00"}}, 200, "accepted", ""},
       {"wang", extend("2025-09-30T09:20:00+08:00", "复杂"), 409, "", "type"}});
  Run(phone, {{"wang", accept, 200, "accepted", ""},
              {"wang", extend("2024-09-30T10:00:00+08:00", "复杂"), 409, "", "type"}});
  Run(too_late, {{"wang", accept, 200, "accepted", ""},
                 {"wang", extend("2024-10-11T00:00:00+08:00", "复杂"), 409, "", "type"}});
  EXPECT_FALSE(Get("wang", too_late)["deadlines"].contains("reply_extended"));
  // The household is told of the extension and its new reply time.
  auto notes = json::parse(Call("home", "GET", "/api/v1/notifications").body)["items"];
  int extended = 0;
  for (const auto& n : notes) {
    if (n["topic"] != "work-order.extended") continue;
    ++extended;
    if (n["order_id"] == city) {
      EXPECT_EQ(n["fields"]["reply_by"], "2024-10-23T23:59:59+08:00");
    }
  }
  EXPECT_EQ(extended, 2);
}

TEST_P(WorkOrdersApi, SecondComplaintsAreVisitedFaceToFaceOrByAManager) {  // R-WO-6
  const int64_t first = Create("wang", Order("phone", "2025-12-01T09:00:00+08:00"));
  const int64_t second = Create("wang", Order("web", "2025-12-10T09:00:00+08:00"));
  json leak_body = Order("phone", "2025-12-11T09:00:00+08:00");
  leak_body["category"] = "leak";
  const int64_t leak = Create("wang", leak_body);
  json next_season = Order("phone", "2026-11-20T09:00:00+08:00");  // season 2026
  const int64_t later = Create("wang", next_season);
  ASSERT_GT(first * second * leak * later, 0);
  EXPECT_EQ(Get("wang", first)["second_complaint"], false);
  EXPECT_EQ(Get("wang", second)["second_complaint"], true);
  EXPECT_EQ(Get("wang", leak)["second_complaint"], false);   // another category
  EXPECT_EQ(Get("wang", later)["second_complaint"], false);  // another season
  const std::vector<Step> to_replied = {
      {"wang", {{"type", "accept"}, {"at", "2025-12-10T09:10:00+08:00"}}, 200, "accepted", ""},
      {"wang", {{"type", "respond"}, {"at", "2025-12-10T09:20:00+08:00"}}, 200, "responded", ""},
      {"wang", {{"type", "reply"}, {"at", "2025-12-10T15:00:00+08:00"}}, 200, "replied", ""},
  };
  Run(second, to_replied);
  Run(second, {{"li", Visit("2025-12-11T10:00:00+08:00", "phone", false), 422, "", "mode"},
               {"li", Visit("2025-12-11T10:00:00+08:00", "phone", true), 200, "visited", ""}});
  // The first complaint's visit may be by phone; a second complaint's face to face.
  Run(first, {{"wang", {{"type", "accept"}, {"at", "2025-12-10T09:10:00+08:00"}}, 200,
               "accepted", ""},
              {"wang", {{"type", "respond"}, {"at", "2025-12-10T09:20:00+08:00"}}, 200,
               "responded", ""},
              {"wang", {{"type", "reply"}, {"at", "2025-12-10T15:00:00+08:00"}}, 200, "replied",
               ""},
              {"li", Visit("2025-12-11T10:00:00+08:00", "phone", false), 200, "visited", ""}});
  const int64_t third = Create("wang", Order("hall", "2025-12-20T09:00:00+08:00"));
  ASSERT_GT(third, 0);
  EXPECT_EQ(Get("wang", third)["second_complaint"], true);
  Run(third, {{"wang", {{"type", "accept"}, {"at", "2025-12-20T09:10:00+08:00"}}, 200,
               "accepted", ""},
              {"wang", {{"type", "respond"}, {"at", "2025-12-20T09:20:00+08:00"}}, 200,
               "responded", ""},
              {"wang", {{"type", "reply"}, {"at", "2025-12-20T15:00:00+08:00"}}, 200, "replied",
               ""},
              {"wang", Visit("2025-12-21T10:00:00+08:00", "face-to-face", false), 200, "visited",
               ""}});
  // A visit without its answers is refused too.
  const int64_t fourth = Create("wang", Order("hall", "2025-12-22T09:00:00+08:00"));
  json no_mode = Visit("2025-12-23T10:00:00+08:00", "phone", false);
  no_mode.erase("mode");
  Run(fourth, {{"wang", {{"type", "accept"}, {"at", "2025-12-22T09:10:00+08:00"}}, 200,
                "accepted", ""},
               {"wang", {{"type", "respond"}, {"at", "2025-12-22T09:20:00+08:00"}}, 200,
                "responded", ""},
               {"wang", {{"type", "reply"}, {"at", "2025-12-22T15:00:00+08:00"}}, 200, "replied",
                ""},
               {"wang", no_mode, 422, "", "mode"},
               {"wang", Visit("2025-12-23T10:00:00+08:00", "by-letter", false), 400, "", "mode"}});
}

// ---------------------------------------------------------------------------------------------
// 5. Duplicates

TEST_P(WorkOrdersApi, ClosingAParentClosesItsDuplicates) {  // R-WO-1
  const int64_t parent =
      Create("wang", Order("city-hotline", "2025-12-01T09:00:00+08:00", "12345-2025-000777"));
  ASSERT_GT(parent, 0);
  json child_body = Order("provincial-hotline", "2025-12-01T10:00:00+08:00", "PROV-2025-42");
  child_body["parent"] = parent;
  auto c = Call("wang", "POST", "/api/v1/work-orders", child_body.dump());
  ASSERT_EQ(c.status, 201u) << c.body;
  const int64_t child = json::parse(c.body)["id"].get<int64_t>();
  EXPECT_EQ(json::parse(c.body)["parent_id"], parent);
  EXPECT_EQ(json::parse(c.body)["second_complaint"], false);  // the same complaint
  EXPECT_EQ(Get("wang", parent)["children"], json::array({child}));
  // A duplicate of a duplicate, or of another household's order, is refused.
  json grandchild = Order("urgent", "2025-12-01T11:00:00+08:00", "URG-1");
  grandchild["parent"] = child;
  auto g = Call("wang", "POST", "/api/v1/work-orders", grandchild.dump());
  EXPECT_EQ(g.status, 400u) << g.body;
  EXPECT_EQ(json::parse(g.body)["error"]["field"], "parent");
  json cross = Order("web", "2025-12-01T11:00:00+08:00");
  cross["household"] = b_.household_id;
  cross["parent"] = parent;
  auto x = Call("root", "POST", "/api/v1/work-orders", cross.dump());
  EXPECT_EQ(x.status, 400u) << x.body;
  EXPECT_EQ(json::parse(x.body)["error"]["field"], "parent");

  Run(parent,
      {{"wang", {{"type", "accept"}, {"at", "2025-12-01T09:10:00+08:00"}}, 200, "accepted", ""},
       {"wang", {{"type", "respond"}, {"at", "2025-12-01T09:20:00+08:00"}}, 200, "responded", ""},
       {"wang", {{"type", "reply"}, {"at", "2025-12-02T10:00:00+08:00"}}, 200, "replied", ""},
       {"li", Visit("2025-12-03T10:00:00+08:00", "phone", false), 200, "visited", ""}});
  EXPECT_EQ(Get("wang", child)["state"], "received");
  Run(parent,
      {{"li", {{"type", "close"}, {"at", "2025-12-03T11:00:00+08:00"}}, 200, "closed", ""}});
  auto co = Get("wang", child);
  EXPECT_EQ(co["state"], "closed");
  EXPECT_EQ(co["closed_at"], "2025-12-03T11:00:00+08:00");
  EXPECT_EQ(co["replied_at"], "2025-12-02T10:00:00+08:00");
  ASSERT_EQ(co["timeline"].size(), 1u);
  EXPECT_EQ(co["timeline"][0]["type"], "close");
  EXPECT_EQ(co["timeline"][0]["by_parent"], parent);
  EXPECT_EQ(co["timeline"][0]["actor"], "li");
  // Its own deadlines, judged at the parent's times: reply (provincial, 3 working days from Mon
  // 12-01: Thu 12-04) met at the parent's reply; the return visit 3 calendar days from that
  // reply (12-05), met at the parent's visit. The return window lapsed with the close.
  EXPECT_EQ(co["deadlines"]["reply"]["due"], "2025-12-04T23:59:59+08:00");
  EXPECT_EQ(co["deadlines"]["reply"]["status"], "met");
  EXPECT_EQ(co["deadlines"]["reply"]["met_at"], "2025-12-02T10:00:00+08:00");
  EXPECT_EQ(co["deadlines"]["return_visit"]["due"], "2025-12-05T23:59:59+08:00");
  EXPECT_EQ(co["deadlines"]["return_visit"]["status"], "met");
  EXPECT_FALSE(co["deadlines"].contains("return")) << co["deadlines"].dump();
  auto po = Get("wang", parent);
  EXPECT_EQ(po["children"], json::array({child}));
  EXPECT_EQ(Ids("root", "?state=closed"), (std::vector<int64_t>{parent, child}));
}

// ---------------------------------------------------------------------------------------------
// 7. List filters and paging

TEST_P(WorkOrdersApi, ListFiltersAndPaging) {
  // a1: open since 2025 (overdue); a2: a leak, open (overdue); a3: closed; b1: company b's,
  // open (overdue); a4: returned; a5: received an hour ago (nothing due yet).
  const int64_t a1 = Create("wang", Order("city-hotline", "2025-12-01T09:00:00+08:00", "L-1"));
  json leak = Order("phone", "2025-12-02T09:00:00+08:00");
  leak["category"] = "leak";
  const int64_t a2 = Create("wang", leak);
  json billing = Order("phone", "2025-12-03T09:00:00+08:00");
  billing["category"] = "billing";
  const int64_t a3 = Create("wang", billing);
  json b_body = Order("web", "2025-12-04T09:00:00+08:00");
  b_body["household"] = b_.household_id;
  const int64_t b1 = Create("root", b_body);
  const int64_t a4 = Create("wang", Order("city-hotline", "2025-12-05T09:00:00+08:00", "L-4"));
  json recent = Order("phone", FormatLocal(Now() - std::chrono::hours{1}));
  recent["category"] = "other";
  const int64_t a5 = Create("wang", recent);
  ASSERT_GT(a1 * a2 * a3 * b1 * a4 * a5, 0);
  Run(a3, {{"wang", {{"type", "accept"}, {"at", "2025-12-03T09:10:00+08:00"}}, 200, "accepted",
            ""},
           {"wang", {{"type", "respond"}, {"at", "2025-12-03T09:20:00+08:00"}}, 200, "responded",
            ""},
           {"wang", {{"type", "reply"}, {"at", "2025-12-03T15:00:00+08:00"}}, 200, "replied", ""},
           {"wang", Visit("2025-12-04T10:00:00+08:00", "phone", false), 200, "visited", ""},
           {"wang", {{"type", "close"}, {"at", "2025-12-04T11:00:00+08:00"}}, 200, "closed",
            ""}});
  Run(a4, {{"wang",
            {{"type", "return"},
             {"at", "2025-12-05T10:00:00+08:00"},
             {"approved_by", "张经理"},
             {"seal", true},
             {"contact_record", Contact("2025-12-05T09:50:00+08:00")}},
            200, "returned", ""}});

  using Ids_ = std::vector<int64_t>;
  struct Case {
    std::string user, query;
    Ids_ ids;
  };
  const Case cases[] = {
      {"root", "", {a1, a2, a3, b1, a4, a5}},
      {"root", "?state=closed", {a3}},
      {"root", "?state=returned", {a4}},
      {"root", "?state=received", {a1, a2, b1, a5}},
      {"root", "?channel=phone", {a2, a3, a5}},
      {"root", "?channel=city-hotline", {a1, a4}},
      {"root", "?channel=web", {b1}},
      {"root", "?overdue=true", {a1, a2, b1}},
      {"root", "?overdue=false", {a1, a2, a3, b1, a4, a5}},
      {"li", "?overdue=true", {a1, a2}},
      {"liu", "?overdue=true", {b1}},
      {"gov", "?overdue=true&channel=phone", {a2}},
      {"root", "?due_within=2h", {a1, a2, b1}},
      {"root", "?due_within=30d", {a1, a2, b1, a5}},
      {"root", "?household=" + std::to_string(b_.household_id), {b1}},
      {"root", "?company=b", {b1}},
      {"root", "?company=" + std::to_string(a_.company_id) + "&state=received", {a1, a2, a5}},
      {"li", "?company=a", {a1, a2, a3, a4, a5}},
      {"home", "?overdue=true", {a1, a2}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.user + " " + c.query);
    EXPECT_EQ(Ids(c.user, c.query), c.ids);
  }
  // An overdue order says which deadline is overdue.
  auto items = json::parse(Call("root", "GET", "/api/v1/work-orders?overdue=true").body)["items"];
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[1]["deadlines"]["leak"]["status"], "overdue");
  EXPECT_FALSE(items[0].contains("timeline"));

  struct Bad {
    std::string user, query;
    unsigned status;
    std::string field;
  };
  const Bad bad[] = {
      {"root", "?due_within=bad", 400, "due_within"},
      {"root", "?due_within=2", 400, "due_within"},
      {"root", "?due_within=0h", 400, "due_within"},
      {"root", "?due_within=2w", 400, "due_within"},
      {"root", "?state=lost", 400, "state"},
      {"root", "?channel=fax", 400, "channel"},
      {"root", "?overdue=yes", 400, "overdue"},
      {"root", "?household=x", 400, "household"},
      {"root", "?colour=red", 400, "colour"},
      {"root", "?limit=0", 400, "limit"},
      {"li", "?company=b", 403, ""},
      {"", "", 401, ""},
  };
  for (const auto& c : bad) {
    SCOPED_TRACE(c.user + " " + c.query);
    auto r = Call(c.user, "GET", "/api/v1/work-orders" + c.query);
    EXPECT_EQ(r.status, c.status) << r.body;
    if (!c.field.empty()) {
      EXPECT_EQ(json::parse(r.body)["error"]["field"], c.field) << r.body;
    }
  }

  // Paging: one at a time, each page's next_cursor leading to the next, none after the last.
  Ids_ walked;
  std::string cursor;
  for (int page = 0; page < 10; ++page) {
    auto r = Call("root", "GET",
                  "/api/v1/work-orders?limit=1" + (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(r.status, 200u) << r.body;
    auto j = json::parse(r.body);
    ASSERT_EQ(j["items"].size(), 1u) << r.body;
    walked.push_back(j["items"][0]["id"].get<int64_t>());
    if (j["next_cursor"].is_null()) break;
    // The cursor is the page's last id, as text.
    EXPECT_EQ(j["next_cursor"], std::to_string(walked.back()));
    cursor = j["next_cursor"].get<std::string>();
  }
  EXPECT_EQ(walked, (Ids_{a1, a2, a3, b1, a4, a5}));
  // With a filter: the overdue ones, two a page.
  auto p1 = json::parse(Call("root", "GET", "/api/v1/work-orders?overdue=true&limit=2").body);
  ASSERT_EQ(p1["items"].size(), 2u);
  EXPECT_EQ(p1["next_cursor"], std::to_string(a2));
  auto p2 = json::parse(Call("root", "GET",
                             "/api/v1/work-orders?overdue=true&limit=2&cursor=" +
                                 std::to_string(a2))
                            .body);
  ASSERT_EQ(p2["items"].size(), 1u);
  EXPECT_EQ(p2["items"][0]["id"], b1);
  EXPECT_TRUE(p2["next_cursor"].is_null());
}

TEST_P(WorkOrdersApi, AFullPageOfAThousandSaysMoreFollow) {
  // The largest page (limit=1000) over 1,001 orders of household a, each with its "received"
  // message: the page says another follows, and the next page holds the last one. Written
  // through the store directly (the orders' contents do not matter here).
  constexpr int kOrders = 1001;
  std::vector<int64_t> ids;
  for (int i = 0; i < kOrders; ++i) {
    ports::WorkOrderHead h;
    h.company_id = a_.company_id;
    h.household_id = a_.household_id;
    h.channel = rules::Channel::kPhone;
    h.category = rules::OrderCategory::kOther;
    h.received_at = *ParseRfc3339("2025-12-01T09:00:00+08:00");
    h.content = "x";
    h.season = 2025;
    h.created_by = "setup";
    ports::OutboxMessage m;
    m.message_id = "received";
    m.receiver = "household";
    m.topic = "work-order.received";
    m.company_id = a_.company_id;
    m.household_id = a_.household_id;
    m.created_at = h.received_at;
    auto created = rt_->db->work_order_store.Create(h, {}, std::vector{m});
    ASSERT_TRUE(created.ok()) << created.error().message;
    ids.push_back(created->order.head.id);
  }
  auto first = json::parse(Call("li", "GET", "/api/v1/work-orders?limit=1000").body);
  ASSERT_EQ(first["items"].size(), 1000u);
  ASSERT_EQ(first["next_cursor"], std::to_string(ids[999]));
  auto last = json::parse(Call("li", "GET", "/api/v1/work-orders?limit=1000&cursor=" +
                                                first["next_cursor"].get<std::string>())
                              .body);
  ASSERT_EQ(last["items"].size(), 1u);
  EXPECT_EQ(last["items"][0]["id"], ids[1000]);
  EXPECT_TRUE(last["next_cursor"].is_null());
  // Exactly 1,000 left after the first: one page, none after it.
  auto rest = json::parse(
      Call("li", "GET", "/api/v1/work-orders?limit=1000&cursor=" + std::to_string(ids[0])).body);
  EXPECT_EQ(rest["items"].size(), 1000u);
  EXPECT_TRUE(rest["next_cursor"].is_null());

  // The notifications, newest first, likewise.
  auto newest = json::parse(Call("home", "GET", "/api/v1/notifications?limit=1000").body);
  ASSERT_EQ(newest["items"].size(), 1000u);
  ASSERT_FALSE(newest["next_cursor"].is_null());
  EXPECT_EQ(newest["items"][0]["order_id"], ids[1000]);
  auto oldest = json::parse(Call("home", "GET",
                                 "/api/v1/notifications?limit=1000&cursor=" +
                                     newest["next_cursor"].get<std::string>())
                                .body);
  ASSERT_EQ(oldest["items"].size(), 1u);
  EXPECT_EQ(oldest["items"][0]["order_id"], ids[0]);
  EXPECT_TRUE(oldest["next_cursor"].is_null());
}

INSTANTIATE_TEST_SUITE_P(Engines, WorkOrdersApi, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& engine) {
                           return engine.param;
                         });

}  // namespace
}  // namespace hearth::app::http

// Connection applications end to end, in process (AddApiRoutes over a real SQLite database, and
// over a real PostgreSQL one; issue 16, R-CONN-1, R-WO-6): the agent takes in an existing
// building's application with the form alone (容缺), the manager cannot approve it until the
// retrofit record and the owners' decision are supplied, then approves it within the deadline
// of the shipped profile and calendar, which connects the household; the household is told and
// sees its own; the agent files the return visit; a late new building catches the next season
// and is told so; a refusal needs its reason and suggestion; who may do and see what; and the
// field named in every refusal.
//
// The runtime runs on the system clock, so times are set relative to now.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "model/resources.hpp"
#include "support/test_in_process_api.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::json;
using std::chrono::hours;

Instant Now() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

class ConnectionApi : public support::InProcessApi {
 protected:
  json Application(int64_t building, std::optional<int64_t> household, bool new_building) const {
    json j = {{"building", building},
              {"applicant", "王芳"},
              {"phone", "13800001234"},
              {"new_building", new_building},
              {"outside_works", true},
              {"received_at", FormatLocal(Now() - hours(1))},
              {"documents", {"application-form"}}};
    if (household) j["household"] = *household;
    return j;
  }
  static std::string PathOf(const adapters::http::Response& r) {
    return "/api/v1/connections/" + std::to_string(json::parse(r.body)["id"].get<int64_t>());
  }
  std::string HeatingStatus(int64_t household) {
    auto h = rt_->db->records.Get(*model::FindResource("households"), household, {});
    return h.ok() ? h->Text("heating_status") : "?";
  }
};

TEST_P(ConnectionApi, TakenInCompletedApprovedAndVisited) {
  ASSERT_TRUE(rt_->db->records
                  .Update(*model::FindResource("households"), a_.household_id,
                          {{"heating_status", std::string("stopped")}}, {}, "setup")
                  .ok());
  auto r = Call("wang", "POST", "/api/v1/connections",
                Application(a_.building_id, a_.household_id, false).dump());
  ASSERT_EQ(r.status, 201u) << r.body;
  json c = json::parse(r.body);
  const std::string path = PathOf(r);
  EXPECT_EQ(c["state"], "received");
  EXPECT_EQ(c["company_id"], a_.company_id);
  EXPECT_EQ(c["missing"], (json{"retrofit-record", "owners-decision"}));
  EXPECT_EQ(c["actions"], json{"supply-documents"});
  EXPECT_TRUE(c["notice"].is_null());
  const json decision = c["deadlines"]["decision"];
  EXPECT_EQ(decision["basis"], "W 9.1.4");
  EXPECT_EQ(decision["from"], c["received_at"]);
  // The decision's due is the deadline engine's: 3 working days with outside works.
  std::string from = c["received_at"];
  from.replace(from.find('+'), 1, "%2B");
  auto calc = Call("li", "GET",
                   "/api/v1/calc/deadline?policy=weihai&rule=connection-decision&outside_works="
                   "true&from=" +
                       from);
  ASSERT_EQ(calc.status, 200u) << calc.body;
  EXPECT_EQ(json::parse(calc.body)["deadline"], decision["due"]) << calc.body;

  // An existing building waits for its retrofit and owners' decision (Z 2.3 (三)).
  EXPECT_EQ(json::parse(Call("li", "GET", path).body)["actions"],
            (json{"supply-documents", "refuse"}));
  auto early = Call("li", "POST", path + "/events", json{{"type", "approve"}}.dump());
  EXPECT_EQ(early.status, 409u) << early.body;
  EXPECT_EQ(Field(early), "documents");
  auto supplied =
      Call("wang", "POST", path + "/events",
           json{{"type", "supply-documents"}, {"documents", {"retrofit-record", "owners-decision"}}}
               .dump());
  ASSERT_EQ(supplied.status, 200u) << supplied.body;
  EXPECT_EQ(json::parse(supplied.body)["missing"], json::array());
  EXPECT_EQ(Call("wang", "POST", path + "/events", json{{"type", "approve"}}.dump()).status, 403u);
  EXPECT_EQ(HeatingStatus(a_.household_id), "stopped");

  auto approved =
      Call("li", "POST", path + "/events", json{{"type", "approve"}, {"note", "验收合格"}}.dump());
  ASSERT_EQ(approved.status, 200u) << approved.body;
  c = json::parse(approved.body);
  EXPECT_EQ(c["state"], "approved");
  EXPECT_EQ(c["deadlines"]["decision"]["status"], "met");
  EXPECT_EQ(c["deadlines"]["decision"]["met_at"], c["decided_at"]);
  EXPECT_EQ(HeatingStatus(a_.household_id), "heated");

  // The household is told and sees its own; others see nothing; the regulator sees it masked.
  auto told = Call("home", "GET", "/api/v1/notifications");
  EXPECT_NE(told.body.find("connection.received"), std::string::npos) << told.body;
  EXPECT_NE(told.body.find("connection.approved"), std::string::npos) << told.body;
  auto mine = Call("home", "GET", path);
  ASSERT_EQ(mine.status, 200u) << mine.body;
  EXPECT_EQ(json::parse(mine.body)["phone"], "13800001234");
  EXPECT_EQ(json::parse(mine.body)["actions"], json::array());
  EXPECT_EQ(Call("other", "GET", path).status, 404u);
  EXPECT_EQ(Call("liu", "GET", path).status, 404u);
  auto gov = Call("gov", "GET", path);
  ASSERT_EQ(gov.status, 200u) << gov.body;
  EXPECT_EQ(json::parse(gov.body)["phone"], "138****1234");

  // R-WO-6: the return visit is owed, then filed once.
  auto owed = Call("wang", "GET", "/api/v1/connections?visited=false");
  ASSERT_EQ(owed.status, 200u) << owed.body;
  ASSERT_EQ(json::parse(owed.body)["items"].size(), 1u);
  auto visited =
      Call("wang", "POST", path + "/events",
           json{{"type", "visit"}, {"note", "已通暖，室温达标"}, {"satisfied", true}}.dump());
  ASSERT_EQ(visited.status, 200u) << visited.body;
  c = json::parse(visited.body);
  EXPECT_EQ(c["satisfied"], true);
  EXPECT_EQ(c["visit_note"], "已通暖，室温达标");
  EXPECT_EQ(c["actions"], json::array());
  ASSERT_EQ(c["history"].size(), 4u);
  EXPECT_EQ(c["history"][1]["documents"], (json{"retrofit-record", "owners-decision"}));
  EXPECT_EQ(c["history"][2]["actor"], "li");
  EXPECT_EQ(
      json::parse(Call("wang", "GET", "/api/v1/connections?visited=false").body)["items"].size(),
      0u);
  EXPECT_EQ(Call("wang", "POST", path + "/events",
                 json{{"type", "visit"}, {"note", "x"}, {"satisfied", true}}.dump())
                .status,
            409u);

  // Audited: the application's steps and the household it connected.
  auto audit = Call("root", "GET", "/api/v1/audit?limit=20");
  ASSERT_EQ(audit.status, 200u) << audit.body;
  size_t steps = 0, connected = 0;
  const json entries = json::parse(audit.body)["items"];
  for (const auto& e : entries) {
    steps += e["resource"] == "connection_applications" ? 1u : 0u;
    connected += e["resource"] == "households" && e["actor"] == "li" ? 1u : 0u;
  }
  EXPECT_EQ(steps, 4u) << audit.body;
  EXPECT_EQ(connected, 1u) << audit.body;
}

TEST_P(ConnectionApi, ALateNewBuildingCatchesTheNextSeasonAndARefusalSaysWhy) {
  auto r = Call("li", "POST", "/api/v1/connections",
                Application(a_.building_id, std::nullopt, true).dump());
  ASSERT_EQ(r.status, 201u) << r.body;
  json c = json::parse(r.body);
  const std::string path = PathOf(r);
  // Weihai's date is 31 July (Z 2.3 (三)): after it, the next year's season.
  const auto ymd = std::chrono::year_month_day{LocalDate(Now())};
  const int year = static_cast<int>(ymd.year());
  const bool late = std::chrono::month_day{ymd.month(), ymd.day()} >
                    std::chrono::month_day{std::chrono::July, std::chrono::day{31}};
  EXPECT_EQ(c["season"], late ? year + 1 : year);
  EXPECT_EQ(c["next_season"], late);
  EXPECT_EQ(c["notice"].is_string(), late) << c.dump();
  EXPECT_EQ(c["missing"], json{"drawings"});
  EXPECT_TRUE(c["household_id"].is_null());
  EXPECT_EQ(json::parse(Call("li", "GET",
                             "/api/v1/connections?season=" + std::to_string(c["season"].get<int>()))
                            .body)["items"]
                .size(),
            1u);

  auto bare = Call("li", "POST", path + "/events",
                   json{{"type", "refuse"}, {"reason", "管网容量不足"}}.dump());
  EXPECT_EQ(bare.status, 400u) << bare.body;
  EXPECT_EQ(Field(bare), "suggestion");
  auto refused = Call(
      "li", "POST", path + "/events",
      json{{"type", "refuse"}, {"reason", "管网容量不足"}, {"suggestion", "待二期管网建成后再申请"}}
          .dump());
  ASSERT_EQ(refused.status, 200u) << refused.body;
  c = json::parse(refused.body);
  EXPECT_EQ(c["state"], "refused");
  EXPECT_EQ(c["reason"], "管网容量不足");
  EXPECT_EQ(c["suggestion"], "待二期管网建成后再申请");
  EXPECT_EQ(c["actions"], json{"visit"});
  EXPECT_EQ(Call("li", "POST", path + "/events", json{{"type", "approve"}}.dump()).status, 409u);
  EXPECT_EQ(
      json::parse(Call("li", "GET", "/api/v1/connections?state=refused").body)["items"].size(), 1u);
}

TEST_P(ConnectionApi, EachRefusalNamesItsField) {
  struct Case {
    const char* name;
    const char* user;
    json body;
    unsigned status;
    const char* field;
  };
  auto with = [&](const char* key, json value) {
    json b = Application(a_.building_id, a_.household_id, false);
    if (value.is_null()) {
      b.erase(key);
    } else {
      b[key] = std::move(value);
    }
    return b;
  };
  const std::vector<Case> cases = {
      {"no building", "li", with("building", nullptr), 400, "building"},
      {"another company's building", "li", Application(b_.building_id, std::nullopt, true), 404,
       "building"},
      {"a household of another building", "root",
       Application(a_.building_id, b_.household_id, false), 400, "household"},
      {"no applicant", "li", with("applicant", " "), 400, "applicant"},
      {"no kind", "li", with("new_building", nullptr), 400, "new_building"},
      {"a kind in words", "li", with("new_building", "yes"), 400, "new_building"},
      {"no outside works", "li", with("outside_works", nullptr), 400, "outside_works"},
      {"taken in tomorrow", "li", with("received_at", FormatLocal(Now() + hours(24))), 400,
       "received_at"},
      {"entered a fortnight late", "li", with("received_at", FormatLocal(Now() - hours(24 * 14))),
       400, "received_at"},
      {"no documents", "li", with("documents", nullptr), 400, "documents"},
      {"no form (W 9.1.4)", "li", with("documents", {"drawings"}), 400, "documents"},
      {"an unknown document", "li", with("documents", {"application-form", "passport"}), 400,
       "documents[1]"},
      {"an unknown member", "li", with("priority", "high"), 400, "priority"},
      {"the technician takes none in", "zhao", with("applicant", "x"), 403, ""},
      {"the household takes none in", "home", with("applicant", "x"), 403, ""},
      {"the regulator takes none in", "gov", with("applicant", "x"), 403, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = Call(c.user, "POST", "/api/v1/connections", c.body.dump());
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_EQ(Field(r), c.field) << r.body;
  }
  EXPECT_EQ(json::parse(Call("li", "GET", "/api/v1/connections").body)["items"].size(), 0u);

  auto r = Call("li", "POST", "/api/v1/connections",
                Application(a_.building_id, a_.household_id, false).dump());
  ASSERT_EQ(r.status, 201u) << r.body;
  const std::string path = PathOf(r);
  const std::vector<Case> steps = {
      {"an unknown step", "li", {{"type", "apply"}}, 400, "type"},
      {"nothing supplied", "li", {{"type", "supply-documents"}}, 400, "documents"},
      {"the form again",
       "li",
       {{"type", "supply-documents"}, {"documents", {"application-form"}}},
       400,
       "documents"},
      {"a visit before the decision",
       "li",
       {{"type", "visit"}, {"note", "x"}, {"satisfied", true}},
       409,
       ""},
      {"satisfied in words", "li", {{"type", "visit"}, {"satisfied", "yes"}}, 400, "satisfied"},
      {"refuse without a reason", "li", {{"type", "refuse"}, {"suggestion", "s"}}, 400, "reason"},
      {"approve with a reason", "li", {{"type", "approve"}, {"reason", "r"}}, 400, "reason"},
      {"another company's application", "liu", {{"type", "approve"}}, 404, "id"},
  };
  for (const auto& c : steps) {
    SCOPED_TRACE(c.name);
    auto s = Call(c.user, "POST", path + "/events", c.body.dump());
    EXPECT_EQ(s.status, c.status) << s.body;
    EXPECT_EQ(Field(s), c.field) << s.body;
  }
  for (const char* q : {"state=open", "visited=maybe", "season=1", "building=x"}) {
    EXPECT_EQ(Call("li", "GET", std::string("/api/v1/connections?") + q).status, 400u) << q;
  }
  EXPECT_EQ(json::parse(Call("li", "GET", path).body)["history"].size(), 1u);  // nothing moved
}

INSTANTIATE_TEST_SUITE_P(Engines, ConnectionApi, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& engine) {
                           return engine.param;
                         });

}  // namespace
}  // namespace hearth::app::http

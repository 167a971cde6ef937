// Heating stops end to end, in process (AddApiRoutes over a real SQLite database, and over a
// real PostgreSQL one; issue 15, R-OUT-1, R-OUT-2): a planned stop recorded by codes with its
// derived households and area and its advance-notice due time, a notice that reaches the
// household, an emergency that overran unannounced, the end recorded once, who may do and see
// what, and the fields named in every refusal.
//
// The runtime runs on the system clock, so times are set relative to now.
#include <gtest/gtest.h>

#include <map>

#include <chrono>

#include <nlohmann/json.hpp>

#include "app/http/reports.hpp"
#include "support/test_in_process_api.hpp"
#include "support/test_xlsx.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::json;
using std::chrono::hours;
using std::chrono::minutes;

Instant Now() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

class OutagesApi : public support::InProcessApi {
 protected:
  static json Planned(Instant start, Instant end) {
    return {{"kind", "planned"},
            {"company_caused", true},
            {"cause", "换热站检修"},
            {"scope", {{"substations", {"s"}}}},
            {"start", FormatLocal(start)},
            {"expected_end", FormatLocal(end)},
            {"road_sections", "文化路"}};
  }
};

TEST_P(OutagesApi, APlannedStopOwesItsNoticeAndTheNoticeReachesTheHousehold) {
  const Instant start = Now() + hours(72);
  auto r = Call("li", "POST", "/api/v1/outages", Planned(start, start + hours(36)).dump());
  ASSERT_EQ(r.status, 201u) << r.body;
  json o = json::parse(r.body);
  EXPECT_EQ(o["affected_households"], 1);
  EXPECT_EQ(o["affected_area_m2"], 85.55);
  EXPECT_EQ(o["company_id"], a_.company_id);
  // R-OUT-1: over 24 h, so announced 48 h before the start (Z 2.4, a platform default here).
  EXPECT_EQ(o["notice_due"], FormatLocal(start - hours(48)));
  // The same as the deadline engine's answer (`hearth calc deadline --rule outage-notice`).
  auto engine = rt_->deadlines.Compute({"weihai", "outage-notice", std::nullopt,
                                        FormatLocal(start), false},
                                       false);
  ASSERT_TRUE(engine.ok());
  EXPECT_EQ(o["notice_due"], FormatLocal(engine->answer.deadline));
  ASSERT_EQ(o["obligations"].size(), 1u);
  EXPECT_EQ(o["obligations"][0]["duty"], "advance");
  EXPECT_EQ(o["obligations"][0]["state"], "pending");
  EXPECT_EQ(o["obligations"][0]["basis"], "platform default (Z 2.4)");
  EXPECT_EQ(o["notice_late"], false);
  const std::string path = "/api/v1/outages/" + std::to_string(o["id"].get<int64_t>());

  auto n = Call("li", "POST", path + "/notices",
                json{{"at", FormatLocal(Now())}, {"text", "请提前储水"}}.dump());
  ASSERT_EQ(n.status, 201u) << n.body;
  o = json::parse(n.body);
  EXPECT_EQ(o["obligations"][0]["state"], "met");
  ASSERT_EQ(o["notices"].size(), 1u);
  EXPECT_EQ(o["notices"][0]["expected_end"], FormatLocal(start + hours(36)));

  // The household reads the stop and its notice; another household does not.
  auto mine = Call("home", "GET", "/api/v1/outages");
  ASSERT_EQ(mine.status, 200u) << mine.body;
  EXPECT_EQ(json::parse(mine.body)["items"].size(), 1u);
  EXPECT_EQ(Call("home", "GET", path).status, 200u);
  EXPECT_EQ(json::parse(Call("other", "GET", "/api/v1/outages").body)["items"].size(), 0u);
  EXPECT_EQ(Call("other", "GET", path).status, 404u);
  EXPECT_EQ(Call("liu", "GET", path).status, 404u);
  EXPECT_EQ(Call("gov", "GET", path).status, 200u);
  auto inbox = Call("home", "GET", "/api/v1/notifications");
  ASSERT_EQ(inbox.status, 200u) << inbox.body;
  bool seen = false;
  const json messages = json::parse(inbox.body)["items"];  // named: a range-for over a
  for (const auto& m : messages) {                          // temporary's member would dangle
    if (m["topic"] != "outage.notice") continue;
    seen = true;
    EXPECT_EQ(m["fields"]["cause"], "换热站检修");
    EXPECT_EQ(m["fields"]["road_sections"], "文化路");
    EXPECT_EQ(m["fields"]["expected_end"], FormatLocal(start + hours(36)));
    EXPECT_EQ(m["fields"]["text"], "请提前储水");
  }
  EXPECT_TRUE(seen) << inbox.body;
}

TEST_P(OutagesApi, AnEmergencyThatOverranUnannouncedIsLateAndEndsOnce) {
  const Instant start = Now() - hours(3);
  json body = Planned(start, start + hours(2));
  body["kind"] = "emergency";
  body["scope"] = {{"buildings", {"B-01"}}};
  auto r = Call("li", "POST", "/api/v1/outages", body.dump());
  ASSERT_EQ(r.status, 201u) << r.body;
  json o = json::parse(r.body);
  EXPECT_EQ(o["notice_due"], FormatLocal(start + hours(1)));
  auto engine = rt_->deadlines.Compute({"weihai", "emergency-notice", std::nullopt,
                                        FormatLocal(start), false},
                                       false);
  ASSERT_TRUE(engine.ok());
  EXPECT_EQ(o["notice_due"], FormatLocal(engine->answer.deadline));
  EXPECT_EQ(o["notice_late"], true);
  EXPECT_EQ(o["overrun"], true);
  ASSERT_EQ(o["obligations"].size(), 2u);
  EXPECT_EQ(o["obligations"][0]["state"], "overdue");
  EXPECT_EQ(o["obligations"][1]["duty"], "overrun");
  EXPECT_EQ(o["obligations"][1]["announced_end"], FormatLocal(start + hours(2)));
  const std::string path = "/api/v1/outages/" + std::to_string(o["id"].get<int64_t>());
  // R-OUT-1: an emergency stop is reported to the heating authority, through the outbox.
  auto due = rt_->db->work_order_store.OutboxDue(Now() + hours(1), 100);
  ASSERT_TRUE(due.ok()) << due.error().message;
  int reports = 0;
  for (const auto& m : *due) {
    if (m.receiver != "authority") continue;
    ++reports;
    EXPECT_EQ(m.topic, "outage.emergency");
    EXPECT_EQ(m.company_id, a_.company_id);
    const std::map<std::string, std::string> fields(m.fields.begin(), m.fields.end());
    EXPECT_EQ(fields.at("start"), FormatLocal(start));
    EXPECT_EQ(fields.at("company_caused"), "true");
  }
  EXPECT_EQ(reports, 1);

  auto before_start = Call("li", "POST", path + "/end",
                           json{{"at", FormatLocal(start - minutes(1))}}.dump());
  EXPECT_EQ(before_start.status, 400u);
  EXPECT_EQ(Field(before_start), "at");
  const Instant back = Now();
  auto ended = Call("li", "POST", path + "/end", json{{"at", FormatLocal(back)}}.dump());
  ASSERT_EQ(ended.status, 200u) << ended.body;
  EXPECT_EQ(json::parse(ended.body)["actual_end"], FormatLocal(back));
  auto again = Call("li", "POST", path + "/end", json{{"at", FormatLocal(Now())}}.dump());
  EXPECT_EQ(again.status, 409u);
  auto late_notice = Call("li", "POST", path + "/notices", json{{"at", FormatLocal(Now())}}.dump());
  EXPECT_EQ(late_notice.status, 409u) << late_notice.body;
}

TEST_P(OutagesApi, ThePeriodFilterAndTheRegister) {
  // An emergency of three hours ago, still going and overrun; a planned stop in ten days.
  const Instant start = Now() - hours(3);
  json emergency = Planned(start, start + hours(2));
  emergency["kind"] = "emergency";
  ASSERT_EQ(Call("li", "POST", "/api/v1/outages", emergency.dump()).status, 201u);
  const Instant later = Now() + hours(240);
  ASSERT_EQ(Call("li", "POST", "/api/v1/outages", Planned(later, later + hours(36)).dump()).status,
            201u);
  auto within = [&](std::string query) {
    for (size_t i = query.find('+'); i != std::string::npos; i = query.find('+', i)) {
      query.replace(i, 1, "%2B");  // a '+' in a query string is a space
    }
    auto r = Call("gov", "GET", "/api/v1/outages?" + query);
    EXPECT_EQ(r.status, 200u) << r.body;
    return json::parse(r.body)["items"].size();
  };
  EXPECT_EQ(within(""), 2u);
  EXPECT_EQ(within("to=" + FormatLocal(Now())), 1u);  // the planned one has not begun
  // A stop not ended yet overlaps every later period (it may run past its expected end).
  EXPECT_EQ(within("from=" + FormatLocal(later + hours(37))), 2u);
  EXPECT_EQ(within("from=" + FormatLocal(later) + "&to=" + FormatLocal(later + hours(1))), 2u);
  auto reversed = Call("gov", "GET", "/api/v1/outages?from=2026-12-02&to=2026-12-01");
  EXPECT_EQ(reversed.status, 400u);
  EXPECT_EQ(Field(reversed), "from");

  auto x = Call("li", "GET", "/api/v1/outages?format=xlsx");
  ASSERT_EQ(x.status, 200u) << x.body;
  EXPECT_EQ(x.content_type, kXlsxContentType);
  const support::XlsxBook wb = support::ReadXlsx(x.body);
  ASSERT_EQ(wb.sheets, std::vector<std::string>{"停热登记"});
  const auto& c = wb.cells[0];
  EXPECT_EQ(c.at("A1"), "供热停热登记簿");
  EXPECT_NE(c.at("A2").find("共 2 次"), std::string::npos) << c.at("A2");
  EXPECT_EQ(c.at("C3"), "类型");
  // Newest first: the planned stop, then the emergency.
  EXPECT_EQ(c.at("C4"), "计划");
  EXPECT_EQ(c.at("N4"), "待通知");
  EXPECT_EQ(c.at("O4"), "否");
  EXPECT_EQ(c.at("C5"), "抢修");
  EXPECT_EQ(c.at("B5"), "C");      // the company's name
  EXPECT_EQ(c.at("H5"), "—");      // not ended
  EXPECT_EQ(c.at("J5"), "1");      // households
  EXPECT_EQ(c.at("K5"), "85.55");  // m²
  EXPECT_EQ(c.at("N5"), "超时未通知");
  EXPECT_EQ(c.at("O5"), "是");     // overrun
  EXPECT_EQ(Call("liu", "GET", "/api/v1/outages?format=xlsx").status, 200u);  // b: an empty one
  EXPECT_EQ(Call("home", "GET", "/api/v1/outages?format=xlsx").status, 403u);
  auto bad = Call("gov", "GET", "/api/v1/outages?format=csv");
  EXPECT_EQ(bad.status, 400u);
  EXPECT_EQ(Field(bad), "format");
}

TEST_P(OutagesApi, RefusalsNameWhatIsWrong) {
  const Instant start = Now() + hours(72);
  struct Row {
    const char* name;
    const char* user;
    std::function<void(json&)> change;
    unsigned status;
    const char* field;
  };
  const std::vector<Row> rows = {
      {"an unknown code", "li",
       [](json& b) { b["scope"] = {{"buildings", {"B-01", "nope"}}}; }, 400,
       "scope.buildings[1]"},
      {"an unknown level", "li", [](json& b) { b["scope"] = {{"pipes", {1}}}; }, 400,
       "scope.pipes"},
      {"an empty scope", "li", [](json& b) { b["scope"] = json::object(); }, 400, "scope"},
      {"a kind", "li", [](json& b) { b["kind"] = "scheduled"; }, 400, "kind"},
      {"no cause", "li", [](json& b) { b["cause"] = ""; }, 400, "cause"},
      {"an end before the start", "li",
       [&](json& b) { b["expected_end"] = FormatLocal(start - hours(1)); }, 400, "expected_end"},
      {"a time without offset", "li", [](json& b) { b["start"] = "2025-12-10T08:00:00"; }, 400,
       "start"},
      {"an unknown field", "li", [](json& b) { b["area"] = 5; }, 400, "area"},
      {"company_caused missing", "li", [](json& b) { b.erase("company_caused"); }, 400,
       "company_caused"},
      {"a technician records", "zhao", [](json&) {}, 403, ""},
      {"a household records", "home", [](json&) {}, 403, ""},
      {"admin names no company", "root", [](json&) {}, 400, "company"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.name);
    json body = Planned(start, start + hours(36));
    row.change(body);
    auto r = Call(row.user, "POST", "/api/v1/outages", body.dump());
    EXPECT_EQ(r.status, row.status) << r.body;
    if (*row.field) {
      EXPECT_EQ(Field(r), row.field) << r.body;
    }
  }
  // Company b's own building, by id, from company a's manager: not a record of a's.
  ports::ListQuery q;
  q.equals = {{"code", std::string("B-01")}};
  q.scope.company_id = b_.company_id;
  const int64_t theirs =
      rt_->db->records.List(*model::FindResource("buildings"), q)->items.front().id;
  json body = Planned(start, start + hours(36));
  body["scope"] = {{"buildings", {theirs}}};
  auto r = Call("li", "POST", "/api/v1/outages", body.dump());
  EXPECT_EQ(r.status, 400u) << r.body;
  EXPECT_EQ(Field(r), "scope.buildings[0]");
  // Admin records for a named company; nothing was written by the refusals.
  body = Planned(start, start + hours(36));
  body["company"] = b_.company_id;
  EXPECT_EQ(Call("root", "POST", "/api/v1/outages", body.dump()).status, 201u);
  auto all = Call("gov", "GET", "/api/v1/outages");
  EXPECT_EQ(json::parse(all.body)["items"].size(), 1u) << all.body;
}

INSTANTIATE_TEST_SUITE_P(Engines, OutagesApi, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& engine) {
                           return engine.param;
                         });

}  // namespace
}  // namespace hearth::app::http

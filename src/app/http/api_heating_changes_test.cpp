// 增减停复 end to end, in process (AddApiRoutes over a real SQLite database, and over a real
// PostgreSQL one; issue 16, R-ACCT-1, W 9.1.8): the household applies online for its own stop
// with the form alone; the manager cannot approve it until the agent files the identity and the
// property proof, nor without an approved tariff by area; approved, the fee is settled pro rata
// and the household is stopped and told; an area increase needs its survey and is refused with a
// reason; who may do and see what; and the field named in every refusal.
//
// The runtime runs on the system clock, so receipt times are set relative to now; the effective
// days are in a season years ahead, whose days are fixed.
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

class HeatingChangeApi : public support::InProcessApi {
 protected:
  // Before the 2030-2031 season (2030-11-15 … 2031-03-15 by Weihai's profile): all its 121 days.
  static constexpr const char* kBeforeTheSeason = "2030-11-01";

  json HallApplication(int64_t household, const char* kind) const {
    return {{"household", household},
            {"kind", kind},
            {"effective", kBeforeTheSeason},
            {"received_at", FormatLocal(Now() - hours(1))},
            {"applicant", "李强"},
            {"documents", {"application-form", "identity", "property-proof"}}};
  }
  static std::string PathOf(const adapters::http::Response& r) {
    return "/api/v1/heating-changes/" + std::to_string(json::parse(r.body)["id"].get<int64_t>());
  }
  std::string Household(int64_t id, const char* field) {
    auto h = rt_->db->records.Get(*model::FindResource("households"), id, {});
    if (!h.ok()) return "?";
    if (auto text = h->Text(field); !text.empty()) return text;
    return std::to_string(h->Int(field).value_or(-1));
  }
  void AddTariff(int64_t company) {
    auto t = rt_->db->records.Create(*model::FindResource("tariffs"),
                                     {{"company_id", company},
                                      {"name", "居民按面积"},
                                      {"billing", "area"},
                                      {"price", int64_t{2600}},
                                      {"valid_from", "2020-01-01"},
                                      {"approval", "威价〔2020〕1号"}},
                                     {}, "setup");
    ASSERT_TRUE(t.ok()) << t.error().message;
  }
};

TEST_P(HeatingChangeApi, AHouseholdsStopCheckedApprovedSettledAndTold) {
  auto r = Call("home", "POST", "/api/v1/heating-changes",
                json{{"household", a_.household_id},
                     {"kind", "stop"},
                     {"effective", kBeforeTheSeason},
                     {"documents", {"application-form"}}}
                    .dump());
  ASSERT_EQ(r.status, 201u) << r.body;
  json c = json::parse(r.body);
  const std::string path = PathOf(r);
  EXPECT_EQ(c["state"], "received");
  EXPECT_EQ(c["applicant"], "home");
  EXPECT_EQ(c["heated"], true);
  EXPECT_EQ(c["area_before"], "85.55");
  EXPECT_EQ(c["area_after"], "85.55");
  EXPECT_EQ(c["missing"], (json{"identity", "property-proof"}));
  EXPECT_EQ(c["actions"], json::array());
  EXPECT_TRUE(c["settlement"].is_null());

  // W 9.1.8: the documents are checked before approval.
  EXPECT_EQ(json::parse(Call("li", "GET", path).body)["actions"],
            (json{"supply-documents", "refuse"}));
  auto early = Call("li", "POST", path + "/events", json{{"type", "approve"}}.dump());
  EXPECT_EQ(early.status, 409u) << early.body;
  EXPECT_EQ(Field(early), "documents");
  auto supplied = Call(
      "wang", "POST", path + "/events",
      json{{"type", "supply-documents"}, {"documents", {"identity", "property-proof"}}}.dump());
  ASSERT_EQ(supplied.status, 200u) << supplied.body;
  EXPECT_EQ(json::parse(supplied.body)["missing"], json::array());
  EXPECT_EQ(Call("wang", "POST", path + "/events", json{{"type", "approve"}}.dump()).status, 403u);

  // No approved price by area: nothing to settle with, nothing written.
  auto no_tariff = Call("li", "POST", path + "/events", json{{"type", "approve"}}.dump());
  EXPECT_EQ(no_tariff.status, 409u) << no_tariff.body;
  EXPECT_EQ(Field(no_tariff), "tariff");
  EXPECT_EQ(Household(a_.household_id, "heating_status"), "heated");
  AddTariff(a_.company_id);
  auto approved =
      Call("li", "POST", path + "/events", json{{"type", "approve"}, {"note", "资料齐全"}}.dump());
  ASSERT_EQ(approved.status, 200u) << approved.body;
  c = json::parse(approved.body);
  EXPECT_EQ(c["state"], "approved");
  EXPECT_EQ(c["decided_by"], "li");
  EXPECT_EQ(c["decision_note"], "资料齐全");
  // 85.55 m² × 26.00 yuan for all 121 days of the season, credited.
  EXPECT_EQ(c["settlement"], (json{{"amount", "-2224.30"},
                                   {"area", "85.55"},
                                   {"days", 121},
                                   {"season_days", 121},
                                   {"season", 2030},
                                   {"price", "26.00"}}));
  EXPECT_EQ(Household(a_.household_id, "heating_status"), "stopped");
  EXPECT_EQ(
      Call("li", "POST", path + "/events", json{{"type", "refuse"}, {"reason", "r"}}.dump()).status,
      409u);

  // The household is told and sees its own; others see nothing; the regulator sees it.
  auto told = Call("home", "GET", "/api/v1/notifications");
  EXPECT_NE(told.body.find("heating-change.received"), std::string::npos) << told.body;
  EXPECT_NE(told.body.find("heating-change.approved"), std::string::npos) << told.body;
  EXPECT_EQ(Call("home", "GET", path).status, 200u);
  EXPECT_EQ(Call("other", "GET", path).status, 404u);
  EXPECT_EQ(Call("liu", "GET", path).status, 404u);
  EXPECT_EQ(Call("gov", "GET", path).status, 200u);
  EXPECT_EQ(json::parse(Call("other", "GET", "/api/v1/heating-changes").body)["items"].size(), 0u);

  // Stopped now, it can resume, not stop again.
  auto again = Call("home", "POST", "/api/v1/heating-changes",
                    json{{"household", a_.household_id},
                         {"kind", "stop"},
                         {"effective", kBeforeTheSeason},
                         {"documents", {"application-form"}}}
                        .dump());
  EXPECT_EQ(again.status, 409u) << again.body;
  EXPECT_EQ(Field(again), "kind");

  // Audited: the application's steps and the household it stopped.
  auto audit = Call("root", "GET", "/api/v1/audit?limit=20");
  ASSERT_EQ(audit.status, 200u) << audit.body;
  size_t steps = 0, stopped = 0;
  const json entries = json::parse(audit.body)["items"];
  for (const auto& e : entries) {
    steps += e["resource"] == "heating_changes" ? 1u : 0u;
    stopped += e["resource"] == "households" && e["actor"] == "li" ? 1u : 0u;
  }
  EXPECT_EQ(steps, 3u) << audit.body;
  EXPECT_EQ(stopped, 1u) << audit.body;
}

// A stop from 2031-01-10 approved before the 2030 season's bills: the household is stopped now,
// yet the run bills it as it stood on the season's first day (heated) with the stop's credit for
// the 65 days from 01-10 (85.55 m² × 26.00 × 65/121 = 1194.87 yuan): it pays for the days it was
// heated (R-ACCT-1 with R-BILL-1).
TEST_P(HeatingChangeApi, AStopInTheSeasonIsSettledOnItsBill) {
  AddTariff(a_.company_id);
  json application = HallApplication(a_.household_id, "stop");
  application["effective"] = "2031-01-10";
  auto r = Call("wang", "POST", "/api/v1/heating-changes", application.dump());
  ASSERT_EQ(r.status, 201u) << r.body;
  auto approved =
      Call("li", "POST", PathOf(r) + "/events", json{{"type", "approve"}}.dump());
  ASSERT_EQ(approved.status, 200u) << approved.body;
  EXPECT_EQ(json::parse(approved.body)["settlement"]["amount"], "-1194.87");
  EXPECT_EQ(Household(a_.household_id, "heating_status"), "stopped");

  auto run = Call("li", "POST", "/api/v1/billing-runs", json{{"season", 2030}}.dump());
  ASSERT_EQ(run.status, 201u) << run.body;
  EXPECT_EQ(json::parse(run.body)["issued"], 1);
  auto bills = Call("home", "GET", "/api/v1/bills?season=2030");
  ASSERT_EQ(bills.status, 200u) << bills.body;
  const json items = json::parse(bills.body)["items"];
  ASSERT_EQ(items.size(), 1u);
  const json& lines = items[0]["lines"];
  ASSERT_EQ(lines.size(), 2u) << items[0].dump();
  EXPECT_EQ(lines[0]["code"], "area");
  EXPECT_EQ(lines[0]["amount"], "2224.30");
  EXPECT_EQ(lines[1]["code"], "change");
  EXPECT_EQ(lines[1]["amount"], "-1194.87");
  EXPECT_EQ(lines[1]["text"], "停止供暖：自 2031-01-10 起 65/121 日，85.55 m² × 26.00 元/m²");
  EXPECT_EQ(items[0]["total"], "1029.43");
  // A stop effective before the season: the household is not billed for it at all.
  auto next = Call("li", "POST", "/api/v1/billing-runs", json{{"season", 2031}}.dump());
  ASSERT_EQ(next.status, 201u) << next.body;
  EXPECT_EQ(json::parse(next.body)["issued"], 0);
  EXPECT_EQ(json::parse(next.body)["not_heated"], 1);
}

// R-ACCT-1: a change approved after the bill was issued reaches that bill (its line, the total
// and the fee), audited; settling it again changes nothing more.
TEST_P(HeatingChangeApi, AStopApprovedAfterTheBillIsPostedToIt) {
  AddTariff(a_.company_id);
  auto run = Call("li", "POST", "/api/v1/billing-runs", json{{"season", 2030}}.dump());
  ASSERT_EQ(run.status, 201u) << run.body;
  auto bills = json::parse(Call("li", "GET", "/api/v1/bills?season=2030").body)["items"];
  ASSERT_EQ(bills.size(), 1u);
  EXPECT_EQ(bills[0]["total"], "2224.30");
  const std::string bill_path = "/api/v1/bills/" + std::to_string(bills[0]["id"].get<int64_t>());
  auto unchanged = Call("li", "POST", bill_path + "/resettle");
  ASSERT_EQ(unchanged.status, 200u) << unchanged.body;
  EXPECT_EQ(json::parse(unchanged.body)["total"], "2224.30");

  json application = HallApplication(a_.household_id, "stop");
  application["effective"] = "2031-01-10";
  auto r = Call("wang", "POST", "/api/v1/heating-changes", application.dump());
  ASSERT_EQ(r.status, 201u) << r.body;
  auto approved = Call("li", "POST", PathOf(r) + "/events", json{{"type", "approve"}}.dump());
  ASSERT_EQ(approved.status, 200u) << approved.body;
  const json bill = json::parse(approved.body)["bill"];
  ASSERT_TRUE(bill.is_object()) << approved.body;
  ASSERT_EQ(bill["lines"].size(), 2u) << bill.dump();
  EXPECT_EQ(bill["lines"][1]["code"], "change");
  EXPECT_EQ(bill["lines"][1]["amount"], "-1194.87");
  EXPECT_EQ(bill["total"], "1029.43");
  EXPECT_EQ(json::parse(Call("home", "GET", bill_path).body)["outstanding"], "1029.43");
  auto fee = rt_->db->records.Get(*model::FindResource("fees"), bill["id"].get<int64_t>(), {});
  ASSERT_TRUE(fee.ok());
  EXPECT_EQ(fee->Int("amount"), 102943);
  auto audit = rt_->db->records.Audit(std::nullopt, 10);
  ASSERT_TRUE(audit.ok());
  bool resettled = false;
  for (const auto& e : *audit) {
    resettled |= e.resource == "fees" && e.after_json.find("resettled") != std::string::npos;
  }
  EXPECT_TRUE(resettled);
  auto again = Call("li", "POST", bill_path + "/resettle");
  ASSERT_EQ(again.status, 200u) << again.body;
  EXPECT_EQ(json::parse(again.body)["total"], "1029.43");
  EXPECT_EQ(json::parse(again.body)["lines"].size(), 2u);
  EXPECT_EQ(Call("wang", "POST", bill_path + "/resettle").status, 403u);
  EXPECT_EQ(Call("liu", "POST", bill_path + "/resettle").status, 404u);
}

// R-ACCT-1: a bill paid in full and then settled again below what was paid holds the difference
// overpaid; an agent pays it back whole, with the channel's reference, once.
TEST_P(HeatingChangeApi, AnOverpaymentAfterAStopIsPaidBack) {
  AddTariff(a_.company_id);
  ASSERT_EQ(Call("li", "POST", "/api/v1/billing-runs", json{{"season", 2030}}.dump()).status, 201u);
  const int64_t fee_id =
      json::parse(Call("li", "GET", "/api/v1/bills?season=2030").body)["items"][0]["id"];
  const std::string bill_path = "/api/v1/bills/" + std::to_string(fee_id);
  auto paid = rt_->db->records.Create(*model::FindResource("payments"),
                                      {{"household_id", a_.household_id},
                                       {"fee_id", fee_id},
                                       {"amount", int64_t{222430}},
                                       {"paid_at", "2030-10-20T10:00:00+08:00"},
                                       {"method", "wechat"}},
                                      {}, "wang");
  ASSERT_TRUE(paid.ok()) << paid.error().message;
  const json bank = {{"method", "bank"}, {"reference", "ICBC-20310112-0042"}};
  auto nothing = Call("wang", "POST", bill_path + "/payback", bank.dump());
  EXPECT_EQ(nothing.status, 409u) << nothing.body;

  json application = HallApplication(a_.household_id, "stop");
  application["effective"] = "2031-01-10";
  auto r = Call("wang", "POST", "/api/v1/heating-changes", application.dump());
  ASSERT_EQ(r.status, 201u) << r.body;
  ASSERT_EQ(Call("li", "POST", PathOf(r) + "/events", json{{"type", "approve"}}.dump()).status,
            200u);
  json bill = json::parse(Call("home", "GET", bill_path).body);
  EXPECT_EQ(bill["total"], "1029.43");
  EXPECT_EQ(bill["paid"], "2224.30");
  EXPECT_EQ(bill["overpaid"], "1194.87");
  EXPECT_EQ(bill["outstanding"], "0.00");

  EXPECT_EQ(Call("home", "POST", bill_path + "/payback", bank.dump()).status, 403u);
  EXPECT_EQ(Call("liu", "POST", bill_path + "/payback", bank.dump()).status, 404u);
  auto no_reference = Call("wang", "POST", bill_path + "/payback", json{{"method", "bank"}}.dump());
  EXPECT_EQ(no_reference.status, 400u);
  EXPECT_EQ(Field(no_reference), "reference");
  auto back = Call("wang", "POST", bill_path + "/payback", bank.dump());
  ASSERT_EQ(back.status, 200u) << back.body;
  bill = json::parse(back.body);
  EXPECT_EQ(bill["paid_back"], "1194.87");
  EXPECT_EQ(bill["overpaid"], "0.00");
  EXPECT_EQ(bill["outstanding"], "0.00");
  EXPECT_EQ(Call("wang", "POST", bill_path + "/payback", bank.dump()).status, 409u) << "once";
}

TEST_P(HeatingChangeApi, AnIncreaseNeedsItsSurveyAndARefusalSaysWhy) {
  json inc = HallApplication(a_.household_id, "increase");
  inc["area"] = "100.50";
  auto r = Call("wang", "POST", "/api/v1/heating-changes", inc.dump());
  ASSERT_EQ(r.status, 201u) << r.body;
  json c = json::parse(r.body);
  const std::string path = PathOf(r);
  EXPECT_EQ(c["applicant"], "李强");
  EXPECT_EQ(c["area_after"], "100.50");
  EXPECT_EQ(c["missing"], json{"area-survey"});
  EXPECT_EQ(json::parse(Call("li", "GET", path).body)["actions"],
            (json{"supply-documents", "refuse"}));
  auto refused = Call("li", "POST", path + "/events",
                      json{{"type", "refuse"}, {"reason", "未提供面积测绘报告"}}.dump());
  ASSERT_EQ(refused.status, 200u) << refused.body;
  EXPECT_EQ(json::parse(refused.body)["state"], "refused");
  EXPECT_EQ(json::parse(refused.body)["reason"], "未提供面积测绘报告");
  EXPECT_EQ(Household(a_.household_id, "area_m2"), "8555");
  auto told = Call("home", "GET", "/api/v1/notifications");
  EXPECT_NE(told.body.find("未提供面积测绘报告"), std::string::npos) << told.body;

  auto list = Call("li", "GET", "/api/v1/heating-changes?kind=increase&state=refused");
  ASSERT_EQ(list.status, 200u) << list.body;
  EXPECT_EQ(json::parse(list.body)["items"].size(), 1u);
  EXPECT_EQ(
      json::parse(Call("li", "GET", "/api/v1/heating-changes?kind=stop").body)["items"].size(), 0u);
}

TEST_P(HeatingChangeApi, RefusalsNameTheField) {
  struct Case {
    const char* name;
    const char* user;
    json body;
    unsigned status;
    const char* field;
  };
  auto with = [&](const char* key, json value) {
    json b = HallApplication(a_.household_id, "stop");
    if (value.is_null()) {
      b.erase(key);
    } else {
      b[key] = std::move(value);
    }
    return b;
  };
  json own = with("received_at", nullptr);
  own.erase("applicant");
  json decrease = with("kind", "decrease");
  const std::vector<Case> cases = {
      {"no household", "li", with("household", nullptr), 400, "household"},
      {"another company's household", "li", HallApplication(b_.household_id, "stop"), 404,
       "household"},
      {"no kind", "li", with("kind", nullptr), 400, "kind"},
      {"an unknown kind", "li", with("kind", "pause"), 400, "kind"},
      {"no effective day", "li", with("effective", nullptr), 400, "effective"},
      {"effective before receipt", "li", with("effective", "2020-01-01"), 400, "effective"},
      {"a decrease without its area", "li", decrease, 400, "area"},
      {"an area in words", "li", with("area", "many"), 400, "area"},
      {"a stop with an area", "li", with("area", "50.00"), 400, "area"},
      {"the hall without the form's time", "li", with("received_at", nullptr), 400, "received_at"},
      {"entered a fortnight late", "li", with("received_at", FormatLocal(Now() - hours(24 * 14))),
       400, "received_at"},
      {"the hall without the applicant", "li", with("applicant", nullptr), 400, "applicant"},
      {"a household dating its own", "home", with("applicant", nullptr), 400, "received_at"},
      {"no form", "li", with("documents", {"identity"}), 400, "documents"},
      {"an unknown document", "li", with("documents", {"application-form", "passport"}), 400,
       "documents[1]"},
      {"an unknown member", "li", with("priority", "high"), 400, "priority"},
      {"the technician takes none in", "zhao", with("kind", "stop"), 403, ""},
      {"the regulator takes none in", "gov", with("kind", "stop"), 403, ""},
      {"another household's stop", "other", own, 404, "household"},
  };
  // A household applies for its own stop or resumption only.
  json own_increase = own;
  own_increase["kind"] = "increase";
  own_increase["area"] = "90.00";
  auto r = Call("home", "POST", "/api/v1/heating-changes", own_increase.dump());
  EXPECT_EQ(r.status, 403u) << r.body;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto s = Call(c.user, "POST", "/api/v1/heating-changes", c.body.dump());
    EXPECT_EQ(s.status, c.status) << s.body;
    EXPECT_EQ(Field(s), c.field) << s.body;
  }
  EXPECT_EQ(json::parse(Call("li", "GET", "/api/v1/heating-changes").body)["items"].size(), 0u);

  auto created = Call("li", "POST", "/api/v1/heating-changes",
                      HallApplication(a_.household_id, "stop").dump());
  ASSERT_EQ(created.status, 201u) << created.body;
  const std::string path = PathOf(created);
  const std::vector<Case> steps = {
      {"an unknown step", "li", {{"type", "apply"}}, 400, "type"},
      {"nothing supplied", "li", {{"type", "supply-documents"}}, 400, "documents"},
      {"the form again",
       "li",
       {{"type", "supply-documents"}, {"documents", {"application-form"}}},
       400,
       "documents"},
      {"refuse without a reason", "li", {{"type", "refuse"}}, 400, "reason"},
      {"approve with a reason", "li", {{"type", "approve"}, {"reason", "r"}}, 400, "reason"},
      {"the household decides nothing", "home", {{"type", "approve"}}, 403, ""},
      {"another company's application", "liu", {{"type", "approve"}}, 404, "id"},
  };
  for (const auto& c : steps) {
    SCOPED_TRACE(c.name);
    auto s = Call(c.user, "POST", path + "/events", c.body.dump());
    EXPECT_EQ(s.status, c.status) << s.body;
    EXPECT_EQ(Field(s), c.field) << s.body;
  }
  for (const char* q : {"state=open", "kind=pause", "household=x", "color=red"}) {
    EXPECT_EQ(Call("li", "GET", std::string("/api/v1/heating-changes?") + q).status, 400u) << q;
  }
  EXPECT_EQ(json::parse(Call("li", "GET", path).body)["state"], "received");  // nothing moved
}

INSTANTIATE_TEST_SUITE_P(Engines, HeatingChangeApi, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& engine) {
                           return engine.param;
                         });

}  // namespace
}  // namespace hearth::app::http

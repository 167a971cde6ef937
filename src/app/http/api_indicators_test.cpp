// Published indicators end to end, in process (AddApiRoutes over a real SQLite database, and over
// a real PostgreSQL one; issue 15, W 14.4.6, R-KPI-C): a month's R-KPI-C from the judged days of
// the company's households against hand-computed values, live (reused for a while) and
// published; a publication never changes when the records do; who may publish, read it and read the records behind it;
// the public list without sign-in.
#include <gtest/gtest.h>

#include <cstdio>

#include <nlohmann/json.hpp>

#include "support/test_in_process_api.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::json;

class IndicatorsApi : public support::InProcessApi {
 protected:
  // Household a's room, every hour of `day` (2026-11, within weihai's official season from
  // 11-15) at `celsius`.
  void Day(const char* day, const char* celsius) {
    std::vector<services::IncomingReading> readings;
    for (int h = 0; h < 24; ++h) {
      char ts[40];
      std::snprintf(ts, sizeof ts, "%sT%02d:10:00+08:00", day, h);
      readings.push_back({"A-0", ts, celsius});
    }
    auto report = rt_->db->ingest.Ingest(readings);
    ASSERT_TRUE(report.ok());
    ASSERT_EQ(report->accepted, 24);
  }

  static const json* Rule(const json& indicators, const char* rule) {
    for (const auto& i : indicators) {
      if (i["rule"] == rule) return &i;
    }
    return nullptr;
  }
};

TEST_P(IndicatorsApi, TheQualificationRateFromJudgedDaysLiveAndPublishedForGood) {
  Day("2026-11-20", "16.5");  // below 18 °C: unqualified
  Day("2026-11-21", "19.0");
  Day("2026-11-22", "19.0");
  // Live: 2 qualified of 3 judged household-days (the month's other days have no value: not
  // judged); company b has no judged day.
  auto live = Call("gov", "GET", "/api/v1/reports/indicators?month=2026-11");
  ASSERT_EQ(live.status, 200u) << live.body;
  json companies = json::parse(live.body)["companies"];
  ASSERT_EQ(companies.size(), 2u);
  const json* c = Rule(companies[0]["indicators"], "R-KPI-C");
  ASSERT_NE(c, nullptr) << live.body;
  EXPECT_EQ((*c)["numerator"], 2);
  EXPECT_EQ((*c)["denominator"], 3);
  EXPECT_EQ((*c)["display"], "66.67%");
  EXPECT_EQ((*c)["status"], "not-met");
  EXPECT_EQ((*c)["target_per_mille"], 990);
  EXPECT_EQ((*c)["households"], json::array({a_.household_id}));
  const json* none = Rule(companies[1]["indicators"], "R-KPI-C");
  ASSERT_NE(none, nullptr);
  EXPECT_EQ((*none)["status"], "not-applicable");

  auto published = Call("li", "POST", "/api/v1/indicators/publications", R"({"month":"2026-11"})");
  ASSERT_EQ(published.status, 201u) << published.body;
  json pub = json::parse(published.body);
  EXPECT_EQ(pub["company_id"], a_.company_id);
  EXPECT_EQ(pub["company_code"], "a");
  EXPECT_EQ(pub["month"], "2026-11");
  EXPECT_EQ(pub["policy"], "weihai");
  EXPECT_EQ(pub["published_by"], "li");
  ASSERT_EQ(pub["indicators"].size(), 5u);
  std::vector<std::string> rules;
  for (const auto& i : pub["indicators"]) rules.push_back(i["rule"]);
  EXPECT_EQ(rules, (std::vector<std::string>{"R-KPI-S", "R-KPI-Q", "R-KPI-C", "R-KPI-P",
                                             "R-KPI-B"}));
  EXPECT_EQ(pub["indicators"][2]["display"], "66.67%");
  EXPECT_EQ(pub["indicators"][2]["records"], 1);
  EXPECT_EQ(pub["indicators"][0]["display"], "0.00‰");  // no stop in the month
  EXPECT_EQ(pub["indicators"][1]["status"], "not-applicable");  // no repair due
  const std::string id = std::to_string(pub["id"].get<int64_t>());

  // The records behind R-KPI-C: the household, with its qualified of its judged days.
  auto records = Call("li", "GET", "/api/v1/indicators/publications/" + id +
                                       "/records?rule=R-KPI-C");
  ASSERT_EQ(records.status, 200u) << records.body;
  json items = json::parse(records.body)["items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["record"], std::to_string(a_.household_id));
  EXPECT_EQ(items[0]["numerator"], 2);
  EXPECT_EQ(items[0]["denominator"], 3);

  // A later reading: the live report reuses its recent R-KPI-C (and says when it was judged), a
  // fresh judgement counts the new day, and the published figure stays as it was.
  // (The publication judged afresh and is itself the recent judgement, so its time is the one
  // to compare with: the first live call's may be a second older.)
  live = Call("li", "GET", "/api/v1/reports/indicators?month=2026-11");
  const std::string computed_at =
      (*Rule(json::parse(live.body)["companies"][0]["indicators"], "R-KPI-C"))["computed_at"];
  Day("2026-11-23", "19.0");
  live = Call("li", "GET", "/api/v1/reports/indicators?month=2026-11");
  const json kept = *Rule(json::parse(live.body)["companies"][0]["indicators"], "R-KPI-C");
  EXPECT_EQ(kept["display"], "66.67%");
  EXPECT_EQ(kept["computed_at"], computed_at);
  auto fresh = rt_->db->reports.Indicators(*services::ParseReportMonth("2026-11"),
                                           a_.company_id, {}, /*fresh=*/true);
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->companies[0].c.display, "75.00%");
  auto again = Call("li", "GET", "/api/v1/indicators/publications/" + id);
  ASSERT_EQ(again.status, 200u);
  EXPECT_EQ(json::parse(again.body)["indicators"][2]["display"], "66.67%");
  auto twice = Call("root", "POST", "/api/v1/indicators/publications",
                    json{{"month", "2026-11"}, {"company", a_.company_id}}.dump());
  EXPECT_EQ(twice.status, 409u) << twice.body;
  EXPECT_EQ(json::parse(twice.body)["error"]["code"], "conflict");
  EXPECT_EQ(json::parse(Call("gov", "GET", "/api/v1/indicators/publications").body)["items"]
                .size(),
            1u);
}

TEST_P(IndicatorsApi, WhoPublishesWhoReadsAndThePublicList) {
  // A month not over yet, a bad month, a role that does not publish, a company not one's own.
  auto running = Call("li", "POST", "/api/v1/indicators/publications", R"({"month":"2199-01"})");
  EXPECT_EQ(running.status, 409u) << running.body;
  EXPECT_EQ(json::parse(running.body)["error"]["code"], "failed_precondition");
  EXPECT_EQ(Field(Call("li", "POST", "/api/v1/indicators/publications", R"({"month":"2026-13"})")),
            "month");
  EXPECT_EQ(Field(Call("li", "POST", "/api/v1/indicators/publications", R"({"month":2026})")),
            "month");
  EXPECT_EQ(Field(Call("root", "POST", "/api/v1/indicators/publications",
                       R"({"month":"2026-10"})")),
            "company");
  EXPECT_EQ(Field(Call("root", "POST", "/api/v1/indicators/publications",
                       R"({"month":"2026-10","company":"a"})")),
            "company");
  EXPECT_EQ(Call("zhao", "POST", "/api/v1/indicators/publications", R"({"month":"2026-10"})")
                .status,
            403u);
  EXPECT_EQ(Call("gov", "POST", "/api/v1/indicators/publications",
                 json{{"month", "2026-10"}, {"company", a_.company_id}}.dump())
                .status,
            403u);
  EXPECT_EQ(Call("liu", "POST", "/api/v1/indicators/publications",
                 json{{"month", "2026-10"}, {"company", a_.company_id}}.dump())
                .status,
            404u);
  EXPECT_EQ(Call("", "POST", "/api/v1/indicators/publications", R"({"month":"2026-10"})").status,
            401u);

  auto a = Call("li", "POST", "/api/v1/indicators/publications", R"({"month":"2026-10"})");
  ASSERT_EQ(a.status, 201u) << a.body;
  auto b = Call("root", "POST", "/api/v1/indicators/publications",
                json{{"month", "2026-10"}, {"company", b_.company_id}}.dump());
  ASSERT_EQ(b.status, 201u) << b.body;
  const std::string a_id = std::to_string(json::parse(a.body)["id"].get<int64_t>());

  // Households read their own company's publications, never the records behind them.
  json mine = json::parse(Call("home", "GET", "/api/v1/indicators/publications").body)["items"];
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["company_id"], a_.company_id);
  EXPECT_EQ(Call("other", "GET", "/api/v1/indicators/publications/" + a_id).status, 404u);
  EXPECT_EQ(Call("home", "GET", "/api/v1/indicators/publications/" + a_id + "/records").status,
            403u);
  EXPECT_EQ(Call("liu", "GET", "/api/v1/indicators/publications/" + a_id + "/records").status,
            404u);
  EXPECT_EQ(Field(Call("li", "GET", "/api/v1/indicators/publications/" + a_id +
                                        "/records?rule=R-KPI-X")),
            "rule");
  json all = json::parse(Call("gov", "GET", "/api/v1/indicators/publications?month=2026-10")
                             .body)["items"];
  EXPECT_EQ(all.size(), 2u);
  EXPECT_EQ(Field(Call("gov", "GET", "/api/v1/indicators/publications?month=10")), "month");

  // The public list: no sign-in, every company's figures, not who published or the records.
  auto pub = Call("", "GET", "/api/v1/public/indicators?limit=1");
  ASSERT_EQ(pub.status, 200u) << pub.body;
  json page = json::parse(pub.body);
  ASSERT_EQ(page["items"].size(), 1u);
  EXPECT_FALSE(page["next_cursor"].is_null());
  EXPECT_EQ(page["items"][0]["company_code"], "a");
  EXPECT_EQ(page["items"][0]["indicators"].size(), 5u);
  EXPECT_FALSE(page["items"][0].contains("published_by"));
  EXPECT_FALSE(page["items"][0].contains("records_url"));
  json rest = json::parse(Call("", "GET", "/api/v1/public/indicators?limit=1&cursor=" +
                                              page["next_cursor"].get<std::string>())
                              .body);
  ASSERT_EQ(rest["items"].size(), 1u);
  EXPECT_EQ(rest["items"][0]["company_code"], "b");
  EXPECT_TRUE(rest["next_cursor"].is_null());
  EXPECT_EQ(json::parse(Call("", "GET", "/api/v1/public/indicators?company=b").body)["items"]
                .size(),
            1u);
}

INSTANTIATE_TEST_SUITE_P(Engines, IndicatorsApi, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& engine) {
                           return engine.param;
                         });

}  // namespace
}  // namespace hearth::app::http

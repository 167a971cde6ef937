// Energy reserve end to end, in process (AddApiRoutes over a real SQLite database, and over a
// real PostgreSQL one; issue 15, R-ENERGY-1): daily dispatch reports filed and corrected with
// their days of reserve against the profile's 30 days, the season's flags (a missing day, a low
// spell) for the company and the regulator, who may file and read, and the field named in every
// refusal.
#include <gtest/gtest.h>

#include <chrono>

#include <nlohmann/json.hpp>

#include "rules/season.hpp"
#include "support/test_in_process_api.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::json;

Date Today() {
  return LocalDate(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

class EnergyApi : public support::InProcessApi {
 protected:
  static json Report(Date day, const char* fuel, double stock, double consumption) {
    return {{"day", FormatDate(day)}, {"fuel", fuel}, {"stock", stock},
            {"consumption", consumption}};
  }
};

TEST_P(EnergyApi, ReportsShowTheirReserveAndCorrectionsReplaceThem) {
  const Date today = Today();
  auto r = Call("li", "POST", "/api/v1/energy/reports",
                Report(today, "coal", 12000.5, 350.25).dump());
  ASSERT_EQ(r.status, 201u) << r.body;
  json j = json::parse(r.body);
  EXPECT_EQ(j["company_id"], a_.company_id);
  EXPECT_EQ(j["unit"], "t");
  EXPECT_EQ(j["stock"], 12000.5);
  EXPECT_EQ(j["reserve_days"], 34.2);  // 12,000.50 ÷ 350.25 = 34.26…, down
  EXPECT_EQ(j["low"], false);
  EXPECT_EQ(j["threshold_days"], 30);
  EXPECT_EQ(j["basis"], "W 6.2.2");
  // The technician corrects it: 200, the same report, now below 30 days.
  auto fixed = Call("zhao", "POST", "/api/v1/energy/reports",
                    Report(today, "coal", 10499.99, 350).dump());
  ASSERT_EQ(fixed.status, 200u) << fixed.body;
  j = json::parse(fixed.body);
  EXPECT_EQ(j["reserve_days"], 29.9);
  EXPECT_EQ(j["low"], true);
  EXPECT_EQ(j["reported_by"], "zhao");
  auto gas = Call("li", "POST", "/api/v1/energy/reports", Report(today, "gas", 800000, 0).dump());
  ASSERT_EQ(gas.status, 201u) << gas.body;
  EXPECT_EQ(json::parse(gas.body)["unit"], "m3");
  EXPECT_TRUE(json::parse(gas.body)["reserve_days"].is_null());

  auto mine = Call("li", "GET", "/api/v1/energy/reports");
  ASSERT_EQ(mine.status, 200u) << mine.body;
  EXPECT_EQ(json::parse(mine.body)["items"].size(), 2u);
  EXPECT_EQ(json::parse(Call("liu", "GET", "/api/v1/energy/reports").body)["items"].size(), 0u);
  auto all = Call("gov", "GET", "/api/v1/energy/reports?fuel=coal&limit=1");
  ASSERT_EQ(all.status, 200u) << all.body;
  EXPECT_EQ(json::parse(all.body)["items"].size(), 1u);
  EXPECT_TRUE(json::parse(all.body)["next_cursor"].is_null());
  EXPECT_EQ(Call("home", "GET", "/api/v1/energy/reports").status, 403u);
  EXPECT_EQ(Call("liu", "GET", "/api/v1/energy/reports?company=a").status, 403u);
}

// A past season, whole: every reporting day but one filed, three days below 30.
TEST_P(EnergyApi, TheSeasonsFlagsShowAMissingDayAndALowSpell) {
  const int season = YearOf(Today()) - 2;
  const rules::SeasonDates dates =
      rules::SeasonOf((*rt_->policies.Find("weihai"))->season, season);
  const Date gap = dates.official_start + std::chrono::days{10};
  const Date low = dates.official_start + std::chrono::days{20};
  for (Date d = dates.commissioning_start; d <= dates.official_end; d += std::chrono::days{1}) {
    if (d == gap) continue;
    const bool short_of_fuel = d >= low && d < low + std::chrono::days{3};
    auto r = Call("li", "POST", "/api/v1/energy/reports",
                  Report(d, "coal", short_of_fuel ? 7000 : 12000, 350).dump());
    ASSERT_EQ(r.status, 201u) << r.body;
  }
  const std::string path = "/api/v1/energy/flags?season=" + std::to_string(season);
  auto flags = Call("li", "GET", path);
  ASSERT_EQ(flags.status, 200u) << flags.body;
  json f = json::parse(flags.body);
  EXPECT_EQ(f["season"], season);
  EXPECT_EQ(f["from"], FormatDate(dates.commissioning_start));
  EXPECT_EQ(f["to"], FormatDate(dates.official_end));
  ASSERT_EQ(f["companies"].size(), 1u);
  json c = f["companies"][0];
  EXPECT_EQ(c["company_code"], "a");
  EXPECT_EQ(c["missing_days"], json::array({FormatDate(gap)}));
  ASSERT_EQ(c["low_spells"].size(), 1u);
  EXPECT_EQ(c["low_spells"][0]["from"], FormatDate(low));
  EXPECT_EQ(c["low_spells"][0]["days"], 3);
  EXPECT_EQ(c["low_spells"][0]["min_reserve_days"], 20.0);
  // The regulator sees both companies: b filed nothing, every day is missing.
  auto gov = Call("gov", "GET", path);
  ASSERT_EQ(gov.status, 200u) << gov.body;
  json companies = json::parse(gov.body)["companies"];
  ASSERT_EQ(companies.size(), 2u);
  EXPECT_EQ(companies[1]["reports"], 0);
  EXPECT_EQ(companies[1]["missing_days"].size(), c["missing_days"].size() + c["reports"].get<size_t>());
  EXPECT_EQ(Call("home", "GET", path).status, 403u);
  EXPECT_EQ(Field(Call("gov", "GET", "/api/v1/energy/flags?season=1999")), "season");
}

// The flags that need attention now are alerts too, beside the households' and sensors'. The
// runtime's clock is the system's: in season, yesterday's low reserve of a and b's missing report
// are alerts; out of season (no reporting day yesterday) there are none.
TEST_P(EnergyApi, YesterdaysGapAndLowReserveAreAlerts) {
  const Date yesterday = Today() - std::chrono::days{1};
  const auto policy = *rt_->policies.Find("weihai");
  const int year = YearOf(yesterday);
  bool in_season = false;
  for (int season : {year - 1, year}) {
    const rules::SeasonDates d = rules::SeasonOf(policy->season, season);
    in_season = in_season || (yesterday >= d.commissioning_start && yesterday <= d.official_end);
  }
  auto r = Call("li", "POST", "/api/v1/energy/reports",
                Report(yesterday, "coal", 7000, 350).dump());  // 20 days, below 30
  ASSERT_EQ(r.status, 201u) << r.body;
  auto energy_alerts = [this](const std::string& user) {
    auto list = Call(user, "GET", "/api/v1/alerts?limit=200");
    EXPECT_EQ(list.status, 200u) << list.body;
    const json body = json::parse(list.body);  // not a temporary: the loop reads into it
    json out = json::array();
    for (const auto& a : body["items"]) {
      if (a["kind"].get<std::string>().rfind("energy-", 0) == 0) out.push_back(a);
    }
    return out;
  };
  json all = energy_alerts("gov");
  if (!in_season) {
    EXPECT_EQ(all.size(), 0u) << all.dump();
    return;
  }
  ASSERT_EQ(all.size(), 2u) << all.dump();
  EXPECT_EQ(all[0]["kind"], "energy-reserve-low");
  EXPECT_EQ(all[0]["company_id"], a_.company_id);
  EXPECT_EQ(all[0]["household_id"], nullptr);
  EXPECT_EQ(all[0]["details"]["fuel"], "coal");
  EXPECT_EQ(all[0]["details"]["since"], FormatDate(yesterday));
  EXPECT_EQ(all[0]["details"]["min_reserve_days"], 20.0);
  EXPECT_EQ(all[0]["details"]["threshold_days"], 30);
  EXPECT_EQ(all[1]["kind"], "energy-report-missing");
  EXPECT_EQ(all[1]["company_id"], b_.company_id);
  EXPECT_EQ(all[1]["details"]["date"], FormatDate(yesterday));
  EXPECT_EQ(energy_alerts("li").size(), 1u);  // a's manager: a's own
}

TEST_P(EnergyApi, EachRefusalNamesItsField) {
  const Date today = Today();
  struct Case {
    const char* name;
    const char* user;
    json body;
    unsigned status;
    const char* field;
  };
  json extra = Report(today, "coal", 1, 1);
  extra["stock_t"] = 1;
  json admin_other = Report(today, "coal", 1, 1);
  admin_other["company"] = b_.company_id;
  json manager_other = admin_other;
  const std::vector<Case> cases = {
      {"tomorrow", "li", Report(today + std::chrono::days{1}, "coal", 1, 1), 400, "day"},
      {"no day", "li", json{{"fuel", "coal"}, {"stock", 1}, {"consumption", 1}}, 400, "day"},
      {"a fuel of no kind", "li", Report(today, "wood", 1, 1), 400, "fuel"},
      {"a negative stock", "li", Report(today, "coal", -1, 1), 400, "stock"},
      {"three decimals", "li", Report(today, "coal", 1, 0.125), 400, "consumption"},
      {"a stock as text", "li",
       json{{"day", FormatDate(today)}, {"fuel", "coal"}, {"stock", "1"}, {"consumption", 1}},
       400, "stock"},
      {"an unknown member", "li", extra, 400, "stock_t"},
      {"another company's, by a manager", "li", manager_other, 400, "company"},
      {"the admin without a company", "root", Report(today, "coal", 1, 1), 400, "company"},
      {"a household files none", "home", Report(today, "coal", 1, 1), 403, ""},
      {"the regulator files none", "gov", Report(today, "coal", 1, 1), 403, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = Call(c.user, "POST", "/api/v1/energy/reports", c.body.dump());
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_EQ(Field(r), c.field) << r.body;
  }
  EXPECT_EQ(json::parse(Call("gov", "GET", "/api/v1/energy/reports").body)["items"].size(), 0u);
  auto by_admin = Call("root", "POST", "/api/v1/energy/reports", admin_other.dump());
  ASSERT_EQ(by_admin.status, 201u) << by_admin.body;
  EXPECT_EQ(json::parse(by_admin.body)["company_id"], b_.company_id);
  EXPECT_EQ(Field(Call("li", "GET", "/api/v1/energy/reports?fuel=wood")), "fuel");
}

INSTANTIATE_TEST_SUITE_P(Engines, EnergyApi, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& engine) {
                           return engine.param;
                         });

}  // namespace
}  // namespace hearth::app::http

// The regulator's comparison of companies, in process (AddApiRoutes over a real SQLite database,
// and over a real PostgreSQL one; issue 15, R-REG-1): complaints per 10,000 households with the
// duplicates left out, on-time replies, refunds of the month's season, the subsidy score line by
// line and the pool shared to the fen; the scoring profile; the workbook; who may ask. The
// licence flags (Z 3.4) and the season's announcements (R-SEASON-1).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/http/reports.hpp"
#include "support/test_in_process_api.hpp"
#include "support/test_xlsx.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::json;

class RegulatorApi : public support::InProcessApi {
 protected:
  /// A complaint of `household` (managed by `user`) on 2026-11-20 at 08:mm. Its id, or 0.
  int64_t Complaint(const std::string& user, int64_t household, int minute,
                    std::optional<int64_t> parent = std::nullopt) {
    json o = {{"channel", "phone"},
              {"received_at", "2026-11-20T08:" + std::string(minute < 10 ? "0" : "") +
                                  std::to_string(minute) + ":00+08:00"},
              {"household", household},
              {"category", "heating-quality"},
              {"content", "暖气不热"},
              {"caller_phone", "13812345678"}};
    if (parent) o["parent"] = *parent;
    auto r = Call(user, "POST", "/api/v1/work-orders", o.dump());
    EXPECT_EQ(r.status, 201u) << r.body;
    return r.status == 201u ? json::parse(r.body)["id"].get<int64_t>() : 0;
  }

  json Compare(const std::string& query, const std::string& user = "gov") {
    auto r = Call(user, "GET", "/api/v1/regulator/companies?" + query);
    EXPECT_EQ(r.status, 200u) << r.body;
    return r.status == 200u ? json::parse(r.body) : json::object();
  }

  static const json& Line(const json& company, const std::string& measure) {
    for (const auto& l : company["score"]["lines"]) {
      if (l["measure"] == measure) return l;
    }
    static const json none;
    ADD_FAILURE() << "no line " << measure;
    return none;
  }
};

TEST_P(RegulatorApi, ComplaintRatesRefundsAndTheSubsidyShares) {
  // a: three orders, one a duplicate of the first (two complaints); b: one.
  const int64_t first = Complaint("li", a_.household_id, 0);
  Complaint("li", a_.household_id, 5);
  Complaint("li", a_.household_id, 10, first);
  Complaint("liu", b_.household_id, 0);
  // A refund of a's household in the season 2026–2027, which November 2026 falls in, and one of
  // b's in the season before (not this comparison's).
  ports::RefundEntry owed;
  owed.household_id = a_.household_id;
  owed.company_id = a_.company_id;
  owed.season_start_year = 2026;
  owed.fee_fen = 264000;
  owed.refund_fen = 12345;
  owed.official_days = 121;
  owed.payment_deadline = "2027-06-30T23:59:59+08:00";
  ports::RefundEntry earlier = owed;
  earlier.household_id = b_.household_id;
  earlier.company_id = b_.company_id;
  earlier.season_start_year = 2025;
  ASSERT_TRUE(rt_->db->refund_ledger.ReplaceDrafts(std::vector{owed, earlier}).ok());

  json out = Compare("month=2026-11&pool_fen=100000");
  ASSERT_EQ(out["companies"].size(), 2u);
  EXPECT_EQ(out["season_start_year"], 2026);
  EXPECT_EQ(out["policy"], "weihai");  // both companies use it
  EXPECT_EQ(out["pool_fen"], 100000);
  EXPECT_EQ(out["weights"].size(), 7u);
  const json& a = out["companies"][0];
  const json& b = out["companies"][1];
  EXPECT_EQ(a["company_id"], a_.company_id);
  EXPECT_EQ(a["households"], 1);
  EXPECT_EQ(a["complaints"]["received"], 3);
  EXPECT_EQ(a["complaints"]["duplicates"], 1);
  EXPECT_EQ(a["complaints"]["complaints"], 2);
  EXPECT_DOUBLE_EQ(a["complaints"]["per_10000"].get<double>(), 20000.0);
  ASSERT_EQ(a["complaints"]["by_channel"].size(), 9u);
  EXPECT_EQ(a["complaints"]["by_channel"][0]["channel"], "city-hotline");
  EXPECT_EQ(a["complaints"]["by_channel"][0]["received"], 0);
  EXPECT_EQ(a["complaints"]["by_channel"][6]["channel"], "phone");
  EXPECT_EQ(a["complaints"]["by_channel"][6]["received"], 3);
  EXPECT_EQ(b["complaints"]["complaints"], 1);
  EXPECT_EQ(a["refunds"]["owed_fen"], 12345);
  EXPECT_EQ(a["refunds"]["owed_entries"], 1);
  EXPECT_EQ(a["refunds"]["paid_fen"], 0);
  EXPECT_EQ(b["refunds"]["owed_fen"], 0);
  EXPECT_EQ(a["outages"]["company_caused"], 0);
  // Replies: none was given, and every reply deadline of 2026-11-20 is long past: all late.
  EXPECT_EQ(a["replies"]["due"], 3);
  EXPECT_EQ(a["replies"]["on_time"], 0);
  EXPECT_EQ(Line(a, "on-time-reply")["points"], "0.00");
  // Complaints per 10,000 households against the best (b, 10,000):
  // a (10000 + 1) ÷ (20000 + 1) × 100 = 49.9975… → 50.00; b 100.00.
  EXPECT_EQ(Line(a, "complaint-rate")["points"], "50.00");
  EXPECT_EQ(Line(b, "complaint-rate")["points"], "100.00");
  EXPECT_EQ(Line(a, "complaint-rate")["weight"], 10);
  // P and B: no return visit in the month, so not applicable and left out of the weights.
  EXPECT_EQ(Line(a, "R-KPI-P")["applicable"], false);
  EXPECT_FALSE(a["score"]["working"].get<std::string>().empty());
  // The pool is shared to the fen, the better score taking more.
  const int64_t share_a = a["score"]["share_fen"], share_b = b["score"]["share_fen"];
  EXPECT_EQ(share_a + share_b, 100000);
  EXPECT_LT(a["score"]["hundredths"].get<int64_t>(), b["score"]["hundredths"].get<int64_t>());
  EXPECT_LT(share_a, share_b);

  // Without a pool: scores only. Another profile's weights score the same companies.
  json unpooled = Compare("month=2026-11");
  EXPECT_TRUE(unpooled["pool_fen"].is_null());
  EXPECT_TRUE(unpooled["companies"][0]["score"]["share_fen"].is_null());
  EXPECT_EQ(Compare("month=2026-11&policy=zibo")["policy"], "zibo");
  // A month with nothing received: no complaint, no reply due.
  json october = Compare("month=2026-10&pool_fen=1");
  EXPECT_EQ(october["companies"][0]["complaints"]["received"], 0);
  EXPECT_TRUE(october["companies"][0]["replies"]["rate"].is_null());
  // Over the whole season, a run of days (issue 15: from=&to=): the same complaints and the
  // refunds of the season its first day falls in.
  json season = Compare("from=2026-11-15&to=2027-03-15&pool_fen=100000");
  EXPECT_TRUE(season["month"].get<std::string>() == "2026-11-15..2027-03-15");
  EXPECT_EQ(season["season_start_year"], 2026);
  EXPECT_EQ(season["companies"][0]["complaints"]["complaints"], 2);
  EXPECT_EQ(season["companies"][0]["refunds"]["owed_fen"], 12345);
  // A run starting before July belongs to the season before: b's 2025 entry, not a's.
  json spring = Compare("from=2026-03-01&to=2026-03-15");
  EXPECT_EQ(spring["season_start_year"], 2025);
  EXPECT_EQ(spring["companies"][0]["refunds"]["owed_fen"], 0);
  EXPECT_EQ(spring["companies"][1]["refunds"]["owed_entries"], 1);
}

TEST_P(RegulatorApi, TheWorkbookAndWhoMayAsk) {
  Complaint("li", a_.household_id, 0);
  auto x = Call("root", "GET",
                "/api/v1/regulator/companies?month=2026-11&format=xlsx&pool_fen=100000");
  ASSERT_EQ(x.status, 200u) << x.body;
  const support::XlsxBook wb = support::ReadXlsx(x.body);
  ASSERT_EQ(wb.sheets, (std::vector<std::string>{"企业对比", "补贴测算"}));
  const auto& compare = wb.cells[0];
  EXPECT_EQ(compare.at("A1"), "2026年11月 供热企业对比");
  EXPECT_EQ(compare.at("A3"), "企业");
  EXPECT_EQ(compare.at("H3"), "投诉量");
  EXPECT_EQ(compare.at("P3"), "区域外楼栋");
  EXPECT_EQ(compare.at("R3"), "公告缺失");
  EXPECT_EQ(compare.at("T3"), "补贴份额(元)");
  EXPECT_EQ(compare.at("P4"), "1");  // a's building: the test city licenses no district
  EXPECT_EQ(compare.at("B4"), "1");   // a's households
  EXPECT_EQ(compare.at("H4"), "1");   // a's complaint
  EXPECT_EQ(compare.at("I4"), "10000.00");  // per 10,000 households
  EXPECT_EQ(compare.at("H5"), "0");   // b has none
  const auto& working = wb.cells[1];
  EXPECT_EQ(working.at("B3"), "指标");
  EXPECT_EQ(working.at("B4"), "运行事故率");
  EXPECT_EQ(working.at("B11"), "合计");  // after a's seven measures
  EXPECT_EQ(x.content_type, kXlsxContentType);
  bool named = false;
  for (const auto& [k, v] : x.headers) {
    if (v.find("regulator-companies-2026-11.xlsx") != std::string::npos) named = true;
  }
  EXPECT_TRUE(named);

  struct Case {
    const char* user;
    const char* query;
    unsigned status;
    const char* field;
  };
  const Case cases[] = {
      {"li", "month=2026-11", 403, ""},        // a company's manager
      {"zhao", "month=2026-11", 403, ""},      // a technician
      {"home", "month=2026-11", 403, ""},      // a household
      {"", "month=2026-11", 401, ""},          // nobody
      {"gov", "", 400, "month"},
      {"gov", "month=2026-13", 400, "month"},
      {"gov", "month=2026-11&from=2026-11-01&to=2026-11-30", 400, "month"},
      {"gov", "from=2026-11-01", 400, "to"},
      {"gov", "to=2026-11-30", 400, "from"},
      {"gov", "from=2026-11-30&to=2026-11-01", 400, "to"},
      {"gov", "from=2026-01-01&to=2027-03-01", 400, "to"},  // longer than a season
      {"gov", "month=2026-11&pool_fen=-1", 400, "pool_fen"},
      {"gov", "month=2026-11&pool_fen=1.5", 400, "pool_fen"},
      {"gov", "month=2026-11&pool_fen=10000000000001", 400, "pool_fen"},
      {"gov", "month=2026-11&policy=nowhere", 404, "policy"},
      {"gov", "month=2026-11&format=pdf", 400, "format"},
      {"gov", "month=2026-11&company=a", 400, "company"},  // the comparison is of all
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.user) + " " + c.query);
    auto r = Call(c.user, "GET", std::string("/api/v1/regulator/companies?") + c.query);
    EXPECT_EQ(r.status, c.status) << r.body;
    if (*c.field != '\0') {
      EXPECT_EQ(Field(r), c.field);
    }
  }
}

TEST_P(RegulatorApi, CompaniesOnDifferentProfilesNeedTheScoringOneNamed) {
  auto changed = Call("root", "PATCH", "/api/v1/companies/" + std::to_string(b_.company_id),
                      json{{"policy", "zibo"}}.dump());
  ASSERT_EQ(changed.status, 200u) << changed.body;
  auto r = Call("gov", "GET", "/api/v1/regulator/companies?month=2026-11");
  EXPECT_EQ(r.status, 400u) << r.body;
  EXPECT_EQ(Field(r), "policy");
  EXPECT_NE(r.body.find("weihai, zibo"), std::string::npos) << r.body;
  EXPECT_EQ(Compare("month=2026-11&policy=weihai")["companies"].size(), 2u);
}

TEST_P(RegulatorApi, BuildingsOutsideTheLicenceAreFlagged) {
  // The test city writes no licence: each company's one building is outside one (Z 3.4).
  Complaint("li", a_.household_id, 0);
  auto flags = [&](const std::string& user, const std::string& query = "") {
    auto r = Call(user, "GET", "/api/v1/regulator/licence-flags" + query);
    EXPECT_EQ(r.status, 200u) << r.body;
    return json::parse(r.body)["items"];
  };
  json all = flags("gov");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0]["company_id"], a_.company_id);
  EXPECT_EQ(all[0]["building_code"], "B-01");
  EXPECT_EQ(all[0]["district_code"], "d-a");
  EXPECT_EQ(all[0]["households"], 1);
  EXPECT_EQ(all[0]["work_orders"], 1);
  EXPECT_EQ(all[0]["connection_applications"], 0);
  EXPECT_EQ(flags("li").size(), 1u);  // a's manager: a's own
  EXPECT_EQ(flags("gov", "?company=b")[0]["company_id"], b_.company_id);
  EXPECT_EQ(Call("home", "GET", "/api/v1/regulator/licence-flags").status, 403u);
  EXPECT_EQ(Call("li", "GET", "/api/v1/regulator/licence-flags?company=b").status, 403u);

  // The regulator licenses a's district: only b's building is left, in the comparison too.
  auto licence = Call("gov", "POST", "/api/v1/licensed_districts",
                      json{{"company_id", a_.company_id},
                           {"district_id", all[0]["district_id"]}}.dump());
  ASSERT_EQ(licence.status, 201u) << licence.body;
  all = flags("gov");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0]["company_id"], b_.company_id);
  json out = Compare("month=2026-11");
  EXPECT_EQ(out["companies"][0]["licence"]["unlicensed_buildings"], 0);
  EXPECT_EQ(out["companies"][1]["licence"]["unlicensed_buildings"], 1);
  EXPECT_EQ(out["companies"][1]["licence"]["unlicensed_households"], 1);
}

// R-SEASON-1 (W 5.2.5, W 6.1.1): each company announces the commissioning and the start of heating
// of every district it is licensed in, a day ahead at the latest. The runtime's clock is the
// system's, so the test judges the season 2020 (long past: every duty has come) and 2200 (all
// still due).
TEST_P(RegulatorApi, SeasonAnnouncementsAreFlaggedLateOrMissing) {
  auto id_of = [this](const std::string& path) {
    auto r = Call("root", "GET", path);
    EXPECT_EQ(r.status, 200u) << r.body;
    return json::parse(r.body)["items"][0]["id"].get<int64_t>();
  };
  const int64_t d_a = id_of("/api/v1/districts?code=d-a");
  const int64_t d_b = id_of("/api/v1/districts?code=d-b");
  auto flags = [this](const std::string& user, const std::string& query) {
    auto r = Call(user, "GET", "/api/v1/regulator/season-flags?" + query);
    EXPECT_EQ(r.status, 200u) << r.body;
    return r.status == 200u ? json::parse(r.body) : json::object();
  };
  // No licence, no duty.
  EXPECT_EQ(flags("gov", "season=2020")["items"].size(), 0u);
  ASSERT_EQ(Call("gov", "POST", "/api/v1/licensed_districts",
                 json{{"company_id", a_.company_id}, {"district_id", d_a}}.dump())
                .status,
            201u);
  json out = flags("gov", "season=2020");
  ASSERT_EQ(out["items"].size(), 1u);
  json row = out["items"][0];
  EXPECT_EQ(row["company_id"], a_.company_id);
  EXPECT_EQ(row["district_code"], "d-a");
  EXPECT_EQ(row["dates_from"], "profile");
  EXPECT_EQ(row["commissioning_start"], "2020-11-08");
  EXPECT_EQ(row["first_heated_day"], "2020-11-15");
  EXPECT_EQ(row["duties"][0]["kind"], "commissioning");
  EXPECT_EQ(row["duties"][0]["status"], "missing");
  EXPECT_EQ(row["duties"][1]["status"], "missing");
  EXPECT_EQ(out["flagged"], 2);
  json compared = Compare("month=2020-11")["companies"];  // the comparison counts them too
  EXPECT_EQ(compared[0]["season_announcements"]["missing"], 2);
  EXPECT_EQ(compared[0]["season_announcements"]["late"], 0);
  EXPECT_EQ(compared[1]["season_announcements"]["missing"], 0);  // b: licensed nowhere

  // The company announces: the commissioning a week ahead, the start of heating on the day.
  auto announce = [this](const std::string& user, int64_t district, const char* kind,
                          const char* on) {
    return Call(user, "POST", "/api/v1/season_announcements",
                json{{"company_id", a_.company_id},
                     {"district_id", district},
                     {"season", 2020},
                     {"kind", kind},
                     {"published_on", on},
                     {"channel", "newspaper"},
                     {"reference", "威海日报 第3版"}}
                    .dump());
  };
  ASSERT_EQ(announce("li", d_a, "commissioning", "2020-11-01").status, 201u);
  ASSERT_EQ(announce("li", d_a, "heating_start", "2020-11-15").status, 201u);
  auto outside = announce("li", d_b, "commissioning", "2020-11-01");  // not its licence
  EXPECT_EQ(outside.status, 403u);
  EXPECT_EQ(json::parse(outside.body)["error"]["field"], "district_id");
  EXPECT_EQ(announce("gov", d_a, "commissioning", "2020-11-02").status, 403u);  // the company's
  row = flags("li", "season=2020")["items"][0];
  EXPECT_EQ(row["duties"][0]["status"], "on_time");
  EXPECT_EQ(row["duties"][0]["announcement"]["reference"], "威海日报 第3版");
  EXPECT_EQ(row["duties"][1]["status"], "late");
  EXPECT_EQ(row["duties"][1]["days_late"], 1);

  // The district decides an early start, with its decision: the heat (and so its announcement)
  // was due from 11-12, four days before the notice.
  json season = {{"district_id", d_a},
                 {"season", 2020},
                 {"commissioning_start", "2020-11-05"},
                 {"official_start", "2020-11-15"},
                 {"official_end", "2021-03-15"},
                 {"early_start", "2020-11-12"}};
  auto undecided = Call("gov", "POST", "/api/v1/seasons", season.dump());
  EXPECT_EQ(undecided.status, 400u);
  EXPECT_EQ(json::parse(undecided.body)["error"]["field"], "decision_ref");
  season["decision_ref"] = "威政字〔2020〕8号";
  ASSERT_EQ(Call("gov", "POST", "/api/v1/seasons", season.dump()).status, 201u);
  out = flags("gov", "season=2020&company=a");
  row = out["items"][0];
  EXPECT_EQ(row["dates_from"], "record");
  EXPECT_EQ(row["decision_ref"], "威政字〔2020〕8号");
  EXPECT_EQ(row["early_start"], "2020-11-12");
  EXPECT_EQ(row["duties"][0]["announced_day"], "2020-11-05");
  EXPECT_EQ(row["duties"][0]["status"], "on_time");
  EXPECT_EQ(row["duties"][1]["announced_day"], "2020-11-12");
  EXPECT_EQ(row["duties"][1]["days_late"], 4);
  EXPECT_EQ(out["flagged"], 1);

  // A season far ahead: every duty still due, none flagged.
  out = flags("gov", "season=2200");
  EXPECT_EQ(out["items"][0]["duties"][0]["status"], "due");
  EXPECT_EQ(out["flagged"], 0);

  // Who may ask, and what.
  EXPECT_EQ(flags("liu", "season=2020")["items"].size(), 0u);  // b is licensed nowhere
  EXPECT_EQ(Call("home", "GET", "/api/v1/regulator/season-flags").status, 403u);
  EXPECT_EQ(Call("li", "GET", "/api/v1/regulator/season-flags?company=b").status, 403u);
  auto bad = Call("gov", "GET", "/api/v1/regulator/season-flags?season=1999");
  EXPECT_EQ(bad.status, 400u);
  EXPECT_EQ(json::parse(bad.body)["error"]["field"], "season");
  EXPECT_EQ(Call("gov", "GET", "/api/v1/regulator/season-flags").status, 200u);  // this season
}

INSTANTIATE_TEST_SUITE_P(Engines, RegulatorApi, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& engine) {
                           return engine.param;
                         });

}  // namespace
}  // namespace hearth::app::http

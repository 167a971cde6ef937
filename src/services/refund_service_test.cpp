// The refund calculator's use case with the shipped profiles: R-REFUND-1..4, R-SEASON-1.
#include "services/refund_service.hpp"

#include <gtest/gtest.h>

#include "adapters/csv/refund_days_csv.hpp"
#include "support/test_policies.hpp"

namespace hearth::services {
namespace {

const PolicyRegistry& Registry() {
  static const PolicyRegistry r = *support::LoadPolicies();
  return r;
}

const char* kHeader = "date,value,guarantee,outdoor_mean,unheated_hours,excluded\n";

struct Day {
  const char* date;
  int share;
};

TEST(RefundService, ShippedProfiles) {
  struct Case {
    const char* name;
    const char* policy;
    const char* season;
    const char* fee;
    std::string rows;
    int official_days;
    int64_t refund_fen;
    std::vector<Day> days;
  };
  const Case cases[] = {
      // R-REFUND-1 with g = 18.0: g-2 ≤ v < g → 20, g-6 ≤ v < g-2 → 50, v < g-6 → 100.
      {"tier boundaries",
       "weihai",
       "2025",
       "2640.00",
       "2025-12-01,16.0,,,,\n2025-12-02,15.9,,,,\n2025-12-03,12.0,,,,\n2025-12-04,11.9,,,,\n"
       "2025-12-05,17.95,,,,\n2025-12-06,17.94,,,,\n2025-12-07,18,,,,\n",
       121,
       // (20 + 50 + 50 + 100 + 20) % × 264000 / 121 = 5236.36
       5236,
       {{"2025-12-01", 20},
        {"2025-12-02", 50},
        {"2025-12-03", 50},
        {"2025-12-04", 100},
        {"2025-12-06", 20}}},
      {"the same boundaries in Zibo",
       "zibo",
       "2025",
       "2640.00",
       "2025-12-01,16.0,,,,\n2025-12-02,15.9,,,,\n2025-12-03,12.0,,,,\n2025-12-04,11.9,,,,\n"
       "2025-12-05,17.95,,,,\n",
       121,
       4800,
       {{"2025-12-01", 20}, {"2025-12-02", 50}, {"2025-12-03", 50}, {"2025-12-04", 100}}},
      // R-REFUND-1 decision: an agreed temperature shifts the tiers.
      {"agreed 20 and 16",
       "weihai",
       "2025",
       "2640.00",
       "2025-12-01,19.9,20,,,\n2025-12-02,18.0,20,,,\n2025-12-03,17.9,20,,,\n"
       "2025-12-04,13.9,20,,,\n2025-12-05,17.0,16,,,\n2025-12-06,14.0,16,,,\n"
       "2025-12-07,13.9,16,,,\n2025-12-08,9.9,16,,,\n2025-12-09,5,none,,,\n",
       121,
       // (20 + 20 + 50 + 100 + 20 + 50 + 100) % × 264000 / 121 = 7854.55
       7855,
       {{"2025-12-01", 20},
        {"2025-12-02", 20},
        {"2025-12-03", 50},
        {"2025-12-04", 100},
        {"2025-12-06", 20},
        {"2025-12-07", 50},
        {"2025-12-08", 100}}},
      // R-REFUND-2, -4: exempt and excluded days lose the temperature share, never the 100 %.
      {"exempt, excluded and unheated in Weihai (design -5.4)",
       "weihai",
       "2025",
       "2640.00",
       "2025-12-01,11.0,,-6.0,,\n"     // exempt: 0
       "2025-12-02,11.0,,-6.0,12,\n"   // exempt, outage 12 h: 100
       "2025-12-03,11.0,,,,1\n"        // excluded: 0
       "2025-12-04,11.0,,,13.5,1\n"    // excluded, outage: 100
       "2025-12-05,11.0,,-9.9,24,1\n"  // exempt and excluded, not heated all day: 100
       "2025-12-06,15.0,,-5.4,,\n"     // at the design temperature: not exempt, 50
       "2025-12-07,19.0,,,11,\n"       // outage 11 h: 0
       "2025-12-08,17.0,,,11.99,\n"    // outage under 12 h: the 20 % stays
       "2025-12-09,15.0,,,12,\n",      // 50 % and outage: the largest, 100
       121,
       // (100 + 100 + 100 + 50 + 20 + 100) % × 264000 / 121 = 10254.55
       10255,
       {{"2025-12-02", 100},
        {"2025-12-04", 100},
        {"2025-12-05", 100},
        {"2025-12-06", 50},
        {"2025-12-08", 20},
        {"2025-12-09", 100}}},
      {"Zibo's design temperature (-7.4) makes -6.0 not exempt",
       "zibo",
       "2025",
       "2640.00",
       "2025-12-01,11.0,,-6.0,,\n2025-12-02,11.0,,-7.5,,\n",
       121,
       2182,
       {{"2025-12-01", 100}}},
      // R-SEASON-1: 2023-2024 has 122 official days (29 February), 2025-2026 has 121.
      {"leap season",
       "weihai",
       "2023",
       "2640.00",
       "2024-02-29,11.0,,,,\n2024-03-15,11.0,,,,\n2024-03-16,11.0,,,,\n2023-11-14,11.0,,,,\n",
       122,
       4328,  // 2 × 264000 / 122 = 4327.87
       {{"2024-02-29", 100}, {"2024-03-15", 100}}},
      {"rows outside the period are ignored",
       "weihai",
       "2025",
       "2640.00",
       "2025-11-08,5,,,24,\n2025-11-14,5,,,,\n2025-11-15,17,,,,\n2026-03-15,17,,,,\n"
       "2026-03-16,5,,,24,\n2027-01-01,5,,,,\n",
       121,
       873,  // 2 × 20 % × 264000 / 121 = 872.73
       {{"2025-11-15", 20}, {"2026-03-15", 20}}},
      // R-REFUND-3: rounded once. Per day 436.36 → 436 would give 1308.
      {"rounded once",
       "weihai",
       "2025",
       "2640",
       "2025-12-01,17,,,,\n2025-12-02,17,,,,\n"
       "2025-12-03,17,,,,\n",
       121,
       1309,
       {{"2025-12-01", 20}, {"2025-12-02", 20}, {"2025-12-03", 20}}},
      {"no rows", "weihai", "2025", "0.01", "", 121, 0, {}},
  };
  const RefundService service(Registry(), adapters::csv::ParseRefundDaysCsv);
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto out = service.Compute({c.policy, c.season, c.fee, kHeader + c.rows}, false);
    ASSERT_TRUE(out.ok()) << out.error().message;
    EXPECT_EQ(out->refund.official_days, c.official_days);
    EXPECT_EQ(out->refund.refund_fen, c.refund_fen);
    ASSERT_EQ(out->refund.days.size(), c.days.size());
    for (size_t i = 0; i < c.days.size(); ++i) {
      EXPECT_EQ(FormatDate(out->refund.days[i].date), c.days[i].date);
      EXPECT_EQ(out->refund.days[i].share_percent, c.days[i].share);
    }
  }
}

TEST(RefundService, ReasonsFromTheProfile) {  // R-REFUND-2 hours come from the profile
  auto out = RefundService(Registry(), adapters::csv::ParseRefundDaysCsv)
                 .Compute({"weihai", "2025", "2640.00",
                           std::string(kHeader) + "2025-12-05,,,,14,\n2025-12-01,17.5,,,,\n"},
                          false);
  ASSERT_TRUE(out.ok()) << out.error().message;
  ASSERT_EQ(out->refund.days.size(), 2u);
  EXPECT_EQ(out->refund.days[0].reason, "unqualified: 17.5 °C against 18.0 °C guaranteed (20 %)");
  EXPECT_EQ(out->refund.days[1].reason, "not heated: company outage 14 h ≥ 12 h (100 %)");
}

TEST(RefundService, Errors) {
  struct Case {
    RefundQuery query;
    ErrorCode code;
    const char* field;
    const char* needle;
  };
  const std::string ok = std::string(kHeader) + "2025-12-01,17,,,,\n";
  const Case cases[] = {
      {{"atlantis", "2025", "1", ok}, ErrorCode::kInvalidArgument, "policy", "atlantis"},
      {{HEARTH_SOURCE_DIR "/policies/weihai.toml", "2025", "1", ok},
       ErrorCode::kInvalidArgument,
       "policy",
       "weihai.toml"},  // no files over HTTP
      {{"weihai", "25", "1", ok}, ErrorCode::kInvalidArgument, "season", "got '25'"},
      {{"weihai", "", "1", ok}, ErrorCode::kInvalidArgument, "season", "got ''"},
      {{"weihai", "2025", "2640.001", ok},
       ErrorCode::kInvalidArgument,
       "fee",
       "more than 2 decimals"},
      {{"weihai", "2025", "0.00", ok}, ErrorCode::kInvalidArgument, "fee", "not more than 0"},
      {{"weihai", "2025", "1e3", ok}, ErrorCode::kInvalidArgument, "fee", "unexpected 'e'"},
      {{"weihai", "2025", "1", "date\n"},
       ErrorCode::kInvalidArgument,
       "line 1",
       "line 1, column 2 (value): missing column"},
      // The flags are checked before the file.
      {{"weihai", "x", "1", "date\n"}, ErrorCode::kInvalidArgument, "season", "got 'x'"},
  };
  const RefundService service(Registry(), adapters::csv::ParseRefundDaysCsv);
  for (const auto& c : cases) {
    SCOPED_TRACE(c.needle);
    auto out = service.Compute(c.query, false);
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.error().code, c.code);
    EXPECT_EQ(out.error().field, c.field);
    EXPECT_NE(out.error().message.find(c.needle), std::string::npos) << out.error().message;
  }
}

TEST(ParseFeeFen, ExactYuan) {
  const std::pair<const char*, int64_t> ok[] = {
      {"2640.00", 264000}, {"2640", 264000}, {"2640.5", 264050}, {"0.01", 1}, {"+12.34", 1234}};
  for (const auto& [text, fen] : ok) {
    SCOPED_TRACE(text);
    EXPECT_EQ(*ParseFeeFen(text), fen);
  }
  for (const char* bad : {"", "0", "-1", "12.345", "1,000", "¥12", " 12", "12."}) {
    SCOPED_TRACE(bad);
    auto r = ParseFeeFen(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "fee");
  }
}

TEST(ParseSeasonYear, FourDigits) {
  EXPECT_EQ(*ParseSeasonYear("2025"), 2025);
  EXPECT_EQ(*ParseSeasonYear("2023"), 2023);
  for (const char* bad : {"", "25", "20255", "2025-2026", "+202", "２０２５"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(ParseSeasonYear(bad).error().field, "season");
  }
}

}  // namespace
}  // namespace hearth::services

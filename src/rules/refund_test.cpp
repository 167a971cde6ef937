// R-REFUND-1..4, R-TEMP-1 (a), R-TEMP-5, R-SEASON-1: shares of days and refunds of seasons.
#include "rules/refund.hpp"

#include <gtest/gtest.h>

#include "core/decimal.hpp"

namespace hearth::rules {
namespace {

// The numbers of the shipped profiles (policies/weihai.toml); services/refund_service_test.cpp
// checks the same boundaries against the loaded files.
Policy TestPolicy() {
  Policy p;
  p.season.commissioning_start.value = {11, 8};
  p.season.official_start.value = {11, 15};
  p.season.official_end.value = {3, 15};
  p.temperature.guarantee.value = 180;
  p.temperature.design_outdoor.value = -54;
  p.refund.tiers = {{-20, 20}, {-60, 50}, {std::nullopt, 100}};
  p.refund.unheated_share_percent.value = 100;
  p.refund.outage_unheated_hours.value = 12;
  return p;
}

Date D(const char* text) { return *ParseDate(text); }
Tenths T(const char* text) { return static_cast<Tenths>(ToTenths(*ParseDecimal(text))); }

RefundDay Day(const char* date, std::optional<Tenths> value, Tenths guarantee = 180) {
  RefundDay d;
  d.date = D(date);
  d.value = value;
  d.guarantee = guarantee;
  return d;
}

TEST(TemperatureShare, TierBoundariesAgainst18) {  // R-REFUND-1, g = 18.0
  struct Case {
    const char* value;
    int share;
  };
  const Case cases[] = {
      {"18.0", 0},   {"18.5", 0},  {"17.95", 0},  // 17.95 is 18.0 in tenths: qualified
      {"17.94", 20}, {"17.9", 20}, {"16.0", 20},  {"15.95", 20},  // g-2 <= v < g
      {"15.9", 50},  {"12.0", 50},                                // g-6 <= v < g-2
      {"11.9", 100}, {"0.0", 100}, {"-5.0", 100},                 // v < g-6
  };
  const Policy p = TestPolicy();
  for (const auto& c : cases) {
    SCOPED_TRACE(c.value);
    EXPECT_EQ(TemperatureShare(p.refund, T(c.value), 180), c.share);
    EXPECT_EQ(ShareOfDay(p, Day("2025-12-01", T(c.value))).share_percent, c.share);
  }
}

TEST(TemperatureShare, AgreedTemperatureShiftsTheTiers) {  // R-REFUND-1 decision, R-TEMP-2
  struct Case {
    const char* guarantee;
    const char* value;
    int share;
  };
  const Case cases[] = {
      {"20.0", "20.0", 0},
      {"20.0", "19.9", 20},
      {"20.0", "18.0", 20},
      {"20.0", "17.9", 50},
      {"20.0", "14.0", 50},
      {"20.0", "13.9", 100},
      {"16.0", "17.0", 0},  // qualified at the agreed
                            // 16 although below 18
      {"16.0", "16.0", 0},
      {"16.0", "15.9", 20},
      {"16.0", "14.0", 20},
      {"16.0", "13.9", 50},
      {"16.0", "10.0", 50},
      {"16.0", "9.9", 100},
  };
  const Policy p = TestPolicy();
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.value) + " against " + c.guarantee);
    EXPECT_EQ(ShareOfDay(p, Day("2025-12-01", T(c.value), T(c.guarantee))).share_percent, c.share);
  }
}

TEST(ShareOfDay, LargestShareExclusionsAndOutages) {  // R-REFUND-2, R-REFUND-4, R-TEMP-1 (a)
  struct Case {
    const char* name;
    std::optional<Tenths> value;
    std::optional<Tenths> outdoor_mean;
    Centihours outage;
    bool household_caused;
    bool not_heated;
    int share;
    RefundCause cause;
    bool exempt;
    bool excluded;
  };
  using C = RefundCause;
  const Case cases[] = {
      {"qualified", 185, {}, 0, false, false, 0, C::kNone, false, false},
      {"20 % day", 170, {}, 0, false, false, 20, C::kTemperature, false, false},
      {"outage 11 h: not unheated", 185, {}, 1100, false, false, 0, C::kNone, false, false},
      {"outage 11.99 h keeps the 20 %",
       170,
       {},
       1199,
       false,
       false,
       20,
       C::kTemperature,
       false,
       false},
      {"outage 12 h: not heated", 185, {}, 1200, false, false, 100, C::kOutage, false, false},
      {"outage 24 h", {}, {}, 2400, false, false, 100, C::kOutage, false, false},
      {"largest, never a sum: 50 % and outage",
       150,
       {},
       1400,
       false,
       false,
       100,
       C::kOutage,
       false,
       false},
      {"100 % tier and outage: 100, named outage",
       100,
       {},
       1200,
       false,
       false,
       100,
       C::kOutage,
       false,
       false},
      {"100 % tier, outage 11 h", 100, {}, 1100, false, false, 100, C::kTemperature, false, false},
      {"exempt day: no temperature share", 100, -55, 0, false, false, 0, C::kNone, true, false},
      {"design outdoor itself is not exempt", 170, -54, 0, false, false, 20, C::kTemperature, false,
       false},
      {"excluded day: no temperature share", 100, {}, 0, true, false, 0, C::kNone, false, true},
      {"exempt and excluded", 150, -80, 0, true, false, 0, C::kNone, true, true},
      {"exempt does not remove an outage", 150, -80, 1200, false, false, 100, C::kOutage, true,
       false},
      {"excluded does not remove an outage",
       150,
       {},
       1300,
       true,
       false,
       100,
       C::kOutage,
       false,
       true},
      {"exempt and excluded do not remove not heated", 100, -80, 0, true, true, 100, C::kNotHeated,
       true, true},
      {"not heated, no value", {}, {}, 0, false, true, 100, C::kNotHeated, false, false},
      {"no value: not judged", {}, {}, 0, false, false, 0, C::kNone, false, false},
  };
  const Policy p = TestPolicy();
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    RefundDay d = Day("2025-12-01", c.value);
    d.outdoor_mean = c.outdoor_mean;
    d.outage = c.outage;
    d.household_caused = c.household_caused;
    d.not_heated = c.not_heated;
    DayShare s = ShareOfDay(p, d);
    EXPECT_EQ(s.share_percent, c.share);
    EXPECT_EQ(s.cause, c.cause);
    EXPECT_EQ(s.exempt, c.exempt);
    EXPECT_EQ(s.excluded, c.excluded);
  }
}

TEST(ShareOfDay, NoGuaranteeIsNotJudged) {  // R-TEMP-5, R-TEMP-2
  const Policy p = TestPolicy();
  RefundDay d = Day("2025-12-01", 100);
  d.guarantee.reset();
  EXPECT_EQ(ShareOfDay(p, d).share_percent, 0);
  EXPECT_EQ(JudgedGuarantee(p.temperature, d), std::nullopt);
  d.outage = 1200;  // R-REFUND-2 still applies
  EXPECT_EQ(ShareOfDay(p, d).share_percent, 100);

  RefundDay exempt = Day("2025-12-01", 100);
  exempt.outdoor_mean = -60;
  EXPECT_EQ(JudgedGuarantee(p.temperature, exempt), std::nullopt);
  exempt.outdoor_mean = -54;
  EXPECT_EQ(JudgedGuarantee(p.temperature, exempt), 180);
}

TEST(DescribeShare, ReasonsAHouseholdCanRead) {  // R-REFUND-6: the household sees why
  struct Case {
    RefundDay day;
    const char* reason;
  };
  RefundDay remote = Day("2025-12-01", 175);
  RefundDay agreed = Day("2025-12-01", 155, 200);
  RefundDay manual = Day("2025-12-01", 115);
  manual.source = EvidenceSource::kManual;
  manual.measured_on = D("2025-12-01");
  RefundDay period = Day("2025-12-03", 170);
  period.source = EvidenceSource::kManualPeriod;
  period.measured_on = D("2025-12-01");
  RefundDay outage = Day("2025-12-01", 185);
  outage.outage = 1400;
  RefundDay half = Day("2025-12-01", {});
  half.outage = 1250;
  RefundDay not_heated = Day("2025-12-01", 150);
  not_heated.not_heated = true;
  RefundDay qualified = Day("2025-12-01", 180);
  const Case cases[] = {
      {remote, "unqualified: 17.5 °C against 18.0 °C guaranteed (20 %)"},
      {agreed, "unqualified: 15.5 °C against 20.0 °C guaranteed (50 %)"},
      {manual,
       "unqualified: 11.5 °C against 18.0 °C guaranteed, measured by hand that day (100 %)"},
      {period,
       "unqualified: 17.0 °C against 18.0 °C guaranteed, as measured by hand on 2025-12-01 (20 %)"},
      {outage, "not heated: company outage 14 h ≥ 12 h (100 %)"},
      {half, "not heated: company outage 12.5 h ≥ 12 h (100 %)"},
      {not_heated, "not heated for the company's reasons (100 %)"},
      {qualified, ""},
  };
  const Policy p = TestPolicy();
  for (const auto& c : cases) {
    SCOPED_TRACE(c.reason);
    EXPECT_EQ(DescribeShare(p, c.day, ShareOfDay(p, c.day)), c.reason);
  }
}

TEST(FormatHours, Table) {
  const std::pair<Centihours, const char*> cases[] = {
      {0, "0"}, {1400, "14"}, {1150, "11.5"}, {1175, "11.75"}, {1105, "11.05"}, {-50, "-0.5"}};
  for (const auto& [hours, text] : cases) EXPECT_EQ(FormatHours(hours), text);
}

// Every official day of the season at `value`.
std::vector<RefundDay> WholeSeason(const SeasonDates& s, Tenths value) {
  std::vector<RefundDay> days;
  for (Date d = s.official_start; d <= s.official_end; d += std::chrono::days{1}) {
    RefundDay day;
    day.date = d;
    day.value = value;
    day.guarantee = 180;
    days.push_back(day);
  }
  return days;
}

TEST(ComputeRefund, SeasonsOf121And122Days) {  // R-REFUND-3, R-SEASON-1
  struct Case {
    int year;
    int official_days;
    Tenths value;
    int64_t refund_fen;
  };
  const Case cases[] = {
      {2025, 121, 170, 52800},   // 20 % of 2640.00 on every day
      {2023, 122, 170, 52800},   // leap season: 122 days, the same whole-season share
      {2025, 121, 150, 132000},  // 50 %
      {2023, 122, 110, 264000},  // 100 %
      {2025, 121, 185, 0},
  };
  const Policy p = TestPolicy();
  for (const auto& c : cases) {
    SCOPED_TRACE(c.year);
    SeasonDates s = SeasonOf(p.season, c.year);
    auto days = WholeSeason(s, c.value);
    ASSERT_EQ(static_cast<int>(days.size()), c.official_days);
    auto r = ComputeRefund(p, s, 264000, days);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->official_days, c.official_days);
    EXPECT_EQ(r->fee_fen, 264000);
    EXPECT_EQ(r->refund_fen, c.refund_fen);
    EXPECT_EQ(r->days.size(), c.refund_fen > 0 ? days.size() : 0u);
    EXPECT_EQ(*RefundTotalFen(p, s, 264000, days), c.refund_fen);
  }
}

TEST(ComputeRefund, OneDayDependsOnTheSeasonLength) {  // R-REFUND-3
  const Policy p = TestPolicy();
  // One 100 % day: 264000 / 121 = 2181.82 → 2182; 264000 / 122 = 2163.93 → 2164.
  RefundDay d = Day("2024-01-10", 100);
  EXPECT_EQ(*RefundTotalFen(p, SeasonOf(p.season, 2023), 264000, std::span(&d, 1)), 2164);
  d.date = D("2026-01-10");
  EXPECT_EQ(*RefundTotalFen(p, SeasonOf(p.season, 2025), 264000, std::span(&d, 1)), 2182);
  // 2024-02-29 exists only in the leap season.
  d.date = D("2024-02-29");
  EXPECT_EQ(*RefundTotalFen(p, SeasonOf(p.season, 2023), 264000, std::span(&d, 1)), 2164);
}

TEST(ComputeRefund, RoundedOnceAtTheEnd) {  // R-REFUND-3
  struct Case {
    const char* name;
    int64_t fee_fen;
    std::vector<Tenths> values;  // on consecutive days from 2025-12-01
    int64_t refund_fen;
    int64_t rounded_per_day;  // what rounding each day first would give
  };
  const Case cases[] = {
      // 20 % of 2640.00 / 121 = 436.36 fen a day: 3 days are 1309.09 → 1309, not 3 × 436.
      {"three 20 % days", 264000, {170, 170, 170}, 1309, 1308},
      // 50 % of 1.21 / 121 = 0.5 fen: half up to 1 once; two days are exactly 1, not 2.
      {"half a fen rounds up", 121, {150}, 1, 1},
      {"two half fen", 121, {150, 150}, 1, 2},
      // 20 % + 50 % + 100 % of 3000.00 / 121: 495.87 + 1239.67 + 2479.34 = 4214.88 → 4215
      // (here rounding each day happens to agree).
      {"mixed tiers", 300000, {170, 150, 100}, 4215, 496 + 1240 + 2479},
  };
  const Policy p = TestPolicy();
  const SeasonDates s = SeasonOf(p.season, 2025);
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<RefundDay> days;
    int64_t per_day = 0;
    for (size_t i = 0; i < c.values.size(); ++i) {
      RefundDay d = Day("2025-12-01", c.values[i]);
      d.date += std::chrono::days{static_cast<int>(i)};
      days.push_back(d);
      per_day += static_cast<int64_t>(RoundDiv(
          static_cast<Int128>(ShareOfDay(p, d).share_percent) * c.fee_fen, Int128{100} * 121));
    }
    EXPECT_EQ(per_day, c.rounded_per_day);
    EXPECT_EQ(ComputeRefund(p, s, c.fee_fen, days)->refund_fen, c.refund_fen);
  }
  // The cases the issue asks for: rounding each day would give another total.
  EXPECT_NE(cases[0].refund_fen, cases[0].rounded_per_day);
  EXPECT_NE(cases[2].refund_fen, cases[2].rounded_per_day);
}

TEST(ComputeRefund, DaysOutsideTheOfficialPeriodAreIgnoredAndOrderIsByDate) {  // R-SEASON-1
  const Policy p = TestPolicy();
  const SeasonDates s = SeasonOf(p.season, 2025);
  std::vector<RefundDay> days = {
      Day("2026-03-16", 100),  // extension day: no fee, no refund
      Day("2026-03-15", 150),  // last official day
      Day("2025-11-14", 100),  // commissioning
      Day("2025-11-15", 170),  // first official day
      Day("2024-12-01", 100),  // another season
  };
  days[0].outage = 2400;
  auto r = ComputeRefund(p, s, 264000, days);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->days.size(), 2u);
  EXPECT_EQ(FormatDate(r->days[0].date), "2025-11-15");
  EXPECT_EQ(r->days[0].share_percent, 20);
  EXPECT_EQ(FormatDate(r->days[1].date), "2026-03-15");
  EXPECT_EQ(r->days[1].share_percent, 50);
  EXPECT_EQ(r->refund_fen, 1527);  // (20 + 50) % × 264000 / 121 = 1527.27
}

TEST(ComputeRefund, Errors) {
  const Policy p = TestPolicy();
  const SeasonDates s = SeasonOf(p.season, 2025);
  struct Case {
    const char* name;
    int64_t fee_fen;
    std::vector<RefundDay> days;
    const char* message;
    const char* field;
  };
  RefundDay long_outage = Day("2025-12-02", 180);
  long_outage.outage = 2401;
  const Case cases[] = {
      {"zero fee", 0, {}, "the season fee must be more than 0", "fee"},
      {"negative fee", -1, {}, "the season fee must be more than 0", "fee"},
      {"twice",
       1000,
       {Day("2025-12-01", 180), Day("2025-12-01", 170)},
       "2025-12-01 is given twice",
       "days"},
      {"outage over a day",
       1000,
       {long_outage},
       "2025-12-02: an outage of 24.01 h is outside 0 … 24 h",
       "days"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = ComputeRefund(p, s, c.fee_fen, c.days);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().message, c.message);
    EXPECT_EQ(r.error().field, c.field);
    EXPECT_FALSE(RefundTotalFen(p, s, c.fee_fen, c.days).ok());
  }
}

}  // namespace
}  // namespace hearth::rules

// Season bills (R-BILL-1, W 9.2, W 9.3; R-METER-1 W 10.3 c; R-REFUND-6) and pro-rata settlement
// (R-ACCT-1, W 9.1.8): by area and by meter, a faulty or unread meter billed by area with its
// reason, relief by percentage over part of the season and by amount, capped; refund offsets with
// what they cannot take; each refusal's field; and a property test over 20,000 random bills:
// the lines add up to the total exactly, in fen, and each charge is its exact value rounded once.
#include "rules/billing.hpp"

#include <gtest/gtest.h>

#include <random>

#include "core/decimal.hpp"

namespace hearth::rules {
namespace {

Date D(const char* text) { return *ParseDate(text); }

// Weihai's 2025 season: 2025-11-15 … 2026-03-15, 121 days.
BillInput Base() {
  BillInput in;
  in.area_centi = 8555;            // 85.55 m²
  in.tariff = {2250, 1000, 5300};  // 22.50 yuan/m²; meter: 10.00 yuan/m² base + 53.00 yuan/GJ
  in.season_start = D("2025-11-15");
  in.season_end = D("2026-03-15");
  return in;
}

std::vector<std::pair<std::string, int64_t>> Lines(const Bill& b) {
  std::vector<std::pair<std::string, int64_t>> out;
  for (const auto& l : b.lines) out.emplace_back(l.code, l.amount_fen);
  return out;
}

using L = std::vector<std::pair<std::string, int64_t>>;

TEST(Billing, ByAreaAndByMeter) {
  const struct {
    const char* name;
    BillingBasis basis;
    std::optional<int64_t> heat_mgj;
    MeterFault fault;
    L lines;
    int64_t total;
    bool by_area;
  } table[] = {
      // 85.55 × 22.50 = 1924.875 → 1924.88
      {"by area",
       BillingBasis::kArea,
       std::nullopt,
       MeterFault::kNone,
       {{"area", 192488}},
       192488,
       true},
      // base 85.55 × 10.00 = 855.50; heat 23.456 GJ × 53.00 = 1243.168 → 1243.17
      {"by meter",
       BillingBasis::kMeter,
       23456,
       MeterFault::kNone,
       {{"base", 85550}, {"heat", 124317}},
       209867,
       false},
      {"a meter of no heat",
       BillingBasis::kMeter,
       0,
       MeterFault::kNone,
       {{"base", 85550}, {"heat", 0}},
       85550,
       false},
      {"a damaged meter",
       BillingBasis::kMeter,
       23456,
       MeterFault::kDamaged,
       {{"area", 192488}},
       192488,
       true},
      {"an unread meter",
       BillingBasis::kMeter,
       std::nullopt,
       MeterFault::kNone,
       {{"area", 192488}},
       192488,
       true},
      {"a replacement not filed",
       BillingBasis::kMeter,
       1,
       MeterFault::kUnfiledReplacement,
       {{"area", 192488}},
       192488,
       true},
  };
  for (const auto& row : table) {
    BillInput in = Base();
    in.basis = row.basis;
    in.heat_mgj = row.heat_mgj;
    in.meter_fault = row.fault;
    auto bill = ComputeBill(in);
    ASSERT_TRUE(bill.ok()) << row.name << ": " << bill.error().message;
    EXPECT_EQ(Lines(*bill), row.lines) << row.name;
    EXPECT_EQ(bill->total_fen, row.total) << row.name;
    EXPECT_EQ(bill->basis == BillingBasis::kArea, row.by_area) << row.name;
    EXPECT_EQ(!bill->basis_reason.empty(), row.basis == BillingBasis::kMeter && row.by_area)
        << row.name;
  }
  BillInput unread = Base();
  unread.basis = BillingBasis::kMeter;
  EXPECT_EQ(ComputeBill(unread)->basis_reason,
            "热量表无数据记录，本期改按面积收费（W 10.3 (10.3 c)）");
  EXPECT_EQ(ComputeBill(Base())->lines[0].text, "按面积：85.55 m² × 22.50 元/m²");
  BillInput metered = Base();
  metered.basis = BillingBasis::kMeter;
  metered.heat_mgj = 23456;
  EXPECT_EQ(ComputeBill(metered)->lines[1].text, "计量热费：23.456 GJ × 53.00 元/GJ");
  metered.heat_mgj = 5;
  EXPECT_EQ(ComputeBill(metered)->lines[1].text, "计量热费：0.005 GJ × 53.00 元/GJ");
}

TEST(Billing, ReliefAndOffsets) {
  const struct {
    const char* name;
    std::vector<Relief> reliefs;
    int64_t offset;
    L lines;
    int64_t total, unapplied;
  } table[] = {
      // 10 % over the whole season: 192488 × 0.1 = 19248.8 → 19249
      {"10 % all season",
       {{1000, 0, D("2025-11-01"), D("2026-04-30"), "威政发〔2025〕1号"}},
       0,
       {{"area", 192488}, {"relief", -19249}},
       173239,
       0},
      // 20 % over December only: 192488 × 0.2 × 31 / 121 = 9863.06 → 9863
      {"20 % in December",
       {{2000, 0, D("2025-12-01"), D("2025-12-31"), "R"}},
       0,
       {{"area", 192488}, {"relief", -9863}},
       182625,
       0},
      {"a period outside the season",
       {{2000, 0, D("2026-04-01"), D("2026-04-30"), "R"}},
       0,
       {{"area", 192488}, {"relief", 0}},
       192488,
       0},
      {"an amount",
       {{0, 50000, D("2025-11-15"), D("2026-03-15"), "R"}},
       0,
       {{"area", 192488}, {"relief", -50000}},
       142488,
       0},
      {"relief never below nothing",
       {{0, 150000, D("2025-11-15"), D("2026-03-15"), "A"},
        {0, 90000, D("2025-11-15"), D("2026-03-15"), "B"}},
       0,
       {{"area", 192488}, {"relief", -150000}, {"relief", -42488}},
       0,
       0},
      {"an offset", {}, 30000, {{"area", 192488}, {"offset", -30000}}, 162488, 0},
      {"an offset larger than the bill",
       {{0, 100000, D("2025-11-15"), D("2026-03-15"), "R"}},
       100000,
       {{"area", 192488}, {"relief", -100000}, {"offset", -92488}},
       0,
       7512},
  };
  for (const auto& row : table) {
    BillInput in = Base();
    in.reliefs = row.reliefs;
    in.offset_fen = row.offset;
    auto bill = ComputeBill(in);
    ASSERT_TRUE(bill.ok()) << row.name << ": " << bill.error().message;
    EXPECT_EQ(Lines(*bill), row.lines) << row.name;
    EXPECT_EQ(bill->total_fen, row.total) << row.name;
    EXPECT_EQ(bill->unapplied_offset_fen, row.unapplied) << row.name;
  }
}

TEST(Billing, RefusalsNameTheirField) {
  const struct {
    const char* name;
    void (*change)(BillInput&);
    const char* field;
  } table[] = {
      {"no area", [](BillInput& in) { in.area_centi = 0; }, "area"},
      {"a negative price", [](BillInput& in) { in.tariff.area_price_fen = -1; }, "tariff"},
      {"negative heat", [](BillInput& in) { in.heat_mgj = -1; }, "heat"},
      {"a season backwards",
       [](BillInput& in) { in.season_end = in.season_start - std::chrono::days{1}; }, "season"},
      {"over 100 %",
       [](BillInput& in) {
         in.reliefs = {{10001, 0, in.season_start, in.season_end, "R"}};
       },
       "reliefs[0]"},
      {"both a percentage and an amount",
       [](BillInput& in) {
         in.reliefs = {{100, 1, in.season_start, in.season_end, "R"}};
       },
       "reliefs[0]"},
      {"neither",
       [](BillInput& in) {
         in.reliefs = {{0, 1, in.season_start, in.season_end, ""},
                       {0, 0, in.season_start, in.season_end, ""}};
       },
       "reliefs[1]"},
      {"a negative offset", [](BillInput& in) { in.offset_fen = -1; }, "offset"},
      // A meter tariff without an area price: a damaged meter is not billed 0.
      {"no area price for a faulty meter",
       [](BillInput& in) {
         in.basis = BillingBasis::kMeter;
         in.meter_fault = MeterFault::kDamaged;
         in.tariff.area_price_fen = 0;
       },
       "tariff"},
  };
  for (const auto& row : table) {
    BillInput in = Base();
    row.change(in);
    auto bill = ComputeBill(in);
    ASSERT_FALSE(bill.ok()) << row.name;
    EXPECT_EQ(bill.error().field, row.field) << row.name;
  }
}

// 增减停复 (R-ACCT-1, W 9.1.8): the fee for the days heated, rounded once.
TEST(Billing, ProRataSettlement) {
  const struct {
    int64_t fee, days, of;
    int64_t fen;
  } table[] = {
      {192488, 121, 121, 192488},  // the whole season
      {192488, 0, 121, 0},
      {192488, 91, 121, 144764},  // 144763.57 → 144764: stopped after 30 days, 91 refunded
      {192488, 30, 121, 47724},   // 47724.29 → 47724
      {100, 1, 2, 50},
      {1, 1, 2, 1},  // half a fen rounds away from zero
      {3, 1, 3, 1},
  };
  for (const auto& row : table) {
    EXPECT_EQ(ProRataFen(row.fee, row.days, row.of), row.fen)
        << row.fee << " × " << row.days << "/" << row.of;
  }
  // Here the days before a stop and those after it split the fee exactly.
  EXPECT_EQ(ProRataFen(192488, 30, 121) + ProRataFen(192488, 91, 121), 192488);
}

// 增减停复 settled on the bill (R-ACCT-1): 85.55 m² at 22.50 yuan, a stop or a resumption from
// 2026-01-10: 65 of the season's 121 days, 85.55 × 22.50 × 65 / 121 = 1034.02376… → 1034.02
// yuan. By hand.
TEST(Billing, ChangesSettledOnTheBill) {
  HeatingChange stop;
  stop.kind = HeatingChangeKind::kStop;
  stop.effective = D("2026-01-10");
  stop.area_before = stop.area_after = 8555;
  SeasonDates season;
  season.start_year = 2025;
  season.official_start = D("2025-11-15");
  season.official_end = D("2026-03-15");
  auto settled = SettleHeatingChange(stop, season, 2250);
  ASSERT_TRUE(settled.ok());
  const BillLine stop_line = ChangeLine(HeatingChangeKind::kStop, stop.effective, *settled);
  EXPECT_EQ(stop_line.amount_fen, -103402);
  EXPECT_EQ(stop_line.text, "停止供暖：自 2026-01-10 起 65/121 日，85.55 m² × 22.50 元/m²");
  HeatingChangeSettlement resumed = *settled;
  resumed.amount_fen = 103402;
  const BillLine resume_line = ChangeLine(HeatingChangeKind::kResume, stop.effective, resumed);

  const struct {
    const char* name;
    bool heated_at_start;
    std::vector<BillLine> changes;
    int relief_bp;
    BillingBasis basis;
    L lines;
    int64_t total;
  } table[] = {
      {"a stop: the season, less the days after it", true, {stop_line}, 0, BillingBasis::kArea,
       {{"area", 192488}, {"change", -103402}}, 89086},
      {"a 10 % relief takes its share of the settled charges", true, {stop_line}, 1000,
       BillingBasis::kArea, {{"area", 192488}, {"change", -103402}, {"relief", -8909}}, 80177},
      {"stopped at the start, resumed: the days from the resumption", false, {resume_line}, 0,
       BillingBasis::kArea, {{"area", 0}, {"change", 103402}}, 103402},
      {"by meter: the meter settles, no change line", true, {stop_line}, 0, BillingBasis::kMeter,
       {{"base", 85550}, {"heat", 159000}}, 244550},
  };
  for (const auto& row : table) {
    SCOPED_TRACE(row.name);
    BillInput in = Base();
    in.heated_at_start = row.heated_at_start;
    in.changes = row.changes;
    in.basis = row.basis;
    in.heat_mgj = 30000;  // 30 GJ, by meter
    if (row.relief_bp) in.reliefs = {{row.relief_bp, 0, in.season_start, in.season_end, "文件"}};
    auto bill = ComputeBill(in);
    ASSERT_TRUE(bill.ok()) << bill.error().message;
    EXPECT_EQ(Lines(*bill), row.lines);
    EXPECT_EQ(bill->total_fen, row.total);
  }
  // A credit with nothing to take it from is refused, naming the changes.
  BillInput owed = Base();
  owed.heated_at_start = false;
  owed.changes = {stop_line};
  auto refused = ComputeBill(owed);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "changes");
}

// Money is exact: over random bills, the parts add up to the total and each line is its exact
// value rounded once.
TEST(Billing, PartsAlwaysAddUpToTheTotal) {
  std::mt19937_64 rng(20261204);
  auto pick = [&rng](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  };
  const Date start = D("2025-11-15");
  const Date end = D("2026-03-15");
  for (int i = 0; i < 20000; ++i) {
    BillInput in;
    in.area_centi = pick(1, 2'000'000);
    in.basis = pick(0, 1) ? BillingBasis::kMeter : BillingBasis::kArea;
    in.tariff = {pick(1, 10000), pick(0, 5000), pick(0, 20000)};
    if (pick(0, 9) > 0) in.heat_mgj = pick(0, 500'000);
    in.meter_fault = static_cast<MeterFault>(pick(0, 4) == 0 ? pick(1, 4) : 0);
    in.season_start = start;
    in.season_end = end;
    for (int64_t r = pick(0, 3); r > 0; --r) {
      const Date from = start + std::chrono::days{pick(-30, 150)};
      const Date to = from + std::chrono::days{pick(0, 150)};
      if (pick(0, 1)) {
        in.reliefs.push_back({static_cast<int>(pick(1, 10000)), 0, from, to, "R"});
      } else {
        in.reliefs.push_back({0, pick(1, 500000), from, to, "R"});
      }
    }
    in.offset_fen = pick(0, 1) ? pick(0, 300000) : 0;
    auto bill = ComputeBill(in);
    ASSERT_TRUE(bill.ok()) << bill.error().message;
    int64_t sum = 0, charges = 0;
    for (const auto& l : bill->lines) {
      sum += l.amount_fen;
      if (l.code == "relief" || l.code == "offset") {
        ASSERT_LE(l.amount_fen, 0) << i;
      } else {
        ASSERT_GE(l.amount_fen, 0) << i;
        charges += l.amount_fen;
      }
      // Each charge is its exact value (num / den fen) rounded once: within half a fen.
      auto within_half_a_fen = [&](Int128 num, Int128 den) {
        const Int128 diff = num * 2 - Int128{l.amount_fen} * den * 2;
        return (diff < 0 ? -diff : diff) <= den;
      };
      if (l.code == "area") {
        ASSERT_TRUE(within_half_a_fen(Int128{in.area_centi} * in.tariff.area_price_fen, 100)) << i;
      } else if (l.code == "base") {
        ASSERT_TRUE(within_half_a_fen(Int128{in.area_centi} * in.tariff.base_price_fen, 100)) << i;
      } else if (l.code == "heat") {
        ASSERT_TRUE(within_half_a_fen(Int128{*in.heat_mgj} * in.tariff.heat_price_fen, 1000)) << i;
      }
    }
    ASSERT_EQ(sum, bill->total_fen) << i;
    ASSERT_GE(bill->total_fen, 0) << i;
    ASSERT_LE(bill->total_fen, charges) << i;
    ASSERT_GE(bill->unapplied_offset_fen, 0) << i;
    ASSERT_LE(bill->unapplied_offset_fen, in.offset_fen) << i;
  }
}

// How money goes back (R-REFUND-6, an overpayment paid back): the channel and its reference.
TEST(Billing, APayoutNamesItsChannelAndReference) {
  struct Case {
    const char* method;
    std::string reference;
    const char* field;  // "" when accepted
  };
  const Case cases[] = {
      {"bank", "ICBC-778", ""},
      {"wechat", "4200001234", ""},
      {"alipay", "2031011222001", ""},
      {"cash", "", ""},  // the hall's own slip: no reference needed
      {"bank", "", "reference"},
      {"alipay", " \t", "reference"},
      {"cash", std::string(101, 'x'), "reference"},
      {"offset", "", "method"},  // an offset is the billing run's, never paid by hand
      {"", "ICBC-778", "method"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.method) + " / " + c.reference);
    Status s = CheckPayout(c.method, c.reference);
    EXPECT_EQ(s.ok() ? "" : s.error().field, c.field);
  }
}

// W 9.2.1: a price change is told before its first day; told at or after that day's local
// midnight (China time, whatever offset the instant was written in), it is late.
TEST(Billing, APriceNoticeOnOrAfterTheFirstDayIsLate) {
  struct Case {
    const char* at;
    bool late;
  };
  const Case cases[] = {
      {"2027-11-01T09:00:00+08:00", false},  // two weeks before
      {"2027-11-14T23:59:59+08:00", false},  // the last second of the day before
      {"2027-11-14T15:59:59Z", false},       // the same second, in UTC
      {"2027-11-15T00:00:00+08:00", true},   // midnight of the first day
      {"2027-11-14T16:00:00Z", true},        // the same midnight, in UTC
      {"2027-11-20T10:00:00+08:00", true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.at);
    EXPECT_EQ(PriceNoticeLate(*ParseRfc3339(c.at), *ParseDate("2027-11-15")), c.late);
  }
}

}  // namespace
}  // namespace hearth::rules

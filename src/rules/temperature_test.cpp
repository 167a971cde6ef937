// R-TEMP-1, R-TEMP-2, R-TEMP-3, R-TEMP-5. Every expected value was worked out by hand from
// RULES.md with the Weihai numbers (valid -10.0..45.0 °C, 20 hours, thresholds 30/70/30 %,
// guarantee 18.0 °C, design outdoor -5.4 °C).
#include "rules/temperature.hpp"

#include <gtest/gtest.h>

namespace hearth::rules {
namespace {

using std::chrono::hours;

TemperaturePolicy Weihai() {
  TemperaturePolicy p;
  p.guarantee = {180, {"W 5.1", false, ""}};
  p.design_outdoor = {-54, {"GB 50736-2012", false, ""}};
  p.usage_rate.community_min.value = 30;
  p.usage_rate.partition_full.value = 70;
  p.usage_rate.partition_agreed_min.value = 30;
  p.sensor.valid_min.value = -100;
  p.sensor.valid_max.value = 450;
  p.sensor.min_hours.value = 20;
  return p;
}

Instant At(const char* text) {
  auto t = ParseRfc3339(text);
  EXPECT_TRUE(t.ok()) << text;
  return t.ok() ? *t : Instant{};
}

// --- R-TEMP-1 ---------------------------------------------------------------------------------

TEST(IsExemptDay, BelowTheDesignOutdoorTemperatureOnly) {
  struct Case {
    Tenths outdoor;
    bool exempt;
  };
  const Case cases[] = {{-55, true}, {-54, false}, {-53, false}, {-200, true}, {50, false}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.outdoor);
    EXPECT_EQ(IsExemptDay(Weihai(), c.outdoor), c.exempt);
  }
}

// --- R-TEMP-2 ---------------------------------------------------------------------------------

TEST(GuaranteeFor, UsageRateTableAtItsBoundaries) {
  struct Case {
    const char* name;
    UsageRate community;
    UsageRate partition;
    std::optional<Tenths> agreed;
    bool company_heats;
    std::optional<Tenths> expected;
    GuaranteeCase applied;
  };
  const std::optional<Tenths> none;
  const Case cases[] = {
      // community ≥ 30 %, partition ≥ 70 %: the policy guarantee.
      {"30/70 full", {30, 100}, {70, 100}, none, false, 180, GuaranteeCase::kFull},
      {"100/100 full", {100, 100}, {100, 100}, none, false, 180, GuaranteeCase::kFull},
      // Decision (issue 11): an agreed temperature may raise 18 °C, never lower it (Z 2.2).
      {"full, agreed 20", {30, 100}, {70, 100}, 200, false, 200, GuaranteeCase::kFull},
      {"full, agreed 18", {30, 100}, {70, 100}, 180, false, 180, GuaranteeCase::kFull},
      {"full, agreed 16", {50, 100}, {90, 100}, 160, false, 180, GuaranteeCase::kFull},
      {"full, agreed 15", {30, 100}, {70, 100}, 150, false, 180, GuaranteeCase::kFull},
      {"full, agreed 17.9", {30, 100}, {100, 100}, 179, false, 180, GuaranteeCase::kFull},
      // Below the full case the agreed temperature is the guarantee, even under 18 °C.
      {"30/69 agreed 15", {30, 100}, {69, 100}, 150, false, 150, GuaranteeCase::kAgreedPartition},
      // partition in [30 %, 70 %): the agreed temperature, or nothing.
      {"30/69 agreed", {30, 100}, {69, 100}, 170, false, 170, GuaranteeCase::kAgreedPartition},
      {"30/69 none", {30, 100}, {69, 100}, none, false, none, GuaranteeCase::kAgreedPartition},
      {"30/30 agreed", {30, 100}, {30, 100}, 170, false, 170, GuaranteeCase::kAgreedPartition},
      // partition < 30 %: the company decides.
      {"30/29 heats", {30, 100}, {29, 100}, 160, true, 160, GuaranteeCase::kCompanyDecides},
      {"30/29 heats, none", {30, 100}, {29, 100}, none, true, none, GuaranteeCase::kCompanyDecides},
      {"30/29 no heat", {30, 100}, {29, 100}, 160, false, none, GuaranteeCase::kCompanyDecides},
      // community < 30 % (decision): the agreed temperature whatever the partition.
      {"29/70 agreed", {29, 100}, {70, 100}, 170, false, 170, GuaranteeCase::kLowCommunity},
      {"29/100 none", {29, 100}, {100, 100}, none, false, none, GuaranteeCase::kLowCommunity},
      // Exact comparison by area: 29.9999 % is below 30 %, 69.99999 % below 70 %.
      {"29.9999 %", {299999, 1000000}, {70, 100}, none, false, none, GuaranteeCase::kLowCommunity},
      {"69.99999 %",
       {30, 100},
       {6999999, 10000000},
       none,
       false,
       none,
       GuaranteeCase::kAgreedPartition},
      {"1/3 and 7/10", {1, 3}, {7, 10}, none, false, 180, GuaranteeCase::kFull},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto g = GuaranteeFor(Weihai(), {c.community, c.partition, c.agreed, c.company_heats});
    ASSERT_TRUE(g.ok()) << g.error().message;
    EXPECT_EQ(g->value, c.expected);
    EXPECT_EQ(g->applied, c.applied) << GuaranteeCaseName(g->applied);
    EXPECT_EQ(g->reason.rfind("R-TEMP-2: ", 0), 0u) << g->reason;
  }
}

TEST(GuaranteeFor, AnAgreedTemperatureBelowTheFloorSaysItDoesNotLowerIt) {
  auto g = GuaranteeFor(Weihai(), {{40, 100}, {80, 100}, 150, false});
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->value, 180);
  EXPECT_NE(g->reason.find("the agreed 15.0 °C does not lower it"), std::string::npos) << g->reason;
}

TEST(GuaranteeFor, ReasonsNameTheLineAndTheValue) {
  auto full = GuaranteeFor(Weihai(), {{40, 100}, {80, 100}, std::nullopt, false});
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full->reason,
            "R-TEMP-2: community rate ≥ 30% and partition rate ≥ 70%: 18.0 °C (W 5.1)");
  auto no_heat = GuaranteeFor(Weihai(), {{40, 100}, {10, 100}, 180, false});
  ASSERT_TRUE(no_heat.ok());
  EXPECT_EQ(no_heat->reason,
            "R-TEMP-2: community rate ≥ 30% and partition rate < 30%: the company decided not "
            "to heat; nothing is guaranteed");
  auto agreed = GuaranteeFor(Weihai(), {{10, 100}, {10, 100}, 165, false});
  ASSERT_TRUE(agreed.ok());
  EXPECT_EQ(agreed->reason, "R-TEMP-2: community rate < 30%: the agreed 16.5 °C (contract)");
}

TEST(GuaranteeFor, RejectsImpossibleRates) {
  struct Case {
    UsageRate community;
    UsageRate partition;
    const char* field;
  };
  const Case cases[] = {
      {{0, 0}, {1, 2}, "community"},  {{5, 4}, {1, 2}, "community"}, {{-1, 4}, {1, 2}, "community"},
      {{1, 2}, {1, -2}, "partition"}, {{1, 2}, {3, 2}, "partition"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.field);
    auto g = GuaranteeFor(Weihai(), {c.community, c.partition, std::nullopt, false});
    ASSERT_FALSE(g.ok());
    EXPECT_EQ(g.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(g.error().field, c.field);
  }
}

// --- R-TEMP-3 ---------------------------------------------------------------------------------

TEST(RoomKind, NamesRoundTrip) {
  for (RoomKind k : {RoomKind::kBedroom, RoomKind::kLiving, RoomKind::kOther}) {
    EXPECT_EQ(ParseRoomKind(RoomKindName(k)), k);
  }
  EXPECT_EQ(ParseRoomKind("kitchen"), std::nullopt);
  EXPECT_EQ(ParseRoomKind("Bedroom"), std::nullopt);
  EXPECT_TRUE(IsGuaranteedRoom(RoomKind::kBedroom));
  EXPECT_TRUE(IsGuaranteedRoom(RoomKind::kLiving));
  EXPECT_FALSE(IsGuaranteedRoom(RoomKind::kOther));
}

// `count` readings of `room`, one an hour from `start`, each `value` thousandths.
struct Block {
  const char* room;
  RoomKind kind;
  const char* start;
  int count;
  Milli value;
};

struct Day {
  const char* date;
  std::optional<Tenths> value;
  const char* room;  // the room with the minimum
};

constexpr RoomKind kBed = RoomKind::kBedroom;
constexpr RoomKind kLiv = RoomKind::kLiving;
constexpr RoomKind kOth = RoomKind::kOther;

std::vector<SensorReading> Expand(const std::vector<Block>& blocks) {
  std::vector<SensorReading> out;
  for (const Block& b : blocks) {
    for (int i = 0; i < b.count; ++i) {
      out.push_back({b.room, b.kind, At(b.start) + hours{i}, b.value});
    }
  }
  return out;
}

TEST(DailyValues, Table) {
  struct Case {
    const char* name;
    std::vector<Block> blocks;
    std::vector<Day> days;
  };
  const std::optional<Tenths> null;
  const char* d1 = "2025-12-01T00:00:00+08:00";
  const Case cases[] = {
      {"20 covered hours count", {{"b1", kBed, d1, 20, 18000}}, {{"2025-12-01", 180, "b1"}}},
      {"19 covered hours do not", {{"b1", kBed, d1, 19, 18000}}, {{"2025-12-01", null, ""}}},
      {"24 covered hours", {{"b1", kBed, d1, 24, 21500}}, {{"2025-12-01", 215, "b1"}}},
      // Validity bounds [-10.0, 45.0], inclusive: the 20th hour is one reading at the bound.
      {"-10.0 is valid",
       {{"b1", kBed, d1, 19, 18000}, {"b1", kBed, "2025-12-01T19:30:00+08:00", 1, -10000}},
       {{"2025-12-01", 166, "b1"}}},  // (19 × 18 - 10) / 20 = 16.6
      {"45.0 is valid",
       {{"b1", kBed, d1, 19, 18000}, {"b1", kBed, "2025-12-01T19:30:00+08:00", 1, 45000}},
       {{"2025-12-01", 194, "b1"}}},  // (19 × 18 + 45) / 20 = 19.35 -> 19.4
      {"-10.001 is not",
       {{"b1", kBed, d1, 19, 18000}, {"b1", kBed, "2025-12-01T19:30:00+08:00", 1, -10001}},
       {{"2025-12-01", null, ""}}},
      {"45.001 is not",
       {{"b1", kBed, d1, 19, 18000}, {"b1", kBed, "2025-12-01T19:30:00+08:00", 1, 45001}},
       {{"2025-12-01", null, ""}}},
      {"-10.1 is not",
       {{"b1", kBed, d1, 19, 18000}, {"b1", kBed, "2025-12-01T19:30:00+08:00", 1, -10100}},
       {{"2025-12-01", null, ""}}},
      {"45.1 is not",
       {{"b1", kBed, d1, 19, 18000}, {"b1", kBed, "2025-12-01T19:30:00+08:00", 1, 45100}},
       {{"2025-12-01", null, ""}}},
      {"an invalid reading does not spoil a valid hour",
       {{"b1", kBed, d1, 20, 18000}, {"b1", kBed, "2025-12-01T00:30:00+08:00", 1, 85000}},
       {{"2025-12-01", 180, "b1"}}},
      {"only invalid readings: the day is not listed", {{"b1", kBed, d1, 24, 50000}}, {}},
      // Rounding, once, half away from zero.
      {"17.95 -> 18.0", {{"b1", kBed, d1, 20, 17950}}, {{"2025-12-01", 180, "b1"}}},
      {"17.949 -> 17.9", {{"b1", kBed, d1, 20, 17949}}, {{"2025-12-01", 179, "b1"}}},
      {"-0.05 -> -0.1", {{"b1", kBed, d1, 20, -50}}, {{"2025-12-01", -1, "b1"}}},
      {"a mean of 17.95 from 17.9 and 18.0 hours",
       {{"b1", kBed, d1, 10, 17900}, {"b1", kBed, "2025-12-01T10:00:00+08:00", 10, 18000}},
       {{"2025-12-01", 180, "b1"}}},
      // The mean of hourly means, not of readings: hour 0 holds 10.0 and 30.0 (mean 20.0),
      // hours 1..19 hold 18.0: (20 + 19 × 18) / 20 = 18.1 (the mean of readings is 18.19).
      {"mean of hourly means",
       {{"b1", kBed, d1, 1, 10000},
        {"b1", kBed, "2025-12-01T00:30:00+08:00", 1, 30000},
        {"b1", kBed, "2025-12-01T01:00:00+08:00", 19, 18000}},
       {{"2025-12-01", 181, "b1"}}},
      // Exact: hour 0 holds 17.950, 17.950, 17.949 (mean 17.94966…), 19 more hours of 17.950:
      // the day is 17.94998… -> 17.9. Rounding hourly means to 0.001 first would give 18.0.
      {"no rounding before the end",
       {{"b1", kBed, "2025-12-01T00:00:00+08:00", 1, 17950},
        {"b1", kBed, "2025-12-01T00:20:00+08:00", 1, 17950},
        {"b1", kBed, "2025-12-01T00:40:00+08:00", 1, 17949},
        {"b1", kBed, "2025-12-01T01:00:00+08:00", 19, 17950}},
       {{"2025-12-01", 179, "b1"}}},
      // Minimum over the counted guaranteed rooms.
      {"min over rooms",
       {{"b1", kBed, d1, 24, 19000}, {"b2", kBed, d1, 24, 18400}, {"lv", kLiv, d1, 24, 20000}},
       {{"2025-12-01", 184, "b2"}}},
      {"min is the living room",
       {{"b1", kBed, d1, 24, 19000}, {"lv", kLiv, d1, 24, 16000}},
       {{"2025-12-01", 160, "lv"}}},
      {"a room that does not count is not the min",
       {{"b1", kBed, d1, 24, 19000}, {"b2", kBed, d1, 19, 12000}},
       {{"2025-12-01", 190, "b1"}}},
      {"the min is taken exactly, then rounded",
       {{"b1", kBed, d1, 20, 18049}, {"b2", kBed, d1, 20, 18001}},
       {{"2025-12-01", 180, "b2"}}},
      // "other" rooms never count, and alone do not list a day.
      {"other rooms ignored",
       {{"b1", kBed, d1, 24, 18000}, {"kitchen", kOth, d1, 24, 10000}},
       {{"2025-12-01", 180, "b1"}}},
      {"only other rooms", {{"kitchen", kOth, d1, 24, 10000}}, {}},
      {"other room cannot make a day count",
       {{"b1", kBed, d1, 10, 18000}, {"kitchen", kOth, d1, 24, 18000}},
       {{"2025-12-01", null, ""}}},
      // Local days (UTC+08:00) from readings in Z: 16:00Z is 00:00 local of the next day.
      {"local day from Z",
       {{"b1", kBed, "2025-11-30T16:00:00Z", 20, 18000}},
       {{"2025-12-01", 180, "b1"}}},
      {"15:59:59Z is the day before",
       {{"b1", kBed, "2025-11-30T16:00:00Z", 20, 18000},
        {"b1", kBed, "2025-11-30T15:59:59Z", 1, 18000}},
       {{"2025-11-30", null, ""}, {"2025-12-01", 180, "b1"}}},
      // 04:00..23:00 local on 12-01 count; 25.0 at 12-02 00:00 local is not in 12-01's hour 23.
      {"00:00 local opens the new day",
       {{"b1", kBed, "2025-11-30T20:00:00Z", 20, 18000},
        {"b1", kBed, "2025-12-01T16:00:00Z", 1, 25000}},
       {{"2025-12-01", 180, "b1"}, {"2025-12-02", null, ""}}},
      {"24 hours in Z over two local days",
       {{"b1", kBed, "2025-12-01T00:00:00Z", 24, 18000}},  // 08:00 local 12-01 .. 07:00 12-02
       {{"2025-12-01", null, ""}, {"2025-12-02", null, ""}}},
      {"other offsets",
       {{"b1", kBed, "2025-12-01T01:00:00+09:00", 20, 18000}},  // 00:00 local
       {{"2025-12-01", 180, "b1"}}},
      {"days in date order",
       {{"b1", kBed, "2025-12-03T00:00:00+08:00", 20, 18000},
        {"b1", kBed, "2025-12-01T00:00:00+08:00", 20, 17000}},
       {{"2025-12-01", 170, "b1"}, {"2025-12-03", 180, "b1"}}},
      {"no readings", {}, {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto readings = Expand(c.blocks);
    auto days = DailyValues(Weihai().sensor, readings);
    ASSERT_TRUE(days.ok()) << days.error().message;
    ASSERT_EQ(days->size(), c.days.size());
    for (size_t i = 0; i < c.days.size(); ++i) {
      EXPECT_EQ(FormatDate((*days)[i].date), c.days[i].date);
      EXPECT_EQ((*days)[i].value, c.days[i].value);
      EXPECT_EQ((*days)[i].room, c.days[i].room);
    }
  }
}

TEST(DailyValues, RoomDaysShowTheirHoursAndExactMeans) {
  // Hour 0: 18.0, 18.0, 18.1 (mean 18.0333…); hours 1..19: 18.0. Mean = 18.00166… °C, held as
  // 54005/3 thousandths.
  std::vector<SensorReading> r = Expand({{"b1", kBed, "2025-12-01T00:00:00+08:00", 20, 18000},
                                         {"b1", kBed, "2025-12-01T00:10:00+08:00", 1, 18000},
                                         {"b1", kBed, "2025-12-01T00:20:00+08:00", 1, 18100},
                                         {"lv", kLiv, "2025-12-01T00:00:00+08:00", 3, 19000}});
  auto days = DailyValues(Weihai().sensor, r);
  ASSERT_TRUE(days.ok());
  ASSERT_EQ(days->size(), 1u);
  const DailyValue& d = days->front();
  ASSERT_EQ(d.rooms.size(), 2u);
  EXPECT_EQ(d.rooms[0].room, "b1");
  EXPECT_EQ(d.rooms[0].valid_hours, 20);
  EXPECT_TRUE(d.rooms[0].counted);
  ASSERT_TRUE(d.rooms[0].mean);
  EXPECT_TRUE(d.rooms[0].mean->num == 54005 && d.rooms[0].mean->den == 3);
  EXPECT_EQ(d.rooms[1].room, "lv");
  EXPECT_EQ(d.rooms[1].valid_hours, 3);
  EXPECT_FALSE(d.rooms[1].counted);
  EXPECT_FALSE(d.rooms[1].mean);
  EXPECT_EQ(d.value, 180);
}

TEST(DailyValues, MinHoursComesFromThePolicy) {
  SensorPolicy p = Weihai().sensor;
  p.min_hours.value = 19;
  auto days = DailyValues(p, Expand({{"b1", kBed, "2025-12-01T00:00:00+08:00", 19, 18000}}));
  ASSERT_TRUE(days.ok());
  EXPECT_EQ(days->front().value, 180);
}

TEST(DailyValues, CountsTooVariedToAverageExactlyAreAnError) {
  // 24 hours holding 101, 103, 107, … readings (distinct primes): their lcm exceeds 128 bits.
  const int primes[] = {101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157,
                        163, 167, 173, 179, 181, 191, 193, 197, 199, 211, 223, 227};
  std::vector<SensorReading> r;
  Instant start = At("2025-12-01T00:00:00+08:00");
  for (int h = 0; h < 24; ++h) {
    for (int i = 0; i < primes[h]; ++i) {
      // Hour h's mean is 18.0 + 0.001 / primes[h] °C: each keeps its denominator.
      r.push_back({"b1", kBed, start + hours{h} + std::chrono::seconds{i * 10}, 18000 + (i == 0)});
    }
  }
  auto days = DailyValues(Weihai().sensor, r);
  ASSERT_FALSE(days.ok());
  EXPECT_EQ(days.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(days.error().message.find("room b1 on 2025-12-01"), std::string::npos)
      << days.error().message;
}

TEST(DailyValues, SixtyReadingsAnHourAlwaysFit) {
  // Hours holding 60, 59, 58, …, 37 readings: lcm(37..60) is the worst case of ≤ 60 an hour.
  std::vector<SensorReading> r;
  Instant start = At("2025-12-01T00:00:00+08:00");
  for (int h = 0; h < 24; ++h) {
    for (int i = 0; i < 60 - h; ++i) {
      r.push_back({"b1", kBed, start + hours{h} + std::chrono::seconds{i * 60}, 45000 - (i == 0)});
    }
  }
  auto days = DailyValues(Weihai().sensor, r);
  ASSERT_TRUE(days.ok()) << days.error().message;
  EXPECT_EQ(days->front().value, 450);  // hour means 45.0 - 0.001 / n °C
}

TEST(CompareExact, Table) {
  struct Case {
    ExactMilli a;
    ExactMilli b;
    int expected;
  };
  const Int128 big = Int128{1} << 100;
  const Case cases[] = {
      {{1, 3}, {1, 3}, 0},
      {{1, 3}, {2, 6}, 0},
      {{1, 3}, {1, 2}, -1},
      {{-1, 3}, {-1, 2}, 1},
      {{-7, 2}, {-3, 1}, -1},
      {{5, 1}, {5, 1}, 0},
      {{big + 1, big}, {big, big - 1}, -1},  // 1 + 1/big < 1 + 1/(big-1)
      {{big - 1, big}, {big - 2, big - 1}, 1},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(CompareExact(c.a, c.b), c.expected);
    EXPECT_EQ(CompareExact(c.b, c.a), -c.expected);
  }
}

TEST(RoundToTenths, HalfAwayFromZero) {
  struct Case {
    ExactMilli v;
    Tenths expected;
  };
  const Case cases[] = {{{17950, 1}, 180}, {{35899, 2}, 179},  {{-50, 1}, -1},
                        {{-49, 1}, 0},     {{107701, 6}, 180}, {{18049, 1}, 180}};
  for (const auto& c : cases) EXPECT_EQ(RoundToTenths(c.v), c.expected);
}

// --- R-TEMP-5 ---------------------------------------------------------------------------------

TEST(JudgeDay, StatusesAndPrecedence) {
  struct Case {
    bool exempt;
    std::optional<Tenths> guarantee;
    std::optional<Tenths> value;
    DayStatus expected;
  };
  const std::optional<Tenths> none;
  const Case cases[] = {
      {false, 180, 180, DayStatus::kQualified},
      {false, 180, 181, DayStatus::kQualified},
      {false, 180, 179, DayStatus::kUnqualified},
      {false, 200, 190, DayStatus::kUnqualified},  // an agreed 20 °C
      {false, none, 150, DayStatus::kNotJudged},
      {false, 180, none, DayStatus::kNotJudged},
      {false, none, none, DayStatus::kNotJudged},
      // Decision: exempt comes first, whatever the data.
      {true, 180, 150, DayStatus::kExempt},
      {true, 180, 190, DayStatus::kExempt},
      {true, 180, none, DayStatus::kExempt},
      {true, none, none, DayStatus::kExempt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(testing::Message()
                 << c.exempt << " " << c.guarantee.value_or(-999) << " " << c.value.value_or(-999));
    EXPECT_EQ(JudgeDay(c.exempt, c.guarantee, c.value), c.expected)
        << DayStatusName(JudgeDay(c.exempt, c.guarantee, c.value));
  }
  EXPECT_STREQ(DayStatusName(DayStatus::kNotJudged), "not-judged");
}

}  // namespace
}  // namespace hearth::rules

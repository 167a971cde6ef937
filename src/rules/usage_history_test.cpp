// R-ACCT-1 with R-TEMP-2: the usage rates and the heating of a past day, from today's records
// with the approved changes effective after that day undone. Values worked out by hand; the
// guarantee with the Weihai thresholds (community 30 %, partition 70 % full, 30 % agreed).
#include "rules/usage_history.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace hearth::rules {
namespace {

using Kind = HeatingChangeKind;

Date D(const char* text) { return *ParseDate(text); }

HeatingChange Change(Kind kind, const char* effective, bool heated, int64_t before,
                     int64_t after) {
  HeatingChange c;
  c.kind = kind;
  c.received = D("2026-11-01");
  c.effective = D(effective);
  c.heated = heated;
  c.area_before = before;
  c.area_after = after;
  return c;
}

TEST(UsageHistory, WhatEachKindOfChangeShifts) {
  struct Case {
    const char* name;
    HeatingChange change;
    AreaShift shift;
  };
  const Date e = D("2026-12-20");
  const Case cases[] = {
      {"a stop takes the area out of the heated area",
       Change(Kind::kStop, "2026-12-20", true, 9000, 9000), {e, -9000, 0, true, false}},
      {"a resumption puts it back", Change(Kind::kResume, "2026-12-20", false, 9000, 9000),
       {e, 9000, 0, false, true}},
      {"an increase of a heated household moves both areas",
       Change(Kind::kIncrease, "2026-12-20", true, 9000, 12000), {e, 3000, 3000, true, true}},
      {"a decrease of a heated household", Change(Kind::kDecrease, "2026-12-20", true, 9000, 6000),
       {e, -3000, -3000, true, true}},
      {"a decrease of a stopped household moves its area only",
       Change(Kind::kDecrease, "2026-12-20", false, 9000, 6000), {e, 0, -3000, false, false}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(ShiftOf(c.change), c.shift);
  }
}

TEST(UsageHistory, ARateOfADayUndoesTheChangesEffectiveAfterIt) {
  // A partition of four households of 100 m² each: all heated until one stops from 12-20 and
  // another from 01-10; today's records: 200 of 400 m² heated (50 %).
  const std::vector<AreaShift> shifts = {
      ShiftOf(Change(Kind::kStop, "2026-12-20", true, 10000, 10000)),
      ShiftOf(Change(Kind::kStop, "2027-01-10", true, 10000, 10000))};
  const UsageRate now{20000, 40000};
  struct Case {
    const char* day;
    UsageRate rate;
  };
  const Case cases[] = {
      {"2026-11-15", {40000, 40000}},  // before both: 100 %
      {"2026-12-19", {40000, 40000}},  // the day before the first
      {"2026-12-20", {30000, 40000}},  // its effective day: 75 %
      {"2027-01-09", {30000, 40000}},
      {"2027-01-10", {20000, 40000}},  // both in effect: today's
      {"2027-03-15", {20000, 40000}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.day);
    const UsageRate r = RateOn(now, shifts, D(c.day));
    EXPECT_EQ(r.heated, c.rate.heated);
    EXPECT_EQ(r.total, c.rate.total);
  }
}

TEST(UsageHistory, AHouseholdsOwnHeatingOfADay) {
  // Stopped from 12-20, resumed from 02-01: heated now.
  const std::vector<AreaShift> own = {
      ShiftOf(Change(Kind::kStop, "2026-12-20", true, 10000, 10000)),
      ShiftOf(Change(Kind::kResume, "2027-02-01", false, 10000, 10000))};
  EXPECT_TRUE(HeatedOn(true, own, D("2026-12-19")));
  EXPECT_FALSE(HeatedOn(true, own, D("2026-12-20")));
  EXPECT_FALSE(HeatedOn(true, own, D("2027-01-31")));
  EXPECT_TRUE(HeatedOn(true, own, D("2027-02-01")));
  EXPECT_FALSE(HeatedOn(false, {}, D("2027-02-01")));  // no change: the records say
}

TEST(UsageHistory, TheGuaranteeOfAPastDayUsesTheRateValidThen) {
  TemperaturePolicy p;
  p.guarantee = {180, {"W 5.1", false, ""}};
  p.usage_rate.community_min.value = 30;
  p.usage_rate.partition_full.value = 70;
  p.usage_rate.partition_agreed_min.value = 30;
  // Two stops took the partition from 100 % to 50 %: today no full guarantee without an agreed
  // temperature; before the first stop, 18.0 °C.
  const std::vector<AreaShift> shifts = {
      ShiftOf(Change(Kind::kStop, "2026-12-20", true, 10000, 10000)),
      ShiftOf(Change(Kind::kStop, "2027-01-10", true, 10000, 10000))};
  const UsageRate community{800000, 1000000};
  auto on = [&](const char* day) {
    return GuaranteeFor(p, {community, RateOn({20000, 40000}, shifts, D(day)), std::nullopt, true});
  };
  ASSERT_TRUE(on("2026-12-01").ok());
  EXPECT_EQ(on("2026-12-01")->value, std::optional<Tenths>{180});       // 100 %
  EXPECT_EQ(on("2026-12-25")->value, std::optional<Tenths>{180});       // 75 %
  EXPECT_EQ(on("2027-01-10")->value, std::nullopt);                     // 50 %: agreed, none
  EXPECT_EQ(on("2027-01-10")->applied, GuaranteeCase::kAgreedPartition);
}

TEST(UsageHistory, TheTermsOfADayAreTheContractVersionValidThen) {
  // Agreed 20.0 °C by meter until 12-10 (changed that day), then no agreed temperature by meter
  // until 01-05, then 19.0 °C by area (the records, now). Versions in any order.
  const ContractTerms now{190, BillingBasis::kArea};
  const std::vector<TermsUntil> superseded = {
      {D("2027-01-05"), {std::nullopt, BillingBasis::kMeter}},
      {D("2026-12-10"), {200, BillingBasis::kMeter}}};
  struct Case {
    const char* day;
    ContractTerms terms;
  };
  const Case cases[] = {
      {"2026-11-15", {200, BillingBasis::kMeter}},
      {"2026-12-10", {200, BillingBasis::kMeter}},  // the day of the change keeps its terms
      {"2026-12-11", {std::nullopt, BillingBasis::kMeter}},
      {"2027-01-05", {std::nullopt, BillingBasis::kMeter}},
      {"2027-01-06", now},
      {"2027-03-15", now},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.day);
    EXPECT_EQ(TermsOn(now, superseded, D(c.day)), c.terms);
  }
  EXPECT_EQ(TermsOn(now, {}, D("2026-11-15")), now);  // never changed: the records say
}

}  // namespace
}  // namespace hearth::rules

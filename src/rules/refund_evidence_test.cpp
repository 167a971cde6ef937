// R-REFUND-5: periods opened, changed and closed by manual measurements; manual beats remote.
#include "rules/refund_evidence.hpp"

#include <gtest/gtest.h>

namespace hearth::rules {
namespace {

using S = MeasurementStanding;
using E = EvidenceSource;

SeasonPolicy Dates() {
  SeasonPolicy p;
  p.commissioning_start.value = {11, 8};
  p.official_start.value = {11, 15};
  p.official_end.value = {3, 15};
  return p;
}

const SeasonDates kSeason = SeasonOf(Dates(), 2025);

Date D(const char* text) { return *ParseDate(text); }
size_t Index(const char* date) {
  return static_cast<size_t>((D(date) - kSeason.official_start).count());
}
ManualEvidence M(const char* local_time, Tenths value, S standing = S::kSigned) {
  return {*ParseRfc3339(std::string(local_time) + "+08:00"), value, standing};
}

struct Expect {
  const char* date;
  std::optional<Tenths> value;
  EvidenceSource source;
  const char* measured_on;  // "" for none
};

struct Case {
  const char* name;
  std::vector<ManualEvidence> manual;
  std::vector<Expect> expect;
};

// Remote values: 19.0 every day, except 15.0 on 2025-12-20 and none on 2026-01-05. Guarantee
// 18.0 every day, except that 2026-01-10 is not judged (exempt, or no guarantee).
std::vector<std::optional<Tenths>> Remote() {
  std::vector<std::optional<Tenths>> r(static_cast<size_t>(kSeason.OfficialDays()), 190);
  r[Index("2025-12-20")] = 150;
  r[Index("2026-01-05")].reset();
  return r;
}
std::vector<std::optional<Tenths>> Guarantee() {
  std::vector<std::optional<Tenths>> g(static_cast<size_t>(kSeason.OfficialDays()), 180);
  g[Index("2026-01-10")].reset();
  return g;
}

TEST(DailyEvidence, Periods) {
  const Case cases[] = {
      {"no measurements: remote values",
       {},
       {{"2025-11-15", 190, E::kRemote, ""},
        {"2025-12-20", 150, E::kRemote, ""},
        {"2026-01-05", {}, E::kNone, ""},
        {"2026-03-15", 190, E::kRemote, ""}}},
      {"an unqualified signed measurement opens a period to the season's end",
       {M("2025-12-01T10:00:00", 170)},
       {{"2025-11-30", 190, E::kRemote, ""},
        {"2025-12-01", 170, E::kManual, "2025-12-01"},
        {"2025-12-02", 170, E::kManualPeriod, "2025-12-01"},
        {"2025-12-20", 170, E::kManualPeriod, "2025-12-01"},  // manual wins over remote 15.0
        {"2026-01-05", 170, E::kManualPeriod, "2025-12-01"},  // and where remote has nothing
        {"2026-03-15", 170, E::kManualPeriod, "2025-12-01"}}},
      {"a later unqualified measurement changes the tier from its day on",
       {M("2025-12-01T10:00:00", 170), M("2025-12-10T09:00:00", 150)},
       {{"2025-12-09", 170, E::kManualPeriod, "2025-12-01"},
        {"2025-12-10", 150, E::kManual, "2025-12-10"},
        {"2025-12-11", 150, E::kManualPeriod, "2025-12-10"},
        {"2026-03-15", 150, E::kManualPeriod, "2025-12-10"}}},
      {"a qualified measurement closes the period: it runs to the day before",
       {M("2025-12-01T10:00:00", 170), M("2025-12-15T10:00:00", 185)},
       {{"2025-12-14", 170, E::kManualPeriod, "2025-12-01"},
        {"2025-12-15", 185, E::kManual, "2025-12-15"},
        {"2025-12-16", 190, E::kRemote, ""},
        {"2025-12-20", 150, E::kRemote, ""}}},
      {"exactly the guarantee is qualified and closes",
       {M("2025-12-01T10:00:00", 170), M("2025-12-03T10:00:00", 180)},
       {{"2025-12-02", 170, E::kManualPeriod, "2025-12-01"}, {"2025-12-04", 190, E::kRemote, ""}}},
      {"manual wins over remote on its own day, qualified or not",
       {M("2025-12-20T10:00:00", 185), M("2025-11-20T10:00:00", 175),
        M("2025-11-21T10:00:00", 190)},
       {{"2025-12-20", 185, E::kManual, "2025-12-20"},
        {"2025-12-21", 190, E::kRemote, ""},
        {"2025-11-20", 175, E::kManual, "2025-11-20"}}},
      {"unsigned measurements neither open nor close",
       {M("2025-12-01T10:00:00", 150, S::kUnsigned), M("2025-12-05T10:00:00", 170),
        M("2025-12-08T10:00:00", 190, S::kUnsigned)},
       {{"2025-12-01", 190, E::kRemote, ""},
        {"2025-12-02", 190, E::kRemote, ""},
        {"2025-12-08", 170, E::kManualPeriod, "2025-12-05"},
        {"2025-12-09", 170, E::kManualPeriod, "2025-12-05"}}},
      {"a third-party test wins on its day; overridden measurements are ignored",
       {M("2025-12-01T09:00:00", 185, S::kOverridden), M("2025-12-01T15:00:00", 190),
        M("2025-12-01T11:00:00", 165, S::kThirdParty),
        M("2025-12-20T11:00:00", 185, S::kThirdParty)},
       {{"2025-12-01", 165, E::kManual, "2025-12-01"},
        {"2025-12-19", 165, E::kManualPeriod, "2025-12-01"},
        {"2025-12-20", 185, E::kManual, "2025-12-20"},
        {"2025-12-21", 190, E::kRemote, ""}}},
      {"the latest signed measurement of a day is its result",
       {M("2025-12-01T16:00:00", 182), M("2025-12-01T09:00:00", 160)},
       {{"2025-12-01", 182, E::kManual, "2025-12-01"}, {"2025-12-02", 190, E::kRemote, ""}}},
      {"a measurement on a day not judged neither opens nor closes",
       {M("2026-01-10T10:00:00", 120), M("2026-01-12T10:00:00", 170),
        M("2026-01-10T11:00:00", 125)},
       {{"2026-01-10", 125, E::kManual, "2026-01-10"},
        {"2026-01-11", 190, E::kRemote, ""},
        {"2026-01-12", 170, E::kManual, "2026-01-12"}}},
      {"not judged inside a period keeps it open",
       {M("2026-01-08T10:00:00", 170), M("2026-01-10T10:00:00", 200)},
       {{"2026-01-09", 170, E::kManualPeriod, "2026-01-08"},
        {"2026-01-10", 200, E::kManual, "2026-01-10"},
        {"2026-01-11", 170, E::kManualPeriod, "2026-01-08"}}},
      {"measurements outside the official period are ignored",
       {M("2025-11-14T10:00:00", 120), M("2026-03-16T10:00:00", 120)},
       {{"2025-11-15", 190, E::kRemote, ""}, {"2026-03-15", 190, E::kRemote, ""}}},
      {"the local day counts: 23:30 on 11-30 is 11-30, 00:30 is 12-01",
       {M("2025-11-30T23:30:00", 170), M("2025-12-01T00:30:00", 185)},
       {{"2025-11-30", 170, E::kManual, "2025-11-30"},
        {"2025-12-01", 185, E::kManual, "2025-12-01"},
        {"2025-12-02", 190, E::kRemote, ""}}},
  };
  const auto remote = Remote();
  const auto guarantee = Guarantee();
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto ev = DailyEvidence(kSeason, remote, guarantee, c.manual);
    ASSERT_EQ(ev.size(), 121u);
    for (const auto& e : c.expect) {
      SCOPED_TRACE(e.date);
      const DayEvidence& got = ev[Index(e.date)];
      EXPECT_EQ(got.value, e.value);
      EXPECT_EQ(got.source, e.source);
      if (*e.measured_on) {
        EXPECT_EQ(FormatDate(got.measured_on), e.measured_on);
      }
    }
  }
}

TEST(DailyEvidence, ShortSpansMeanNoValueAndNoGuarantee) {
  std::vector<std::optional<Tenths>> remote = {170, 175};
  std::vector<ManualEvidence> manual = {M("2025-12-01T10:00:00", 150)};
  auto ev = DailyEvidence(kSeason, remote, {}, manual);
  ASSERT_EQ(ev.size(), 121u);
  EXPECT_EQ(ev[1].value, 175);
  EXPECT_EQ(ev[2].source, E::kNone);
  EXPECT_EQ(ev[Index("2025-12-01")].source, E::kManual);
  EXPECT_EQ(ev[Index("2025-12-02")].source, E::kNone);  // no guarantee: nothing opened
}

TEST(DailyEvidence, FeedsTheRefund) {  // R-REFUND-5 into R-REFUND-1 and -3
  Policy p;
  p.season.official_start.value = {11, 15};
  p.season.official_end.value = {3, 15};
  p.temperature.guarantee.value = 180;
  p.temperature.design_outdoor.value = -54;
  p.refund.tiers = {{-20, 20}, {-60, 50}, {std::nullopt, 100}};
  p.refund.unheated_share_percent.value = 100;
  p.refund.outage_unheated_hours.value = 12;

  std::vector<RefundDay> days;
  for (Date d = kSeason.official_start; d <= kSeason.official_end; d += std::chrono::days{1}) {
    RefundDay day;
    day.date = d;
    day.guarantee = 180;
    days.push_back(day);
  }
  days[Index("2026-03-10")].outdoor_mean = -80;  // exempt: no temperature share that day
  std::vector<std::optional<Tenths>> remote(days.size(), 190);
  std::vector<std::optional<Tenths>> judged;
  judged.reserve(days.size());
  for (const auto& d : days) judged.push_back(JudgedGuarantee(p.temperature, d));
  // 17.0 on 03-01 (20 %), 15.0 from 03-05 (50 %), qualified on 03-12.
  std::vector<ManualEvidence> manual = {
      M("2026-03-01T10:00:00", 170), M("2026-03-05T10:00:00", 150), M("2026-03-12T10:00:00", 181)};
  auto ev = DailyEvidence(kSeason, remote, judged, manual);
  for (size_t i = 0; i < days.size(); ++i) {
    days[i].value = ev[i].value;
    days[i].source = ev[i].source;
    days[i].measured_on = ev[i].measured_on;
  }
  auto r = ComputeRefund(p, kSeason, 264000, days);
  ASSERT_TRUE(r.ok());
  // 03-01..03-04: 4 × 20 %; 03-05..03-11 without 03-10: 6 × 50 %.
  ASSERT_EQ(r->days.size(), 10u);
  EXPECT_EQ(r->days[0].reason,
            "unqualified: 17.0 °C against 18.0 °C guaranteed, measured by hand that day (20 %)");
  EXPECT_EQ(r->days[1].reason,
            "unqualified: 17.0 °C against 18.0 °C guaranteed, as measured by hand on 2026-03-01 "
            "(20 %)");
  EXPECT_EQ(FormatDate(r->days[9].date), "2026-03-11");
  EXPECT_EQ(r->refund_fen, 8291);  // (4 × 20 + 6 × 50) % × 264000 / 121 = 8290.91
}

}  // namespace
}  // namespace hearth::rules

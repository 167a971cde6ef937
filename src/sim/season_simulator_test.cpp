#include "sim/season_simulator.hpp"

#include <gtest/gtest.h>

#include <map>

namespace hearth::sim {
namespace {

using std::chrono::days;
using std::chrono::hours;

Date D(const char* text) { return *ParseDate(text); }

std::vector<SimSensor> Sensors(int buildings, int per_building) {
  std::vector<SimSensor> out;
  for (int b = 1; b <= buildings; ++b) {
    for (int i = 0; i < per_building; ++i) {
      out.push_back({"S" + std::to_string(b) + "-" + std::to_string(i), b, 2 + i % 3, 6,
                     i % 2 == 1});
    }
  }
  return out;
}

std::vector<SimReading> All(const SeasonSimulator& sim, Instant from, Instant to) {
  std::vector<SimReading> out;
  sim.Generate(from, to, [&](const SimReading& r) { out.push_back(r); });
  return out;
}

const Date kFirst = D("2025-11-15"), kLast = D("2026-03-15");

TEST(SeasonSimulator, AnyWindowGivesTheSameReadings) {
  SeasonSimulator sim(Sensors(3, 2), {}, kFirst, kLast);
  Instant a = StartOfLocalDay(D("2025-12-01")), b = a + hours{7} + std::chrono::minutes{3},
          c = a + days{2};
  auto whole = All(sim, a, c), left = All(sim, a, b), right = All(sim, b, c);
  ASSERT_EQ(whole.size(), left.size() + right.size());
  left.insert(left.end(), right.begin(), right.end());
  for (size_t i = 0; i < whole.size(); ++i) {
    ASSERT_EQ(whole[i].sensor, left[i].sensor);
    ASSERT_EQ(whole[i].at, left[i].at);
    ASSERT_EQ(whole[i].tenths, left[i].tenths);
  }
  // The same seed gives the same season; another seed another one.
  SeasonSimulator same(Sensors(3, 2), {}, kFirst, kLast);
  SimOptions other_seed;
  other_seed.seed = 2;
  SeasonSimulator other(Sensors(3, 2), other_seed, kFirst, kLast);
  auto again = All(same, a, c), different = All(other, a, c);
  int differ = 0;
  for (size_t i = 0; i < whole.size(); ++i) {
    EXPECT_EQ(again[i].tenths, whole[i].tenths);
    differ += different[i].tenths != whole[i].tenths;
  }
  EXPECT_GT(differ, static_cast<int>(whole.size()) / 2);
}

TEST(SeasonSimulator, OneReadingPerIntervalOnlyInsideTheSeason) {
  SimOptions o;
  o.silent_sensor_permille = 0;
  o.interval_minutes = 15;
  SeasonSimulator sim(Sensors(2, 2), o, kFirst, kLast);
  struct Case {
    const char* from;
    const char* to;
    size_t per_sensor;
  };
  const Case cases[] = {
      {"2025-12-01T00:00:00+08:00", "2025-12-02T00:00:00+08:00", 96},
      {"2025-12-01T00:00:01+08:00", "2025-12-01T01:00:00+08:00", 3},  // :15, :30, :45
      {"2025-11-14T00:00:00+08:00", "2025-11-15T01:00:00+08:00", 4},  // the season starts
      {"2026-03-15T23:00:00+08:00", "2026-03-17T00:00:00+08:00", 4},  // and ends
      {"2026-04-01T00:00:00+08:00", "2026-04-02T00:00:00+08:00", 0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.from);
    auto rs = All(sim, *ParseRfc3339(c.from), *ParseRfc3339(c.to));
    EXPECT_EQ(rs.size(), c.per_sensor * 4);
    for (const auto& r : rs) {
      EXPECT_EQ(r.at.time_since_epoch().count() % (15 * 60), 0);
    }
  }
}

TEST(SeasonSimulator, ColdSpellsGoBelowTheDesignTemperature) {
  for (int design : {-54, -74}) {  // Weihai, Zibo
    SCOPED_TRACE(design);
    SimOptions o;
    o.design_outdoor_tenths = design;
    SeasonSimulator sim(Sensors(1, 1), o, kFirst, kLast);
    int below = 0, warmest = -1000;
    for (Date d = kFirst; d <= kLast; d += days{1}) {
      int t = sim.OutdoorMeanTenths(d);
      below += t < design;
      warmest = std::max(warmest, t);
    }
    EXPECT_GE(below, 3);   // exempt days exist (R-TEMP-1)
    EXPECT_LE(below, 15);  // but they are spells, not the season
    EXPECT_GT(warmest, 0);
  }
}

double MeanTenths(const std::vector<SimReading>& rs) {
  double sum = 0;
  for (const auto& r : rs) sum += r.tenths;
  return rs.empty() ? 0 : sum / static_cast<double>(rs.size());
}

TEST(SeasonSimulator, ColdBuildingsAreColdAndOthersWarm) {
  SimOptions o;
  o.silent_sensor_permille = 0;
  o.outage_building_permille = 0;
  o.cold_building_permille = 300;
  SeasonSimulator sim(Sensors(60, 3), o, kFirst, kLast);
  Instant day = StartOfLocalDay(D("2025-12-10"));
  std::map<bool, std::vector<SimReading>> by_cold;
  int cold_buildings = 0;
  for (int b = 1; b <= 60; ++b) cold_buildings += sim.IsColdBuilding(b);
  EXPECT_GT(cold_buildings, 5);
  EXPECT_LT(cold_buildings, 40);
  sim.Generate(day, day + days{1}, [&](const SimReading& r) {
    by_cold[sim.IsColdBuilding(sim.sensors()[r.sensor].building_id)].push_back(r);
  });
  EXPECT_LT(MeanTenths(by_cold[true]), 175);
  EXPECT_GT(MeanTenths(by_cold[false]), 190);
  // The daily cycle: colder before dawn than in mid-afternoon.
  std::vector<SimReading> dawn, afternoon;
  for (const auto& r : by_cold[false]) {
    auto h = (r.at - day) / hours{1};
    if (h == 4) dawn.push_back(r);
    if (h == 15) afternoon.push_back(r);
  }
  EXPECT_LT(MeanTenths(dawn) + 8, MeanTenths(afternoon));
}

// Indoor cold spells: a few buildings run about 4.5 °C colder for 4-7 whole days from the season's
// 3rd to 10th day on (the unqualified days of a household's refund); the others do not.
TEST(SeasonSimulator, IndoorColdSpellsComeEarlyAndPass) {
  SimOptions o;
  o.silent_sensor_permille = 0;
  o.outage_building_permille = 0;
  o.cold_building_permille = 0;
  SeasonSimulator sim(Sensors(100, 1), o, kFirst, kLast);
  int with_spell = 0;
  for (int b = 1; b <= 100; ++b) {
    SCOPED_TRACE(b);
    Date first, last;
    const bool spell = sim.ColdSpellOf(b, first, last);
    EXPECT_EQ(spell, HasColdSpell(o, b));
    if (!spell) continue;
    ++with_spell;
    EXPECT_GE(first, kFirst + days{2});
    EXPECT_LE(first, kFirst + days{9});
    EXPECT_GE((last - first).count(), 3);
    EXPECT_LE((last - first).count(), 6);
    // The spell's days are colder than the days around them, by degrees.
    auto day_mean = [&](Date d) {
      std::vector<SimReading> rs;
      sim.Generate(StartOfLocalDay(d), StartOfLocalDay(d + days{1}), [&](const SimReading& r) {
        if (sim.sensors()[r.sensor].building_id == b) rs.push_back(r);
      });
      return MeanTenths(rs);
    };
    EXPECT_GT(day_mean(first - days{1}) - day_mean(first), 30);
    EXPECT_GT(day_mean(last + days{1}) - day_mean(last), 30);
  }
  EXPECT_GT(with_spell, 2);
  EXPECT_LT(with_spell, 20);
  // Another seed, other buildings; none when the option is 0.
  SimOptions other = o;
  other.seed = 2;
  int differ = 0;
  for (int b = 1; b <= 100; ++b) differ += HasColdSpell(o, b) != HasColdSpell(other, b);
  EXPECT_GT(differ, 0);
  o.cold_spell_building_permille = 0;
  for (int b = 1; b <= 100; ++b) EXPECT_FALSE(HasColdSpell(o, b));
}

TEST(SeasonSimulator, SilentSensorsStopAndOutagesCool) {
  SimOptions o;
  o.silent_sensor_permille = 1000;
  o.outage_building_permille = 0;
  SeasonSimulator sim(Sensors(2, 2), o, kFirst, kLast);
  for (size_t i = 0; i < 4; ++i) {
    Date silent = sim.SilentFrom(i);
    ASSERT_GT(silent, kFirst);
    ASSERT_LE(silent, kLast);
    auto rs = All(sim, StartOfLocalDay(silent - days{1}), StartOfLocalDay(silent + days{1}));
    size_t mine = 0;
    for (const auto& r : rs) {
      if (r.sensor != i) continue;
      ++mine;
      EXPECT_LT(r.at, StartOfLocalDay(silent));
    }
    EXPECT_EQ(mine, 144u);
  }

  // Every building has an outage: somewhere in the season its rooms cool by degrees.
  SimOptions out;
  out.outage_building_permille = 1000;
  out.silent_sensor_permille = 0;
  SeasonSimulator cool(Sensors(1, 1), out, kFirst, kLast);
  int coldest = 1000;
  cool.Generate(StartOfLocalDay(kFirst), StartOfLocalDay(kLast + days{1}),
                [&](const SimReading& r) { coldest = std::min(coldest, r.tenths); });
  EXPECT_LT(coldest, 170);
}

}  // namespace
}  // namespace hearth::sim

// R-TEMP-4: one valid measurement of each instrument, then one change per rule, each breaking
// exactly that rule with its message. Numbers are Weihai's (W 5.4.5, W 5.4.6; gap tolerance is
// the R-TEMP-4 decision).
#include "rules/manual_measurement.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace hearth::rules {
namespace {

using std::chrono::seconds;

ManualMeasurementPolicy Weihai() {
  ManualMeasurementPolicy p;
  p.max_resolution.value = 1;  // 0.1 °C
  p.closed_minutes.value = 30;
  p.readings.value = 3;
  p.gap_seconds.value = 180;
  p.gap_tolerance_seconds.value = 30;
  p.height_cm.value = 150;
  p.height_tolerance_cm.value = 10;
  return p;
}

Instant T0() { return *ParseRfc3339("2025-12-10T10:00:00+08:00"); }

ManualMeasurement Glass() {
  ManualMeasurement m;
  m.id = "m-1";
  m.instrument = Instrument::kGlassThermometer;
  m.resolution = 100;
  m.system_running = true;
  m.environment = "outdoor -2 °C, overcast; windows closed";
  m.closed_minutes = 30;
  m.readings = {{T0(), 18000, WallPoint::kNone},
                {T0() + seconds{180}, 17900, WallPoint::kNone},
                {T0() + seconds{360}, 17950, WallPoint::kNone}};
  m.radiators_uncovered = true;
  m.shielded = true;
  m.at_room_centre = true;
  m.height_cm = 150;
  m.inspector_still = true;
  m.signature = Signature::kSigned;
  return m;
}

ManualMeasurement Infrared() {
  ManualMeasurement m = Glass();
  m.instrument = Instrument::kInfraredGun;
  m.at_room_centre = false;
  m.height_cm = std::nullopt;
  m.readings = {{T0(), 18200, WallPoint::kUpper},
                {T0() + seconds{20}, 18000, WallPoint::kMiddle},
                {T0() + seconds{40}, 17800, WallPoint::kLower}};
  return m;
}

TEST(ValidateManualMeasurement, ValidRecordsGetTheExactMeanRoundedOnce) {
  struct Case {
    const char* name;
    ManualMeasurement m;
    Tenths value;
  };
  ManualMeasurement digital = Glass();
  digital.instrument = Instrument::kDigitalThermometer;
  digital.resolution = 10;  // 0.01 °C is finer than 0.1 °C
  ManualMeasurement half = Glass();
  half.readings[0].value = 17950;
  half.readings[1].value = 17950;
  half.readings[2].value = 17950;
  ManualMeasurement thirds = Glass();  // (17.9 + 18.0 + 18.0) / 3 = 17.9666… -> 18.0
  thirds.readings[0].value = 17900;
  thirds.readings[1].value = 18000;
  thirds.readings[2].value = 18000;
  ManualMeasurement edges = Glass();  // gaps of 2 min 30 s and 3 min 30 s, height 1.4 m
  edges.readings[1].at = T0() + seconds{150};
  edges.readings[2].at = T0() + seconds{360};
  edges.height_cm = 140;
  edges.resolution = 100;
  ManualMeasurement disputed = Glass();  // a third-party test stands without the signature
  disputed.signature = Signature::kRefused;
  disputed.third_party = true;
  ManualMeasurement long_closed = Glass();
  long_closed.closed_minutes = 240;
  long_closed.height_cm = 160;
  const Case cases[] = {
      {"glass", Glass(), 180},  // (18.0 + 17.9 + 17.95) / 3 = 17.95 -> 18.0
      {"digital", digital, 180},
      {"17.95 -> 18.0", half, 180},
      {"thirds", thirds, 180},
      {"tolerance edges", edges, 180},
      {"infrared", Infrared(), 180},
      {"third party", disputed, 180},
      {"long closed, 1.6 m", long_closed, 180},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    ManualResult r = ValidateManualMeasurement(Weihai(), c.m);
    EXPECT_TRUE(r.valid()) << (r.violations.empty() ? "" : r.violations.front().Text());
    EXPECT_EQ(r.value, c.value);
  }
}

TEST(ValidateManualMeasurement, EachViolationNamesItsRule) {
  struct Case {
    const char* name;
    std::function<ManualMeasurement()> make;
    ManualCheck check;
    const char* text;
  };
  auto glass = [](std::function<void(ManualMeasurement&)> change) {
    return [change] {
      ManualMeasurement m = Glass();
      change(m);
      return m;
    };
  };
  auto infrared = [](std::function<void(ManualMeasurement&)> change) {
    return [change] {
      ManualMeasurement m = Infrared();
      change(m);
      return m;
    };
  };
  const Case cases[] = {
      {"coarse resolution", glass([](auto& m) { m.resolution = 200; }), ManualCheck::kResolution,
       "R-TEMP-4 resolution: the instrument's resolution 0.2 °C is coarser than 0.1 °C"},
      {"resolution 0.11", glass([](auto& m) { m.resolution = 110; }), ManualCheck::kResolution,
       "R-TEMP-4 resolution: the instrument's resolution 0.11 °C is coarser than 0.1 °C"},
      {"no resolution", glass([](auto& m) { m.resolution = 0; }), ManualCheck::kResolution,
       "R-TEMP-4 resolution: the instrument's resolution was not recorded"},
      {"system", glass([](auto& m) { m.system_running = false; }), ManualCheck::kSystem,
       "R-TEMP-4 system: the heating system was not running normally"},
      {"environment", glass([](auto& m) { m.environment.clear(); }), ManualCheck::kEnvironment,
       "R-TEMP-4 environment: the state of the environment was not recorded"},
      {"closed 29 min", glass([](auto& m) { m.closed_minutes = 29; }), ManualCheck::kDoorsClosed,
       "R-TEMP-4 doors-closed: doors and windows were closed 29 min before the first reading; "
       "expected at least 30 min"},
      {"closed unknown", glass([](auto& m) { m.closed_minutes.reset(); }),
       ManualCheck::kDoorsClosed,
       "R-TEMP-4 doors-closed: when doors and windows were closed was not recorded; expected at "
       "least 30 min before the first reading"},
      {"two readings", glass([](auto& m) { m.readings.pop_back(); }), ManualCheck::kReadings,
       "R-TEMP-4 readings: expected 3 readings, found 2"},
      {"gap too long", glass([](auto& m) { m.readings[2].at = m.readings[1].at + seconds{250}; }),
       ManualCheck::kGap,
       "R-TEMP-4 gap: readings 2 and 3 are 4 min 10 s apart; expected 3 min ± 30 s"},
      {"gap 3 min 31 s", glass([](auto& m) { m.readings[2].at = m.readings[1].at + seconds{211}; }),
       ManualCheck::kGap,
       "R-TEMP-4 gap: readings 2 and 3 are 3 min 31 s apart; expected 3 min ± 30 s"},
      {"gap 2 min 29 s", glass([](auto& m) {
         m.readings[1].at = m.readings[0].at + seconds{149};
         m.readings[2].at = m.readings[1].at + seconds{180};
       }),
       ManualCheck::kGap,
       "R-TEMP-4 gap: readings 1 and 2 are 2 min 29 s apart; expected 3 min ± 30 s"},
      {"out of order", glass([](auto& m) {
         m.readings[1].at = m.readings[0].at - seconds{60};
         m.readings[2].at = m.readings[1].at + seconds{180};
       }),
       ManualCheck::kGap, "R-TEMP-4 gap: reading 2 was taken 1 min before reading 1"},
      {"radiators", glass([](auto& m) { m.radiators_uncovered = false; }), ManualCheck::kRadiators,
       "R-TEMP-4 radiators: the radiators were covered"},
      {"sun", glass([](auto& m) { m.shielded = false; }), ManualCheck::kHeatSource,
       "R-TEMP-4 heat-source: the sensor was in direct sun or near another heat source"},
      {"off centre", glass([](auto& m) { m.at_room_centre = false; }), ManualCheck::kCentre,
       "R-TEMP-4 centre: the thermometer was not at the room centre"},
      {"too low", glass([](auto& m) { m.height_cm = 139; }), ManualCheck::kHeight,
       "R-TEMP-4 height: the thermometer was 1.39 m above the floor; expected 1.5 m ± 0.1 m"},
      {"too high", glass([](auto& m) { m.height_cm = 161; }), ManualCheck::kHeight,
       "R-TEMP-4 height: the thermometer was 1.61 m above the floor; expected 1.5 m ± 0.1 m"},
      {"no height", glass([](auto& m) { m.height_cm.reset(); }), ManualCheck::kHeight,
       "R-TEMP-4 height: the thermometer's height was not recorded; expected 1.5 m ± 0.1 m"},
      {"two upper points", infrared([](auto& m) { m.readings[1].point = WallPoint::kUpper; }),
       ManualCheck::kWallPoints,
       "R-TEMP-4 wall-points: an infrared gun takes one upper, one middle and one lower point; "
       "found upper, upper, lower"},
      {"two points", infrared([](auto& m) { m.readings.pop_back(); }), ManualCheck::kWallPoints,
       "R-TEMP-4 wall-points: an infrared gun takes one upper, one middle and one lower point; "
       "found upper, middle"},
      {"no points", infrared([](auto& m) { m.readings.clear(); }), ManualCheck::kWallPoints,
       "R-TEMP-4 wall-points: an infrared gun takes one upper, one middle and one lower point; "
       "found none"},
      {"cold wall", infrared([](auto& m) { m.cold_outer_wall = true; }), ManualCheck::kColdWall,
       "R-TEMP-4 cold-wall: the points were taken on a cold outer wall"},
      {"inspector", glass([](auto& m) { m.inspector_still = false; }), ManualCheck::kInspector,
       "R-TEMP-4 inspector: the inspector moved while reading"},
      {"unsigned", glass([](auto& m) { m.signature = Signature::kPending; }),
       ManualCheck::kSignature, "R-TEMP-4 signature: the household has not signed the result"},
      {"disputed", glass([](auto& m) { m.signature = Signature::kRefused; }),
       ManualCheck::kSignature,
       "R-TEMP-4 signature: the household disputes the result; a third-party test agreed by "
       "both may replace it"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    ManualResult r = ValidateManualMeasurement(Weihai(), c.make());
    EXPECT_FALSE(r.valid());
    EXPECT_EQ(r.value, std::nullopt);
    ASSERT_EQ(r.violations.size(), 1u) << r.violations.back().Text();
    EXPECT_EQ(r.violations[0].check, c.check);
    EXPECT_EQ(r.violations[0].Text(), c.text);
  }
}

TEST(ValidateManualMeasurement, ThermometerRulesDoNotApplyToTheInfraredGunAndViceVersa) {
  // An infrared gun's points are taken in one go, anywhere in height: no gap or height rule.
  ManualMeasurement ir = Infrared();
  ir.readings[2].at = ir.readings[0].at;
  EXPECT_TRUE(ValidateManualMeasurement(Weihai(), ir).valid());
  // A thermometer ignores the wall fields.
  ManualMeasurement glass = Glass();
  glass.cold_outer_wall = true;
  glass.readings[0].point = WallPoint::kUpper;
  EXPECT_TRUE(ValidateManualMeasurement(Weihai(), glass).valid());
}

TEST(ValidateManualMeasurement, EveryViolationIsListedInRuleOrder) {
  ManualMeasurement m;  // nothing recorded at all
  ManualResult r = ValidateManualMeasurement(Weihai(), m);
  std::vector<ManualCheck> checks;
  for (const auto& v : r.violations) checks.push_back(v.check);
  const std::vector<ManualCheck> expected = {
      ManualCheck::kResolution,  ManualCheck::kSystem,   ManualCheck::kEnvironment,
      ManualCheck::kDoorsClosed, ManualCheck::kReadings, ManualCheck::kRadiators,
      ManualCheck::kHeatSource,  ManualCheck::kCentre,   ManualCheck::kHeight,
      ManualCheck::kInspector,   ManualCheck::kSignature};
  EXPECT_EQ(checks, expected);
  EXPECT_EQ(r.value, std::nullopt);
}

TEST(ValidateManualMeasurement, NumbersComeFromThePolicy) {
  ManualMeasurementPolicy p = Weihai();
  p.readings.value = 2;
  p.gap_seconds.value = 300;
  p.gap_tolerance_seconds.value = 0;
  ManualMeasurement m = Glass();
  m.readings = {{T0(), 18000, WallPoint::kNone}, {T0() + seconds{300}, 18100, WallPoint::kNone}};
  ManualResult r = ValidateManualMeasurement(p, m);
  EXPECT_TRUE(r.valid());
  EXPECT_EQ(r.value, 181);  // 18.05 -> 18.1
  m.readings[1].at = T0() + seconds{301};
  r = ValidateManualMeasurement(p, m);
  ASSERT_EQ(r.violations.size(), 1u);
  EXPECT_EQ(r.violations[0].Text(),
            "R-TEMP-4 gap: readings 1 and 2 are 5 min 1 s apart; expected 5 min ± 0 s");
}

}  // namespace
}  // namespace hearth::rules

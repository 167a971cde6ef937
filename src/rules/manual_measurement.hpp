// R-TEMP-4: validation of a manual (in-home) room-temperature measurement [W 5.4.5, W 5.4.6,
// W 10.3 (10.1)], and its result: the mean of its readings, exact, rounded once to tenths.
//
// A record that breaks a rule is not given a value; it gets the list of every rule it broke,
// each named ("R-TEMP-4 gap: readings 2 and 3 are 4 min 10 s apart; expected 3 min ± 30 s"), so
// the caller can reject it or keep it as invalid with its reasons. Every number comes from
// policy.temperature.manual. Pure; thread-safe.
//
// Decisions where W 5.4.6 is open:
// - A glass or digital thermometer takes policy.readings readings policy.gap_seconds apart
//   (± gap_tolerance_seconds), in time order; its placement rule (room centre, height
//   height_cm ± height_tolerance_cm) is W 5.4.6 g), written for the glass thermometer and applied
//   to the digital one too: both measure the air at a point, and g) is the only placement rule.
// - An infrared gun "instead" (W 5.4.6 i)) takes one upper, one middle and one lower point on a
//   wall that is not a cold outer wall: those three are its readings; the reading count and gap
//   rules do not apply to it, nor the thermometer placement.
// - Resolution (W 5.4.5), system running, environment recorded, doors and windows closed, no
//   covered radiators, no sun or heat source, and a still inspector apply to every instrument.
// - The household signs the result. An unsigned result is not valid yet; a disputed one is not
//   valid until a third-party test agreed by both replaces it. A third-party test (third_party)
//   needs no household signature: both sides agreed to the tester.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "rules/policy.hpp"
#include "rules/temperature.hpp"

namespace hearth::rules {

enum class Instrument { kGlassThermometer, kDigitalThermometer, kInfraredGun };

/// Where an infrared gun's point is on the wall; kNone for thermometer readings.
enum class WallPoint { kNone, kUpper, kMiddle, kLower };

enum class Signature {
  kSigned,   ///< the household signed the result
  kPending,  ///< not signed (yet)
  kRefused,  ///< the household disputes the result
};

struct ManualReading {
  Instant at;
  Milli value = 0;
  WallPoint point = WallPoint::kNone;
};

struct ManualMeasurement {
  std::string id;
  Instrument instrument = Instrument::kGlassThermometer;
  Milli resolution = 0;                 ///< the instrument's smallest division
  bool system_running = false;          ///< the heating system ran normally
  std::string environment;              ///< the recorded state of the environment; "" = none
  std::optional<int> closed_minutes;    ///< doors/windows closed this long before reading 1
  std::vector<ManualReading> readings;  ///< in the order taken
  bool radiators_uncovered = false;
  bool shielded = false;  ///< no direct sun or other heat source on the sensor
  // Thermometers (glass, digital):
  bool at_room_centre = false;   ///< the centre of the room (crossing of its diagonals)
  std::optional<int> height_cm;  ///< above the floor
  // Infrared gun:
  bool cold_outer_wall = false;  ///< the points were taken on a cold outer wall
  bool inspector_still = false;  ///< the inspector did not move while reading
  Signature signature = Signature::kPending;
  bool third_party = false;  ///< a third-party test agreed by both sides
};

/// The rule a record broke (each is part of R-TEMP-4).
enum class ManualCheck {
  kResolution,   ///< W 5.4.5
  kSystem,       ///< W 5.4.6 a)
  kEnvironment,  ///< W 5.4.6 b)
  kDoorsClosed,  ///< W 5.4.6 c), d)
  kReadings,     ///< W 5.4.6 d): how many
  kGap,          ///< W 5.4.6 d): 3 min apart (decision: ± 30 s), in time order
  kRadiators,    ///< W 5.4.6 e)
  kHeatSource,   ///< W 5.4.6 f)
  kCentre,       ///< W 5.4.6 g)
  kHeight,       ///< W 5.4.6 g)
  kWallPoints,   ///< W 5.4.6 i)
  kColdWall,     ///< W 5.4.6 i)
  kInspector,    ///< W 5.4.6 j)
  kSignature,    ///< W 10.3 (10.1)
};

/// "resolution", "system", "environment", "doors-closed", "readings", "gap", "radiators",
/// "heat-source", "centre", "height", "wall-points", "cold-wall", "inspector", "signature".
const char* ManualCheckName(ManualCheck check);

/// "glass-thermometer", "digital-thermometer", "infrared-gun".
const char* InstrumentName(Instrument instrument);

/// "signed", "pending", "refused".
const char* SignatureName(Signature signature);

struct Violation {
  ManualCheck check = ManualCheck::kReadings;
  std::string message;  ///< what is wrong, with the expected value

  /// "R-TEMP-4 gap: readings 2 and 3 are 4 min 10 s apart; expected 3 min ± 30 s".
  std::string Text() const;
};

struct ManualResult {
  /// The mean of the readings rounded once to tenths; set only when there is no violation.
  std::optional<Tenths> value;
  std::vector<Violation> violations;  ///< in the order of ManualCheck

  bool valid() const { return violations.empty(); }
};

/// R-TEMP-4: checks `m` against every rule and, when it breaks none, gives its value.
ManualResult ValidateManualMeasurement(const ManualMeasurementPolicy& policy,
                                       const ManualMeasurement& m);

}  // namespace hearth::rules

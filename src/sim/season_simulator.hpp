// The season simulator of `hearth simulate` and `hearth demo`: realistic room-temperature readings
// for a city's sensors, so that the demo shows a living season (issue 5).
//
// What it models, each deterministic for a seed:
//   - an outdoor daily mean per day of the season, colder in midwinter, with a few cold spells
//     below the policy's design outdoor temperature (R-TEMP-1 exempt days);
//   - per building a base room temperature, with a few cold buildings well under 18 °C;
//   - per room: shade rooms and top and bottom floors a little colder, a daily cycle (coolest
//     before dawn, warmest mid-afternoon), a little influence of the outdoor temperature, and
//     sensor noise; values are sent with the sensor's resolution of 0.1 °C;
//   - outages: a few buildings lose heat for some hours, the rooms cooling towards 12 °C;
//   - indoor cold spells: a few buildings' heating underperforms for 4-7 whole days early in the
//     season (from its 3rd to 10th day on), their rooms about 4.5 °C colder: days that a
//     household sees judged unqualified, the basis of a refund (R-REFUND-1);
//   - silent sensors: a few stop reporting from some day of the season on.
// A reading is a pure function of (seed, sensor, time): any window of the season gives the same
// readings as the whole season cut to that window, so a simulator that restarts resumes exactly.
// Thread-safe (const after construction).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/civil_time.hpp"

namespace hearth::sim {

struct SimSensor {
  std::string code;  ///< device id: the MQTT topic's last level
  int64_t building_id = 0;
  int floor = 1;
  int floors = 1;
  bool shade = false;
};

struct SimOptions {
  uint64_t seed = 1;
  int interval_minutes = 10;        ///< one reading per sensor per interval
  int cold_building_permille = 30;  ///< buildings whose rooms stay cold
  int silent_sensor_permille = 20;  ///< sensors that fall silent during the season
  int outage_building_permille = 40;  ///< buildings with one outage in the season
  int cold_spell_building_permille = 80;  ///< buildings with an indoor cold spell each season
  int design_outdoor_tenths = -54;  ///< the policy's design outdoor temperature (R-TEMP-1)
};

struct SimReading {
  size_t sensor = 0;  ///< index into the simulator's sensors
  Instant at;
  int32_t tenths = 0;  ///< °C × 10, as the sensor sends it
};

/// Whether `building_id` has an indoor cold spell in every season simulated with `options` (its
/// seed and cold_spell_building_permille): the demo gives its household login a sensor in such a
/// building.
bool HasColdSpell(const SimOptions& options, int64_t building_id);

/// Whether `building_id` loses heat once in a season from `first` to `last` simulated with
/// `options` (its seed and outage_building_permille), and when: [start, end), 6 to 30 hours.
/// The demo records these stops as emergencies (sim/demo_outages.hpp), so that the recorded
/// stops and the readings' cold hours agree.
bool SimulatedOutage(const SimOptions& options, int64_t building_id, Date first, Date last,
                     Instant& start, Instant& end);

class SeasonSimulator {
 public:
  /// The season runs from `first` to `last` (local days, both included).
  SeasonSimulator(std::vector<SimSensor> sensors, SimOptions options, Date first, Date last);

  const std::vector<SimSensor>& sensors() const { return sensors_; }
  Date first_day() const { return first_; }
  Date last_day() const { return last_; }

  /// The outdoor daily mean of `day` in tenths of °C (also outside the season: the curve goes on).
  int32_t OutdoorMeanTenths(Date day) const;

  /// Every reading with from <= at < to, time-major (all sensors at one instant, then the next),
  /// at multiples of the interval from the season's first local midnight; none outside the
  /// season, none from a silent sensor after it fell silent.
  void Generate(Instant from, Instant to, const std::function<void(const SimReading&)>& sink) const;

  /// Whether the building is one of the cold ones (for tests and the demo's story).
  bool IsColdBuilding(int64_t building_id) const;
  /// The days of the building's indoor cold spell in this season (see HasColdSpell); false
  /// when it has none.
  bool ColdSpellOf(int64_t building_id, Date& first, Date& last) const;
  /// The sensor's last day of reporting, or the season's last day.
  Date SilentFrom(size_t sensor) const;

 private:
  struct Room {
    int32_t base_milli = 0;  ///< the room's mean temperature
    Date silent_from;        ///< first day without readings (after the season when never)
    int64_t building = 0;
  };
  /// Whether `building` is off heat at `at`, and since when; recovering rooms follow after.
  bool OutageOf(int64_t building, Instant& start, Instant& end) const;
  int32_t ValueMilli(size_t sensor, Instant at) const;

  std::vector<SimSensor> sensors_;
  SimOptions options_;
  Date first_, last_;
  std::vector<Room> rooms_;
};

}  // namespace hearth::sim

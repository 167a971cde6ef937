#include "sim/season_simulator.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace hearth::sim {
namespace {

// SplitMix64's finaliser over a combined key: a counter-based generator, so a value depends only
// on its key (seed, what, which) and never on the order things were generated in.
uint64_t Mix(uint64_t z) {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}
uint64_t Hash(uint64_t seed, uint64_t what, uint64_t a, uint64_t b = 0) {
  return Mix(Mix(Mix(seed ^ (what << 56)) ^ a) ^ b);
}
// lo..hi inclusive.
int64_t Pick(uint64_t h, int64_t lo, int64_t hi) {
  return lo + static_cast<int64_t>(h % static_cast<uint64_t>(hi - lo + 1));
}

enum What : uint64_t {
  kBuilding = 1,
  kBuildingCold,
  kSilent,
  kSilentDay,
  kNoise,
  kOutage,
  kOutageStart,
  kOutageHours,
  kOutdoorNoise,
  kSpell,
  kRoom,
  kIndoorSpell,
  kIndoorSpellDays
};

constexpr int kSpells = 3;
constexpr double kIndoorSpellMilli = 4500.0;  // how much colder the rooms run in a cold spell

}  // namespace

bool HasColdSpell(const SimOptions& options, int64_t building_id) {
  return static_cast<int>(Hash(options.seed, kIndoorSpell, static_cast<uint64_t>(building_id)) %
                          1000) < options.cold_spell_building_permille;
}

bool SeasonSimulator::ColdSpellOf(int64_t building_id, Date& first, Date& last) const {
  if (!HasColdSpell(options_, building_id)) return false;
  const uint64_t h = Hash(options_.seed, kIndoorSpellDays, static_cast<uint64_t>(building_id));
  first = first_ + std::chrono::days{Pick(h, 2, 9)};
  last = std::min(last_, first + std::chrono::days{Pick(h >> 20, 4, 7) - 1});
  return true;
}

SeasonSimulator::SeasonSimulator(std::vector<SimSensor> sensors, SimOptions options, Date first,
                                 Date last)
    : sensors_(std::move(sensors)), options_(options), first_(first), last_(last) {
  options_.interval_minutes = std::max(1, options_.interval_minutes);
  const int64_t season_days = (last_ - first_).count() + 1;
  rooms_.reserve(sensors_.size());
  for (size_t i = 0; i < sensors_.size(); ++i) {
    const SimSensor& s = sensors_[i];
    const auto b = static_cast<uint64_t>(s.building_id);
    Room room;
    room.building = s.building_id;
    int32_t base =
        IsColdBuilding(s.building_id)
            ? static_cast<int32_t>(Pick(Hash(options_.seed, kBuilding, b), 15800, 17300))
            : static_cast<int32_t>(Pick(Hash(options_.seed, kBuilding, b), 19300, 21800));
    base += static_cast<int32_t>(Pick(Hash(options_.seed, kRoom, i), -500, 500));
    if (s.shade) base -= 400;
    if (s.floor <= 1 || s.floor >= s.floors) base -= 500;
    room.base_milli = base;
    room.silent_from = last_ + std::chrono::days{1};
    if (static_cast<int>(Hash(options_.seed, kSilent, i) % 1000) <
        options_.silent_sensor_permille) {
      room.silent_from =
          first_ + std::chrono::days{Pick(Hash(options_.seed, kSilentDay, i), 1, season_days - 1)};
    }
    rooms_.push_back(room);
  }
}

bool SeasonSimulator::IsColdBuilding(int64_t building_id) const {
  return static_cast<int>(Hash(options_.seed, kBuildingCold, static_cast<uint64_t>(building_id)) %
                          1000) < options_.cold_building_permille;
}

Date SeasonSimulator::SilentFrom(size_t sensor) const { return rooms_.at(sensor).silent_from; }

int32_t SeasonSimulator::OutdoorMeanTenths(Date day) const {
  const double season_days = static_cast<double>((last_ - first_).count() + 1);
  const double t = static_cast<double>((day - first_).count()) / season_days;
  // +2.0 °C at the ends of the season, -2.5 °C in midwinter (a Shandong coastal winter), ± 2 °C
  // from day to day: without a cold spell, no day falls below a design temperature of -5.4 °C.
  double mean = 20.0 - 45.0 * std::sin(std::numbers::pi * std::clamp(t, 0.0, 1.0));
  const auto d = static_cast<uint64_t>(day.time_since_epoch().count());
  mean += static_cast<double>(Pick(Hash(options_.seed, kOutdoorNoise, d), -20, 20));
  // Cold spells of 3–5 days in the middle half of the season, 0.5–3 °C below the design outdoor
  // temperature: the exempt days of R-TEMP-1, in either city.
  for (uint64_t k = 0; k < kSpells; ++k) {
    const uint64_t h = Hash(options_.seed, kSpell, k);
    const int64_t start =
        Pick(h, static_cast<int64_t>(season_days * 0.25), static_cast<int64_t>(season_days * 0.75));
    const int64_t length = Pick(h >> 20, 3, 5);
    const int64_t offset = (day - first_).count() - start;
    if (offset >= 0 && offset < length) {
      mean = std::min(mean,
                      static_cast<double>(options_.design_outdoor_tenths - Pick(h >> 40, 5, 30)));
    }
  }
  return static_cast<int32_t>(std::lround(mean));
}

bool SimulatedOutage(const SimOptions& options, int64_t building, Date first, Date last,
                     Instant& start, Instant& end) {
  const auto b = static_cast<uint64_t>(building);
  if (static_cast<int>(Hash(options.seed, kOutage, b) % 1000) >=
      options.outage_building_permille) {
    return false;
  }
  const int64_t season_hours = ((last - first).count() + 1) * 24;
  start = StartOfLocalDay(first) +
          std::chrono::hours{Pick(Hash(options.seed, kOutageStart, b), 24, season_hours - 48)};
  end = start + std::chrono::hours{Pick(Hash(options.seed, kOutageHours, b), 6, 30)};
  return true;
}

bool SeasonSimulator::OutageOf(int64_t building, Instant& start, Instant& end) const {
  return SimulatedOutage(options_, building, first_, last_, start, end);
}

int32_t SeasonSimulator::ValueMilli(size_t sensor, Instant at) const {
  const Room& room = rooms_[sensor];
  const Date day = LocalDate(at);
  const double hour =
      static_cast<double>((at - StartOfLocalDay(day)).count()) / 3600.0;  // local 0..24
  double value = room.base_milli;
  value += 600.0 * std::cos(2.0 * std::numbers::pi * (hour - 15.0) / 24.0);
  value += 8.0 * OutdoorMeanTenths(day);  // 0.08 °C per °C away from 0 °C
  if (Date first, last; ColdSpellOf(room.building, first, last) && day >= first && day <= last) {
    value -= kIndoorSpellMilli;
  }
  value += static_cast<double>(Pick(
      Hash(options_.seed, kNoise, sensor, static_cast<uint64_t>(at.time_since_epoch().count())),
      -150, 150));
  Instant start, end;
  if (OutageOf(room.building, start, end) && at >= start) {
    constexpr double kCold = 12000.0;
    const double off_hours =
        std::chrono::duration<double, std::ratio<3600>>(std::min(at, end) - start).count();
    const double at_end = kCold + (value - kCold) * std::exp(-off_hours / 10.0);
    if (at < end) {
      value = at_end;
    } else {
      const double since = std::chrono::duration<double, std::ratio<3600>>(at - end).count();
      value = value - (value - at_end) * std::exp(-since / 2.0);
    }
  }
  return static_cast<int32_t>(std::lround(value));
}

void SeasonSimulator::Generate(Instant from, Instant to,
                               const std::function<void(const SimReading&)>& sink) const {
  const Instant season_start = StartOfLocalDay(first_);
  const Instant season_end = StartOfLocalDay(last_ + std::chrono::days{1});
  from = std::max(from, season_start);
  to = std::min(to, season_end);
  const std::chrono::seconds step{options_.interval_minutes * 60};
  // The first multiple of the interval at or after `from`.
  auto offset = (from - season_start) % step;
  Instant t = offset.count() == 0 ? from : from + (step - offset);
  for (; t < to; t += step) {
    const Date day = LocalDate(t);
    for (size_t i = 0; i < sensors_.size(); ++i) {
      if (day >= rooms_[i].silent_from) continue;
      // Sensors send tenths: round the room's milli-degrees half away from zero.
      const int32_t milli = ValueMilli(i, t);
      const int32_t tenths = milli >= 0 ? (milli + 50) / 100 : -((-milli + 50) / 100);
      sink({i, t, tenths});
    }
  }
}

}  // namespace hearth::sim

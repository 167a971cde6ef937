// R-TEMP-3 daily values of one household-season (3 guaranteed rooms and a kitchen, a reading
// every 10 minutes for the 121 official days: 69,696 readings), against a baseline that groups
// the same readings the same way but averages in doubles and rounds each day with std::round:
// the price of exact Int128 means rounded once.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "adapters/policy/policy_loader.hpp"
#include "rules/temperature.hpp"

namespace {

using namespace hearth;  // NOLINT

const rules::Policy& Weihai() {
  static const rules::Policy p =
      *adapters::policy::LoadPolicyFile(HEARTH_SOURCE_DIR "/policies/weihai.toml");
  return p;
}

const std::vector<rules::SensorReading>& Season() {
  static const std::vector<rules::SensorReading> readings = [] {
    std::vector<rules::SensorReading> v;
    const Instant start = *ParseRfc3339("2025-11-15T00:00:00+08:00");
    const std::pair<const char*, rules::RoomKind> rooms[] = {{"b1", rules::RoomKind::kBedroom},
                                                             {"b2", rules::RoomKind::kBedroom},
                                                             {"lv", rules::RoomKind::kLiving},
                                                             {"kt", rules::RoomKind::kOther}};
    uint32_t x = 12345;  // a fixed linear congruential sequence: the same data every run
    for (int step = 0; step < 121 * 24 * 6; ++step) {
      for (const auto& [room, kind] : rooms) {
        x = x * 1664525u + 1013904223u;
        rules::Milli value = 17000 + static_cast<rules::Milli>(x >> 20) % 3000;
        v.push_back({room, kind, start + std::chrono::minutes{10 * step}, value});
      }
    }
    return v;
  }();
  return readings;
}

void BM_DailyValues(benchmark::State& state) {
  const auto& readings = Season();
  for (auto _ : state) {
    auto days = rules::DailyValues(Weihai().temperature.sensor, readings);
    benchmark::DoNotOptimize(days);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(readings.size()));
}
BENCHMARK(BM_DailyValues)->Unit(benchmark::kMillisecond);

void BM_DailyValues_Baseline(benchmark::State& state) {
  const auto& readings = Season();
  const auto& sensor = Weihai().temperature.sensor;
  for (auto _ : state) {
    std::vector<const rules::SensorReading*> valid;
    valid.reserve(readings.size());
    for (const auto& r : readings) {
      if (rules::IsGuaranteedRoom(r.kind) && r.value >= sensor.valid_min.value * 100 &&
          r.value <= sensor.valid_max.value * 100) {
        valid.push_back(&r);
      }
    }
    std::sort(valid.begin(), valid.end(), [](const auto* a, const auto* b) {
      return std::tie(a->room, a->kind, a->at) < std::tie(b->room, b->kind, b->at);
    });
    std::map<Date, double> lowest;
    for (size_t i = 0; i < valid.size();) {
      const Date date = LocalDate(valid[i]->at);
      double sum[24] = {}, count[24] = {};
      size_t j = i;
      for (;
           j < valid.size() && valid[j]->room == valid[i]->room && LocalDate(valid[j]->at) == date;
           ++j) {
        auto h = std::chrono::floor<std::chrono::hours>(valid[j]->at + kChinaOffset -
                                                        std::chrono::sys_seconds{date})
                     .count();
        sum[h] += static_cast<double>(valid[j]->value) / 1000.0;
        count[h] += 1;
      }
      i = j;
      double total = 0;
      int hours = 0;
      for (int h = 0; h < 24; ++h) {
        if (count[h] > 0) {
          total += sum[h] / count[h];
          ++hours;
        }
      }
      if (hours >= sensor.min_hours.value) {
        auto [it, fresh] = lowest.try_emplace(date, total / hours);
        if (!fresh) it->second = std::min(it->second, total / hours);
      }
    }
    for (auto& [date, v] : lowest) v = std::round(v * 10) / 10;
    benchmark::DoNotOptimize(lowest);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(readings.size()));
}
BENCHMARK(BM_DailyValues_Baseline)->Unit(benchmark::kMillisecond);

}  // namespace

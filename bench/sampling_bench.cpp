// The sampling plan (R-SAMPLE-1..3) for a city of 1,000,000 households generated in memory,
// against a baseline over the same households: one pass bucketing them into the 18 (position,
// orientation, tier) cells, a shuffle of each bucket, and the first households of each bucket by
// a north-west-corner table (no spread, no sensor preference, no optimality when cells are short).
//   /0  ample: every cell has plenty; the quotas are met
//   /1  scarce: no far end and few upper floors; the exact search over cell tables runs
#include <benchmark/benchmark.h>

#include <algorithm>
#include <random>

#include "adapters/policy/policy_loader.hpp"
#include "rules/sampling.hpp"
#include "rules/sampling_assignment.hpp"

namespace {

using namespace hearth;  // NOLINT

constexpr size_t kHouseholds = 1'000'000;
constexpr uint32_t kPerBuilding = 100;
constexpr uint32_t kBuildingsPerSubstation = 25;

const rules::Policy& Weihai() {
  static const rules::Policy p =
      *adapters::policy::LoadPolicyFile(HEARTH_SOURCE_DIR "/policies/weihai.toml");
  return p;
}

// Deterministic: buildings of 100 households with 6..33 floors, positions by thirds of a
// substation's buildings, orientation by flat, 30 % with sensors, 60–120 m².
std::vector<rules::SampleHousehold> City(bool scarce) {
  std::vector<rules::SampleHousehold> out(kHouseholds);
  std::mt19937_64 gen(2024);
  for (size_t i = 0; i < kHouseholds; ++i) {
    rules::SampleHousehold& h = out[i];
    h.id = std::to_string(i);
    h.id.insert(h.id.begin(), 'H');
    h.building = static_cast<uint32_t>(i / kPerBuilding);
    h.substation = h.building / kBuildingsPerSubstation;
    h.floors = 6 + static_cast<int>(h.building % 28);
    h.floor = 1 + static_cast<int>((i % kPerBuilding) % static_cast<size_t>(h.floors));
    const uint32_t third = (h.building % kBuildingsPerSubstation) * 3 / kBuildingsPerSubstation;
    h.position = static_cast<rules::NetworkPosition>(scarce ? std::min<uint32_t>(third, 1) : third);
    h.orientation = (i % 4 < 2) ? rules::Orientation::kShade : rules::Orientation::kSun;
    if (scarce && rules::TierOf(h) == rules::FloorTier::kUpper && gen() % 100 != 0) h.floor = 1;
    h.has_sensor = gen() % 10 < 3;
    h.area = (60 + static_cast<int64_t>(gen() % 6000) / 100) * rules::kAreaUnitsPerM2;
  }
  return out;
}

const std::vector<rules::SampleHousehold>& Data(int64_t scarce) {
  static const std::vector<rules::SampleHousehold> ample = City(false);
  static const std::vector<rules::SampleHousehold> short_cells = City(true);
  return scarce ? short_cells : ample;
}

void BM_SamplePlan(benchmark::State& state) {
  const auto& hh = Data(state.range(0));
  uint64_t seed = 0;
  for (auto _ : state) {
    auto plan = rules::PlanSample(Weihai().sampling, hh, seed++);
    benchmark::DoNotOptimize(plan.selected.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(hh.size()));
  auto plan = rules::PlanSample(Weihai().sampling, hh, 0);
  state.counters["required"] = static_cast<double>(plan.size.required);
  int64_t missing = 0;
  for (const auto& s : plan.shortfalls) missing += s.missing;
  state.counters["shortfall"] = static_cast<double>(missing);
}
BENCHMARK(BM_SamplePlan)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_SamplePlan_Baseline(benchmark::State& state) {
  const auto& hh = Data(state.range(0));
  uint64_t seed = 0;
  for (auto _ : state) {
    std::array<std::vector<uint32_t>, 18> cells;
    rules::AreaUnits area = 0;
    for (size_t i = 0; i < hh.size(); ++i) {
      const rules::SampleHousehold& h = hh[i];
      area += h.area;
      const size_t c =
          (static_cast<size_t>(h.position) * 2 + static_cast<size_t>(h.orientation)) * 3 +
          static_cast<size_t>(rules::TierOf(h));
      cells[c].push_back(static_cast<uint32_t>(i));
    }
    std::mt19937_64 gen(seed++);
    for (auto& cell : cells) std::shuffle(cell.begin(), cell.end(), gen);
    const auto size =
        rules::RequiredSample(Weihai().sampling, area, static_cast<int64_t>(hh.size()));
    auto left = rules::SampleQuotas(Weihai().sampling, size.required);
    std::vector<size_t> selected;
    for (size_t c = 0; c < cells.size(); ++c) {
      const size_t p = c / 6, o = (c / 3) % 2, t = c % 3;
      auto take = std::min({left.position[p], left.orientation[o], left.floor[t],
                            static_cast<int64_t>(cells[c].size())});
      left.position[p] -= take;
      left.orientation[o] -= take;
      left.floor[t] -= take;
      selected.insert(selected.end(), cells[c].begin(), cells[c].begin() + take);
    }
    benchmark::DoNotOptimize(selected.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(hh.size()));
}
BENCHMARK(BM_SamplePlan_Baseline)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

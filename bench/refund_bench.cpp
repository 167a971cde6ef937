// Refunds (R-REFUND-1..4) of 1,000,000 household-seasons of 2025-2026 (121 days each) from
// daily values held in memory, against a baseline that only sums every daily value of the same
// data. The data is generated once, deterministically, in a compact layout (4 bytes a day, about
// 480 MB), as a season-end batch would read it from a column store.
//
//   BM_RefundSeasons              rules::RefundTotalFen for every household (the ledger total)
//   BM_RefundSeasonsWithReasons   rules::ComputeRefund: the total and every refunded day's reason
//   *_Baseline                    a plain scan summing every value
// Items are household-seasons.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <limits>
#include <vector>

#include "adapters/policy/policy_loader.hpp"
#include "rules/refund.hpp"

namespace {

using namespace hearth;  // NOLINT

constexpr size_t kHouseholds = 1'000'000;
constexpr int16_t kNoValue = std::numeric_limits<int16_t>::min();
constexpr uint16_t kHouseholdCaused = 0x8000;  // flag bit beside the outage's centihours

const rules::Policy& Weihai() {
  static const rules::Policy p =
      *adapters::policy::LoadPolicyFile(HEARTH_SOURCE_DIR "/policies/weihai.toml");
  return p;
}

struct PackedDay {
  int16_t value;    ///< tenths, kNoValue for none
  uint16_t outage;  ///< centihours | kHouseholdCaused
};

struct Data {
  rules::SeasonDates season;
  size_t days = 0;                    ///< official days
  std::vector<int16_t> outdoor_mean;  ///< by day, the district's (tenths)
  std::vector<int16_t> guarantee;     ///< by household (tenths)
  std::vector<int64_t> fee_fen;       ///< by household
  std::vector<PackedDay> day;         ///< household h, day d at h * days + d
};

// splitmix64: deterministic and fast.
struct Random {
  uint64_t state;
  uint64_t Next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
};

const Data& TheData() {
  static const Data data = [] {
    Data d;
    d.season = rules::SeasonOf(Weihai().season, 2025);
    d.days = static_cast<size_t>(d.season.OfficialDays());
    Random rng{20251115};
    for (size_t i = 0; i < d.days; ++i) {
      d.outdoor_mean.push_back(static_cast<int16_t>(-60 + rng.Below(160)));  // -6.0 … 9.9
    }
    d.guarantee.resize(kHouseholds);
    d.fee_fen.resize(kHouseholds);
    d.day.resize(kHouseholds * d.days);
    for (size_t h = 0; h < kHouseholds; ++h) {
      int kind = rng.Below(100);  // 10 % agreed temperatures: 5 % at 16.0, 5 % at 20.0
      d.guarantee[h] = kind < 5 ? int16_t{160} : kind < 10 ? int16_t{200} : int16_t{180};
      d.fee_fen[h] = 100'000 + rng.Below(500'000);  // 1000.00 … 5999.99 yuan
      int base = 180 + rng.Below(60);               // the flat's usual 18.0 … 23.9
      bool finding = rng.Below(50) == 0;            // 2 %: a household-caused finding
      size_t finding_from = static_cast<size_t>(rng.Below(static_cast<int>(d.days)));
      for (size_t i = 0; i < d.days; ++i) {
        PackedDay& p = d.day[h * d.days + i];
        int roll = rng.Below(1000);
        // About 10 % of days below 18.0, 1 % without a value, 0.5 % with an outage.
        p.value = roll < 10 ? kNoValue : static_cast<int16_t>(base - 25 + rng.Below(50));
        p.outage = roll >= 995 ? static_cast<uint16_t>(100 * (1 + rng.Below(24))) : 0;
        if (finding && i >= finding_from && i < finding_from + 30) p.outage |= kHouseholdCaused;
      }
    }
    return d;
  }();
  return data;
}

// Unpacks one household-season into the rules' input (as a store adapter would).
void Unpack(const Data& d, size_t h, std::vector<rules::RefundDay>& days) {
  const PackedDay* packed = &d.day[h * d.days];
  for (size_t i = 0; i < d.days; ++i) {
    rules::RefundDay& r = days[i];
    r.date = d.season.official_start + std::chrono::days{static_cast<int>(i)};
    r.value =
        packed[i].value == kNoValue ? std::nullopt : std::optional<rules::Tenths>(packed[i].value);
    r.guarantee = d.guarantee[h];
    r.outdoor_mean = d.outdoor_mean[i];
    r.outage = packed[i].outage & ~kHouseholdCaused;
    r.household_caused = (packed[i].outage & kHouseholdCaused) != 0;
  }
}

void BM_RefundSeasons(benchmark::State& state) {
  const Data& d = TheData();
  std::vector<rules::RefundDay> days(d.days);
  int64_t total = 0;
  for (auto _ : state) {
    total = 0;
    for (size_t h = 0; h < kHouseholds; ++h) {
      Unpack(d, h, days);
      total += *rules::RefundTotalFen(Weihai(), d.season, d.fee_fen[h], days);
    }
    benchmark::DoNotOptimize(total);
  }
  state.counters["refund_yuan"] = static_cast<double>(total) / 100;
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(kHouseholds));
}
BENCHMARK(BM_RefundSeasons)->Unit(benchmark::kMillisecond);

void BM_RefundSeasonsWithReasons(benchmark::State& state) {
  const Data& d = TheData();
  std::vector<rules::RefundDay> days(d.days);
  int64_t total = 0;
  int64_t refunded_days = 0;
  for (auto _ : state) {
    total = 0;
    refunded_days = 0;
    for (size_t h = 0; h < kHouseholds; ++h) {
      Unpack(d, h, days);
      auto r = rules::ComputeRefund(Weihai(), d.season, d.fee_fen[h], days);
      total += r->refund_fen;
      refunded_days += static_cast<int64_t>(r->days.size());
    }
    benchmark::DoNotOptimize(total);
  }
  state.counters["refund_yuan"] = static_cast<double>(total) / 100;
  state.counters["refunded_days"] = static_cast<double>(refunded_days);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(kHouseholds));
}
BENCHMARK(BM_RefundSeasonsWithReasons)->Unit(benchmark::kMillisecond);

// The baseline: one pass over the same days, summing every value.
void ScanBaseline(benchmark::State& state) {
  const Data& d = TheData();
  for (auto _ : state) {
    int64_t sum = 0;
    for (const PackedDay& p : d.day) sum += p.value;
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(kHouseholds));
}

void BM_RefundSeasons_Baseline(benchmark::State& state) { ScanBaseline(state); }
BENCHMARK(BM_RefundSeasons_Baseline)->Unit(benchmark::kMillisecond);

void BM_RefundSeasonsWithReasons_Baseline(benchmark::State& state) { ScanBaseline(state); }
BENCHMARK(BM_RefundSeasonsWithReasons_Baseline)->Unit(benchmark::kMillisecond);

}  // namespace

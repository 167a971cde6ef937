// Writing the demo city on PostgreSQL against the same on SQLite (issue 17: every bulk path on
// PostgreSQL within 2x of the same path on SQLite; it took 77 s against 3 s, a round trip or
// three for each of its 160,000 records).
//
//   BM_DemoCityPostgres           sim::GenerateDemoCity, seed 1 (21,250 households with their
//                                 rooms and fees, the network, seasons and everything else of
//                                 `hearth demo`'s city, every record audited, in one
//                                 transaction) into a fresh, migrated database on the benchmarks'
//                                 durable cluster. The demo users are left out: hashing their
//                                 passwords costs the same on both engines. Items: households.
//   BM_DemoCityPostgres_Baseline  the same into a fresh SQLite file (Hearth's pragmas: WAL,
//                                 synchronous=FULL). Items: households.
// Opening and migrating each database is not timed.
#include <benchmark/benchmark.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "app/runtime/runtime.hpp"
#include "bench_database.hpp"
#include "sim/demo_city.hpp"

namespace {

using namespace hearth;  // NOLINT

void WriteCity(benchmark::State& state, bool postgres) {
  int64_t households = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto db = std::make_unique<bench::FreshDatabase>(postgres);
    auto rt = app::runtime::Runtime::Open(
        {db->url, HEARTH_SOURCE_DIR "/policies", app::runtime::DbMode::kRequired});
    if (!rt.ok()) throw std::runtime_error(rt.error().message);
    state.ResumeTiming();
    sim::DemoOptions demo;
    demo.seed = 1;
    auto city = sim::GenerateDemoCity((*rt)->db->records, (*rt)->policies, nullptr, demo);
    if (!city.ok()) throw std::runtime_error(city.error().message);
    households += city->households;
    state.PauseTiming();
    rt->reset();
    db.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(households);
}

void BM_DemoCityPostgres(benchmark::State& state) { WriteCity(state, true); }
void BM_DemoCityPostgres_Baseline(benchmark::State& state) { WriteCity(state, false); }

}  // namespace

BENCHMARK(BM_DemoCityPostgres)->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DemoCityPostgres_Baseline)
    ->Iterations(3)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

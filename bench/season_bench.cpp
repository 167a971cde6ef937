// Judging and refunding a full season of the demo city (issue 5).
//
// Set-up, not timed: the demo city of `hearth demo` (seed 1) in a fresh SQLite database, and its
// whole 2025–26 season from the season simulator (sim/simulation.hpp: every sensor every 10
// minutes, outages, silent sensors, cold spells), every reading through the ingest service in
// process: what `hearth demo` holds at the season's end.
//
//   BM_SeasonJudge            RollupService::RunOnce until no dirty mark is left: every
//                             household-day with readings judged from them (hourly -> room-day ->
//                             household-day, R-TEMP-3) and stored. Items: readings.
//   BM_SeasonJudge_Baseline   one SQL statement over the same readings, averaging them per
//                             (sensor, local day) and writing nothing: the cheapest pass any
//                             judging must make over the evidence. Items: readings.
//   BM_SeasonRefund           RefundLedgerService::Run for the season and every household: one
//                             ledger entry per household with a fee, with its days and evidence
//                             (a re-run replaces the drafts). Items: households.
//   BM_SeasonRefund_Baseline  one SQL statement reading every household with its judged days
//                             (count and sum per household), writing nothing. Items: households.
//
// The same season in a fresh database on the benchmarks' durable PostgreSQL cluster (issue 17:
// every bulk path on PostgreSQL within 2x of SQLite), set up the same way, not timed:
//   BM_SeasonJudgePostgres            as BM_SeasonJudge. Baseline: BM_SeasonJudge_Baseline's
//                                     statement on PostgreSQL.
//   BM_SeasonRefundPostgres           as BM_SeasonRefund. Baseline: BM_SeasonRefund run again on
//                                     the SQLite season (the same path on the other engine).
#include <benchmark/benchmark.h>

#include <iostream>
#include <stdexcept>
#include <string>

#include "app/runtime/runtime.hpp"
#include "bench_database.hpp"
#include "core/civil_time.hpp"
#include "sim/demo_city.hpp"
#include "sim/simulation.hpp"
#include "sim/simulation_sinks.hpp"

namespace {

using namespace hearth;  // NOLINT

constexpr int kSeason = 2025;

struct SeasonFixture {
  bench::FreshDatabase db;
  const std::string& url = db.url;
  std::unique_ptr<app::runtime::Runtime> runtime;
  int64_t readings = 0;
  int64_t households = 0;

  explicit SeasonFixture(bool postgres) : db(postgres) {
    auto made = app::runtime::Runtime::Open(
        {url, HEARTH_SOURCE_DIR "/policies", app::runtime::DbMode::kRequired});
    if (!made.ok()) throw std::runtime_error(made.error().message);
    runtime = std::move(*made);
    app::runtime::Runtime& rt = *runtime;
    sim::DemoOptions demo;
    demo.seed = 1;
    if (!sim::GenerateDemoCity(rt.db->records, rt.policies, &rt.db->auth, demo).ok()) {
      throw std::runtime_error("demo city");
    }
    auto sim = sim::Simulation::Load(rt.db->records, rt.policies, kSeason, {});
    if (!sim.ok()) throw std::runtime_error(sim.error().message);
    sim::InProcessSink sink(rt.db->ingest, rt.db->monitoring);
    auto sent = sim->Run(sink, StartOfLocalDay(sim->first_day()),
                         StartOfLocalDay(sim->last_day() + std::chrono::days{1}));
    if (!sent.ok()) throw std::runtime_error(sent.error().message);
    readings = sent->readings;
    std::cerr << "season bench (" << (postgres ? "PostgreSQL" : "SQLite") << "): the demo city's "
              << kSeason << " season, "
              << sim->sensors() << " sensors, " << readings << " readings, "
              << FormatDate(sim->first_day()) << " to " << FormatDate(sim->last_day()) << "\n";
  }
  ~SeasonFixture() { runtime.reset(); }  // before its database goes
};

SeasonFixture& Fixture() {
  static SeasonFixture f(false);
  return f;
}

SeasonFixture& PostgresFixture() {
  static SeasonFixture f(true);
  return f;
}

void Judge(benchmark::State& state, SeasonFixture& f) {
  int64_t household_days = 0;
  for (auto _ : state) {
    for (;;) {
      auto counts = f.runtime->db->rollups.RunOnce();
      if (!counts.ok()) {
        state.SkipWithError(counts.error().message.c_str());
        return;
      }
      household_days += counts->household_days;
      if (counts->marks == 0) break;
    }
  }
  state.counters["household_days"] = static_cast<double>(household_days);
  state.SetItemsProcessed(f.readings);
}

void GroupReadings(benchmark::State& state, SeasonFixture& f) {
  for (auto _ : state) {
    // Local days are UTC+8: (ts + 28800) / 86400 numbers them.
    if (bench::ScanRows(f.db,
                        "SELECT sensor_id, (ts + 28800) / 86400 AS day, AVG(centi), COUNT(*) "
                        "FROM readings GROUP BY sensor_id, day") < 0) {
      state.SkipWithError("scan failed");
      return;
    }
  }
  state.SetItemsProcessed(f.readings * static_cast<int64_t>(state.iterations()));
}

void Refund(benchmark::State& state, SeasonFixture& f) {
  int64_t households = 0, written = 0;
  for (auto _ : state) {
    auto run = f.runtime->db->refunds.Run(kSeason, ports::Scope{}, "bench");
    if (!run.ok()) {
      state.SkipWithError(run.error().message.c_str());
      return;
    }
    households += run->households;
    written = run->written;
  }
  f.households = households / static_cast<int64_t>(state.iterations());
  state.counters["entries"] = static_cast<double>(written);
  state.SetItemsProcessed(households);
}

void BM_SeasonRefund_Baseline(benchmark::State& state) {
  SeasonFixture& f = Fixture();
  int64_t rows = 0;
  for (auto _ : state) {
    rows = bench::ScanRows(f.db,
                           "SELECT h.id, COUNT(d.day), SUM(d.value_tenths) FROM households h "
                           "LEFT JOIN household_days d ON d.household_id = h.id GROUP BY h.id");
    if (rows < 0) {
      state.SkipWithError("scan failed");
      return;
    }
  }
  state.SetItemsProcessed(rows * static_cast<int64_t>(state.iterations()));
}

void BM_SeasonJudge(benchmark::State& state) { Judge(state, Fixture()); }
void BM_SeasonJudge_Baseline(benchmark::State& state) { GroupReadings(state, Fixture()); }
void BM_SeasonRefund(benchmark::State& state) { Refund(state, Fixture()); }
void BM_SeasonJudgePostgres(benchmark::State& state) { Judge(state, PostgresFixture()); }
void BM_SeasonJudgePostgres_Baseline(benchmark::State& state) {
  GroupReadings(state, PostgresFixture());
}
void BM_SeasonRefundPostgres(benchmark::State& state) { Refund(state, PostgresFixture()); }
void BM_SeasonRefundPostgres_Baseline(benchmark::State& state) { Refund(state, Fixture()); }

// In this order: judging first (the refunds read its household-days); each once or a few times,
// as a season takes seconds, not microseconds.
BENCHMARK(BM_SeasonJudge)->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond);
BENCHMARK(BM_SeasonJudge_Baseline)->Iterations(3)->UseRealTime()->Unit(benchmark::kSecond);
BENCHMARK(BM_SeasonRefund)->Iterations(3)->UseRealTime()->Unit(benchmark::kSecond);
BENCHMARK(BM_SeasonRefund_Baseline)->Iterations(3)->UseRealTime()->Unit(benchmark::kSecond);
BENCHMARK(BM_SeasonJudgePostgres)->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond);
BENCHMARK(BM_SeasonJudgePostgres_Baseline)->Iterations(3)->UseRealTime()->Unit(benchmark::kSecond);
BENCHMARK(BM_SeasonRefundPostgres)->Iterations(3)->UseRealTime()->Unit(benchmark::kSecond);
BENCHMARK(BM_SeasonRefundPostgres_Baseline)
    ->Iterations(3)
    ->UseRealTime()
    ->Unit(benchmark::kSecond);

}  // namespace

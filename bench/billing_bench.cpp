// The billing run at city scale (issue 16: "a bench of the billing run at 1M households against
// a plain multi-row insert of the same fees"; R-BILL-1, R-METER-1, W 9.3).
//
// Set-up, not timed: one company of HEARTH_BENCH_BILLING_HOUSEHOLDS heated households (1,000,000
// by default) in a SQLite file: one in ten billed by meter with its season's reading (one reading
// in ten with a fault, billed by area saying why), one in forty of the class a 30 % relief names;
// the area and meter tariffs. Each iteration starts from a copy of that file (not timed).
//
//   BM_BillingRun           services::BillingService::Run of the 2026 season: every household's
//                           bill computed line by line (rules::ComputeBill: area, base and heat,
//                           the relief) and written in chunks of 2,000, each one transaction of
//                           the fees, the bills, the fees' audit rows and the run's counts.
//                           Items: households billed.
//   BM_BillingRun_Baseline  the same number of fees inserted plainly, as the run's amounts would
//                           be by area: multi-row INSERTs of 1,000 fees, 2,000 a transaction; no
//                           bill, no audit row, nothing computed. Items: fees.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "adapters/storage/sql.hpp"
#include "app/runtime/runtime.hpp"
#include "bench_database.hpp"
#include "model/resources.hpp"
#include "support/test_sensors.hpp"

namespace {

using namespace hearth;  // NOLINT

constexpr int kSeason = 2026;
constexpr int64_t kAreaPriceFen = 2600;  // 26.00 yuan per m² for the season

int64_t Households() {
  const char* n = std::getenv("HEARTH_BENCH_BILLING_HOUSEHOLDS");
  return n ? std::max<int64_t>(1000, std::atoll(n)) : 1'000'000;
}

void Must(const Status& s, const char* what) {
  if (!s.ok()) throw std::runtime_error(std::string(what) + ": " + s.error().message);
}

template <typename T>
Status StatusOf(const Result<T>& r) {
  if (!r.ok()) return r.error();
  return OkStatus();
}

std::unique_ptr<app::runtime::Runtime> Open(const std::string& url) {
  auto rt = app::runtime::Runtime::Open(
      {url, HEARTH_SOURCE_DIR "/policies", app::runtime::DbMode::kRequired});
  if (!rt.ok()) throw std::runtime_error(rt.error().message);
  return std::move(*rt);
}

// The company's households, written once; each iteration copies the file.
struct BillingCity {
  bench::FreshDatabase db{false};
  int64_t company_id = 0;
  int64_t households = 0;

  BillingCity() {
    auto rt = Open(db.url);
    auto& records = rt->db->records;
    support::SensorCity city = support::MakeSensorCity(records, "bill", 0, "sb");
    company_id = city.company_id;
    auto first_home = records.Get(*model::FindResource("households"), city.household_id, {});
    if (!first_home.ok()) throw std::runtime_error(first_home.error().message);
    const int64_t partition = first_home->Int("partition_id").value_or(0);
    auto make = [&](const char* resource, const ports::Fields& f) {
      Must(StatusOf(records.Create(*model::FindResource(resource), f, {}, "bench")), resource);
    };
    make("tariffs", {{"company_id", company_id}, {"name", "居民供暖（按面积）"},
                     {"billing", "area"}, {"price", kAreaPriceFen}, {"valid_from", "2020-01-01"}});
    make("tariffs", {{"company_id", company_id}, {"name", "居民供暖（按热计量）"},
                     {"billing", "meter"}, {"price", int64_t{4500}},
                     {"base_price", int64_t{1000}}, {"valid_from", "2020-01-01"}});
    make("reliefs", {{"company_id", company_id}, {"name", "低保家庭供热费减免"},
                     {"reference", "威政办字（演示）1号"}, {"applies_to", "minimum-living"},
                     {"percent", int64_t{3000}}, {"valid_from", "2026-11-15"},
                     {"valid_to", "2027-03-15"}});
    const int64_t n = Households() - 1;  // MakeSensorCity made one
    constexpr int64_t kChunk = 10'000;
    for (int64_t first = 0; first < n; first += kChunk) {
      std::vector<ports::Fields> rows;
      for (int64_t i = first; i < std::min(n, first + kChunk); ++i) {
        ports::Fields h = {{"company_id", company_id},
                           {"partition_id", partition},
                           {"code", "H" + std::to_string(100000 + i)},
                           {"area_m2", int64_t{6000 + i % 8000}},
                           {"floor", int64_t{1 + i % 6}},
                           {"orientation", i % 2 ? "sun" : "shade"},
                           {"billing", i % 10 == 3 ? "meter" : "area"},
                           {"heating_status", "heated"}};
        if (i % 40 == 7) h["assistance"] = "minimum-living";
        rows.push_back(std::move(h));
      }
      Must(records.Transact([&](ports::RecordTransaction& tx) -> Status {
        auto made = tx.CreateMany(*model::FindResource("households"), rows, {}, "bench");
        if (!made.ok()) return made.error();
        std::vector<ports::Fields> readings;
        for (const ports::Record& h : *made) {
          if (h.Text("billing") != "meter") continue;
          readings.push_back({{"household_id", h.id},
                              {"season", int64_t{kSeason}},
                              {"heat", int64_t{1000 + h.id % 3000}},
                              {"read_on", "2027-03-16"},
                              {"fault", h.id % 100 < 10 ? "damaged" : "none"}});
        }
        return StatusOf(
            tx.CreateMany(*model::FindResource("meter_readings"), readings, {}, "bench"));
      }),
           "households");
    }
    households = n + 1;
    rt.reset();  // closes every connection: the WAL is checkpointed into the file
    std::cerr << "billing bench: one company of " << households << " heated households\n";
  }
};

BillingCity& City() {
  static BillingCity city;
  return city;
}

// A copy of the city's file, removed with the object.
struct CityCopy {
  bench::FreshDatabase db{false};
  CityCopy() { std::filesystem::copy_file(City().db.url, db.url); }
};

void BM_BillingRun(benchmark::State& state) {
  int64_t billed = 0;
  for (auto _ : state) {
    state.PauseTiming();
    CityCopy copy;
    auto rt = Open(copy.db.url);
    const services::OrderActor admin{"bench", rules::Role::kAdmin, {}};
    state.ResumeTiming();
    auto run = rt->db->billing.Run({City().company_id, kSeason, std::nullopt}, admin);
    if (!run.ok()) throw std::runtime_error(run.error().message);
    billed += run->issued;
    state.PauseTiming();
    if (run->issued != City().households) throw std::runtime_error("not every household billed");
    rt.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(billed);
}

void BM_BillingRun_Baseline(benchmark::State& state) {
  int64_t written = 0;
  for (auto _ : state) {
    state.PauseTiming();
    CityCopy copy;
    auto opened = adapters::storage::Connect(copy.db.url);
    if (!opened.ok()) throw std::runtime_error(opened.error().message);
    adapters::storage::Connection& conn = **opened;
    auto ids = conn.Query("SELECT id, area_m2 FROM households ORDER BY id", {});
    if (!ids.ok()) throw std::runtime_error(ids.error().message);
    state.ResumeTiming();
    const size_t n = ids->rows.size();
    constexpr size_t kRows = 1000, kPerTransaction = 2000;
    for (size_t first = 0; first < n; first += kPerTransaction) {
      Must(adapters::storage::InTransaction(conn, [&]() -> Status {
        for (size_t from = first; from < std::min(n, first + kPerTransaction); from += kRows) {
          const size_t to = std::min({n, first + kPerTransaction, from + kRows});
          std::vector<adapters::storage::Value> params;
          params.reserve((to - from) * 4);
          for (size_t i = from; i < to; ++i) {
            params.emplace_back(ids->Int(i, 0));
            params.emplace_back(int64_t{kSeason});
            params.emplace_back((ids->Int(i, 1) * kAreaPriceFen + 50) / 100);
            params.emplace_back(std::string("2026-11-15"));
          }
          std::string sql = "INSERT INTO fees (household_id, season, amount, due_on) VALUES ";
          for (size_t row = 0; row < to - from; ++row) {
            sql += (row ? ",(" : "(") + adapters::storage::Placeholders(row * 4 + 1, 4) + ")";
          }
          auto ins = conn.Query(sql, params);
          if (!ins.ok()) return ins.error();
        }
        return OkStatus();
      }),
           "fees");
    }
    written += static_cast<int64_t>(n);
  }
  state.SetItemsProcessed(written);
}

}  // namespace

BENCHMARK(BM_BillingRun)->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BillingRun_Baseline)->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);

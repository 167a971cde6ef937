// Memory per 10,000 sensors (issue 5), of a real `hearth serve` process on SQLite.
//
//   BM_ServeMemory/N   a city of N households, each with one room and one sensor. The server
//                      takes one day of readings from every sensor (every 10 minutes: 144 each)
//                      over HTTP in batches of 5,000, and rolls up their household-days (its
//                      background worker) until no dirty mark is left. Reported, from
//                      /proc/PID/status:
//                        peak_MiB            VmHWM, the most the process held at any time
//                        peak_MiB_Baseline   VmRSS of the same server on the same database before
//                                            the first reading: the cost of serving at all
//                        after_MiB           VmRSS once the day is judged
// The summary prints peak_MiB against its baseline; the memory a further 10,000 sensors cost is
// the difference between runs at different N (10,000, 20,000, 40,000; docs/benchmarks.md).
#include <benchmark/benchmark.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "adapters/storage/migrations.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "adapters/storage/sql.hpp"
#include "core/civil_time.hpp"
#include "support/test_client.hpp"
#include "support/test_process.hpp"

namespace {

using namespace hearth;  // NOLINT

constexpr int64_t kDay = 1764518400;  // 2025-12-01T00:00:00+08:00
constexpr int kPerSensor = 144;
constexpr int kBatch = 5000;

// N households with a room and a sensor each (codes M-0 … M-(N-1)), in one company.
void MakeCity(const std::string& db, int n) {
  auto conn = adapters::storage::Connect(db);
  if (!conn.ok() || !adapters::storage::Migrate(**conn).ok()) throw std::runtime_error("migrate");
  adapters::storage::SqlRecordStore records(std::move(*conn));
  auto make = [&](const char* resource, const ports::Fields& fields) {
    auto rec = records.Create(*model::FindResource(resource), fields, {}, "bench");
    if (!rec.ok()) throw std::runtime_error(std::string(resource) + ": " + rec.error().detail);
    return rec->id;
  };
  int64_t d =
      make("districts", {{"code", "d"}, {"name", "D"}, {"city", "威海市"}, {"policy", "weihai"}});
  int64_t c = make("companies", {{"code", "c1"}, {"name", "C"}, {"policy", "weihai"}});
  int64_t src =
      make("heat_sources", {{"company_id", c}, {"code", "hs"}, {"name", "p"}, {"kind", "chp"}});
  int64_t sec = make("network_sections",
                     {{"company_id", c}, {"heat_source_id", src}, {"code", "n"}, {"name", "n"}});
  int64_t sub =
      make("substations",
           {{"company_id", c}, {"network_section_id", sec}, {"code", "s"}, {"name", "s"}});
  int64_t b = make("buildings", {{"company_id", c},
                                 {"district_id", d},
                                 {"substation_id", sub},
                                 {"code", "B"},
                                 {"community", "X"},
                                 {"floors", int64_t{30}}});
  int64_t p = make("partitions", {{"company_id", c}, {"building_id", b}, {"code", "U1"}});
  for (int i = 0; i < n; ++i) {
    int64_t h = make("households", {{"company_id", c},
                                    {"partition_id", p},
                                    {"code", "H-" + std::to_string(i)},
                                    {"area_m2", int64_t{8555}},
                                    {"floor", int64_t{1 + i % 30}},
                                    {"orientation", "sun"},
                                    {"billing", "area"},
                                    {"heating_status", "heated"}});
    int64_t room = make("rooms", {{"household_id", h}, {"name", "主卧"}, {"kind", "bedroom"}});
    make("sensors", {{"code", "M-" + std::to_string(i)}, {"room_id", room}});
  }
}

int64_t StatusKiB(pid_t pid, const std::string& field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::stoll(line.substr(field.size() + 1));
  }
  return -1;
}

int64_t DirtyMarks(const std::string& db) {
  auto conn = adapters::storage::Connect(db, false);
  if (!conn.ok()) return -1;
  auto n = (*conn)->Query("SELECT COUNT(*) FROM dirty_sensor_days");
  return n.ok() ? n->Int(0, 0) : -1;
}

void BM_ServeMemory(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  support::TempDir dir;
  const std::string db = dir / "h.db";
  MakeCity(db, n);
  auto add = support::RunHearth({"user", "add", "--db", db, "--username", "gw", "--password",
                                 "bench-password", "--role", "admin"});
  if (add.exit_code != 0) {
    state.SkipWithError(("user add: " + add.err).c_str());
    return;
  }
  const uint16_t port = support::FreePort();
  support::ServerProcess server({"serve", "--init", "--db", db, "--listen",
                                 "127.0.0.1:" + std::to_string(port), "--policies",
                                 HEARTH_SOURCE_DIR "/policies"});
  bool up = false;
  for (int i = 0; i < 400 && !up; ++i) {
    try {
      up = support::Fetch(port, "GET", "/healthz").status == 200;
    } catch (const std::exception&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
  }
  if (!up) {
    state.SkipWithError("hearth serve did not start");
    return;
  }
  auto login = support::Fetch(port, "POST", "/api/v1/auth/login",
                              R"({"username":"gw","password":"bench-password"})");
  const std::string bearer =
      support::Bearer(nlohmann::json::parse(login.body, nullptr, false).value("token", ""));
  std::this_thread::sleep_for(std::chrono::seconds(1));  // settled
  const int64_t idle_kib = StatusKiB(server.pid(), "VmRSS");

  for (auto _ : state) {
    // Sensor-major batches: a collector uploading its sensors' day.
    std::string body = "[";
    int in_body = 0;
    auto send = [&]() -> bool {
      auto res = support::Fetch(port, "POST", "/api/v1/readings", body + "]", bearer);
      body = "[";
      in_body = 0;
      return res.status == 200;
    };
    for (int s = 0; s < n; ++s) {
      for (int k = 0; k < kPerSensor; ++k) {
        if (in_body > 0) body += ',';
        int centi = 1800 + (s * 7 + k * 3) % 400;
        body += "{\"sensor\":\"M-" + std::to_string(s) + "\",\"ts\":\"" +
                FormatLocal(Instant{std::chrono::seconds{kDay + k * 600}}) +
                "\",\"value\":" + std::to_string(centi / 100) + "." +
                std::to_string(centi % 100 / 10) + std::to_string(centi % 10) + "}";
        if (++in_body == kBatch && !send()) {
          state.SkipWithError("a batch was refused");
          return;
        }
      }
    }
    if (in_body > 0 && !send()) {
      state.SkipWithError("a batch was refused");
      return;
    }
    // The server's rollup worker judges the day (every 3 s, in rounds).
    for (int i = 0; i < 600 && DirtyMarks(db) != 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (DirtyMarks(db) != 0) {
      state.SkipWithError("the rollups did not finish within a minute");
      return;
    }
  }
  const double mib = 1024.0;
  state.counters["peak_MiB"] = static_cast<double>(StatusKiB(server.pid(), "VmHWM")) / mib;
  state.counters["peak_MiB_Baseline"] = static_cast<double>(idle_kib) / mib;
  state.counters["after_MiB"] = static_cast<double>(StatusKiB(server.pid(), "VmRSS")) / mib;
  state.counters["sensors"] = n;
}

BENCHMARK(BM_ServeMemory)
    ->Arg(10000)
    ->Arg(20000)
    ->Arg(40000)
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kSecond);

}  // namespace

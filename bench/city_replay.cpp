// `make bench-city` (issue 17): a season of a whole city, end to end, on one machine.
//
//   1. city     the demo city's generator (sim/demo_city.hpp) at --households households (about
//               one sensor per 20), in a fresh database of --engine (sqlite, or postgres: the
//               benchmarks' own durable cluster).
//   2. replay   the season simulator (cold buildings, outages, silent sensors, cold spells) over
//               --days days from the season's first, one reading per sensor every 10 minutes,
//               POSTed to the real API served in process on loopback (router, auth, decoder,
//               ingest service, reading store) in batches of --batch-sensors sensors × the
//               readings of a --window-minutes window, on --connections keep-alive connections,
//               to a server of --server-threads threads (0: one per core, as `hearth serve`).
//               The rate counts the time spent sending and waiting for the answers only, not
//               the simulator's own. Every answer must accept its whole batch, and the readings
//               stored must equal those acknowledged.
//               Baseline: raw inserts of the same rows (the first 2 million, cut into batches
//               as they were sent: by window, then by sensor id) into a bare readings table
//               with the same key, one transaction per batch: prepared single-row INSERTs with
//               Hearth's pragmas (synchronous=FULL) on SQLite, COPY on PostgreSQL.
//   3. judge    RollupService::RunOnce until no dirty mark is left (R-TEMP-3). Baseline: one
//               GROUP BY (sensor, local day) over the same readings, writing nothing.
//   4. ledger   RefundLedgerService::Run for the season and every household. Baseline: one
//               SELECT of every household with the count and sum of its judged days.
// It ends with the peak memory (resident) and the database's size, and deletes its databases.
#include <libpq-fe.h>
#include <sqlite3.h>
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <utility>

#include "adapters/http/server.hpp"
#include "adapters/storage/sql.hpp"
#include "app/http/api.hpp"
#include "app/runtime/runtime.hpp"
#include "bench_database.hpp"
#include "core/civil_time.hpp"
#include "sim/demo_city.hpp"
#include "sim/simulation.hpp"

namespace {

using namespace hearth;  // NOLINT
using Clock = std::chrono::steady_clock;

constexpr int kSeason = 2025;
constexpr int64_t kBaselineRows = 2'000'000;

double Since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

[[noreturn]] void Fail(const std::string& what, const Error& e) {
  throw std::runtime_error(what + ": " + e.message + " " + e.detail);
}

void Row(const char* stage, double seconds, double items, const char* unit, const char* baseline,
         double baseline_seconds, double baseline_items) {
  const double rate = items / seconds;
  std::printf("| %s | %.1f s | %.0f %s/s |", stage, seconds, rate, unit);
  if (baseline_seconds > 0) {
    const double base = baseline_items / baseline_seconds;
    std::printf(" %s: %.0f %s/s | %.3f |\n", baseline, base, unit, rate / base);
  } else {
    std::printf(" %s | |\n", baseline);
  }
  std::fflush(stdout);
}

double PeakMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

// Sends each window's readings (grouped by sensor) as POST /api/v1/readings batches of
// `sensors` sensors, on `connections` keep-alive connections at once.
class HttpBatches final : public sim::SimulationSink {
 public:
  HttpBatches(uint16_t port, std::string token, int sensors, int connections,
              ports::MonitoringStore& monitoring)
      : token_(std::move(token)), sensors_(sensors), monitoring_(monitoring) {
    buffers_.resize(static_cast<size_t>(connections));
    for (int c = 0; c < connections; ++c) {
      streams_.emplace_back(io_);
      streams_.back().connect({boost::asio::ip::make_address("127.0.0.1"), port});
    }
  }

  Status SendReadings(const std::vector<ports::IncomingReading>& readings) override {
    const auto t0 = Clock::now();
    size_t begin = 0;
    while (begin < readings.size()) {
      size_t used = 0;
      for (; used < streams_.size() && begin < readings.size(); ++used) {
        const size_t end = BatchEnd(readings, begin);
        Write(used, readings, begin, end);
        sent += static_cast<int64_t>(end - begin);
        begin = end;
      }
      for (size_t c = 0; c < used; ++c) {
        if (auto s = Read(c); !s.ok()) return s;
      }
    }
    sending_seconds += Since(t0);
    return OkStatus();
  }
  Status SendOutdoorMeans(const std::vector<ports::OutdoorMean>& means) override {
    return monitoring_.PutOutdoorMeans(means, "bench-weather");
  }

  int64_t sent = 0, accepted = 0, batches = 0;
  double sending_seconds = 0;

 private:
  size_t BatchEnd(const std::vector<ports::IncomingReading>& r, size_t begin) const {
    int seen = 1;
    size_t end = begin + 1;
    for (; end < r.size(); ++end) {
      if (r[end].sensor != r[end - 1].sensor && ++seen > sensors_) break;
    }
    return end;
  }

  void Write(size_t c, const std::vector<ports::IncomingReading>& r, size_t begin, size_t end) {
    namespace bhttp = boost::beast::http;
    std::string body = "[";
    for (size_t i = begin; i < end; ++i) {
      if (i > begin) body += ',';
      body += "{\"sensor\":\"" + r[i].sensor + "\",\"ts\":\"" + r[i].ts +
              "\",\"value\":" + r[i].value + "}";
    }
    body += ']';
    bhttp::request<bhttp::string_body> req{bhttp::verb::post, "/api/v1/readings", 11};
    req.set(bhttp::field::host, "127.0.0.1");
    req.set(bhttp::field::authorization, "Bearer " + token_);
    req.set(bhttp::field::content_type, "application/json");
    req.keep_alive(true);
    req.body() = std::move(body);
    req.prepare_payload();
    bhttp::write(streams_[c], req);
    ++batches;
  }

  Status Read(size_t c) {
    namespace bhttp = boost::beast::http;
    bhttp::response<bhttp::string_body> res;
    bhttp::read(streams_[c], buffers_[c], res);
    auto j = nlohmann::json::parse(res.body(), nullptr, false);
    if (res.result_int() != 200 || !j.is_object() || !j["accepted"].is_number_integer()) {
      return Error::Internal("the server answered " + std::to_string(res.result_int()) + ": " +
                             res.body().substr(0, 300));
    }
    accepted += j["accepted"].get<int64_t>();
    return OkStatus();
  }

  boost::asio::io_context io_;
  std::vector<boost::beast::tcp_stream> streams_;
  std::vector<boost::beast::flat_buffer> buffers_;
  std::string token_;
  int sensors_;
  ports::MonitoringStore& monitoring_;
};

int64_t One(const bench::FreshDatabase& db, const std::string& sql) {
  auto conn = adapters::storage::Connect(db.url, false);
  if (!conn.ok()) Fail("connect", conn.error());
  auto rows = (*conn)->Query(sql);
  if (!rows.ok()) Fail(sql, rows.error());
  return rows->Int(0, 0);
}

struct RawRow {
  int64_t sensor, ts, centi;
};

// Where each of the replay's batches of `rows` ends: a new window, or one sensor more than
// `sensors`, as HttpBatches cut them (rows come by window, then sensor).
std::vector<size_t> BatchEnds(const std::vector<RawRow>& rows, int window_minutes, int sensors) {
  std::vector<size_t> ends;
  const int64_t w = int64_t{window_minutes} * 60;
  int seen = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    const bool new_window = i > 0 && (rows[i].ts + 28800) / w != (rows[i - 1].ts + 28800) / w;
    const bool new_sensor = i == 0 || rows[i].sensor != rows[i - 1].sensor;
    if (new_window || (new_sensor && seen == sensors)) {
      ends.push_back(i);
      seen = 0;
    }
    if (new_sensor || new_window) ++seen;
  }
  ends.push_back(rows.size());
  return ends;
}

// The baseline of the replay: `rows` inserted raw, one transaction per batch (`ends`).
double RawInserts(const bench::FreshDatabase& db, const std::vector<RawRow>& rows,
                  const std::vector<size_t>& ends) {
  if (db.dir.empty()) {
    PGconn* pg = PQconnectdb(db.url.c_str());
    auto exec = [pg](const char* sql) { PQclear(PQexec(pg, sql)); };
    exec("CREATE TABLE readings_raw (sensor_id BIGINT NOT NULL, ts BIGINT NOT NULL, "
         "centi INTEGER NOT NULL, PRIMARY KEY (sensor_id, ts))");
    const auto t1 = Clock::now();
    size_t b = 0;
    for (size_t end : ends) {
      PQclear(PQexec(pg, "COPY readings_raw FROM STDIN"));
      std::string text;
      for (size_t i = std::exchange(b, end); i < end; ++i) {
        text += std::to_string(rows[i].sensor) + '\t' + std::to_string(rows[i].ts) + '\t' +
                std::to_string(rows[i].centi) + '\n';
      }
      PQputCopyData(pg, text.data(), static_cast<int>(text.size()));
      PQputCopyEnd(pg, nullptr);
      PQclear(PQgetResult(pg));
    }
    const double took = Since(t1);
    exec("DROP TABLE readings_raw");
    PQfinish(pg);
    return took;
  }
  const std::string file = db.dir + "/raw.db";
  sqlite3* raw = nullptr;
  sqlite3_open(file.c_str(), &raw);
  sqlite3_exec(raw,
               "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE readings "
               "(sensor_id INTEGER NOT NULL, ts INTEGER NOT NULL, centi INTEGER NOT NULL, "
               "PRIMARY KEY (sensor_id, ts)) WITHOUT ROWID",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(raw, "INSERT INTO readings VALUES (?, ?, ?)", -1, &insert, nullptr);
  const auto t0 = Clock::now();
  size_t b = 0;
  for (size_t end : ends) {
    sqlite3_exec(raw, "BEGIN", nullptr, nullptr, nullptr);
    for (size_t i = std::exchange(b, end); i < end; ++i) {
      sqlite3_bind_int64(insert, 1, rows[i].sensor);
      sqlite3_bind_int64(insert, 2, rows[i].ts);
      sqlite3_bind_int64(insert, 3, rows[i].centi);
      sqlite3_step(insert);
      sqlite3_reset(insert);
    }
    sqlite3_exec(raw, "COMMIT", nullptr, nullptr, nullptr);
  }
  const double took = Since(t0);
  sqlite3_finalize(insert);
  sqlite3_close(raw);
  std::filesystem::remove(file);
  std::filesystem::remove(file + "-wal");
  std::filesystem::remove(file + "-shm");
  return took;
}

// The first readings of the replay, in the order it sent them: window by window, then by sensor
// (local windows: UTC+8).
std::vector<RawRow> FirstRows(const bench::FreshDatabase& db, int window_minutes) {
  auto conn = adapters::storage::Connect(db.url, false);
  if (!conn.ok()) Fail("connect", conn.error());
  auto rows = (*conn)->Query("SELECT sensor_id, ts, centi FROM readings ORDER BY (ts + 28800) / " +
                             std::to_string(window_minutes * 60) + ", sensor_id, ts LIMIT " +
                             std::to_string(kBaselineRows));
  if (!rows.ok()) Fail("the baseline's rows", rows.error());
  std::vector<RawRow> out;
  out.reserve(rows->rows.size());
  for (size_t r = 0; r < rows->rows.size(); ++r) {
    out.push_back({rows->Int(r, 0), rows->Int(r, 1), rows->Int(r, 2)});
  }
  return out;
}

struct Options {
  int64_t households = 1'000'000;
  int days = 121;
  std::string engine = "sqlite";
  int batch_sensors = 500;
  int window_minutes = 10;
  int connections = 2;
  unsigned server_threads = 0;  // 0: one per core, as `hearth serve`
};

int Replay(const Options& o) {
  bench::FreshDatabase db(o.engine == "postgres");
  auto made = app::runtime::Runtime::Open(
      {db.url, HEARTH_SOURCE_DIR "/policies", app::runtime::DbMode::kRequired, {1, 1024, 1}});
  if (!made.ok()) Fail("open", made.error());
  app::runtime::Runtime& rt = **made;
  std::printf("# a season of a city on %s: %lld households wanted, %d days\n\n", o.engine.c_str(),
              static_cast<long long>(o.households), o.days);
  std::printf("| stage | time | rate | baseline | ratio |\n|---|---|---|---|---|\n");

  sim::DemoOptions demo;
  demo.season = kSeason;
  demo.min_households = o.households;
  auto t0 = Clock::now();
  auto city = sim::GenerateDemoCity(rt.db->records, rt.policies, nullptr, demo);
  if (!city.ok()) Fail("the city", city.error());
  Row("city", Since(t0), static_cast<double>(city->households), "households", "-", 0, 0);

  const std::string password = "replayed season, measured stage by stage";
  if (auto user = rt.db->auth.AddUser({"city-bench", password, "admin", {}, {}}); !user.ok()) {
    Fail("the bench's user", user.error());
  }
  auto login = rt.db->auth.Login("city-bench", password);
  if (!login.ok()) Fail("the bench's login", login.error());
  const std::string token = login->token;
  adapters::http::Router router;
  app::http::AddApiRoutes(router, rt);
  adapters::http::ServerOptions server_options;
  server_options.port = 0;
  server_options.threads = o.server_threads;
  adapters::http::Server server(server_options, router);
  if (auto s = server.Start(); !s.ok()) Fail("the server", s.error());

  auto sim = sim::Simulation::Load(rt.db->records, rt.policies, kSeason, {});
  if (!sim.ok()) Fail("the simulator", sim.error());
  HttpBatches sink(server.port(), token, o.batch_sensors, o.connections, rt.db->monitoring);
  const Date first = sim->first_day();
  t0 = Clock::now();
  auto sent = sim->Run(sink, StartOfLocalDay(first),
                       StartOfLocalDay(first + std::chrono::days{o.days}),
                       std::chrono::minutes{o.window_minutes});
  if (!sent.ok()) Fail("the replay", sent.error());
  const double replay_wall = Since(t0);
  server.Stop();
  const int64_t stored = One(db, "SELECT COUNT(*) FROM readings");
  if (sink.accepted != sink.sent || stored != sink.accepted) {
    std::fprintf(stderr, "readings sent %lld, acknowledged %lld, stored %lld\n",
                 static_cast<long long>(sink.sent), static_cast<long long>(sink.accepted),
                 static_cast<long long>(stored));
    return 1;
  }
  const auto raw = FirstRows(db, o.window_minutes);
  const double raw_seconds =
      RawInserts(db, raw, BatchEnds(raw, o.window_minutes, o.batch_sensors));
  Row("replay over HTTP", sink.sending_seconds, static_cast<double>(sink.sent), "readings",
      "raw inserts of the same rows", raw_seconds, static_cast<double>(raw.size()));
  std::printf("|  | %lld readings from %lld sensors in %lld batches; %.1f s with the "
              "simulator's own time | | | |\n",
              static_cast<long long>(sink.sent), static_cast<long long>(sim->sensors()),
              static_cast<long long>(sink.batches), replay_wall);

  t0 = Clock::now();
  for (;;) {
    auto counts = rt.db->rollups.RunOnce();
    if (!counts.ok()) Fail("judging", counts.error());
    if (counts->marks == 0) break;
  }
  const double judge = Since(t0);
  t0 = Clock::now();
  if (bench::ScanRows(db,
                      "SELECT sensor_id, (ts + 28800) / 86400 AS day, AVG(centi), COUNT(*) "
                      "FROM readings GROUP BY sensor_id, day") < 0) {
    throw std::runtime_error("the GROUP BY baseline failed");
  }
  Row("judge", judge, static_cast<double>(stored), "readings", "GROUP BY (sensor, day)",
      Since(t0), static_cast<double>(stored));

  t0 = Clock::now();
  auto run = rt.db->refunds.Run(kSeason, ports::Scope{}, "bench");
  if (!run.ok()) Fail("the ledger", run.error());
  const double ledger = Since(t0);
  t0 = Clock::now();
  const int64_t rows =
      bench::ScanRows(db,
                      "SELECT h.id, COUNT(d.day), SUM(d.value_tenths) FROM households h "
                      "LEFT JOIN household_days d ON d.household_id = h.id GROUP BY h.id");
  Row("ledger", ledger, static_cast<double>(run->households), "households",
      "SELECT of the judged days", Since(t0), static_cast<double>(rows));

  const double bytes =
      db.dir.empty()
          ? static_cast<double>(One(db, "SELECT pg_database_size(current_database())"))
          : static_cast<double>(std::filesystem::file_size(db.url));
  std::printf("\npeak memory %.0f MiB; database %.2f GiB\n", PeakMiB(), bytes / (1 << 30));
  made->reset();  // before its database goes
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{"hearth_city_bench: a season of a city, replayed, judged and refunded"};
  app.add_option("--households", o.households, "households in the city")
      ->check(CLI::Range(int64_t{1000}, int64_t{5'000'000}));
  app.add_option("--days", o.days, "days of the season replayed")->check(CLI::Range(1, 121));
  app.add_option("--engine", o.engine, "sqlite or postgres")
      ->check(CLI::IsMember({"sqlite", "postgres"}));
  app.add_option("--batch-sensors", o.batch_sensors, "sensors per POST")
      ->check(CLI::Range(1, 5000));
  app.add_option("--window-minutes", o.window_minutes, "minutes of readings per sensor per POST")
      ->check(CLI::Range(10, 1440));
  app.add_option("--connections", o.connections, "keep-alive connections sending at once")
      ->check(CLI::Range(1, 64));
  app.add_option("--server-threads", o.server_threads,
                 "the HTTP server's threads (0: one per core, as hearth serve)")
      ->check(CLI::Range(0u, 64u));
  CLI11_PARSE(app, argc, argv);
  try {
    return Replay(o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "hearth_city_bench: %s\n", e.what());
    return 1;
  }
}

// Readings per second over HTTP into SQLite (issue 5: at least 1,000,000/s, and at least 60% of
// raw prepared SQLite inserts of the same rows), and into PostgreSQL (against COPY).
//
//   BM_IngestHttpSqlite/S/C        POST /api/v1/readings with JSON batches of 5000 readings to the
//                                  real API (router, auth, decoder, ingest service, reading
//                                  store) served in process by the HTTP server on loopback; each
//                                  answer comes after the batch is committed. S: sensors per
//                                  batch (each sends 5000/S consecutive minutes: 50 is a
//                                  building's gateway uploading its buffer, 500 a district's
//                                  collector). C: batches sent at once, each on its own
//                                  keep-alive connection.
//   BM_IngestHttpSqlite_Baseline/S/C   the same rows into the same schema with the same pragmas,
//                                  by a prepared single-row INSERT, one transaction per batch
//                                  (C batches per iteration, one after the other): the ceiling of
//                                  SQLite itself on this machine.
//   BM_IngestHttpPostgres/S/C      the same requests to the API on PostgreSQL 15 (a cluster this
//                                  benchmark starts, durable: fsync, synchronous_commit and
//                                  full_page_writes on, as in production).
//   BM_SqliteCommitFull/R          raw prepared inserts of R readings per transaction with
//                                  synchronous=FULL (Hearth's setting since issue 12: the WAL is
//                                  fsynced at every commit, so an acknowledged reading survives a
//                                  power failure). R = 50 is a sensor's small batch, 5000 a
//                                  gateway's.
//   BM_SqliteCommitFull_Baseline/R the same with synchronous=NORMAL (the setting before): the
//                                  ratio is the price of durability per commit.
//   BM_IngestHttpPostgres_Baseline/S/C   the same rows by `COPY readings FROM STDIN`, one COPY
//                                  per batch, on another database of the same cluster: the
//                                  fastest way into PostgreSQL (no duplicate check, no dirty
//                                  marks for the rollups).
// Items are readings. Every batch holds new (sensor, ts) keys, so every reading is inserted. The
// batch shape matters more than anything else: with the (sensor, ts) key, a batch costs about one
// B-tree leaf per sensor it names.
#include <benchmark/benchmark.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <atomic>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <filesystem>
#include <map>
#include <tuple>

#include "adapters/http/server.hpp"
#include "adapters/storage/migrations.hpp"
#include "adapters/storage/reading_partitions.hpp"
#include "adapters/storage/reading_store_sql.hpp"
#include "app/http/api.hpp"
#include "app/runtime/runtime.hpp"
#include "bench_database.hpp"
#include "support/test_sensors.hpp"

namespace {

using namespace hearth;  // NOLINT

constexpr int kBatch = 5000;
constexpr int kMaxSensors = 500;
constexpr int64_t kT0 = 1764547200;  // 2025-12-01T08:00:00+08:00

std::string TempDirPath() {
  char tmpl[] = "/tmp/hearth-bench-ingest-XXXXXX";
  return mkdtemp(tmpl);
}

// A batch of `sensors` sensors × kBatch/sensors consecutive minutes from `first_minute`,
// sensor-major (as a gateway holds its buffer). Values depend on (sensor, minute in the batch).
struct Row {
  int sensor;
  int64_t ts;
  int centi;
};
std::vector<Row> BatchRows(int sensors, int64_t first_minute) {
  const int minutes = kBatch / sensors;
  std::vector<Row> rows;
  rows.reserve(kBatch);
  for (int s = 0; s < sensors; ++s) {
    for (int m = 0; m < minutes; ++m) {
      rows.push_back({s, kT0 + (first_minute + m) * 60, 1500 + (m * 7 + s) % 900});
    }
  }
  return rows;
}

// The JSON of a batch: a template (first minute 0) with its times overwritten in place, so that
// making a body costs little beside what is measured.
class BatchJson {
 public:
  explicit BatchJson(int sensors) : minutes_(kBatch / sensors) {
    body_ = "[";
    for (const Row& r : BatchRows(sensors, 0)) {
      if (body_.size() > 1) body_ += ',';
      body_ += "{\"sensor\":\"S-" + std::to_string(r.sensor) + "\",\"ts\":\"";
      ts_at_.push_back({body_.size(), static_cast<int>((r.ts - kT0) / 60)});
      body_ += FormatLocal(Instant{std::chrono::seconds{r.ts}}) +
               "\",\"value\":" + std::to_string(r.centi / 100) + "." +
               std::to_string(r.centi % 100 / 10) + std::to_string(r.centi % 10) + "}";
    }
    body_ += "]";
  }
  std::string Of(int64_t first_minute) const {
    std::string body = body_;
    std::vector<std::string> times;
    for (int m = 0; m < minutes_; ++m) {
      times.push_back(FormatLocal(Instant{std::chrono::seconds{kT0 + (first_minute + m) * 60}}));
    }
    for (const auto& [at, minute] : ts_at_) {
      const std::string& t = times[static_cast<size_t>(minute)];
      body.replace(at, t.size(), t);
    }
    return body;
  }

 private:
  int minutes_;
  std::string body_;
  std::vector<std::pair<size_t, int>> ts_at_;  // offset of each time, its minute in the batch
};

const BatchJson& JsonOf(int sensors) {
  static std::map<int, BatchJson> cache;  // benchmarks run one at a time
  return cache.try_emplace(sensors, sensors).first->second;
}

using hearth::bench::Postgres;  // durable (see above)

// The API served in process, on a fresh database (SQLite in a temporary directory, or a new
// PostgreSQL database) with kMaxSensors sensors.
struct HttpFixture {
  std::string dir = TempDirPath();
  std::unique_ptr<app::runtime::Runtime> runtime;
  adapters::http::Router router;
  std::unique_ptr<adapters::http::Server> server;
  std::string token;
  int64_t next_minute = 0;  // every batch takes minutes never sent before

  explicit HttpFixture(const std::string& db_url) {
    // One log-in: its hashing cost is not what is measured.
    auto made = app::runtime::Runtime::Open(
        {db_url, HEARTH_SOURCE_DIR "/policies", app::runtime::DbMode::kRequired, {1, 1024, 1}});
    if (!made.ok()) throw std::runtime_error(made.error().message);
    runtime = std::move(*made);
    app::runtime::Runtime& rt = *runtime;
    support::MakeSensorCity(rt.db->records, "c1", kMaxSensors, "S-");
    if (!rt.db->auth.AddUser({"gw", "bench-password", "admin", std::nullopt, std::nullopt}).ok()) {
      throw std::runtime_error("add user");
    }
    token = rt.db->auth.Login("gw", "bench-password")->token;
    app::http::AddApiRoutes(router, rt);
    adapters::http::ServerOptions options;
    options.port = 0;
    server = std::make_unique<adapters::http::Server>(options, router);
    if (!server->Start().ok()) throw std::runtime_error("server start");
  }
  ~HttpFixture() {
    server->Stop();
    std::filesystem::remove_all(dir);
  }
};

void IngestHttp(benchmark::State& state, HttpFixture& f) {
  const int sensors = static_cast<int>(state.range(0));
  const BatchJson& json = JsonOf(sensors);
  namespace bhttp = boost::beast::http;
  const auto connections = static_cast<size_t>(state.range(1));
  boost::asio::io_context io;
  std::vector<boost::beast::tcp_stream> streams;
  std::vector<boost::beast::flat_buffer> buffers(connections);
  for (size_t c = 0; c < connections; ++c) {
    streams.emplace_back(io);
    streams.back().connect({boost::asio::ip::make_address("127.0.0.1"), f.server->port()});
  }
  const std::string expect = "{\"accepted\":" + std::to_string(kBatch) + ",";
  int64_t readings = 0;
  for (auto _ : state) {
    for (size_t c = 0; c < connections; ++c) {
      bhttp::request<bhttp::string_body> req{bhttp::verb::post, "/api/v1/readings", 11};
      req.set(bhttp::field::host, "127.0.0.1");
      req.set(bhttp::field::authorization, "Bearer " + f.token);
      req.set(bhttp::field::content_type, "application/json");
      req.keep_alive(true);
      req.body() = json.Of(f.next_minute);
      f.next_minute += kBatch / sensors;
      req.prepare_payload();
      bhttp::write(streams[c], req);
    }
    for (size_t c = 0; c < connections; ++c) {
      bhttp::response<bhttp::string_body> res;
      bhttp::read(streams[c], buffers[c], res);
      if (res.result_int() != 200 || res.body().rfind(expect, 0) != 0) {
        state.SkipWithError(("unexpected answer: " + res.body().substr(0, 200)).c_str());
        return;
      }
      readings += kBatch;
    }
  }
  state.SetItemsProcessed(readings);
}

void BM_IngestHttpSqlite(benchmark::State& state) {
  static HttpFixture f(TempDirPath() + "/h.db");
  IngestHttp(state, f);
}

void BM_IngestHttpPostgres(benchmark::State& state) {
  static HttpFixture f(Postgres().CreateDatabase());
  IngestHttp(state, f);
}

// The baseline's database: the same schema (migrations) and sensors, the same pragmas (or those
// with synchronous=NORMAL instead of FULL, for BM_SqliteCommitFull_Baseline).
struct RawFixture {
  std::string dir = TempDirPath();
  sqlite3* db = nullptr;
  sqlite3_stmt* insert = nullptr;
  std::vector<int64_t> sensor_ids;
  int64_t next_minute = 0;

  explicit RawFixture(bool normal_sync = false) {
    const std::string path = dir + "/raw.db";
    {
      auto conn = adapters::storage::Connect(path);
      if (!conn.ok() || !adapters::storage::Migrate(**conn).ok())
        throw std::runtime_error("migrate");
      adapters::storage::SqlRecordStore records(std::move(*conn));
      sensor_ids = support::MakeSensorCity(records, "c1", kMaxSensors, "S-").sensor_ids;
    }
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    sqlite3_exec(db, adapters::storage::kReadingSqlitePragmas, nullptr, nullptr, nullptr);
    if (normal_sync) sqlite3_exec(db, "PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO readings (sensor_id, ts, centi) VALUES (?, ?, ?)", -1,
                       &insert, nullptr);
  }
  // One transaction of `rows` shifted by `shift` seconds; "" or the error.
  std::string Insert(const std::vector<Row>& rows, int64_t shift) {
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    for (const Row& r : rows) {
      sqlite3_bind_int64(insert, 1, sensor_ids[static_cast<size_t>(r.sensor)]);
      sqlite3_bind_int64(insert, 2, r.ts + shift);
      sqlite3_bind_int(insert, 3, r.centi);
      if (sqlite3_step(insert) != SQLITE_DONE) return sqlite3_errmsg(db);
      sqlite3_reset(insert);
    }
    if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
      return sqlite3_errmsg(db);
    }
    return "";
  }
  ~RawFixture() {
    sqlite3_finalize(insert);
    sqlite3_close_v2(db);
    std::filesystem::remove_all(dir);
  }
};

// The PostgreSQL baseline: the same schema and sensors on a database of its own, and one
// `COPY readings FROM STDIN` (text format) per batch.
struct CopyFixture {
  PGconn* conn = nullptr;
  adapters::storage::ReadingMonths months;
  std::vector<int64_t> sensor_ids;
  int64_t next_minute = 0;

  CopyFixture() {
    const std::string url = Postgres().CreateDatabase();
    {
      auto c = adapters::storage::Connect(url);
      if (!c.ok() || !adapters::storage::Migrate(**c).ok()) throw std::runtime_error("migrate");
      adapters::storage::SqlRecordStore records(std::move(*c));
      sensor_ids = support::MakeSensorCity(records, "c1", kMaxSensors, "S-").sensor_ids;
    }
    conn = PQconnectdb(url.c_str());
    if (PQstatus(conn) != CONNECTION_OK) throw std::runtime_error(PQerrorMessage(conn));
  }
  ~CopyFixture() { PQfinish(conn); }

  // One COPY of `rows` shifted by `shift` seconds; "" or the error. New months first (as the store).
  std::string Copy(const std::vector<Row>& rows, int64_t shift) {
    std::vector<ports::Reading> times;
    for (const Row& r : rows) times.push_back({0, r.ts + shift, 0});
    const std::vector<int64_t> new_months = months.Unknown(times);
    auto made = adapters::storage::EnsureReadingPartitions(conn, new_months);
    if (!made.ok()) return made.error().detail;
    months.MarkKnown(new_months);
    PGresult* res = PQexec(conn, "COPY readings (sensor_id, ts, centi) FROM STDIN");
    const bool in = PQresultStatus(res) == PGRES_COPY_IN;
    PQclear(res);
    if (!in) return PQerrorMessage(conn);
    std::string data;
    data.reserve(rows.size() * 24);
    for (const Row& r : rows) {
      data += std::to_string(sensor_ids[static_cast<size_t>(r.sensor)]);
      data += '\t';
      data += std::to_string(r.ts + shift);
      data += '\t';
      data += std::to_string(r.centi);
      data += '\n';
    }
    if (PQputCopyData(conn, data.data(), static_cast<int>(data.size())) != 1 ||
        PQputCopyEnd(conn, nullptr) != 1) {
      return PQerrorMessage(conn);
    }
    res = PQgetResult(conn);
    std::string error = PQresultStatus(res) == PGRES_COMMAND_OK ? "" : PQerrorMessage(conn);
    PQclear(res);
    while ((res = PQgetResult(conn)) != nullptr) PQclear(res);
    return error;
  }
};

// A baseline: C batches per iteration, one after the other, through `f.Write(rows, shift)`.
template <typename Fixture, std::string (Fixture::*Write)(const std::vector<Row>&, int64_t)>
void Baseline(benchmark::State& state) {
  static Fixture f;
  const int sensors = static_cast<int>(state.range(0));
  const std::vector<Row> rows = BatchRows(sensors, 0);
  int64_t readings = 0;
  for (auto _ : state) {
    for (int64_t b = 0; b < state.range(1); ++b) {
      const int64_t shift = f.next_minute * 60;
      f.next_minute += kBatch / sensors;
      if (std::string error = (f.*Write)(rows, shift); !error.empty()) {
        state.SkipWithError(error.c_str());
        return;
      }
      readings += kBatch;
    }
  }
  state.SetItemsProcessed(readings);
}
void BM_IngestHttpSqlite_Baseline(benchmark::State& state) {
  Baseline<RawFixture, &RawFixture::Insert>(state);
}
void BM_IngestHttpPostgres_Baseline(benchmark::State& state) {
  Baseline<CopyFixture, &CopyFixture::Copy>(state);
}

// R readings (50 sensors) per transaction, with synchronous=FULL or (the baseline) NORMAL.
void SqliteCommits(benchmark::State& state, RawFixture& f) {
  const int rows_per_commit = static_cast<int>(state.range(0));
  std::vector<Row> rows = BatchRows(50, 0);
  rows.resize(static_cast<size_t>(rows_per_commit));
  for (auto _ : state) {
    const int64_t shift = f.next_minute * 60;
    f.next_minute += kBatch / 50;  // past every minute of the batch: new keys
    if (std::string error = f.Insert(rows, shift); !error.empty()) {
      state.SkipWithError(error.c_str());
      return;
    }
  }
  state.SetItemsProcessed(state.iterations() * rows_per_commit);
}
void BM_SqliteCommitFull(benchmark::State& state) {
  static RawFixture f(false);
  SqliteCommits(state, f);
}
void BM_SqliteCommitFull_Baseline(benchmark::State& state) {
  static RawFixture f(true);
  SqliteCommits(state, f);
}

// Registered in pairs, each figure right before its baseline, so that both run on databases of
// about the same size and under about the same load.
void Pairs() {
  using Fn = void (*)(benchmark::State&);
  const std::vector<std::tuple<const char*, Fn, Fn>> engines = {
      {"BM_IngestHttpSqlite", BM_IngestHttpSqlite, BM_IngestHttpSqlite_Baseline},
      {"BM_IngestHttpPostgres", BM_IngestHttpPostgres, BM_IngestHttpPostgres_Baseline}};
  for (int64_t rows : {50, 5000}) {
    benchmark::RegisterBenchmark("BM_SqliteCommitFull", BM_SqliteCommitFull)
        ->Arg(rows)
        ->UseRealTime()
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("BM_SqliteCommitFull_Baseline", BM_SqliteCommitFull_Baseline)
        ->Arg(rows)
        ->UseRealTime()
        ->Unit(benchmark::kMillisecond);
  }
  for (const auto& [name, figure, baseline] : engines) {
    for (int64_t sensors : {50, 500}) {
      for (int64_t connections : {1, 2}) {
        benchmark::RegisterBenchmark(name, figure)
            ->Args({sensors, connections})
            ->UseRealTime()
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark((std::string(name) + "_Baseline").c_str(), baseline)
            ->Args({sensors, connections})
            ->UseRealTime()
            ->Unit(benchmark::kMillisecond);
      }
    }
  }
}
const int kRegistered = (Pairs(), 0);

}  // namespace

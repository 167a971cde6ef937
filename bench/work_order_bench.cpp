// Work orders (issue 13): orders through a full life, and the overdue scan over 1,000,000 stored
// orders. Both on SQLite files in temporary directories, with Hearth's pragmas (WAL,
// synchronous=FULL, foreign keys), through adapters::storage::Connection.
//
// BM_WorkOrderLife (orders/s): each iteration receives an order through WorkOrderService::Receive
// and records accept, respond, dispatch, arrive, repair (staff, started_at, result,
// confirmation), reply, visit and close through Record: the real service over SqlWorkOrderStore
// and SqlRecordStore, the shipped policies (policies/) and the shipped calendar. Half the orders
// come from the city hotline (an external id; replies go to the platform too), half by phone;
// they cycle over 200 households and over the seasons 2019-2026, so that the second-complaint
// count (CountPrior) stays small as the database grows.
// BM_WorkOrderLife_Baseline: what the storage alone costs for the same rows: per order one
// INSERT into work_orders (RETURNING id) and 8 INSERTs into work_order_events, each in its own
// transaction (9 commits, as the service makes: Create, then one Append per event), through the
// same Connection type on a database migrated the same way; the event texts are the JSON the
// service stores, serialized once beforehand. It writes nothing else: the service additionally
// reads the order back after each step (Get, and the household, its partition and building,
// policy and season for each replay), replays the rules, and writes the projection
// (work_orders UPDATE, work_order_deadlines upserts), the audit rows and the outbox messages in
// the same transactions — the counter rows_per_order shows how many rows it writes in all. So
// the ratio is the price of the rules, the replay, the projection and its bookkeeping over
// bare storage.
//
// BM_OverdueScan (scans/s): one call of SqlWorkOrderStore::DueUnalerted(now, 500), what the
// overdue scan does each tick, over 1,000,000 orders and their ~4,000,000 deadline rows (set up
// once, below). It reads the partial index work_order_deadlines_unalerted (due) WHERE open = 1
// AND alerted = 0, which holds only the open, unalerted deadlines.
// BM_OverdueScan_Baseline: "a plain indexed scan of the same table": the same SELECT (same
// columns, same filter, ORDER BY due, order_id LIMIT 500) over the same table, forced (INDEXED
// BY) onto a plain index on due created for the baseline (bench_deadlines_due), so the
// open/alerted filter is applied row by row by the query. Both return the same 500 rows (checked
// at setup). Both plans are printed at setup.
//
// The 1,000,000 orders are written straight into work_orders and work_order_deadlines by bulk
// INSERT … SELECT over a counter, 250,000 orders per transaction; events are not written (the
// scan never reads them). Their shape: an order every 60 s back from `now` (about 1.9 years);
// 60 % from the hotlines (with a return deadline), 40 % dispatched (an arrival deadline); the
// oldest 96 % closed (every deadline met: not open; 3 % of them were alerted when late); the
// newest 4 % (40,000, the last 28 days) open with their reply deadline open; of those past due,
// 19 in 20 were alerted already, so about 1,600 deadlines (0.16 % of the orders) are past due
// and unalerted: the scan finds a full page of 500. The setup time is printed and reported as
// the counter setup_s.
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "adapters/json/calendar_json.hpp"
#include "adapters/json/work_order_json.hpp"
#include "adapters/policy/policy_loader.hpp"
#include "adapters/storage/migrations.hpp"
#include "adapters/storage/monitoring_store_sql.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "adapters/storage/work_order_sql.hpp"
#include "order_life.hpp"
#include "ports/clock.hpp"
#include "services/work_order_service.hpp"
#include "support/test_policies.hpp"
#include "support/test_sensors.hpp"

namespace {

using namespace hearth;  // NOLINT
namespace storage = adapters::storage;
using rules::OrderEventType;

Instant T(const char* text) { return *ParseRfc3339(text); }
int64_t Unix(Instant t) { return t.time_since_epoch().count(); }

template <typename V>
V Must(Result<V> r, const char* what) {
  if (!r.ok()) throw std::runtime_error(std::string(what) + ": " + r.error().message);
  return std::move(*r);
}
void Must(const Status& s, const char* what) {
  if (!s.ok()) throw std::runtime_error(std::string(what) + ": " + s.error().message);
}

// A temporary directory, removed with the object (at exit for the static fixtures).
class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/hearth-bench-orders-XXXXXX";
    if (mkdtemp(tmpl) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

std::unique_ptr<storage::Connection> Migrated(const std::string& url) {
  auto conn = Must(storage::Connect(url), "connect");
  Must(storage::Migrate(*conn), "migrate");
  return conn;
}

// ---- Orders through a full life ------------------------------------------------------------

constexpr int kHouseholds = 200;
constexpr int64_t kOrdersPerCycle = 20000;  // 3 h apart: 2019-11-15 .. 2026-09, then again

// The n-th order's receipt, and the eight events of its life after it.
Instant ReceivedAt(int64_t n) {
  return T("2019-11-15T08:00:00+08:00") + std::chrono::hours{3 * (n % kOrdersPerCycle)};
}

bool Hotline(int64_t n) { return n % 2 == 0; }

// A company with kHouseholds households (MakeSensorCity's first, and more in its partition).
struct City {
  int64_t company_id = 0;
  std::vector<int64_t> households;
};
City MakeCity(storage::SqlRecordStore& records, const std::string& code, int households) {
  auto base = support::MakeSensorCity(records, code, 0, code + "-s");
  City city{base.company_id, {base.household_id}};
  auto first = Must(ports::GetView<ports::HouseholdView>(records, base.household_id), "household");
  for (int i = 1; i < households; ++i) {
    auto rec = records.Create(*model::FindResource("households"),
                              {{"company_id", base.company_id},
                               {"partition_id", first.partition_id},
                               {"code", "H-" + std::to_string(1000 + i)},
                               {"area_m2", int64_t{7000 + 10 * i}},
                               {"floor", int64_t{1 + i % 6}},
                               {"orientation", "sun"},
                               {"billing", "area"},
                               {"heating_status", "heated"}},
                              {}, "setup");
    city.households.push_back(Must(std::move(rec), "households").id);
  }
  return city;
}

// Rows in the tables a work order touches, for rows_per_order.
int64_t RowsWritten(storage::Connection& conn) {
  auto r = Must(conn.Query("SELECT (SELECT COUNT(*) FROM work_orders) + "
                           "(SELECT COUNT(*) FROM work_order_events) + "
                           "(SELECT COUNT(*) FROM work_order_deadlines) + "
                           "(SELECT COUNT(*) FROM outbox) + "
                           "(SELECT COUNT(*) FROM audit_log WHERE resource = 'work-orders')"),
                "count rows");
  return r.Int(0, 0);
}

struct LifeFixture {
  LifeFixture() {
    const std::string url = dir / "life.db";
    records = std::make_unique<storage::SqlRecordStore>(Migrated(url));
    store = std::make_unique<storage::SqlWorkOrderStore>(Must(storage::Connect(url), "connect"));
    monitoring = std::make_unique<storage::SqlMonitoringStore>(
        Must(storage::Connect(url), "connect"));
    counter = Must(storage::Connect(url), "connect");
    policies = std::make_unique<services::PolicyRegistry>(
        Must(support::LoadPolicies(), "policies"));
    calendar = std::make_unique<services::CalendarService>(
        adapters::json::EmbeddedCalendarFile(), /*store=*/nullptr);
    judging =
        std::make_unique<services::JudgingService>(*monitoring, *records, *policies, nullptr);
    service = std::make_unique<services::WorkOrderService>(*store, *records, *judging, *policies,
                                                           *calendar, clock);
    city = MakeCity(*records, "wo", kHouseholds);
    agent = {"agent1", rules::Role::kAgent, {city.company_id, std::nullopt}};
  }

  TempDir dir;
  std::unique_ptr<storage::SqlRecordStore> records;
  std::unique_ptr<storage::SqlWorkOrderStore> store;
  std::unique_ptr<storage::SqlMonitoringStore> monitoring;  // JudgingService's; not read here
  std::unique_ptr<storage::Connection> counter;
  std::unique_ptr<services::PolicyRegistry> policies;
  std::unique_ptr<services::CalendarService> calendar;
  std::unique_ptr<services::JudgingService> judging;
  ports::ManualClock clock{T("2027-02-01T00:00:00+08:00")};  // every event is in the past
  std::unique_ptr<services::WorkOrderService> service;
  City city;
  services::OrderActor agent;
  int64_t next = 0;
};

void BM_WorkOrderLife(benchmark::State& state) {
  static LifeFixture f;
  const int64_t rows_before = RowsWritten(*f.counter);
  for (auto _ : state) {
    const int64_t n = f.next++;
    services::NewWorkOrder in;
    in.channel = Hotline(n) ? rules::Channel::kCityHotline : rules::Channel::kPhone;
    if (Hotline(n)) in.external_id = "12345-" + std::to_string(n);
    in.received_at = ReceivedAt(n);
    in.household = std::to_string(f.city.households[size_t(n % kHouseholds)]);
    in.category = rules::OrderCategory::kHeatingQuality;
    in.content = "卧室温度 16 度，暖气片不热";
    in.caller_phone = "13812345678";
    auto received = f.service->Receive(in, f.agent);
    if (!received.ok()) {
      state.SkipWithError(("receive: " + received.error().message).c_str());
      return;
    }
    const int64_t id = received->order.order.head.id;
    for (const rules::OrderEvent& e : bench::OrderLife(in.received_at)) {
      auto r = f.service->Record(id, e, f.agent);
      if (!r.ok()) {
        state.SkipWithError((std::string(rules::EventTypeName(e.type)) + ": " +
                             r.error().message)
                                .c_str());
        return;
      }
    }
    benchmark::DoNotOptimize(received);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["rows_per_order"] =
      double(RowsWritten(*f.counter) - rows_before) / double(state.iterations());
}
BENCHMARK(BM_WorkOrderLife)->UseRealTime()->MinTime(2.0)->Unit(benchmark::kMillisecond);

// The baseline's rows: the same order head and the same events' JSON as the service writes.
struct BaselineFixture {
  BaselineFixture() {
    const std::string url = dir / "plain.db";
    conn = Migrated(url);
    storage::SqlRecordStore records(Must(storage::Connect(url), "connect"));
    city = MakeCity(records, "wo", kHouseholds);
    // The projection of a closed order (what work_orders.deadlines holds at the end of a life).
    const rules::Policy policy =
        Must(adapters::policy::LoadPolicyFile(HEARTH_SOURCE_DIR "/policies/weihai.toml"),
             "weihai");
    const rules::HolidayCalendar calendar = Must(
        rules::HolidayCalendar::Create(adapters::json::EmbeddedCalendarFile().years), "calendar");
    const Instant received = ReceivedAt(0);
    const std::vector<rules::OrderEvent> life = bench::OrderLife(received);
    auto view = Must(rules::Replay(policy, calendar,
                                   {rules::Channel::kCityHotline,
                                    rules::OrderCategory::kHeatingQuality, received, false,
                                    std::nullopt},
                                   life),
                     "replay");
    deadlines = adapters::json::DeadlinesToText(view.deadlines);
    for (rules::OrderEvent e : life) {
      e.actor = "agent1";
      events.push_back({std::string(rules::EventTypeName(e.type)), e.at - received,
                        adapters::json::OrderEventToJson(e).dump()});
    }
  }

  struct Event {
    std::string type;
    std::chrono::seconds after;  // its time after the receipt
    std::string data;
  };
  TempDir dir;
  std::unique_ptr<storage::Connection> conn;
  City city;
  std::string deadlines;
  std::vector<Event> events;
  int64_t next = 0;
};

void BM_WorkOrderLife_Baseline(benchmark::State& state) {
  static BaselineFixture f;
  storage::Connection& conn = *f.conn;
  for (auto _ : state) {
    const int64_t n = f.next++;
    const Instant received = ReceivedAt(n);
    const int64_t household = f.city.households[size_t(n % kHouseholds)];
    int64_t id = 0;
    Status s = storage::InTransaction(conn, [&]() -> Status {
      auto r = conn.Query(
          "INSERT INTO work_orders (company_id, household_id, channel, external_id, category, "
          "received_at, content, caller_phone, parent_id, second_complaint, season, "
          "official_start, state, extended, deadlines, last_seq, created_by, created_at) VALUES "
          "($1, $2, $3, $4, 'heating-quality', $5, $6, '13812345678', NULL, 0, $7, NULL, "
          "'closed', 0, $8, 8, 'agent1', $9) RETURNING id",
          {f.city.company_id, household, std::string(Hotline(n) ? "city-hotline" : "phone"),
           Hotline(n) ? storage::Value("12345-" + std::to_string(n)) : storage::Value(nullptr),
           Unix(received), std::string("卧室温度 16 度，暖气片不热"),
           int64_t{YearOf(LocalDate(received)) - (MonthOf(LocalDate(received)) >= 7 ? 0 : 1)},
           f.deadlines, Unix(received) + 30});
      if (!r.ok()) return r.error();
      id = r->Int(0, 0);
      return OkStatus();
    });
    if (!s.ok()) {
      state.SkipWithError(("order: " + s.error().message).c_str());
      return;
    }
    int64_t seq = 0;
    for (const auto& e : f.events) {
      Status w = storage::InTransaction(conn, [&]() -> Status {
        auto r = conn.Query(
            "INSERT INTO work_order_events (order_id, seq, type, at, actor, data, recorded_at) "
            "VALUES ($1, $2, $3, $4, 'agent1', $5, $6)",
            {id, ++seq, e.type, Unix(received + e.after), e.data, Unix(received + e.after)});
        if (!r.ok()) return r.error();
        return OkStatus();
      });
      if (!w.ok()) {
        state.SkipWithError(("event: " + w.error().message).c_str());
        return;
      }
    }
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["rows_per_order"] = 9;
}
BENCHMARK(BM_WorkOrderLife_Baseline)->UseRealTime()->MinTime(2.0)->Unit(benchmark::kMillisecond);

// ---- The overdue scan over 1,000,000 stored orders ---------------------------------------------

constexpr int64_t kOrders = 1000000;
constexpr int64_t kOpenOrders = 40000;  // the newest 4 %
constexpr int64_t kChunk = 250000;      // orders per transaction
constexpr int kScanLimit = 500;         // what ScanOverdue asks for

const char* kBaselineScan =
    "SELECT order_id, company_id, name, due FROM work_order_deadlines "
    "INDEXED BY bench_deadlines_due WHERE open = 1 AND alerted = 0 AND due < $1 "
    "ORDER BY due, order_id LIMIT 500";

struct ScanFixture {
  ScanFixture() {
    const auto start = std::chrono::steady_clock::now();
    const std::string url = dir / "scan.db";
    auto conn = Migrated(url);
    {
      storage::SqlRecordStore records(Must(storage::Connect(url), "connect"));
      // 4 companies of 25 households; order i belongs to household i % 100.
      Must(conn->Script("CREATE TEMP TABLE bench_households (k INTEGER PRIMARY KEY, "
                        "household_id INTEGER NOT NULL, company_id INTEGER NOT NULL)"),
           "temp table");
      int k = 0;
      for (const char* code : {"c1", "c2", "c3", "c4"}) {
        City city = MakeCity(records, code, 25);
        for (int64_t h : city.households) {
          Must(conn->Query("INSERT INTO bench_households VALUES ($1, $2, $3)",
                           {int64_t{k++}, h, city.company_id}),
               "bench_households");
        }
      }
    }
    now = Unix(T("2026-01-20T12:00:00+08:00"));
    const std::string deadlines_text = ClosedDeadlinesText();
    // Order i (1..kOrders) is received at now - (kOrders - i) * 60 - 600; its deadlines are due
    // after its receipt by: response 1 h, return 24 h (hotline orders, i % 10 < 6), arrival 2 h
    // (dispatched, i % 5 < 2), reply 5 days, return_visit 8 days (closed orders).
    const std::string counter =
        "WITH RECURSIVE n(i) AS (SELECT $1 UNION ALL SELECT i + 1 FROM n WHERE i < $2), "
        "o(i, received, open) AS (SELECT i, $3 - ($4 - i) * 60 - 600, i > $4 - $5 FROM n) ";
    for (int64_t first = 1; first <= kOrders; first += kChunk) {
      const int64_t last = std::min(kOrders, first + kChunk - 1);
      const std::vector<storage::Value> p = {first, last, now, kOrders, kOpenOrders};
      Must(storage::InTransaction(*conn, [&]() -> Status {
             auto orders = conn->Query(
                 counter +
                     "INSERT INTO work_orders (id, company_id, household_id, channel, "
                     "external_id, category, received_at, content, caller_phone, parent_id, "
                     "second_complaint, season, official_start, state, extended, deadlines, "
                     "last_seq, created_by, created_at) "
                     "SELECT i, h.company_id, h.household_id, "
                     "CASE WHEN i % 10 < 4 THEN 'city-hotline' WHEN i % 10 < 6 THEN "
                     "'provincial-hotline' WHEN i % 10 < 9 THEN 'phone' ELSE 'web' END, "
                     "CASE WHEN i % 10 < 6 THEN 'H' || i ELSE NULL END, "
                     "CASE WHEN i % 7 = 0 THEN 'leak' ELSE 'heating-quality' END, received, "
                     "'卧室温度 16 度，暖气片不热', '138' || (10000000 + i % 89999999), NULL, "
                     "i % 25 = 0, CAST(strftime('%Y', received - 183 * 86400, 'unixepoch') AS "
                     "INTEGER), NULL, CASE WHEN open THEN 'responded' ELSE 'closed' END, 0, "
                     "CASE WHEN open THEN '[]' ELSE $6 END, CASE WHEN open THEN 2 ELSE 8 END, "
                     "'agent1', received + 30 FROM o JOIN bench_households h ON h.k = i % 100",
                 {first, last, now, kOrders, kOpenOrders, deadlines_text});
             if (!orders.ok()) return orders.error();
             // Closed orders: every deadline met (open = 0); 3 % of their replies were late and
             // alerted. Open orders: the reply deadline open, alerted when past due except
             // 1 in 20 (the scan's work); the others met or lapsed.
             auto deadlines = conn->Query(
                 counter +
                     "INSERT INTO work_order_deadlines (order_id, name, company_id, due, open, "
                     "alerted) "
                     "SELECT i, d.name, h.company_id, received + d.after, "
                     "open AND d.name = 'reply', "
                     "CASE WHEN d.name <> 'reply' THEN 0 "
                     "WHEN NOT open THEN i % 33 = 0 "
                     "WHEN received + d.after < $3 THEN i % 20 <> 0 ELSE 0 END "
                     "FROM o JOIN bench_households h ON h.k = i % 100 "
                     "JOIN (SELECT 'response' AS name, 3600 AS after UNION ALL "
                     "SELECT 'return', 86400 UNION ALL SELECT 'arrival', 7200 UNION ALL "
                     "SELECT 'reply', 432000 UNION ALL SELECT 'return_visit', 691200) d "
                     "ON (d.name <> 'return' OR i % 10 < 6) AND (d.name <> 'arrival' OR i % 5 < 2) "
                     "AND (d.name <> 'return_visit' OR NOT open)",
                 {first, last, now, kOrders, kOpenOrders});
             if (!deadlines.ok()) return deadlines.error();
             return OkStatus();
           }),
           "bulk insert");
    }
    load_s = Seconds(start);
    const auto index_start = std::chrono::steady_clock::now();
    Must(conn->Script("CREATE INDEX bench_deadlines_due ON work_order_deadlines (due); ANALYZE;"),
         "baseline index");
    index_s = Seconds(index_start);
    auto counts = Must(conn->Query(
        "SELECT COUNT(*), SUM(open), SUM(open = 1 AND alerted = 0), "
        "SUM(open = 1 AND alerted = 0 AND due < $1) FROM work_order_deadlines",
        {now}), "counts");
    std::fprintf(stderr,
                 "work orders: %lld orders, %lld deadlines (%lld open, %lld open and unalerted: "
                 "the partial index; %lld of them past due) written in %.1f s; the baseline's "
                 "index on due in %.1f s\n",
                 static_cast<long long>(kOrders), static_cast<long long>(counts.Int(0, 0)),
                 static_cast<long long>(counts.Int(0, 1)),
                 static_cast<long long>(counts.Int(0, 2)),
                 static_cast<long long>(counts.Int(0, 3)), load_s, index_s);
    PrintPlan(*conn, "DueUnalerted",
              "SELECT order_id, company_id, name, due FROM work_order_deadlines WHERE open = 1 "
              "AND alerted = 0 AND due < $1 ORDER BY due, order_id LIMIT 500");
    PrintPlan(*conn, "baseline", kBaselineScan);
    store = std::make_unique<storage::SqlWorkOrderStore>(std::move(conn));
    plain = Must(storage::Connect(url), "connect");
    // Both return the same rows.
    auto found = Must(store->DueUnalerted(Instant{std::chrono::seconds{now}}, kScanLimit), "scan");
    auto same = Must(plain->Query(kBaselineScan, {now}), "baseline scan");
    if (found.size() != kScanLimit || same.rows.size() != found.size()) {
      throw std::runtime_error("the scans found " + std::to_string(found.size()) + " and " +
                               std::to_string(same.rows.size()) + " rows, not 500 each");
    }
    for (size_t i = 0; i < found.size(); ++i) {
      if (found[i].order_id != same.Int(i, 0) ||
          rules::OrderDeadlineName(found[i].name) != same.Text(i, 2) ||
          Unix(found[i].due) != same.Int(i, 3)) {
        throw std::runtime_error("the scans differ at row " + std::to_string(i));
      }
    }
  }

  static double Seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
  }

  static void PrintPlan(storage::Connection& conn, const char* what, const std::string& sql) {
    auto plan = conn.Query("EXPLAIN QUERY PLAN " + sql, {int64_t{0}});
    if (!plan.ok()) return;
    for (size_t i = 0; i < plan->rows.size(); ++i) {
      std::fprintf(stderr, "  plan of %s: %s\n", what,
                   plan->Text(i, plan->columns.size() - 1).c_str());
    }
  }

  // work_orders.deadlines of a closed order, as the service writes it (a hotline order's life).
  static std::string ClosedDeadlinesText() {
    const rules::Policy policy =
        Must(adapters::policy::LoadPolicyFile(HEARTH_SOURCE_DIR "/policies/weihai.toml"),
             "weihai");
    const rules::HolidayCalendar calendar = Must(
        rules::HolidayCalendar::Create(adapters::json::EmbeddedCalendarFile().years), "calendar");
    const Instant received = T("2025-12-01T09:00:00+08:00");
    auto view = Must(rules::Replay(policy, calendar,
                                   {rules::Channel::kCityHotline,
                                    rules::OrderCategory::kHeatingQuality, received, false,
                                    std::nullopt},
                                   bench::OrderLife(received)),
                     "replay");
    return adapters::json::DeadlinesToText(view.deadlines);
  }

  TempDir dir;
  int64_t now = 0;
  double load_s = 0, index_s = 0;
  std::unique_ptr<storage::SqlWorkOrderStore> store;
  std::unique_ptr<storage::Connection> plain;
};

ScanFixture& Scan() {
  static ScanFixture f;
  return f;
}

void BM_OverdueScan(benchmark::State& state) {
  ScanFixture& f = Scan();
  const Instant now{std::chrono::seconds{f.now}};
  for (auto _ : state) {
    auto due = f.store->DueUnalerted(now, kScanLimit);
    if (!due.ok() || due->size() != kScanLimit) {
      state.SkipWithError("DueUnalerted did not find 500 deadlines");
      return;
    }
    benchmark::DoNotOptimize(due);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["setup_s"] = f.load_s;
}
// The same MinTime as its baseline: the summary pairs the two by name.
BENCHMARK(BM_OverdueScan)->UseRealTime()->MinTime(3.0)->Unit(benchmark::kMillisecond);

void BM_OverdueScan_Baseline(benchmark::State& state) {
  ScanFixture& f = Scan();
  for (auto _ : state) {
    auto rows = f.plain->Query(kBaselineScan, {f.now});
    if (!rows.ok() || rows->rows.size() != size_t{kScanLimit}) {
      state.SkipWithError("the baseline scan did not find 500 deadlines");
      return;
    }
    benchmark::DoNotOptimize(rows);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["index_s"] = f.index_s;
}
// About 1 s a call: MinTime makes it a few calls, not one.
BENCHMARK(BM_OverdueScan_Baseline)->UseRealTime()->MinTime(3.0)->Unit(benchmark::kMillisecond);

}  // namespace

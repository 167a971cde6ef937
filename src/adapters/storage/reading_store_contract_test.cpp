// The reading store contract on SQLite and on a real PostgreSQL cluster: counts of inserted and
// duplicate and conflicting readings (across and within batches), conflicts kept, a duplicate never changing the stored value,
// ranges in order within their bounds, sensor lookup by code, and all-or-nothing batches.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "adapters/storage/migrations.hpp"
#include "adapters/storage/reading_store_sql.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "support/test_database.hpp"

namespace hearth::ports {
// Found by argument-dependent lookup from std::vector's ==.
bool operator==(const Reading& a, const Reading& b) {
  return a.sensor_id == b.sensor_id && a.ts == b.ts && a.centi == b.centi;
}
void PrintTo(const Reading& r, std::ostream* os) {
  *os << "{" << r.sensor_id << ", " << r.ts << ", " << r.centi << "}";
}
}  // namespace hearth::ports

namespace hearth::adapters::storage {
namespace {

using ports::Reading;

using support::Engine;
using support::EngineName;

constexpr int64_t kT0 = 1764547200;  // 2025-12-01T08:00:00+08:00

class ReadingStoreContract : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    url_ = db_->url();
    auto conn = Connect(url_);
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(Migrate(**conn).ok());
    records_ = std::make_unique<SqlRecordStore>(std::move(*conn));
    company_ = Make("companies", {{"code", "c1"}, {"name", "C"}, {"policy", "weihai"}});
    MakeSensors();
    store_ = Open();
  }
  void TearDown() override {
    store_.reset();
    records_.reset();
    db_.reset();
  }

  std::unique_ptr<ports::ReadingStore> Open() {
    auto store = OpenReadingStore(url_);
    EXPECT_TRUE(store.ok()) << store.error().detail;
    return store.ok() ? std::move(*store) : nullptr;
  }

  int64_t Make(const char* resource, ports::Fields fields) {
    auto rec = records_->Create(*model::FindResource(resource), fields, {}, "test");
    EXPECT_TRUE(rec.ok()) << resource << ": " << rec.error().detail;
    return rec.ok() ? rec->id : 0;
  }

  // One household with one room and two sensors, T-1 and T-2.
  void MakeSensors() {
    int64_t district =
        Make("districts", {{"code", "d"}, {"name", "D"}, {"city", "Weihai"}, {"policy", "weihai"}});
    int64_t src =
        Make("heat_sources",
             {{"company_id", company_}, {"code", "hs"}, {"name", "plant"}, {"kind", "chp"}});
    int64_t sec = Make(
        "network_sections",
        {{"company_id", company_}, {"heat_source_id", src}, {"code", "n1"}, {"name", "north"}});
    int64_t sub = Make(
        "substations",
        {{"company_id", company_}, {"network_section_id", sec}, {"code", "s1"}, {"name", "s"}});
    int64_t building = Make("buildings", {{"company_id", company_},
                                          {"district_id", district},
                                          {"substation_id", sub},
                                          {"code", "b1"},
                                          {"community", "Sunny"},
                                          {"floors", int64_t{6}}});
    int64_t partition =
        Make("partitions", {{"company_id", company_}, {"building_id", building}, {"code", "u1"}});
    household_ = Make("households", {{"company_id", company_},
                                     {"partition_id", partition},
                                     {"code", "h1"},
                                     {"area_m2", int64_t{8550}},
                                     {"floor", int64_t{1}},
                                     {"orientation", "sun"},
                                     {"billing", "area"},
                                     {"heating_status", "heated"}});
    room_ = Make("rooms", {{"household_id", household_}, {"name", "主卧"}, {"kind", "bedroom"}});
    s1_ = Make("sensors", {{"code", "T-1"}, {"room_id", room_}});
    s2_ = Make("sensors", {{"code", "T-2"}, {"room_id", room_}});
  }

  /// `sum` plus `c`, count by count.
  static void Add(ports::InsertCounts& sum, const ports::InsertCounts& c) {
    sum.inserted += c.inserted;
    sum.duplicate += c.duplicate;
    sum.conflicting += c.conflicting;
    sum.quarantined += c.quarantined;
  }

  ports::InsertCounts Insert(const std::vector<Reading>& batch) {
    auto counts = store_->Insert(batch);
    EXPECT_TRUE(counts.ok()) << counts.error().detail;
    return counts.ok() ? *counts : ports::InsertCounts{-1, -1, -1};
  }

  std::vector<Reading> Range(int64_t sensor, int64_t from, int64_t to, int64_t limit = 1'000'000) {
    auto rows = store_->Range(sensor, from, to, limit);
    EXPECT_TRUE(rows.ok()) << rows.error().detail;
    return rows.ok() ? *rows : std::vector<Reading>{};
  }

  std::unique_ptr<support::TestDatabase> db_;
  std::string url_;
  std::unique_ptr<SqlRecordStore> records_;
  std::unique_ptr<ports::ReadingStore> store_;
  int64_t company_ = 0, household_ = 0, room_ = 0, s1_ = 0, s2_ = 0;
};

TEST_P(ReadingStoreContract, InsertsAndCounts) {
  auto counts = Insert({{s1_, kT0, 1820}, {s1_, kT0 + 60, -250}, {s2_, kT0, 2000}});
  EXPECT_EQ(counts.inserted, 3);
  EXPECT_EQ(counts.duplicate, 0);
  EXPECT_EQ(Range(s1_, kT0, kT0 + 3600),
            (std::vector<Reading>{{s1_, kT0, 1820}, {s1_, kT0 + 60, -250}}));
  EXPECT_EQ(Range(s2_, kT0, kT0 + 3600), (std::vector<Reading>{{s2_, kT0, 2000}}));
  auto empty = store_->Insert({});
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->inserted + empty->duplicate, 0);
}

TEST_P(ReadingStoreContract, DuplicatesNeverChangeTheStoredValue) {
  struct Case {
    const char* name;
    std::vector<Reading> batch;
    int64_t inserted, duplicate, conflicting;
  };
  const Case cases[] = {
      {"first", {{s1_, kT0, 1820}, {s1_, kT0 + 300, 1830}}, 2, 0, 0},
      {"re-sent batch", {{s1_, kT0, 1820}, {s1_, kT0 + 300, 1830}}, 0, 2, 0},
      {"same key, other value", {{s1_, kT0, 2500}}, 0, 0, 1},
      {"within one batch", {{s1_, kT0 + 600, 1700}, {s1_, kT0 + 600, 1900}}, 1, 0, 1},
      {"mixed", {{s1_, kT0 + 600, 1}, {s2_, kT0 + 600, 2100}, {s2_, kT0 + 600, 2100}}, 1, 1, 1},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto counts = Insert(c.batch);
    EXPECT_EQ(counts.inserted, c.inserted);
    EXPECT_EQ(counts.duplicate, c.duplicate);
    EXPECT_EQ(counts.conflicting, c.conflicting);
  }
  EXPECT_EQ(
      Range(s1_, kT0, kT0 + 3600),
      (std::vector<Reading>{{s1_, kT0, 1820}, {s1_, kT0 + 300, 1830}, {s1_, kT0 + 600, 1700}}));
  EXPECT_EQ(Range(s2_, kT0, kT0 + 3600), (std::vector<Reading>{{s2_, kT0 + 600, 2100}}));
}

// Issue 12: a forged reading sent first must not make the genuine one vanish as a duplicate. The
// other value is counted as conflicting and kept for review with where and when it came, once
// per distinct value (a redelivered conflict is counted again, not kept twice).
TEST_P(ReadingStoreContract, ConflictingReadingsAreKeptForReview) {
  Insert({{s1_, kT0, 1820}, {s2_, kT0, 2000}});
  auto first = store_->Insert(std::vector<Reading>{{s1_, kT0, 2500}, {s2_, kT0, 2000}},
                              ports::InsertSource{"mqtt", kT0 + 5});
  ASSERT_TRUE(first.ok()) << first.error().detail;
  EXPECT_EQ(first->inserted, 0);
  EXPECT_EQ(first->duplicate, 1);
  EXPECT_EQ(first->conflicting, 1);
  auto again = store_->Insert(std::vector<Reading>{{s1_, kT0, 2500}, {s1_, kT0, 900}},
                              ports::InsertSource{"http", kT0 + 9});
  ASSERT_TRUE(again.ok()) << again.error().detail;
  EXPECT_EQ(again->conflicting, 2);
  EXPECT_EQ(Range(s1_, kT0, kT0 + 1), (std::vector<Reading>{{s1_, kT0, 1820}}));

  auto kept = store_->Conflicts(s1_, 0, 100);
  ASSERT_TRUE(kept.ok()) << kept.error().detail;
  ASSERT_EQ(kept->size(), 2u);
  EXPECT_LT((*kept)[0].id, (*kept)[1].id);  // in the order they were kept: 2500 first
  auto rest = store_->Conflicts(s1_, (*kept)[0].id, 100);  // a page after the first
  ASSERT_TRUE(rest.ok());
  ASSERT_EQ(rest->size(), 1u);
  EXPECT_EQ(rest->front().centi, 900);
  auto one = store_->Conflicts(s1_, 0, 1);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->size(), 1u);
  std::sort(kept->begin(), kept->end(),
            [](const auto& a, const auto& b) { return a.centi < b.centi; });
  EXPECT_EQ((*kept)[0].centi, 900);
  EXPECT_EQ((*kept)[0].source, "http");
  EXPECT_EQ((*kept)[0].received_at, kT0 + 9);
  EXPECT_EQ((*kept)[1].centi, 2500);
  EXPECT_EQ((*kept)[1].stored_centi, 1820);
  EXPECT_EQ((*kept)[1].ts, kT0);
  EXPECT_EQ((*kept)[1].source, "mqtt");
  EXPECT_EQ((*kept)[1].received_at, kT0 + 5);
  auto none = store_->Conflicts(s2_, 0, 100);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST_P(ReadingStoreContract, RangeIsOrderedAndHalfOpen) {
  // Sent out of order, and another sensor's readings interleaved.
  Insert({{s1_, kT0 + 120, 3},
          {s2_, kT0 + 60, 9},
          {s1_, kT0, 1},
          {s1_, kT0 + 60, 2},
          {s1_, kT0 + 180, 4}});
  struct Case {
    const char* name;
    int64_t from, to, limit;
    std::vector<int64_t> ts;
  };
  const Case cases[] = {
      {"all", kT0 - 1000, kT0 + 1000, 100, {kT0, kT0 + 60, kT0 + 120, kT0 + 180}},
      {"from is inclusive", kT0 + 60, kT0 + 1000, 100, {kT0 + 60, kT0 + 120, kT0 + 180}},
      {"to is exclusive", kT0, kT0 + 120, 100, {kT0, kT0 + 60}},
      {"empty window", kT0 + 60, kT0 + 60, 100, {}},
      {"before everything", 0, kT0, 100, {}},
      {"the first `limit` in time order", kT0 - 1000, kT0 + 1000, 2, {kT0, kT0 + 60}},
      {"a limit of one", kT0 + 61, kT0 + 1000, 1, {kT0 + 120}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<int64_t> got;
    for (const Reading& r : Range(s1_, c.from, c.to, c.limit)) {
      EXPECT_EQ(r.sensor_id, s1_);
      got.push_back(r.ts);
    }
    EXPECT_EQ(got, c.ts);
  }
  EXPECT_TRUE(Range(s2_ + 1000, 0, kT0 * 2).empty());
}

TEST_P(ReadingStoreContract, FindsSensorsByCode) {
  auto found = store_->FindSensor("T-2");
  ASSERT_TRUE(found.ok()) << found.error().detail;
  EXPECT_EQ(found->id, s2_);
  EXPECT_EQ(found->room_id, room_);
  EXPECT_EQ(found->household_id, household_);
  EXPECT_EQ(found->company_id, company_);
  for (const char* code : {"T-3", "", "t-2", "T-2 "}) {
    SCOPED_TRACE(code);
    auto missing = store_->FindSensor(code);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  }
}

TEST_P(ReadingStoreContract, FindsManySensorsInOneCallInTheOrderAsked) {
  // Codes are free text: those that would break a quoted list or an array literal are found too.
  const std::vector<std::string> awkward = {R"(q"u)", R"(back\slash)", "a,b", "{x}",
                                            "NULL",   "温度-1",        "it's"};
  std::vector<int64_t> ids;
  for (const std::string& code : awkward)
    ids.push_back(Make("sensors", {{"code", code}, {"room_id", room_}}));
  std::vector<std::string> asked = {"T-2", "nope", "T-1", "", std::string("T-1\0x", 5)};
  asked.insert(asked.end(), awkward.begin(), awkward.end());
  auto found = store_->FindSensors(asked);
  ASSERT_TRUE(found.ok()) << found.error().detail;
  ASSERT_EQ(found->size(), asked.size());
  EXPECT_EQ((*found)[0]->id, s2_);
  EXPECT_FALSE((*found)[1]);
  EXPECT_EQ((*found)[2]->id, s1_);
  EXPECT_FALSE((*found)[3]);
  EXPECT_FALSE((*found)[4]) << "a code with a NUL is not another code";
  for (size_t i = 0; i < awkward.size(); ++i) {
    SCOPED_TRACE(awkward[i]);
    ASSERT_TRUE((*found)[5 + i]);
    EXPECT_EQ((*found)[5 + i]->id, ids[i]);
    EXPECT_EQ((*found)[5 + i]->household_id, household_);
  }
  auto none = store_->FindSensors({});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST_P(ReadingStoreContract, AFailedBatchStoresNothing) {
  // The last row breaks the precondition (no such sensor): the whole batch is refused, also the
  // rows before it, and the store stays usable.
  std::vector<Reading> batch;
  for (int i = 0; i < 300; ++i) batch.push_back({s1_, kT0 + i, 1800 + i});
  batch.push_back({s2_ + 1000, kT0, 1800});
  auto failed = store_->Insert(batch);
  ASSERT_FALSE(failed.ok());
  EXPECT_TRUE(Range(s1_, 0, kT0 * 2).empty());
  batch.pop_back();
  auto counts = Insert(batch);
  EXPECT_EQ(counts.inserted, 300);
  EXPECT_EQ(Range(s1_, 0, kT0 * 2).size(), 300u);
}

TEST_P(ReadingStoreContract, LargeBatchesSurviveReopening) {
  // More rows than one multi-row statement holds, with duplicates of earlier rows and of each
  // other; then a fresh store (new connections) reads what was committed.
  std::vector<Reading> first, second;
  for (int i = 0; i < 1000; ++i) first.push_back({i % 2 ? s1_ : s2_, kT0 + i * 30, i});
  // The overlap is re-sent as it was (duplicates); new rows have values of their own.
  for (int i = 500; i < 1700; ++i) {
    second.push_back({i % 2 ? s1_ : s2_, kT0 + i * 30, i < 1000 ? i : -i});
  }
  second.push_back(second.front());
  second.push_back({s2_, kT0 + 600 * 30, 7});  // i = 600 with another value: conflicting
  auto a = Insert(first);
  EXPECT_EQ(a.inserted, 1000);
  auto b = Insert(second);
  EXPECT_EQ(b.inserted, 700);
  EXPECT_EQ(b.duplicate, 501);
  EXPECT_EQ(b.conflicting, 1);
  store_ = Open();
  ASSERT_NE(store_, nullptr);
  auto rows = Range(s1_, 0, kT0 * 2);
  ASSERT_EQ(rows.size(), 850u);
  EXPECT_TRUE(std::is_sorted(rows.begin(), rows.end(),
                             [](const Reading& x, const Reading& y) { return x.ts < y.ts; }));
  EXPECT_EQ(rows.front().centi, 1);     // from the first batch
  EXPECT_EQ(rows.back().centi, -1699);  // only in the second
}

TEST_P(ReadingStoreContract, ConcurrentWritersCountEachReadingOnce) {
  // Four threads send overlapping batches; every reading is inserted exactly once in total.
  constexpr int kThreads = 4, kBatches = 10, kPerBatch = 100;
  std::vector<ports::InsertCounts> totals(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int b = 0; b < kBatches; ++b) {
        std::vector<Reading> batch;
        for (int i = 0; i < kPerBatch; ++i) {
          // Thread t overlaps thread t+1 by half of each batch.
          int64_t n = (b * kPerBatch + i) + t * kPerBatch / 2;
          batch.push_back({n % 2 ? s1_ : s2_, kT0 + n, 1800});
        }
        auto c = store_->Insert(batch);
        ASSERT_TRUE(c.ok()) << c.error().detail;
        Add(totals[static_cast<size_t>(t)], *c);
      }
    });
  }
  for (auto& th : threads) th.join();
  ports::InsertCounts all;
  for (const auto& c : totals) Add(all, c);
  const int64_t distinct = kBatches * kPerBatch + (kThreads - 1) * kPerBatch / 2;
  EXPECT_EQ(all.inserted, distinct);
  EXPECT_EQ(all.inserted + all.duplicate, kThreads * kBatches * kPerBatch);
  EXPECT_EQ(static_cast<int64_t>(Range(s1_, 0, kT0 * 2).size() + Range(s2_, 0, kT0 * 2).size()),
            distinct);
}

TEST_P(ReadingStoreContract, ManyWritersAtOnceAreEachCountedAsIfAlone) {
  // Eight threads send the same 1,000 keys in batches of 40, with a quarantined reading in each
  // batch: even threads the value n, odd threads n + 1. Batches that meet in one transaction
  // (SQLite's group commit) are counted as if alone, so whatever the order: each key is stored
  // once, the 3 other sends of its stored value are duplicates and the 4 of the other value
  // conflicts, kept once per key; every quarantined reading is kept.
  constexpr int kThreads = 8, kBatches = 25, kPerBatch = 40;
  const ports::InsertSource source{"test", kT0};
  std::vector<ports::InsertCounts> totals(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int b = 0; b < kBatches; ++b) {
        std::vector<Reading> batch;
        for (int i = 0; i < kPerBatch; ++i) {
          const int n = b * kPerBatch + i;
          batch.push_back({n % 2 ? s1_ : s2_, kT0 + n, n + t % 2});
        }
        const ports::QuarantinedReading held[] = {
            {s1_, kT0 + 10'000'000 + t * 1000 + b, 1800, "time in the future"}};
        auto c = store_->Insert(batch, held, source);
        ASSERT_TRUE(c.ok()) << c.error().detail;
        Add(totals[static_cast<size_t>(t)], *c);
      }
    });
  }
  for (auto& th : threads) th.join();
  ports::InsertCounts all;
  for (const auto& c : totals) Add(all, c);
  constexpr int64_t kKeys = kBatches * kPerBatch;
  EXPECT_EQ(all.inserted, kKeys);
  EXPECT_EQ(all.duplicate, 3 * kKeys);
  EXPECT_EQ(all.conflicting, 4 * kKeys);
  EXPECT_EQ(all.quarantined, kThreads * kBatches);
  EXPECT_EQ(Range(s1_, 0, kT0 + kKeys).size() + Range(s2_, 0, kT0 + kKeys).size(),
            static_cast<size_t>(kKeys));
  auto kept = [&](int64_t sensor) {
    auto c = store_->Conflicts(sensor, 0, 1'000'000);
    EXPECT_TRUE(c.ok());
    return c.ok() ? c->size() : 0u;
  };
  EXPECT_EQ(kept(s1_) + kept(s2_), static_cast<size_t>(kKeys)) << "one per key's other value";
  auto held = store_->Quarantined(s1_, 0, 1'000'000);
  ASSERT_TRUE(held.ok());
  EXPECT_EQ(held->size(), static_cast<size_t>(kThreads * kBatches));
}

TEST_P(ReadingStoreContract, InsertMarksEachSensorLocalDayDirty) {
  // ports/monitoring_store.hpp: each distinct (sensor, local UTC+08:00 day) of a batch is marked
  // in the insert's transaction; a later batch touching a marked day bumps its seq.
  auto conn = Connect(url_, false);
  ASSERT_TRUE(conn.ok());
  auto marks = [&] {
    auto rows =
        (*conn)->Query("SELECT sensor_id, day, seq FROM dirty_sensor_days ORDER BY sensor_id, day");
    EXPECT_TRUE(rows.ok());
    std::vector<std::string> out;
    for (size_t r = 0; rows.ok() && r < rows->rows.size(); ++r) {
      out.push_back(std::to_string(rows->Int(r, 0) == s1_ ? 1 : 2) + " " + rows->Text(r, 1) + " " +
                    rows->Text(r, 2));
    }
    return out;
  };
  const int64_t midnight = kT0 + 16 * 3600;  // 2025-12-02T00:00:00+08:00
  struct Case {
    const char* name;
    std::vector<Reading> batch;
    std::vector<std::string> marks;
  };
  const Case cases[] = {
      {"two days of one sensor, one of another",
       {{s1_, kT0, 1},
        {s1_, kT0 + 60, 2},
        {s1_, midnight, 3},
        {s2_, midnight - 1, 4},
        {s1_, kT0 - 8 * 3600 - 1, 5}},
       {"1 2025-11-30 1", "1 2025-12-01 1", "1 2025-12-02 1", "2 2025-12-01 1"}},
      {"a later reading bumps its day once",
       {{s1_, midnight + 60, 6}, {s1_, midnight + 120, 7}},
       {"1 2025-11-30 1", "1 2025-12-01 1", "1 2025-12-02 2", "2 2025-12-01 1"}},
      {"a failed batch marks nothing",
       {{s2_, midnight, 8}, {s2_ + 1000, kT0, 9}},
       {"1 2025-11-30 1", "1 2025-12-01 1", "1 2025-12-02 2", "2 2025-12-01 1"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    (void)store_->Insert(c.batch);
    EXPECT_EQ(marks(), c.marks);
  }
  // Many sensor-days in one batch (more than one statement's worth of rows on SQLite).
  std::vector<Reading> many;
  for (int d = 0; d < 300; ++d) many.push_back({d % 2 ? s1_ : s2_, kT0 + d * 86400 + 3 * 86400, 1});
  (void)Insert(many);
  EXPECT_EQ(marks().size(), 4u + 300u);
}

INSTANTIATE_TEST_SUITE_P(Engines, ReadingStoreContract,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage

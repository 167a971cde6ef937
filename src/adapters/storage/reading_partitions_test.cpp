// Readings by month (issue 17, migration 26) on a real PostgreSQL and on SQLite: the migration
// moves stored readings into their months, the reading store creates a new month's partition
// before its batch, reads and duplicates work across months, and pruning drops whole months (with
// its audit entry) on PostgreSQL and is refused on SQLite.
#include "adapters/storage/reading_partitions.hpp"

#include <gtest/gtest.h>

#include "adapters/storage/migrations.hpp"
#include "adapters/storage/reading_store_sql.hpp"
#include "support/raw_city.hpp"
#include "support/test_database.hpp"

namespace hearth::adapters::storage {
namespace {

using support::Engine;
using support::EngineName;

constexpr Date Ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}
// Unix seconds of y-m-d hh:mm local (UTC+08:00).
int64_t LocalTs(int y, unsigned m, unsigned d, int hh, int mm) {
  return (StartOfLocalDay(Ymd(y, m, d)) + std::chrono::hours{hh} + std::chrono::minutes{mm})
      .time_since_epoch()
      .count();
}

// A room and its sensor T-1 (id 1) in the raw household's flat.
constexpr const char* kRoomAndSensor[] = {
    "INSERT INTO rooms (household_id, name, kind) VALUES (1, 'living', 'living')",
    "INSERT INTO sensors (code, room_id) VALUES ('T-1', 1)",
};

class ReadingPartitions : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    auto c = Connect(db_->url());
    ASSERT_TRUE(c.ok());
    conn_ = std::move(*c);
  }
  bool pg() const { return GetParam() == Engine::kPostgres; }
  // The household of support/raw_city.hpp with one sensor (id 1).
  void MakeSensor() {
    for (const char* sql : support::kRawHouseholdRows) ASSERT_TRUE(conn_->Query(sql).ok()) << sql;
    for (const char* sql : kRoomAndSensor) ASSERT_TRUE(conn_->Query(sql).ok()) << sql;
  }

  // The partitions of readings, by name.
  std::vector<std::string> Partitions() {
    if (!pg()) return {};
    auto rows = conn_->Query(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "WHERE i.inhparent = 'readings'::regclass ORDER BY c.relname");
    EXPECT_TRUE(rows.ok());
    std::vector<std::string> out;
    for (size_t r = 0; rows.ok() && r < rows->rows.size(); ++r) out.push_back(rows->Text(r, 0));
    return out;
  }
  int64_t Count(const std::string& where = "1 = 1") {
    auto n = conn_->Query("SELECT COUNT(*) FROM readings WHERE " + where);
    EXPECT_TRUE(n.ok());
    return n.ok() ? n->Int(0, 0) : -1;
  }

  std::unique_ptr<support::TestDatabase> db_;
  std::unique_ptr<Connection> conn_;
};

// Readings stored before migration 26 are in their local months after it: 2025-11-30 23:59 and
// 2025-12-01 00:00 local are both 2025-11-30 in UTC, yet fall in two months.
TEST_P(ReadingPartitions, TheMigrationMovesStoredReadingsIntoTheirMonths) {
  ASSERT_TRUE(MigrateTo(*conn_, 25).ok());
  ASSERT_NO_FATAL_FAILURE(MakeSensor());
  const int64_t times[] = {LocalTs(2025, 11, 30, 23, 59), LocalTs(2025, 12, 1, 0, 0),
                           LocalTs(2026, 1, 15, 12, 0)};
  for (int64_t ts : times) {
    ASSERT_TRUE(
        conn_->Query("INSERT INTO readings (sensor_id, ts, centi) VALUES (1, $1, 2000)", {ts})
            .ok());
  }
  ASSERT_TRUE(Migrate(*conn_).ok());
  EXPECT_EQ(Count(), 3);
  if (pg()) {
    EXPECT_EQ(Partitions(),
              (std::vector<std::string>{"readings_202511", "readings_202512", "readings_202601"}));
    auto in_nov = conn_->Query("SELECT COUNT(*) FROM readings_202511");
    ASSERT_TRUE(in_nov.ok());
    EXPECT_EQ(in_nov->Int(0, 0), 1);
  }
  // The key still refuses a second reading of a (sensor, ts).
  EXPECT_FALSE(
      conn_->Query("INSERT INTO readings (sensor_id, ts, centi) VALUES (1, $1, 1900)", {times[1]})
          .ok());
}

// The store makes a new month's partition before the batch: a batch over a month's end and a
// later one in a month never seen, read back across the boundary, duplicates still counted.
TEST_P(ReadingPartitions, TheStoreStoresReadingsOfAnyMonth) {
  ASSERT_TRUE(Migrate(*conn_).ok());
  ASSERT_NO_FATAL_FAILURE(MakeSensor());
  auto store = OpenReadingStore(db_->url());
  ASSERT_TRUE(store.ok());
  const int64_t a = LocalTs(2026, 2, 28, 23, 50), b = LocalTs(2026, 3, 1, 0, 0),
                c = LocalTs(2027, 7, 4, 9, 0);
  std::vector<ports::Reading> first{{1, a, 2000}, {1, b, 2010}};
  auto counts = (*store)->Insert(first, {}, {"test", 0});
  ASSERT_TRUE(counts.ok()) << counts.error().detail;
  EXPECT_EQ(counts->inserted, 2);
  std::vector<ports::Reading> second{{1, c, 2100}, {1, b, 2010}};
  counts = (*store)->Insert(second, {}, {"test", 0});
  ASSERT_TRUE(counts.ok()) << counts.error().detail;
  EXPECT_EQ(counts->inserted, 1);
  EXPECT_EQ(counts->duplicate, 1);
  auto range = (*store)->Range(1, a, c + 1, 10);
  ASSERT_TRUE(range.ok());
  ASSERT_EQ(range->size(), 3u);
  EXPECT_EQ((*range)[0].ts, a);
  EXPECT_EQ((*range)[1].ts, b);
  EXPECT_EQ((*range)[2].ts, c);
  if (pg()) {
    EXPECT_EQ(Partitions(),
              (std::vector<std::string>{"readings_202602", "readings_202603", "readings_202707"}));
  }
}

TEST(ReadingMonthsTest, FirstMonthKeptCountsThisMonth) {
  EXPECT_EQ(FirstMonthKept(Ymd(2026, 12, 5), 1), Ymd(2026, 12, 1));
  EXPECT_EQ(FirstMonthKept(Ymd(2026, 12, 5), 12), Ymd(2026, 1, 1));
  EXPECT_EQ(FirstMonthKept(Ymd(2026, 12, 5), 24), Ymd(2025, 1, 1));
  EXPECT_EQ(FirstMonthKept(Ymd(2026, 1, 31), 2), Ymd(2025, 12, 1));
  EXPECT_EQ(FirstMonthKept(Ymd(2026, 3, 1), 27), Ymd(2024, 1, 1));
}

// Pruning drops the months before the first kept, names them, audits the drop, and keeps the
// rest; a dry run only names them; a store that knew a dropped month makes it again. SQLite
// refuses, naming why.
TEST_P(ReadingPartitions, PruningDropsWholeMonthsOnPostgres) {
  ASSERT_TRUE(Migrate(*conn_).ok());
  ASSERT_NO_FATAL_FAILURE(MakeSensor());
  auto store = OpenReadingStore(db_->url());
  ASSERT_TRUE(store.ok());
  std::vector<ports::Reading> batch{{1, LocalTs(2024, 10, 31, 23, 0), 2000},
                                    {1, LocalTs(2024, 11, 1, 0, 0), 2000},
                                    {1, LocalTs(2024, 12, 2, 0, 0), 2000}};
  ASSERT_TRUE((*store)->Insert(batch, {}, {"test", 0}).ok());

  auto dropped = PruneReadingMonths(*conn_, Ymd(2024, 12, 1), /*dry_run=*/true, "ops");
  if (!pg()) {
    ASSERT_FALSE(dropped.ok());
    EXPECT_EQ(dropped.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_NE(dropped.error().message.find("SQLite"), std::string::npos);
    EXPECT_EQ(Count(), 3);
    return;
  }
  ASSERT_TRUE(dropped.ok()) << dropped.error().detail;
  EXPECT_EQ(*dropped, (std::vector<std::string>{"readings_202410", "readings_202411"}));
  EXPECT_EQ(Count(), 3);  // a dry run drops nothing

  dropped = PruneReadingMonths(*conn_, Ymd(2024, 12, 15), /*dry_run=*/false, "ops");
  ASSERT_TRUE(dropped.ok()) << dropped.error().detail;
  EXPECT_EQ(*dropped, (std::vector<std::string>{"readings_202410", "readings_202411"}));
  EXPECT_EQ(Partitions(), std::vector<std::string>{"readings_202412"});
  EXPECT_EQ(Count(), 1);
  auto audit = conn_->Query(
      "SELECT actor, after_json FROM audit_log WHERE resource = 'readings' AND action = 'prune'");
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->rows.size(), 1u);
  EXPECT_EQ(audit->Text(0, 0), "ops");
  EXPECT_EQ(audit->Text(0, 1),
            R"({"first_kept":"2024-12-01","dropped":["readings_202410","readings_202411"]})");

  // Nothing left to drop: no audit entry for nothing.
  dropped = PruneReadingMonths(*conn_, Ymd(2024, 12, 1), false, "ops");
  ASSERT_TRUE(dropped.ok());
  EXPECT_TRUE(dropped->empty());

  // The store had made sure of October before it was dropped: a late reading of it is stored
  // all the same (the store makes sure of its months again when a batch fails).
  std::vector<ports::Reading> late{{1, LocalTs(2024, 10, 20, 8, 0), 1990}};
  auto stored = (*store)->Insert(late, {}, {"test", 0});
  ASSERT_TRUE(stored.ok()) << stored.error().detail;
  EXPECT_EQ(stored->inserted, 1);
  EXPECT_EQ(Count(), 2);
  EXPECT_EQ(Partitions(), (std::vector<std::string>{"readings_202410", "readings_202412"}));
}

INSTANTIATE_TEST_SUITE_P(Engines, ReadingPartitions,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage

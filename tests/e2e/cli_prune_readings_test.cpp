// ctest-labels: e2e pg
// `hearth prune-readings` end to end (issue 17): on PostgreSQL, a dry run names the months before
// the retention period and drops nothing, the run drops them and keeps the rest; SQLite refuses;
// a period under 24 months or no period is a flag error (exit 2) naming --keep-months.
#include <gtest/gtest.h>

#include "adapters/storage/migrations.hpp"
#include "core/civil_time.hpp"
#include "adapters/storage/reading_store_sql.hpp"
#include "support/test_postgres.hpp"
#include "support/test_process.hpp"
#include "support/test_sensors.hpp"

namespace hearth::e2e {
namespace {

using support::RunHearth;

// Unix seconds of noon local on the 10th of the month `months_ago` months before today's.
int64_t MonthsAgo(int months_ago) {
  const auto today = std::chrono::year_month_day{
      LocalDate(std::chrono::time_point_cast<std::chrono::seconds>(
          std::chrono::system_clock::now()))};
  const auto ym = std::chrono::year_month{today.year(), today.month()} -
                  std::chrono::months{months_ago};
  const Date day{ym / std::chrono::day{10}};
  return (StartOfLocalDay(day) + std::chrono::hours{12}).time_since_epoch().count();
}

int64_t CountReadings(const std::string& url) {
  auto conn = adapters::storage::Connect(url, false);
  if (!conn.ok()) return -1;
  auto n = (*conn)->Query("SELECT COUNT(*) FROM readings");
  return n.ok() ? n->Int(0, 0) : -1;
}

TEST(PruneReadingsCli, DropsWholeMonthsPastTheRetentionOnPostgres) {
  const std::string url = support::PostgresCluster::Shared().CreateDatabase();
  int64_t sensor = 0;
  {
    auto conn = adapters::storage::Connect(url);
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(adapters::storage::Migrate(**conn).ok());
    adapters::storage::SqlRecordStore records(std::move(*conn));
    sensor = support::MakeSensorCity(records, "c1", 1, "S-").sensor_ids.at(0);
  }
  {
    auto store = adapters::storage::OpenReadingStore(url);
    ASSERT_TRUE(store.ok());
    // This month, 23 and 24 months ago (kept with --keep-months 25), 25 and 30 months ago (not).
    std::vector<ports::Reading> batch;
    for (int ago : {0, 23, 24, 25, 30}) batch.push_back({sensor, MonthsAgo(ago), 2000});
    ASSERT_TRUE((*store)->Insert(batch, {}, {"test", 0}).ok());
  }
  const std::vector<std::string> prune = {"prune-readings", "--keep-months", "25", "--db", url};

  std::vector<std::string> dry = prune;
  dry.push_back("--dry-run");
  auto named = RunHearth(dry);
  ASSERT_EQ(named.exit_code, 0) << named.err;
  EXPECT_NE(named.out.find("would drop 2 month(s)"), std::string::npos) << named.out;
  EXPECT_EQ(CountReadings(url), 5);

  auto dropped = RunHearth(prune);
  ASSERT_EQ(dropped.exit_code, 0) << dropped.err;
  EXPECT_NE(dropped.out.find("dropped 2 month(s)"), std::string::npos) << dropped.out;
  EXPECT_EQ(CountReadings(url), 3);

  auto again = RunHearth(prune);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("dropped 0 month(s)"), std::string::npos) << again.out;
}

TEST(PruneReadingsCli, RefusesSqliteAndBadPeriods) {
  support::TempDir dir;
  const std::string db = dir / "h.db";
  {
    auto conn = adapters::storage::Connect(db);
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(adapters::storage::Migrate(**conn).ok());
  }
  auto sqlite = RunHearth({"prune-readings", "--keep-months", "36", "--db", db});
  EXPECT_EQ(sqlite.exit_code, 1) << sqlite.err;
  EXPECT_NE(sqlite.err.find("SQLite"), std::string::npos) << sqlite.err;

  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"prune-readings", "--keep-months", "23", "--db", db},
        std::vector<std::string>{"prune-readings", "--keep-months", "many", "--db", db},
        std::vector<std::string>{"prune-readings", "--db", db}}) {
    auto bad = RunHearth(args);
    EXPECT_EQ(bad.exit_code, 2) << bad.err;
    EXPECT_NE(bad.err.find("--keep-months"), std::string::npos) << bad.err;
  }
}

}  // namespace
}  // namespace hearth::e2e

// ctest-labels: pg
// Issue 18, item 1: the PostgreSQL connections come back by themselves. The server ends their
// sessions (pg_terminate_backend, as a restart does with FATAL 57P01) or goes away altogether
// (a cluster of the test's own, stopped and started); the next statement reconnects, except
// inside a transaction, where nothing may run on a new session.
#include <gtest/gtest.h>

#include <thread>

#include "adapters/storage/migrations.hpp"
#include "adapters/storage/reading_store_sql.hpp"
#include "adapters/storage/sql.hpp"
#include "support/test_postgres.hpp"
#include "support/test_sensors.hpp"

namespace hearth::adapters::storage {
namespace {

// Ends every other session on the database, from a connection of its own, and waits until
// their server processes are gone (as `pg_ctl restart` does before it returns).
void TerminateOthers(const std::string& url) {
  auto admin = Connect(url, false);
  ASSERT_TRUE(admin.ok());
  auto r = (*admin)->Query(
      "SELECT bool_and(pg_terminate_backend(pid, 10000)) FROM pg_stat_activity "
      "WHERE datname = current_database() AND pid <> pg_backend_pid()");
  ASSERT_TRUE(r.ok()) << r.error().detail;
  ASSERT_EQ(r->Int(0, 0), 1) << "a session did not end within 10 s";
}

int64_t BackendPid(Connection& conn) {
  auto r = conn.Query("SELECT pg_backend_pid()");
  EXPECT_TRUE(r.ok());
  return r.ok() ? r->Int(0, 0) : 0;
}

TEST(PgReconnect, ASessionTheServerEndedWhileIdleIsReplacedBeforeTheNextStatement) {
  const std::string url = support::PostgresCluster::Shared().CreateDatabase();
  auto conn = Connect(url, false);
  ASSERT_TRUE(conn.ok());
  ASSERT_TRUE((*conn)->Script("CREATE TABLE t (id BIGINT PRIMARY KEY)").ok());
  const int64_t before = BackendPid(**conn);
  TerminateOthers(url);
  // A write too: the dead session is noticed before the INSERT is sent, so it is not a write
  // whose fate is unknown, and it succeeds on the new session.
  auto r = (*conn)->Query("INSERT INTO t (id) VALUES (1)");
  ASSERT_TRUE(r.ok()) << r.error().message << " " << r.error().detail;
  EXPECT_NE(BackendPid(**conn), before);
  auto n = (*conn)->Query("SELECT COUNT(*) FROM t");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->Int(0, 0), 1);
}

TEST(PgReconnect, ALostTransactionFailsToItsEndAndKeepsNothing) {
  const std::string url = support::PostgresCluster::Shared().CreateDatabase();
  auto conn = Connect(url, false);
  ASSERT_TRUE(conn.ok());
  ASSERT_TRUE((*conn)->Script("CREATE TABLE t (id BIGINT PRIMARY KEY)").ok());
  Status s = InTransaction(**conn, [&]() -> Status {
    if (auto r = (*conn)->Query("INSERT INTO t (id) VALUES (1)"); !r.ok()) return r.error();
    TerminateOthers(url);
    // Without the guard this would run on a new session, outside the transaction, and stay.
    if (auto r = (*conn)->Query("INSERT INTO t (id) VALUES (2)"); !r.ok()) return r.error();
    return OkStatus();
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(s.error().message.find("PostgreSQL"), std::string::npos) << s.error().message;
  // The connection is usable again, and nothing of the transaction was kept.
  auto n = (*conn)->Query("SELECT COUNT(*) FROM t");
  ASSERT_TRUE(n.ok()) << n.error().detail;
  EXPECT_EQ(n->Int(0, 0), 0);
  ASSERT_TRUE(InTransaction(**conn, [&]() -> Status {
                auto r = (*conn)->Query("INSERT INTO t (id) VALUES (3)");
                return r.ok() ? OkStatus() : Status(r.error());
              }).ok());
}

TEST(PgReconnect, TheReadingStoreReconnectsAndSetsUpAgain) {
  const std::string url = support::PostgresCluster::Shared().CreateDatabase();
  auto ids = support::MakeSensorCodes(url, "RC", 1);
  auto store = OpenReadingStore(url);
  ASSERT_TRUE(store.ok());
  const int64_t sensor = ids.at("RC0");
  std::vector<ports::Reading> batch = {{sensor, 1764547200, 2050}, {sensor, 1764547260, 2060}};
  ASSERT_TRUE((*store)->Insert(batch).ok());
  TerminateOthers(url);
  // The COPY path's session set-up (its staging table, prepared statements) is made again.
  std::vector<ports::Reading> more = {{sensor, 1764547320, 2070}};
  auto counts = (*store)->Insert(more);
  ASSERT_TRUE(counts.ok()) << counts.error().message << " " << counts.error().detail;
  EXPECT_EQ(counts->inserted, 1);
  TerminateOthers(url);
  auto range = (*store)->Range(sensor, 0, int64_t{1} << 40, 10);
  ASSERT_TRUE(range.ok()) << range.error().detail;
  EXPECT_EQ(range->size(), 3u);
}

TEST(PgReconnect, AServerThatIsDownFailsFastAndIsFoundAgainWhenBack) {
  auto cluster = support::PostgresCluster::StartOwn(/*durable=*/false);
  const std::string url = cluster->CreateDatabase();
  auto conn = Connect(url, false);
  ASSERT_TRUE(conn.ok());
  ASSERT_TRUE((*conn)->Query("SELECT 1").ok());
  cluster->Stop();
  auto down = (*conn)->Query("SELECT 1");
  ASSERT_FALSE(down.ok());
  EXPECT_EQ(down.error().code, ErrorCode::kUnavailable);
  // Within the retry interval, no new attempt: the answer is immediate and says the same.
  auto again = (*conn)->Query("SELECT 1");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().message, "cannot connect to PostgreSQL; try again");
  cluster->Start();
  bool back = false;
  for (int i = 0; i < 100 && !back; ++i) {
    back = (*conn)->Query("SELECT 1").ok();
    if (!back) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(back);
}

}  // namespace
}  // namespace hearth::adapters::storage

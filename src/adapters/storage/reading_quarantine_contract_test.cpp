// The quarantine of readings (issue 18, item 5) on SQLite and on a real PostgreSQL cluster: kept
// in the batch's transaction, once per (sensor, ts), all or nothing with the batch; read back by
// sensor and paged (ReadingStore::Quarantined); summed per sensor for the alerts within a window
// and a company (MonitoringStore::QuarantinedSensors).
#include <gtest/gtest.h>

#include "adapters/storage/migrations.hpp"
#include "adapters/storage/monitoring_store_sql.hpp"
#include "adapters/storage/reading_store_sql.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "support/test_database.hpp"
#include "support/test_sensors.hpp"

namespace hearth::adapters::storage {
namespace {

using ports::QuarantinedReading;
using ports::Reading;
using support::Engine;
using support::EngineName;

constexpr int64_t kT0 = 1764547200;  // 2025-12-01T08:00:00+08:00
constexpr const char* kFuture = "time in the future";

class ReadingQuarantineContract : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    auto conn = Connect(db_->url());
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(Migrate(**conn).ok());
    SqlRecordStore records(std::move(*conn));
    c1_ = support::MakeSensorCity(records, "c1", 2, "A-");
    c2_ = support::MakeSensorCity(records, "c2", 1, "B-");
    auto store = OpenReadingStore(db_->url());
    ASSERT_TRUE(store.ok()) << store.error().detail;
    store_ = std::move(*store);
    auto mine = Connect(db_->url(), false);
    ASSERT_TRUE(mine.ok());
    monitoring_ = std::make_unique<SqlMonitoringStore>(std::move(*mine));
  }
  void TearDown() override {
    store_.reset();
    monitoring_.reset();
    db_.reset();
  }

  ports::InsertCounts Insert(const std::vector<Reading>& batch,
                             const std::vector<QuarantinedReading>& quarantine,
                             std::string_view channel = "mqtt", int64_t received_at = kT0) {
    auto counts = store_->Insert(batch, quarantine, {channel, received_at});
    EXPECT_TRUE(counts.ok()) << counts.error().detail;
    return counts.ok() ? *counts : ports::InsertCounts{-1, -1, -1, -1};
  }
  std::vector<ports::QuarantineEntry> Quarantined(int64_t sensor, int64_t after = 0,
                                                  int64_t limit = 1000) {
    auto rows = store_->Quarantined(sensor, after, limit);
    EXPECT_TRUE(rows.ok()) << rows.error().detail;
    return rows.ok() ? *rows : std::vector<ports::QuarantineEntry>{};
  }
  int64_t A(int i) const { return c1_.sensor_ids[static_cast<size_t>(i)]; }
  int64_t B() const { return c2_.sensor_ids[0]; }

  std::unique_ptr<support::TestDatabase> db_;
  support::SensorCity c1_, c2_;
  std::unique_ptr<ports::ReadingStore> store_;
  std::unique_ptr<SqlMonitoringStore> monitoring_;
};

TEST_P(ReadingQuarantineContract, KeptWithTheBatchOncePerSensorAndTime) {
  const int64_t ahead = kT0 + 3600;
  struct Step {
    const char* name;
    std::vector<Reading> batch;
    std::vector<QuarantinedReading> quarantine;
    int64_t inserted, quarantined;  // as counted
  };
  const Step steps[] = {
      {"readings and quarantine together", {{A(0), kT0, 1800}},
       {{A(0), ahead, 1810, kFuture}, {A(0), ahead + 60, 1820, kFuture}}, 1, 2},
      {"quarantine alone", {}, {{A(1), ahead, 1900, kFuture}}, 0, 1},
      {"redelivered: nothing new", {{A(0), kT0, 1800}}, {{A(0), ahead, 1810, kFuture}}, 0, 0},
      {"another value, same time: the first stays", {}, {{A(0), ahead, 2500, kFuture}}, 0, 0},
      {"twice in one batch: once", {},
       {{B(), ahead, 1700, kFuture}, {B(), ahead, 1700, kFuture}}, 0, 1},
      {"nothing at all", {}, {}, 0, 0},
  };
  for (const Step& s : steps) {
    SCOPED_TRACE(s.name);
    auto counts = Insert(s.batch, s.quarantine);
    EXPECT_EQ(counts.inserted, s.inserted);
    EXPECT_EQ(counts.quarantined, s.quarantined);
  }
  auto a0 = Quarantined(A(0));
  ASSERT_EQ(a0.size(), 2u);
  EXPECT_EQ(a0[0].sensor_id, A(0));
  EXPECT_EQ(a0[0].ts, ahead);
  EXPECT_EQ(a0[0].centi, 1810);  // not 2500: the first kept stays
  EXPECT_EQ(a0[0].reason, kFuture);
  EXPECT_EQ(a0[0].received_at, kT0);
  EXPECT_EQ(a0[0].source, "mqtt");
  EXPECT_EQ(a0[1].ts, ahead + 60);
  EXPECT_LT(a0[0].id, a0[1].id);
  EXPECT_EQ(Quarantined(A(1)).size(), 1u);
  EXPECT_EQ(Quarantined(B()).size(), 1u);
  // Paged by id; quarantined readings are never readings.
  auto first = Quarantined(A(0), 0, 1);
  ASSERT_EQ(first.size(), 1u);
  auto rest = Quarantined(A(0), first[0].id, 10);
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].ts, ahead + 60);
  auto readings = store_->Range(A(0), 0, kT0 * 2, 100);
  ASSERT_TRUE(readings.ok());
  EXPECT_EQ(readings->size(), 1u);
}

TEST_P(ReadingQuarantineContract, AFailedBatchKeepsNothingInQuarantine) {
  // The batch breaks the store's precondition (no such sensor): nothing of it is kept, so an
  // unacknowledged message leaves no trace to count twice when it comes again.
  auto failed = store_->Insert(std::vector<Reading>{{B() + 1000, kT0, 1800}},
                               std::vector<QuarantinedReading>{{A(0), kT0 + 3600, 1800, kFuture}},
                               {"mqtt", kT0});
  ASSERT_FALSE(failed.ok());
  EXPECT_TRUE(Quarantined(A(0)).empty());
  // Nor does a bad quarantined reading leave the batch's readings behind.
  failed = store_->Insert(std::vector<Reading>{{A(0), kT0, 1800}},
                          std::vector<QuarantinedReading>{{B() + 1000, kT0 + 3600, 1, kFuture}},
                          {"mqtt", kT0});
  ASSERT_FALSE(failed.ok());
  auto readings = store_->Range(A(0), 0, kT0 * 2, 100);
  ASSERT_TRUE(readings.ok());
  EXPECT_TRUE(readings->empty());
  EXPECT_EQ(Insert({{A(0), kT0, 1800}}, {{A(0), kT0 + 3600, 1800, kFuture}}).quarantined, 1);
}

TEST_P(ReadingQuarantineContract, SummedPerSensorForTheAlerts) {
  const int64_t day = 86400;
  Insert({}, {{A(0), kT0 + 3600, 1800, kFuture}}, "http", kT0 - 2 * day);  // before the window
  Insert({}, {{A(0), kT0 + 7200, 1800, kFuture}, {A(0), kT0 + 5000, 1800, kFuture}}, "mqtt",
         kT0);
  Insert({}, {{B(), kT0 + 900, 1800, kFuture}}, "mqtt", kT0 + 60);
  struct Case {
    const char* name;
    std::optional<int64_t> company;
    int64_t since;
    std::vector<int64_t> sensors;  // by sensor id
  };
  const Case cases[] = {
      {"all, the last day", std::nullopt, kT0 - day, {A(0), B()}},
      {"one company", c2_.company_id, kT0 - day, {B()}},
      {"a window after everything", std::nullopt, kT0 + 61, {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto got = monitoring_->QuarantinedSensors(c.company, c.since);
    ASSERT_TRUE(got.ok()) << got.error().detail;
    std::vector<int64_t> ids;
    for (const auto& s : *got) ids.push_back(s.sensor_id);
    EXPECT_EQ(ids, c.sensors);
  }
  auto all = monitoring_->QuarantinedSensors(std::nullopt, kT0 - day);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  const ports::SensorQuarantine& a = (*all)[0];
  EXPECT_EQ(a.sensor_code, "A-0");
  EXPECT_EQ(a.household_id, c1_.household_id);
  EXPECT_EQ(a.household_code, "H-101");
  EXPECT_EQ(a.company_id, c1_.company_id);
  EXPECT_EQ(a.count, 2);  // the older one is outside the window
  EXPECT_EQ(a.latest_ts, kT0 + 7200);
  EXPECT_EQ(a.last_received_at, kT0);
  EXPECT_EQ(a.reason, kFuture);
  EXPECT_EQ((*all)[1].last_received_at, kT0 + 60);
}

INSTANTIATE_TEST_SUITE_P(Engines, ReadingQuarantineContract,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage

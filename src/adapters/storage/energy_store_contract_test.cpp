// The dispatch reports store's contract on SQLite and on a real PostgreSQL cluster (issue 15,
// R-ENERGY-1): one report per company, day and fuel, a second filing correcting it (both
// audited, the correction with what it replaced); lists newest day first, filtered and paged by
// position.
#include <gtest/gtest.h>

#include "adapters/storage/energy_sql.hpp"
#include "adapters/storage/migrations.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "support/test_database.hpp"
#include "support/test_sensors.hpp"

namespace hearth::adapters::storage {
namespace {

using rules::Fuel;
using support::Engine;
using support::EngineName;

Date D(const char* text) { return *ParseDate(text); }

class EnergyStoreContract : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    auto records = Connect(db_->url());
    ASSERT_TRUE(records.ok());
    ASSERT_TRUE(Migrate(**records).ok());
    records_ = std::make_unique<SqlRecordStore>(std::move(*records));
    auto conn = Connect(db_->url());
    ASSERT_TRUE(conn.ok());
    store_ = std::make_unique<SqlEnergyStore>(std::move(*conn));
    a_ = support::MakeSensorCity(*records_, "a", 0, "sa");
    b_ = support::MakeSensorCity(*records_, "b", 0, "sb");
  }
  void TearDown() override {
    store_.reset();
    records_.reset();
    db_.reset();
  }

  ports::EnergyReport Report(const support::SensorCity& city, const char* day, Fuel fuel,
                             int64_t stock, int64_t consumption) {
    ports::EnergyReport r;
    r.company_id = city.company_id;
    r.day = D(day);
    r.fuel = fuel;
    r.stock_centi = stock;
    r.consumption_centi = consumption;
    r.note = "日报";
    r.reported_by = "dispatcher";
    r.reported_at = *ParseRfc3339("2026-11-20T18:00:00+08:00");
    return r;
  }

  std::unique_ptr<support::TestDatabase> db_;
  std::unique_ptr<SqlRecordStore> records_;
  std::unique_ptr<SqlEnergyStore> store_;
  support::SensorCity a_, b_;
};

TEST_P(EnergyStoreContract, OneReportPerDayAndFuelAndACorrectionReplacesIt) {
  auto first = store_->File(Report(a_, "2026-11-20", Fuel::kCoal, 1'200'050, 35'025));
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_TRUE(first->second);
  EXPECT_EQ(first->first.stock_centi, 1'200'050);
  EXPECT_EQ(first->first.note, "日报");
  EXPECT_EQ(first->first.reported_at, *ParseRfc3339("2026-11-20T18:00:00+08:00"));
  // Another fuel, another company: reports of their own.
  ASSERT_TRUE(store_->File(Report(a_, "2026-11-20", Fuel::kGas, 500'000, 10'000))->second);
  ASSERT_TRUE(store_->File(Report(b_, "2026-11-20", Fuel::kCoal, 1, 1))->second);

  auto corrected = store_->File(Report(a_, "2026-11-20", Fuel::kCoal, 1'000'000, 35'000));
  ASSERT_TRUE(corrected.ok()) << corrected.error().message;
  EXPECT_FALSE(corrected->second);
  EXPECT_EQ(corrected->first.id, first->first.id);
  EXPECT_EQ(corrected->first.stock_centi, 1'000'000);
  auto audit = records_->Audit(std::nullopt, 1);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->front().resource, "energy_reports");
  EXPECT_EQ(audit->front().action, "update");
  EXPECT_NE(audit->front().before_json.find("12000.50"), std::string::npos)
      << audit->front().before_json;
  EXPECT_NE(audit->front().after_json.find("10000.00"), std::string::npos);

  ports::EnergyQuery q;
  q.company_id = a_.company_id;
  EXPECT_EQ(store_->List(q)->size(), 2u);
}

TEST_P(EnergyStoreContract, ListsNewestDayFirstFilteredAndPaged) {
  for (const char* day : {"2026-11-18", "2026-11-20", "2026-11-19"}) {
    ASSERT_TRUE(store_->File(Report(a_, day, Fuel::kCoal, 100, 10)).ok());
    ASSERT_TRUE(store_->File(Report(a_, day, Fuel::kGas, 100, 10)).ok());
  }
  ASSERT_TRUE(store_->File(Report(b_, "2026-11-21", Fuel::kCoal, 100, 10)).ok());
  ports::EnergyQuery q;
  q.company_id = a_.company_id;
  auto all = store_->List(q);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 6u);
  EXPECT_EQ((*all)[0].day, D("2026-11-20"));
  EXPECT_EQ((*all)[0].fuel, Fuel::kCoal);
  EXPECT_EQ((*all)[1].fuel, Fuel::kGas);
  EXPECT_EQ((*all)[5].day, D("2026-11-18"));
  q.fuel = Fuel::kGas;
  q.from = D("2026-11-19");
  q.to = D("2026-11-19");
  auto one = store_->List(q);
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->size(), 1u);
  EXPECT_EQ(one->front().day, D("2026-11-19"));
  ports::EnergyQuery page;
  page.offset = 2;
  page.limit = 2;
  auto second = store_->List(page);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->size(), 2u);
  EXPECT_EQ((*second)[0].day, D("2026-11-20"));  // b's 11-21, then a's 11-20 coal and gas
  EXPECT_EQ((*second)[0].fuel, Fuel::kGas);
  EXPECT_EQ((*second)[1].day, D("2026-11-19"));
}

INSTANTIATE_TEST_SUITE_P(Engines, EnergyStoreContract,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage

// The fixture of a store's contract suite, run on SQLite and on PostgreSQL (the test's
// parameter): a migrated database with two companies "a" and "b" (MakeSensorCity, no sensors),
// the record store, the store under test over a connection of its own, and the work-order store
// for reading the outbox the store writes.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "adapters/storage/migrations.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "adapters/storage/work_order_sql.hpp"
#include "support/test_database.hpp"
#include "support/test_sensors.hpp"

namespace hearth::support {

template <typename Store>
class StoreContract : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto records = adapters::storage::Connect(db_->url());
    ASSERT_TRUE(records.ok());
    ASSERT_TRUE(adapters::storage::Migrate(**records).ok());
    records_ = std::make_unique<adapters::storage::SqlRecordStore>(std::move(*records));
    auto conn = adapters::storage::Connect(db_->url());
    ASSERT_TRUE(conn.ok());
    store_ = std::make_unique<Store>(std::move(*conn));
    auto orders = adapters::storage::Connect(db_->url());
    ASSERT_TRUE(orders.ok());
    outbox_ = std::make_unique<adapters::storage::SqlWorkOrderStore>(std::move(*orders));
    a_ = MakeSensorCity(*records_, "a", 0, "sa");
    b_ = MakeSensorCity(*records_, "b", 0, "sb");
  }
  void TearDown() override {
    outbox_.reset();
    store_.reset();
    records_.reset();
    db_.reset();
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<adapters::storage::SqlRecordStore> records_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<adapters::storage::SqlWorkOrderStore> outbox_;
  SensorCity a_, b_;
};

}  // namespace hearth::support

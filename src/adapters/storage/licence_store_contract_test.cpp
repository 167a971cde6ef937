// The licence store's contract on SQLite and on a real PostgreSQL cluster (Z 3.4, R-REG-1,
// issue 15): a building of a district not licensed to its company is listed with its
// households, the stops that cut them off, the orders from them and the connection applications
// for it; a licensed one is not; a
// licence withdrawn puts its buildings on the list; the company filter.
#include <gtest/gtest.h>

#include "adapters/storage/connection_sql.hpp"
#include "adapters/storage/licence_sql.hpp"
#include "adapters/storage/migrations.hpp"
#include "adapters/storage/outage_sql.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "adapters/storage/work_order_sql.hpp"
#include "support/test_database.hpp"
#include "support/test_sensors.hpp"

namespace hearth::adapters::storage {
namespace {

using support::Engine;
using support::EngineName;

class LicenceStoreContract : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    auto conn = [&] {
      auto c = Connect(db_->url());
      EXPECT_TRUE(c.ok());
      return std::move(*c);
    };
    auto records = conn();
    ASSERT_TRUE(Migrate(*records).ok());
    records_ = std::make_unique<SqlRecordStore>(std::move(records));
    orders_ = std::make_unique<SqlWorkOrderStore>(conn());
    outages_ = std::make_unique<SqlOutageStore>(conn());
    connections_ = std::make_unique<SqlConnectionStore>(conn());
    store_ = std::make_unique<SqlLicenceStore>(conn());
    // MakeSensorCity writes no licence: both companies' buildings are outside one.
    a_ = support::MakeSensorCity(*records_, "a", 0, "sa");
    b_ = support::MakeSensorCity(*records_, "b", 0, "sb");
  }
  void TearDown() override {
    store_.reset();
    connections_.reset();
    outages_.reset();
    orders_.reset();
    records_.reset();
    db_.reset();
  }

  // The first building of `company` with its district.
  std::pair<int64_t, int64_t> Building(int64_t company) {
    ports::ListQuery q;
    q.equals["company_id"] = company;
    auto page = records_->List(*model::FindResource("buildings"), q);
    EXPECT_TRUE(page.ok() && !page->items.empty());
    const auto& r = page->items.front();
    return {r.id, *r.Int("district_id")};
  }

  int64_t Licence(int64_t company, int64_t district) {
    auto r = records_->Create(*model::FindResource("licensed_districts"),
                              {{"company_id", company}, {"district_id", district}}, {}, "gov");
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? r->id : 0;
  }

  std::unique_ptr<support::TestDatabase> db_;
  std::unique_ptr<SqlRecordStore> records_;
  std::unique_ptr<SqlWorkOrderStore> orders_;
  std::unique_ptr<SqlOutageStore> outages_;
  std::unique_ptr<SqlConnectionStore> connections_;
  std::unique_ptr<SqlLicenceStore> store_;
  support::SensorCity a_, b_;
};

TEST_P(LicenceStoreContract, BuildingsOutsideTheLicenceWithTheirWorks) {
  const auto [a_building, a_district] = Building(a_.company_id);
  const auto [b_building, b_district] = Building(b_.company_id);
  Licence(b_.company_id, b_district);
  // Works at a's building: a stop that cut its household off, and two orders from it.
  ports::Outage o;
  o.company_id = a_.company_id;
  o.cause = "换热站检修";
  o.scope.buildings = {a_building};
  o.start = *ParseRfc3339("2025-12-10T08:00:00+08:00");
  o.expected_end = *ParseRfc3339("2025-12-10T20:00:00+08:00");
  o.created_by = "m";
  auto stop = outages_->Create(o, {});
  ASSERT_TRUE(stop.ok()) << stop.error().message;
  for (int i = 0; i < 2; ++i) {
    ports::WorkOrderHead h;
    h.company_id = a_.company_id;
    h.household_id = a_.household_id;
    h.received_at = o.start;
    h.content = "暖气不热";
    h.season = 2025;
    h.created_by = "agent";
    h.created_at = o.start;
    ASSERT_TRUE(orders_->Create(h, {}, {}).ok());
  }
  // And an application to connect a new household there (R-CONN-1).
  ports::ConnectionRecord application;
  application.company_id = a_.company_id;
  application.building_id = a_building;
  application.applicant = "王芳";
  application.application.new_building = true;
  application.application.received_at = o.start;
  application.season = 2026;
  application.created_by = "agent";
  application.created_at = o.start;
  ASSERT_TRUE(connections_->Create(application, {}, {}).ok());

  auto got = store_->Unlicensed(std::nullopt);
  ASSERT_TRUE(got.ok()) << got.error().message;
  ASSERT_EQ(got->size(), 1u);  // b's building is licensed
  const ports::UnlicensedBuilding& u = got->front();
  EXPECT_EQ(u.company_id, a_.company_id);
  EXPECT_EQ(u.building_id, a_building);
  EXPECT_EQ(u.building_code, "B-01");
  EXPECT_EQ(u.community, "X");
  EXPECT_EQ(u.district_id, a_district);
  EXPECT_EQ(u.district_code, "d-a");
  EXPECT_EQ(u.households, 1);
  EXPECT_EQ(u.heated_households, 1);
  EXPECT_EQ(u.outage_ids, std::vector<int64_t>{stop->id});
  EXPECT_EQ(u.work_orders, 2);
  EXPECT_EQ(u.connection_applications, 1);

  // Licensed, a's building leaves the list; b's licence withdrawn, b's comes on.
  const int64_t a_licence = Licence(a_.company_id, a_district);
  EXPECT_TRUE(store_->Unlicensed(std::nullopt)->empty());
  ASSERT_TRUE(records_->Delete(*model::FindResource("licensed_districts"), a_licence, {}, "gov")
                  .ok());
  ports::ListQuery q;
  q.equals["company_id"] = b_.company_id;
  auto b_licences = records_->List(*model::FindResource("licensed_districts"), q);
  ASSERT_TRUE(b_licences.ok() && b_licences->items.size() == 1u);
  ASSERT_TRUE(records_->Delete(*model::FindResource("licensed_districts"),
                               b_licences->items.front().id, {}, "gov")
                  .ok());
  auto both = store_->Unlicensed(std::nullopt);
  ASSERT_TRUE(both.ok());
  ASSERT_EQ(both->size(), 2u);
  EXPECT_EQ(both->at(1).building_id, b_building);
  EXPECT_TRUE(both->at(1).outage_ids.empty());
  EXPECT_EQ(both->at(1).work_orders, 0);
  EXPECT_EQ(both->at(1).connection_applications, 0);
  auto only_b = store_->Unlicensed(b_.company_id);
  ASSERT_TRUE(only_b.ok());
  ASSERT_EQ(only_b->size(), 1u);
  EXPECT_EQ(only_b->front().company_id, b_.company_id);
}

INSTANTIATE_TEST_SUITE_P(Engines, LicenceStoreContract,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage

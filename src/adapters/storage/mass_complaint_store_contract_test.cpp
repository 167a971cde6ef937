// The mass-complaint store's contract on SQLite and on a real PostgreSQL cluster (issue 15,
// R-REG-1): a community's complaints leave duplicates and other communities and companies out;
// a flag is written once with its messages and audit entry; the same episode seen again (a
// narrower view, a late complaint) grows it without a message; lists filter by company and time.
#include <gtest/gtest.h>

#include "adapters/storage/mass_complaint_sql.hpp"
#include "adapters/storage/migrations.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "adapters/storage/work_order_sql.hpp"
#include "support/test_database.hpp"
#include "support/test_sensors.hpp"

namespace hearth::adapters::storage {
namespace {

using support::Engine;
using support::EngineName;

const Instant kT0 = *ParseRfc3339("2026-11-20T08:00:00+08:00");

class MassComplaintStoreContract : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    auto records = Connect(db_->url());
    ASSERT_TRUE(records.ok());
    ASSERT_TRUE(Migrate(**records).ok());
    records_ = std::make_unique<SqlRecordStore>(std::move(*records));
    auto orders = Connect(db_->url());
    ASSERT_TRUE(orders.ok());
    orders_ = std::make_unique<SqlWorkOrderStore>(std::move(*orders));
    auto conn = Connect(db_->url());
    ASSERT_TRUE(conn.ok());
    store_ = std::make_unique<SqlMassComplaintStore>(std::move(*conn));
    a_ = support::MakeSensorCity(*records_, "a", 0, "sa");
    b_ = support::MakeSensorCity(*records_, "b", 0, "sb");
  }
  void TearDown() override {
    store_.reset();
    orders_.reset();
    records_.reset();
    db_.reset();
  }

  int64_t Order(const support::SensorCity& city, Instant at,
                std::optional<int64_t> parent = std::nullopt) {
    ports::WorkOrderHead h;
    h.company_id = city.company_id;
    h.household_id = city.household_id;
    h.received_at = at;
    h.content = "暖气不热";
    h.parent_id = parent;
    h.season = 2026;
    h.created_by = "agent";
    h.created_at = at;
    auto created = orders_->Create(h, {}, {});
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? created->order.head.id : 0;
  }

  ports::MassComplaintFlag FlagOf(const support::SensorCity& city,
                                  std::vector<int64_t> ids, Instant first, Instant last) {
    ports::MassComplaintFlag f;
    f.company_id = city.company_id;
    f.community = "X";
    f.reached_order_id = ids.back();
    f.first_at = first;
    f.reached_at = f.last_at = last;
    f.order_ids = std::move(ids);
    f.threshold = 2;
    f.window_hours = 24;
    f.policy = "weihai";
    f.flagged_at = last;
    return f;
  }

  static ports::OutboxMessage Message(const std::string& id) {
    ports::OutboxMessage m;
    m.message_id = id;
    m.receiver = "regulator";
    m.topic = "complaints.mass";
    m.created_at = kT0;
    return m;
  }

  std::unique_ptr<support::TestDatabase> db_;
  std::unique_ptr<SqlRecordStore> records_;
  std::unique_ptr<SqlWorkOrderStore> orders_;
  std::unique_ptr<SqlMassComplaintStore> store_;
  support::SensorCity a_, b_;
};

TEST_P(MassComplaintStoreContract, ACommunitysComplaintsWithoutDuplicates) {
  const int64_t one = Order(a_, kT0 + std::chrono::minutes(5));
  const int64_t two = Order(a_, kT0);
  Order(a_, kT0 + std::chrono::minutes(6), one);  // a duplicate
  Order(b_, kT0);                                  // another company's "X"
  Order(a_, kT0 + std::chrono::hours(48));         // outside the range
  auto got = store_->Complaints({a_.company_id, "X", kT0, kT0 + std::chrono::hours(24)});
  ASSERT_TRUE(got.ok()) << got.error().message;
  ASSERT_EQ(got->size(), 2u);
  EXPECT_EQ((*got)[0].order_id, two);  // by reception
  EXPECT_EQ((*got)[1].order_id, one);
  EXPECT_EQ((*got)[0].community, "X");
  EXPECT_EQ((*got)[0].company_id, a_.company_id);
  auto every = store_->Complaints({std::nullopt, std::nullopt, kT0, kT0 + std::chrono::hours(1)});
  ASSERT_TRUE(every.ok());
  ASSERT_EQ(every->size(), 3u);
  EXPECT_EQ(every->back().company_id, b_.company_id);  // by company
  EXPECT_TRUE(store_->Complaints({a_.company_id, "Y", kT0, kT0 + std::chrono::hours(1)})->empty());

  auto community = store_->CommunityOf(a_.household_id);
  ASSERT_TRUE(community.ok());
  EXPECT_EQ(*community, "X");
  EXPECT_EQ(store_->CommunityOf(999999).error().code, ErrorCode::kNotFound);
}

TEST_P(MassComplaintStoreContract, FlaggedOnceAndGrownWithoutAMessage) {
  const int64_t o1 = Order(a_, kT0);
  const int64_t o2 = Order(a_, kT0 + std::chrono::minutes(1));
  const int64_t o3 = Order(a_, kT0 + std::chrono::minutes(2));
  const std::vector<ports::OutboxMessage> sent = {Message("mass-1")};
  auto created = store_->Flag(FlagOf(a_, {o1, o2}, kT0, kT0 + std::chrono::minutes(1)), sent,
                              "mass-complaints");
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_TRUE(*created);
  auto audit = records_->Audit(std::nullopt, 1);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->front().resource, "mass_complaints");
  EXPECT_EQ(audit->front().actor, "mass-complaints");

  // Seen again, narrower (only o2 and o3, reached at o3): the same episode, grown.
  const std::vector<ports::OutboxMessage> again = {Message("mass-2")};
  auto seen = store_->Flag(FlagOf(a_, {o2, o3}, kT0 + std::chrono::minutes(1),
                                  kT0 + std::chrono::minutes(2)),
                           again, "mass-complaints");
  ASSERT_TRUE(seen.ok()) << seen.error().message;
  EXPECT_FALSE(*seen);
  auto list = store_->List({std::nullopt, kT0, kT0 + std::chrono::hours(1), std::nullopt, 10});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().order_ids, (std::vector<int64_t>{o1, o2, o3}));
  EXPECT_EQ(list->front().reached_order_id, o2);
  EXPECT_EQ(list->front().first_at, kT0);
  EXPECT_EQ(list->front().last_at, kT0 + std::chrono::minutes(2));
  EXPECT_EQ(list->front().policy, "weihai");
  auto due = orders_->OutboxDue(kT0 + std::chrono::hours(1), 10);
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 1u);  // mass-2 was not written
  EXPECT_EQ(due->front().message_id, "mass-1");

  // The same once more: nothing changes. Another company's community is its own flag.
  EXPECT_FALSE(*store_->Flag(FlagOf(a_, {o1, o2}, kT0, kT0 + std::chrono::minutes(1)), again,
                             "mass-complaints"));
  const int64_t b1 = Order(b_, kT0);
  EXPECT_TRUE(*store_->Flag(FlagOf(b_, {b1}, kT0, kT0), {}, "mass-complaints"));
  EXPECT_EQ(store_->List({a_.company_id, kT0, kT0 + std::chrono::hours(1), std::nullopt, 10})
                ->size(),
            1u);
  auto page = store_->List({std::nullopt, kT0, kT0 + std::chrono::hours(1), list->front().id, 10});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ(page->front().company_id, b_.company_id);
  EXPECT_TRUE(store_->List({std::nullopt, kT0 + std::chrono::hours(2), kT0 + std::chrono::hours(3),
                            std::nullopt, 10})
                  ->empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, MassComplaintStoreContract,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage

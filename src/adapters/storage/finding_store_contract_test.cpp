// The findings store's contract on SQLite and on a real PostgreSQL cluster (issue 15,
// R-REFUND-4): the evidence kept as recorded with its first history entry, its outbox message
// and audit entry; moves compare-and-set on the state and append to the history; lists newest
// first with filters and a cursor; the findings covering a range of days.
#include <gtest/gtest.h>

#include <algorithm>

#include "adapters/storage/finding_sql.hpp"
#include "adapters/storage/migrations.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "adapters/storage/work_order_sql.hpp"
#include "support/test_database.hpp"
#include "support/test_sensors.hpp"

namespace hearth::adapters::storage {
namespace {

using rules::FindingAction;
using rules::FindingState;
using support::Engine;
using support::EngineName;

Instant T(const char* text) { return *ParseRfc3339(text); }
Date D(const char* text) { return *ParseDate(text); }

class FindingStoreContract : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    auto records = Connect(db_->url());
    ASSERT_TRUE(records.ok());
    ASSERT_TRUE(Migrate(**records).ok());
    records_ = std::make_unique<SqlRecordStore>(std::move(*records));
    auto conn = Connect(db_->url());
    ASSERT_TRUE(conn.ok());
    store_ = std::make_unique<SqlFindingStore>(std::move(*conn));
    auto orders = Connect(db_->url());
    ASSERT_TRUE(orders.ok());
    outbox_ = std::make_unique<SqlWorkOrderStore>(std::move(*orders));
    a_ = support::MakeSensorCity(*records_, "a", 0, "sa");
    b_ = support::MakeSensorCity(*records_, "b", 0, "sb");
  }
  void TearDown() override {
    outbox_.reset();
    store_.reset();
    records_.reset();
    db_.reset();
  }

  ports::Finding Found(const support::SensorCity& city, const char* from, const char* to) {
    ports::Finding f;
    f.company_id = city.company_id;
    f.household_id = city.household_id;
    f.kind = rules::FindingKind::kAddedRadiators;
    f.description = "two radiators added in the kitchen, 私自增加散热器";
    f.photos = {"photo/2025-12-03/1.jpg", "photo/2025-12-03/2.jpg"};
    f.found_by = "王师傅";
    f.found_at = T("2025-12-03T10:00:00+08:00");
    f.valid_from = D(from);
    f.valid_to = D(to);
    f.created_by = "tech";
    return f;
  }
  ports::FindingEvent Event(FindingAction action, FindingState state, const char* actor,
                            const char* role, const char* note) {
    return {action, state, actor, role, note, T("2025-12-05T09:00:00+08:00")};
  }
  ports::OutboxMessage Message(const char* tag) {
    ports::OutboxMessage m;
    m.message_id = tag;
    m.receiver = "household";
    m.topic = "finding.recorded";
    m.company_id = a_.company_id;
    m.household_id = a_.household_id;
    m.fields = {{"kind", "added-radiators"}};
    m.created_at = T("2025-12-03T10:05:00+08:00");
    m.next_attempt_at = m.created_at;
    return m;
  }

  std::unique_ptr<support::TestDatabase> db_;
  std::unique_ptr<SqlRecordStore> records_;
  std::unique_ptr<SqlFindingStore> store_;
  std::unique_ptr<SqlWorkOrderStore> outbox_;
  support::SensorCity a_, b_;
};

TEST_P(FindingStoreContract, KeepsTheEvidenceWithItsHistoryMessageAndAudit) {
  const ports::OutboxMessage msg = Message("event-1-household");
  auto created = store_->Create(
      Found(a_, "2025-12-03", "2026-03-15"),
      Event(FindingAction::kAcknowledge, FindingState::kAcknowledged, "tech", "technician", ""),
      std::span(&msg, 1));
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_GT(created->id, 0);
  EXPECT_EQ(created->state, FindingState::kOpen);
  EXPECT_EQ(created->description, "two radiators added in the kitchen, 私自增加散热器");
  EXPECT_EQ(created->photos, (std::vector<std::string>{"photo/2025-12-03/1.jpg",
                                                        "photo/2025-12-03/2.jpg"}));
  EXPECT_EQ(created->found_at, T("2025-12-03T10:00:00+08:00"));
  EXPECT_EQ(created->valid_to, D("2026-03-15"));
  // The first entry is the recording, whatever the caller's event said.
  ASSERT_EQ(created->history.size(), 1u);
  EXPECT_EQ(created->history[0].action, FindingAction::kRecord);
  EXPECT_EQ(created->history[0].state, FindingState::kOpen);
  EXPECT_EQ(created->history[0].role, "technician");

  auto messages = outbox_->HouseholdMessages(a_.household_id, std::nullopt, 10);
  ASSERT_TRUE(messages.ok());
  ASSERT_EQ(messages->size(), 1u);
  EXPECT_EQ(messages->front().message_id,
            "finding-" + std::to_string(created->id) + "-event-1-household");
  auto audit = records_->Audit(std::nullopt, 5);
  ASSERT_TRUE(audit.ok());
  ASSERT_FALSE(audit->empty());
  EXPECT_EQ(audit->front().resource, "findings");
  EXPECT_EQ(audit->front().action, "create");
  EXPECT_EQ(audit->front().actor, "tech");
}

TEST_P(FindingStoreContract, MovesCompareAndSetOnTheState) {
  auto f = store_->Create(Found(a_, "2025-12-03", "2026-03-15"), {}, {});
  ASSERT_TRUE(f.ok()) << f.error().message;
  auto disputed = store_->Move(
      f->id, FindingState::kOpen,
      Event(FindingAction::kDispute, FindingState::kDisputed, "h1", "household", "not ours"), {});
  ASSERT_TRUE(disputed.ok()) << disputed.error().message;
  EXPECT_EQ(disputed->state, FindingState::kDisputed);
  // A second move from the state it no longer has is refused, and nothing is appended.
  auto again = store_->Move(f->id, FindingState::kOpen,
                            Event(FindingAction::kAcknowledge, FindingState::kAcknowledged,
                                  "h1", "household", ""),
                            {});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);
  auto upheld = store_->Move(f->id, FindingState::kDisputed,
                             Event(FindingAction::kUphold, FindingState::kUpheld, "reg",
                                   "regulator", "the photos show it"),
                             {});
  ASSERT_TRUE(upheld.ok()) << upheld.error().message;
  ASSERT_EQ(upheld->history.size(), 3u);
  EXPECT_EQ(upheld->history[1].note, "not ours");
  EXPECT_EQ(upheld->history[2].action, FindingAction::kUphold);
  EXPECT_EQ(upheld->history[2].actor, "reg");
  auto audit = records_->Audit(std::nullopt, 1);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->front().action, "update");
  EXPECT_NE(audit->front().after_json.find("upheld"), std::string::npos);
  auto missing = store_->Move(999999, FindingState::kOpen, {}, {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(FindingStoreContract, ListsNewestFirstAndFindsThoseCoveringDays) {
  std::vector<int64_t> ids;
  for (const auto& [city, from, to] :
       std::vector<std::tuple<support::SensorCity, const char*, const char*>>{
           {a_, "2025-12-03", "2025-12-10"},
           {a_, "2025-12-20", "2025-12-31"},
           {b_, "2025-12-03", "2026-03-15"}}) {
    auto f = store_->Create(Found(city, from, to), {}, {});
    ASSERT_TRUE(f.ok()) << f.error().message;
    ids.push_back(f->id);
  }
  ASSERT_TRUE(store_
                  ->Move(ids[1], FindingState::kOpen,
                         Event(FindingAction::kWithdraw, FindingState::kWithdrawn, "m",
                               "manager", "wrong flat"),
                         {})
                  .ok());
  ports::FindingQuery q;
  q.company_id = a_.company_id;
  auto list = store_->List(q);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, ids[1]);
  EXPECT_EQ((*list)[1].id, ids[0]);
  EXPECT_TRUE((*list)[0].history.empty());
  q.state = FindingState::kWithdrawn;
  EXPECT_EQ(store_->List(q)->size(), 1u);
  ports::FindingQuery page;
  page.before = ids[2];
  page.limit = 1;
  auto first = store_->List(page);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ(first->front().id, ids[1]);
  ports::FindingQuery of_b;
  of_b.household_id = b_.household_id;
  EXPECT_EQ(store_->List(of_b)->size(), 1u);

  // Overlapping 12-10..12-20: both of a's, in any state, by id; none from 12-11 to 12-19.
  auto covering = store_->Covering(a_.household_id, D("2025-12-10"), D("2025-12-20"));
  ASSERT_TRUE(covering.ok());
  ASSERT_EQ(covering->size(), 2u);
  EXPECT_EQ((*covering)[0].id, ids[0]);
  EXPECT_EQ((*covering)[1].state, FindingState::kWithdrawn);
  EXPECT_EQ((*covering)[1].valid_from, D("2025-12-20"));
  EXPECT_TRUE(store_->Covering(a_.household_id, D("2025-12-11"), D("2025-12-19"))->empty());

  // A page of households at once: by household, then id.
  const int64_t lo = std::min(a_.household_id, b_.household_id);
  const int64_t hi = std::max(a_.household_id, b_.household_id);
  auto paged = store_->CoveringOf(lo, hi, D("2025-12-01"), D("2025-12-31"));
  ASSERT_TRUE(paged.ok()) << paged.error().message;
  ASSERT_EQ(paged->size(), 3u);
  for (size_t i = 1; i < paged->size(); ++i) {
    const auto &x = (*paged)[i - 1], &y = (*paged)[i];
    EXPECT_TRUE(x.household_id < y.household_id ||
                (x.household_id == y.household_id && x.cover.id < y.cover.id));
  }
  EXPECT_EQ(store_->CoveringOf(b_.household_id, b_.household_id, D("2025-12-01"),
                               D("2025-12-31"))
                ->front()
                .cover.id,
            ids[2]);
  EXPECT_TRUE(store_->CoveringOf(hi + 1, hi + 100, D("2025-12-01"), D("2025-12-31"))->empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, FindingStoreContract,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage

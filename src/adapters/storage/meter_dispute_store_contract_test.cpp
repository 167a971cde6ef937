// The meter disputes store's contract on SQLite and on a real PostgreSQL cluster (issue 16,
// R-METER-1): a dispute kept as raised, with its outbox message and audit entry; its step
// compare-and-sets on the state and writes the calibration's facts or the withdrawal; lists
// newest first with filters and a cursor.
#include <gtest/gtest.h>

#include "adapters/storage/meter_dispute_sql.hpp"
#include "support/store_contract.hpp"

namespace hearth::adapters::storage {
namespace {

using rules::CalibrationResult;
using rules::DisputeState;
using rules::Party;
using support::Engine;
using support::EngineName;

Instant T(const char* text) { return *ParseRfc3339(text); }

class MeterDisputeStoreContract : public support::StoreContract<SqlMeterDisputeStore> {
 protected:
  ports::MeterDispute Dispute(const support::SensorCity& city, Party raised_by) {
    ports::MeterDispute d;
    d.company_id = city.company_id;
    d.household_id = city.household_id;
    d.raised_by = raised_by;
    d.reason = "12月用热量比去年同期高出一倍";
    d.created_by = "home";
    d.created_at = T("2026-12-03T09:00:00+08:00");
    // The step's facts are ignored on creation.
    d.state = DisputeState::kCalibrated;
    d.result = CalibrationResult::kFailed;
    d.reference = "ignored";
    return d;
  }
  ports::OutboxMessage Message(const char* tag) {
    ports::OutboxMessage m;
    m.message_id = tag;
    m.receiver = "household";
    m.topic = "meter-dispute.open";
    m.company_id = a_.company_id;
    m.household_id = a_.household_id;
    m.fields = {{"state", "open"}};
    m.created_at = T("2026-12-03T09:00:00+08:00");
    m.next_attempt_at = m.created_at;
    return m;
  }
};

TEST_P(MeterDisputeStoreContract, KeepsTheDisputeWithItsMessageAndAudit) {
  const ports::OutboxMessage msg = Message("raised-household");
  auto created = store_->Create(Dispute(a_, Party::kHousehold), std::span(&msg, 1));
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_GT(created->id, 0);
  EXPECT_EQ(created->state, DisputeState::kOpen);
  EXPECT_EQ(created->raised_by, Party::kHousehold);
  EXPECT_EQ(created->reason, "12月用热量比去年同期高出一倍");
  EXPECT_EQ(created->result, std::nullopt);
  EXPECT_EQ(created->reference, "");
  EXPECT_EQ(created->created_at, T("2026-12-03T09:00:00+08:00"));
  auto messages = outbox_->HouseholdMessages(a_.household_id, std::nullopt, 10);
  ASSERT_TRUE(messages.ok());
  ASSERT_EQ(messages->size(), 1u);
  EXPECT_EQ(messages->front().message_id,
            "meter-dispute-" + std::to_string(created->id) + "-raised-household");
  auto audit = records_->Audit(std::nullopt, 1);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ(audit->front().resource, "meter_disputes");
  EXPECT_EQ(audit->front().action, "create");
  EXPECT_EQ(audit->front().actor, "home");
}

TEST_P(MeterDisputeStoreContract, TheStepWritesItsFactsAndCompareAndSets) {
  auto d = store_->Create(Dispute(a_, Party::kHousehold), {});
  ASSERT_TRUE(d.ok()) << d.error().message;
  ports::MeterDispute calibrated = *d;
  calibrated.state = DisputeState::kCalibrated;
  calibrated.result = CalibrationResult::kFailed;
  calibrated.reference = "JL-2026-118";
  calibrated.cost_fen = 30000;
  calibrated.calibrated_at = T("2026-12-10T15:00:00+08:00");
  calibrated.calibrated_by = "zhao";
  calibrated.note = "流量传感器偏差 +8%";
  auto c = store_->Move(d->id, DisputeState::kOpen, calibrated, "zhao", {});
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->state, DisputeState::kCalibrated);
  EXPECT_EQ(c->result, CalibrationResult::kFailed);
  EXPECT_EQ(c->reference, "JL-2026-118");
  EXPECT_EQ(c->cost_fen, 30000);
  EXPECT_EQ(c->calibrated_at, T("2026-12-10T15:00:00+08:00"));
  EXPECT_EQ(c->calibrated_by, "zhao");
  EXPECT_EQ(c->note, "流量传感器偏差 +8%");
  EXPECT_EQ(c->reason, d->reason);

  // A step from a state it no longer has is refused, and nothing is written.
  ports::MeterDispute withdrawn = *d;
  withdrawn.state = DisputeState::kWithdrawn;
  withdrawn.withdrawn_at = T("2026-12-11T15:00:00+08:00");
  auto refused = store_->Move(d->id, DisputeState::kOpen, withdrawn, "home", {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(store_->Get(d->id)->state, DisputeState::kCalibrated);

  auto audit = records_->Audit(std::nullopt, 1);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->front().action, "update");
  EXPECT_EQ(audit->front().actor, "zhao");
  EXPECT_NE(audit->front().after_json.find("JL-2026-118"), std::string::npos);
  EXPECT_NE(audit->front().before_json.find("\"open\""), std::string::npos);
  auto missing = store_->Move(999999, DisputeState::kOpen, withdrawn, "home", {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(MeterDisputeStoreContract, ListsNewestFirstWithFilters) {
  std::vector<int64_t> ids;
  for (const auto* city : {&a_, &a_, &b_}) {
    auto d = store_->Create(Dispute(*city, Party::kCompany), {});
    ASSERT_TRUE(d.ok()) << d.error().message;
    ids.push_back(d->id);
  }
  ports::MeterDispute withdrawn = *store_->Get(ids[1]);
  withdrawn.state = DisputeState::kWithdrawn;
  withdrawn.withdrawn_at = T("2026-12-04T10:00:00+08:00");
  ASSERT_TRUE(store_->Move(ids[1], DisputeState::kOpen, withdrawn, "li", {}).ok());
  ports::MeterDisputeQuery q;
  q.company_id = a_.company_id;
  auto list = store_->List(q);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, ids[1]);
  EXPECT_EQ((*list)[0].withdrawn_at, T("2026-12-04T10:00:00+08:00"));
  EXPECT_EQ((*list)[1].id, ids[0]);
  q.state = DisputeState::kOpen;
  EXPECT_EQ(store_->List(q)->size(), 1u);
  ports::MeterDisputeQuery page;
  page.before = ids[2];
  page.limit = 1;
  auto first = store_->List(page);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ(first->front().id, ids[1]);
  ports::MeterDisputeQuery of_b;
  of_b.household_id = b_.household_id;
  EXPECT_EQ(store_->List(of_b)->size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Engines, MeterDisputeStoreContract,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage

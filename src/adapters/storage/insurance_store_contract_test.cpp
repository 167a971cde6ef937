// The insurance claims store's contract on SQLite and on a real PostgreSQL cluster (issue 16,
// R-INS-1): a claim kept as recorded, with its loss list, first history entry, outbox message
// and audit entry; moves compare-and-set on the state, write the facts they bring and append
// them to the history; lists newest first with filters and a cursor.
#include <gtest/gtest.h>

#include "adapters/storage/insurance_sql.hpp"
#include "support/store_contract.hpp"

namespace hearth::adapters::storage {
namespace {

using rules::ClaimAction;
using rules::ClaimState;
using support::Engine;
using support::EngineName;

Instant T(const char* text) { return *ParseRfc3339(text); }

class InsuranceStoreContract : public support::StoreContract<SqlInsuranceStore> {
 protected:
  ports::InsuranceClaim Claim(const support::SensorCity& city) {
    ports::InsuranceClaim c;
    c.company_id = city.company_id;
    c.household_id = city.household_id;
    c.incident_at = T("2025-12-03T02:30:00+08:00");
    c.incident = "暖气片爆裂，地板和衣柜被水泡";
    c.injuries = true;
    c.photos = {"photo/claim/1.jpg"};
    c.losses = {{"实木地板 12 m²", 360000}, {"衣柜", std::nullopt}};
    c.created_by = "agent";
    c.created_at = T("2025-12-03T09:00:00+08:00");
    // The moves' facts are ignored on creation.
    c.amount_fen = 5;
    c.insurer = "ignored";
    return c;
  }
  static ports::ClaimEvent Event(ClaimAction action, ClaimState state, const char* actor,
                                 const char* role) {
    ports::ClaimEvent e;
    e.action = action;
    e.state = state;
    e.actor = actor;
    e.role = role;
    e.at = T("2025-12-05T09:00:00+08:00");
    return e;
  }
  ports::OutboxMessage Message(const char* tag) {
    ports::OutboxMessage m;
    m.message_id = tag;
    m.receiver = "household";
    m.topic = "insurance-claim.recorded";
    m.company_id = a_.company_id;
    m.household_id = a_.household_id;
    m.fields = {{"state", "recorded"}};
    m.created_at = T("2025-12-03T10:05:00+08:00");
    m.next_attempt_at = m.created_at;
    return m;
  }
};

TEST_P(InsuranceStoreContract, KeepsTheClaimWithItsHistoryMessageAndAudit) {
  const ports::OutboxMessage msg = Message("event-1-household");
  auto created = store_->Create(
      Claim(a_), Event(ClaimAction::kPay, ClaimState::kPaid, "agent", "agent"), std::span(&msg, 1));
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_GT(created->id, 0);
  EXPECT_EQ(created->state, ClaimState::kRecorded);
  EXPECT_EQ(created->incident, "暖气片爆裂，地板和衣柜被水泡");
  EXPECT_TRUE(created->injuries);
  EXPECT_EQ(created->incident_at, T("2025-12-03T02:30:00+08:00"));
  EXPECT_EQ(created->created_at, T("2025-12-03T09:00:00+08:00"));  // the caller's clock
  EXPECT_EQ(created->photos, std::vector<std::string>{"photo/claim/1.jpg"});
  EXPECT_EQ(created->losses,
            (std::vector<ports::ClaimLoss>{{"实木地板 12 m²", 360000}, {"衣柜", std::nullopt}}));
  EXPECT_EQ(created->amount_fen, std::nullopt);
  EXPECT_EQ(created->insurer, "");
  ASSERT_EQ(created->history.size(), 1u);
  EXPECT_EQ(created->history[0].action, ClaimAction::kRecord);
  EXPECT_EQ(created->history[0].state, ClaimState::kRecorded);
  EXPECT_EQ(created->history[0].role, "agent");

  auto messages = outbox_->HouseholdMessages(a_.household_id, std::nullopt, 10);
  ASSERT_TRUE(messages.ok());
  ASSERT_EQ(messages->size(), 1u);
  EXPECT_EQ(messages->front().message_id,
            "claim-" + std::to_string(created->id) + "-event-1-household");
  auto audit = records_->Audit(std::nullopt, 5);
  ASSERT_TRUE(audit.ok());
  ASSERT_FALSE(audit->empty());
  EXPECT_EQ(audit->front().resource, "insurance_claims");
  EXPECT_EQ(audit->front().action, "create");
  EXPECT_EQ(audit->front().actor, "agent");
}

TEST_P(InsuranceStoreContract, MovesWriteTheirFactsAndCompareAndSet) {
  auto c = store_->Create(Claim(a_), {}, {});
  ASSERT_TRUE(c.ok()) << c.error().message;

  ports::InsuranceClaim notified = *c;
  notified.state = ClaimState::kInsurerNotified;
  notified.insurer = "人保财险威海分公司";
  notified.insurer_reference = "RB-2025-0042";
  notified.notified_at = T("2025-12-03T08:00:00+08:00");
  auto e1 = Event(ClaimAction::kNotifyInsurer, ClaimState::kInsurerNotified, "tech", "technician");
  e1.insurer = notified.insurer;
  e1.reference = notified.insurer_reference;
  auto n = store_->Move(c->id, ClaimState::kRecorded, notified, e1, {});
  ASSERT_TRUE(n.ok()) << n.error().message;
  EXPECT_EQ(n->insurer, "人保财险威海分公司");
  EXPECT_EQ(n->notified_at, T("2025-12-03T08:00:00+08:00"));

  // A move from a state the claim no longer has is refused, and nothing is written.
  ports::InsuranceClaim stale = *c;
  stale.state = ClaimState::kRejected;
  stale.exclusion = rules::ClaimExclusion::kIndirectLoss;
  auto refused =
      store_->Move(c->id, ClaimState::kRecorded, stale,
                   Event(ClaimAction::kReject, ClaimState::kRejected, "m", "manager"), {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);

  ports::InsuranceClaim agreed = *n;
  agreed.state = ClaimState::kAgreed;
  agreed.amount_fen = 428050;
  agreed.agreed_at = T("2025-12-10T15:00:00+08:00");
  auto e2 = Event(ClaimAction::kAgree, ClaimState::kAgreed, "m", "manager");
  e2.amount_fen = 428050;
  e2.note = "理算报告 2025-12-10";
  ASSERT_TRUE(store_->Move(c->id, ClaimState::kInsurerNotified, agreed, e2, {}).ok());

  ports::InsuranceClaim paid = agreed;
  paid.state = ClaimState::kPaid;
  paid.paid_at = T("2025-12-20T10:00:00+08:00");
  paid.payment_reference = "BANK-77";
  auto e3 = Event(ClaimAction::kPay, ClaimState::kPaid, "m", "manager");
  e3.reference = "BANK-77";
  auto done = store_->Move(c->id, ClaimState::kAgreed, paid, e3, {});
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->state, ClaimState::kPaid);
  EXPECT_EQ(done->amount_fen, 428050);
  EXPECT_EQ(done->agreed_at, T("2025-12-10T15:00:00+08:00"));
  EXPECT_EQ(done->paid_at, T("2025-12-20T10:00:00+08:00"));
  EXPECT_EQ(done->payment_reference, "BANK-77");
  EXPECT_EQ(done->exclusion, std::nullopt);
  ASSERT_EQ(done->history.size(), 4u);
  EXPECT_EQ(done->history[1].insurer, "人保财险威海分公司");
  EXPECT_EQ(done->history[1].reference, "RB-2025-0042");
  EXPECT_EQ(done->history[2].amount_fen, 428050);
  EXPECT_EQ(done->history[2].note, "理算报告 2025-12-10");
  EXPECT_EQ(done->history[3].reference, "BANK-77");
  EXPECT_EQ(done->history[3].actor, "m");
  // The incident is kept as recorded.
  EXPECT_EQ(done->incident, c->incident);
  EXPECT_EQ(done->losses, c->losses);

  auto audit = records_->Audit(std::nullopt, 1);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->front().action, "update");
  EXPECT_NE(audit->front().after_json.find("\"paid\""), std::string::npos);
  EXPECT_NE(audit->front().before_json.find("\"agreed\""), std::string::npos);
  auto missing = store_->Move(999999, ClaimState::kRecorded, paid, e3, {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(InsuranceStoreContract, RejectionKeepsItsExclusion) {
  auto c = store_->Create(Claim(b_), {}, {});
  ASSERT_TRUE(c.ok()) << c.error().message;
  ports::InsuranceClaim rejected = *c;
  rejected.state = ClaimState::kRejected;
  rejected.exclusion = rules::ClaimExclusion::kSelfAltered;
  rejected.rejected_at = T("2025-12-04T11:00:00+08:00");
  auto e = Event(ClaimAction::kReject, ClaimState::kRejected, "m", "manager");
  e.exclusion = rules::ClaimExclusion::kSelfAltered;
  e.note = "住户自行改管";
  auto r = store_->Move(c->id, ClaimState::kRecorded, rejected, e, {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->exclusion, rules::ClaimExclusion::kSelfAltered);
  EXPECT_EQ(r->history[1].exclusion, rules::ClaimExclusion::kSelfAltered);
  EXPECT_EQ(store_->Get(c->id)->exclusion, rules::ClaimExclusion::kSelfAltered);
  EXPECT_EQ(r->rejected_at, T("2025-12-04T11:00:00+08:00"));
}

TEST_P(InsuranceStoreContract, ListsNewestFirstWithFilters) {
  std::vector<int64_t> ids;
  for (const auto* city : {&a_, &a_, &b_}) {
    auto c = store_->Create(Claim(*city), {}, {});
    ASSERT_TRUE(c.ok()) << c.error().message;
    ids.push_back(c->id);
  }
  ports::InsuranceClaim agreed = *store_->Get(ids[1]);
  agreed.state = ClaimState::kAgreed;
  agreed.amount_fen = 100;
  agreed.agreed_at = T("2025-12-10T15:00:00+08:00");
  ASSERT_TRUE(store_
                  ->Move(ids[1], ClaimState::kRecorded, agreed,
                         Event(ClaimAction::kAgree, ClaimState::kAgreed, "m", "manager"), {})
                  .ok());
  ports::ClaimQuery q;
  q.company_id = a_.company_id;
  auto list = store_->List(q);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, ids[1]);
  EXPECT_EQ((*list)[1].id, ids[0]);
  EXPECT_TRUE((*list)[0].history.empty());
  EXPECT_EQ((*list)[0].amount_fen, 100);
  q.state = ClaimState::kAgreed;
  EXPECT_EQ(store_->List(q)->size(), 1u);
  ports::ClaimQuery page;
  page.before = ids[2];
  page.limit = 1;
  auto first = store_->List(page);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ(first->front().id, ids[1]);
  ports::ClaimQuery of_b;
  of_b.household_id = b_.household_id;
  EXPECT_EQ(store_->List(of_b)->size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Engines, InsuranceStoreContract,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage

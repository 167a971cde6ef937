// The heating changes store's contract on SQLite and on a real PostgreSQL cluster (issue 16,
// R-ACCT-1, W 9.1.8): an application kept as taken in, with its outbox message and audit entry;
// steps compare-and-set on the version; an approval changes the household (status or area),
// audited, and only while the household is as the application found it; the settlement is kept;
// lists newest first with filters and a cursor; a stop for arrears is approved when written,
// once per fee.
#include <gtest/gtest.h>

#include "adapters/storage/heating_change_sql.hpp"
#include "model/resources.hpp"
#include "support/store_contract.hpp"

namespace hearth::adapters::storage {
namespace {

using rules::HeatingChangeAction;
using rules::HeatingChangeDocument;
using rules::HeatingChangeKind;
using rules::HeatingChangeState;
using support::Engine;
using support::EngineName;

Instant T(const char* text) { return *ParseRfc3339(text); }
Date D(const char* text) { return *ParseDate(text); }

class HeatingChangeStoreContract : public support::StoreContract<SqlHeatingChangeStore> {
 protected:
  // The fixture's household has 85.55 m², heated.
  ports::HeatingChangeRecord Application(const support::SensorCity& city, HeatingChangeKind kind,
                                         int64_t area_after = 8555) {
    ports::HeatingChangeRecord c;
    c.company_id = city.company_id;
    c.household_id = city.household_id;
    c.applicant = "李强";
    c.change.kind = kind;
    c.change.received = D("2026-12-01");
    c.change.effective = D("2026-12-05");
    c.change.heated = true;
    c.change.area_before = 8555;
    c.change.area_after = area_after;
    c.change.documents = {HeatingChangeDocument::kApplicationForm,
                          HeatingChangeDocument::kIdentity};
    c.received_at = T("2026-12-01T09:00:00+08:00");
    c.note = "营业厅受理";
    c.created_by = "agent";
    c.created_at = T("2026-12-01T09:05:00+08:00");
    c.decided_by = "ignored";  // the decision's facts are ignored on creation
    c.state = HeatingChangeState::kRefused;
    return c;
  }
  ports::OutboxMessage Message() {
    ports::OutboxMessage m;
    m.message_id = "event-1-household";
    m.receiver = "household";
    m.topic = "heating-change.received";
    m.company_id = a_.company_id;
    m.household_id = a_.household_id;
    m.fields = {{"state", "received"}};
    m.created_at = T("2026-12-01T09:05:00+08:00");
    m.next_attempt_at = m.created_at;
    return m;
  }
  std::string Household(const char* field) {
    auto h = records_->Get(*model::FindResource("households"), a_.household_id, {});
    if (!h.ok()) return "?";
    if (auto text = h->Text(field); !text.empty()) return text;
    return std::to_string(h->Int(field).value_or(-1));
  }
  static ports::HeatingChangeRecord Approved(ports::HeatingChangeRecord c) {
    c.state = HeatingChangeState::kApproved;
    c.decided_at = T("2026-12-02T10:00:00+08:00");
    c.decided_by = "m";
    c.decision_note = "资料齐全";
    c.settlement = rules::HeatingChangeSettlement{-18466, 8555, 101, 121, 2026, 2600};
    return c;
  }
};

TEST_P(HeatingChangeStoreContract, KeepsTheApplicationWithItsMessageAndAudit) {
  const ports::OutboxMessage msg = Message();
  auto created = store_->Create(Application(a_, HeatingChangeKind::kStop), std::span(&msg, 1));
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_GT(created->id, 0);
  EXPECT_EQ(created->state, HeatingChangeState::kReceived);
  EXPECT_EQ(created->version, 1);
  EXPECT_EQ(created->company_id, a_.company_id);
  EXPECT_EQ(created->household_id, a_.household_id);
  EXPECT_EQ(created->applicant, "李强");
  EXPECT_EQ(created->change.kind, HeatingChangeKind::kStop);
  EXPECT_EQ(created->change.received, D("2026-12-01"));
  EXPECT_EQ(created->change.effective, D("2026-12-05"));
  EXPECT_TRUE(created->change.heated);
  EXPECT_EQ(created->change.area_before, 8555);
  EXPECT_EQ(created->change.documents.size(), 2u);
  EXPECT_FALSE(created->metered);
  EXPECT_EQ(created->note, "营业厅受理");
  EXPECT_EQ(created->received_at, T("2026-12-01T09:00:00+08:00"));
  EXPECT_EQ(created->decided_by, "");
  EXPECT_FALSE(created->settlement.has_value());
  EXPECT_EQ(created->created_by, "agent");

  auto messages = outbox_->HouseholdMessages(a_.household_id, std::nullopt, 10);
  ASSERT_TRUE(messages.ok());
  ASSERT_EQ(messages->size(), 1u);
  EXPECT_EQ(messages->front().message_id,
            "heating-change-" + std::to_string(created->id) + "-event-1-household");
  auto audit = records_->Audit(std::nullopt, 1);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ(audit->front().resource, "heating_changes");
  EXPECT_EQ(audit->front().action, "create");
  EXPECT_EQ(audit->front().after_json.find("李强"), std::string::npos);
}

TEST_P(HeatingChangeStoreContract, ApprovalStopsTheHouseholdAndKeepsTheSettlement) {
  auto c = store_->Create(Application(a_, HeatingChangeKind::kStop), {});
  ASSERT_TRUE(c.ok()) << c.error().message;
  ports::HeatingChangeRecord supplied = *c;
  supplied.change.documents.insert(HeatingChangeDocument::kPropertyProof);
  auto s = store_->Move(c->id, supplied, HeatingChangeAction::kSupplyDocuments, "ag", {});
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->version, 2);
  EXPECT_EQ(s->change.documents.size(), 3u);

  // A step on the version read before is refused, and nothing is written.
  auto stale = store_->Move(c->id, Approved(*c), HeatingChangeAction::kApprove, "m", {});
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(store_->Get(c->id)->state, HeatingChangeState::kReceived);
  EXPECT_EQ(Household("heating_status"), "heated");

  auto ok = store_->Move(c->id, Approved(*s), HeatingChangeAction::kApprove, "m", {});
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->state, HeatingChangeState::kApproved);
  EXPECT_EQ(ok->decided_by, "m");
  EXPECT_EQ(ok->decision_note, "资料齐全");
  ASSERT_TRUE(ok->settlement.has_value());
  EXPECT_EQ(ok->settlement->amount_fen, -18466);
  EXPECT_EQ(ok->settlement->days, 101);
  EXPECT_EQ(ok->settlement->season_days, 121);
  EXPECT_EQ(ok->settlement->price_fen, 2600);
  EXPECT_EQ(Household("heating_status"), "stopped");
  auto audit = records_->Audit(std::nullopt, 2);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[0].resource, "heating_changes");
  EXPECT_NE((*audit)[0].after_json.find("approve"), std::string::npos);
  EXPECT_EQ((*audit)[1].resource, "households");
  EXPECT_EQ((*audit)[1].actor, "m");
  EXPECT_NE((*audit)[1].after_json.find("stopped"), std::string::npos);

  auto missing = store_->Move(999999, *ok, HeatingChangeAction::kRefuse, "m", {});
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(HeatingChangeStoreContract, AnApprovalFindingTheHouseholdChangedWritesNothing) {
  auto first = store_->Create(Application(a_, HeatingChangeKind::kIncrease, 10000), {});
  auto second = store_->Create(Application(a_, HeatingChangeKind::kDecrease, 7000), {});
  ASSERT_TRUE(first.ok() && second.ok());
  auto grown = store_->Move(first->id, Approved(*first), HeatingChangeAction::kApprove, "m", {});
  ASSERT_TRUE(grown.ok()) << grown.error().message;
  EXPECT_EQ(Household("area_m2"), "10000");
  // The decrease was taken in against 85.55 m²: the area is 100.00 m² now.
  auto refused =
      store_->Move(second->id, Approved(*second), HeatingChangeAction::kApprove, "m", {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(refused.error().field, "household");
  EXPECT_EQ(store_->Get(second->id)->state, HeatingChangeState::kReceived);
  EXPECT_EQ(store_->Get(second->id)->version, 1);
  EXPECT_EQ(Household("area_m2"), "10000");
}

TEST_P(HeatingChangeStoreContract, AStopForArrearsIsApprovedAtOnceAndOnlyOnce) {
  auto fee = records_->Create(*model::FindResource("fees"),
                              {{"household_id", a_.household_id},
                               {"season", int64_t{2026}},
                               {"amount", int64_t{200000}},
                               {"due_on", "2026-11-15"}},
                              {}, "setup");
  ASSERT_TRUE(fee.ok()) << fee.error().message;
  ports::HeatingChangeRecord stop = Approved(Application(a_, HeatingChangeKind::kStop));
  stop.change.documents.clear();
  stop.arrears_fee_id = fee->id;
  const ports::OutboxMessage msg = Message();
  auto stored = store_->StopForArrears(stop, std::span(&msg, 1));
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  EXPECT_EQ(stored->state, HeatingChangeState::kApproved);
  EXPECT_EQ(stored->version, 1);
  EXPECT_EQ(stored->arrears_fee_id, fee->id);
  EXPECT_TRUE(stored->change.documents.empty());
  EXPECT_EQ(stored->decided_by, "m");
  ASSERT_TRUE(stored->settlement.has_value());
  EXPECT_EQ(stored->settlement->amount_fen, -18466);
  EXPECT_EQ(Household("heating_status"), "stopped");
  auto audit = records_->Audit(std::nullopt, 2);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[0].resource, "heating_changes");
  EXPECT_NE((*audit)[0].after_json.find("stop-for-arrears"), std::string::npos);
  EXPECT_EQ((*audit)[1].resource, "households");
  EXPECT_EQ(outbox_->HouseholdMessages(a_.household_id, std::nullopt, 10)->size(), 1u);
  // The approved changes read it like any other stop.
  auto approved = store_->ApprovedAfter(a_.company_id, D("2026-11-01"));
  ASSERT_TRUE(approved.ok());
  ASSERT_EQ(approved->size(), 1u);
  EXPECT_EQ(approved->front().id, stored->id);

  auto again = store_->StopForArrears(stop, {});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(again.error().field, "fee");
  // Another fee of a household stopped meanwhile: refused, nothing written.
  auto next = records_->Create(*model::FindResource("fees"),
                               {{"household_id", a_.household_id},
                                {"season", int64_t{2027}},
                                {"amount", int64_t{200000}},
                                {"due_on", "2027-11-15"}},
                               {}, "setup");
  ASSERT_TRUE(next.ok());
  stop.arrears_fee_id = next->id;
  auto stopped = store_->StopForArrears(stop, {});
  ASSERT_FALSE(stopped.ok());
  EXPECT_EQ(stopped.error().field, "household");
  ports::HeatingChangeQuery all;
  EXPECT_EQ(store_->List(all)->size(), 1u);
}

TEST_P(HeatingChangeStoreContract, ApprovedChangesWithWhereTheirHouseholdIs) {
  // An increase effective 12-05, approved; a stop received, not decided: only the approved one,
  // and only while its effective day is after the day asked.
  auto grown = store_->Create(Application(a_, HeatingChangeKind::kIncrease, 10000), {});
  auto stop = store_->Create(Application(a_, HeatingChangeKind::kStop), {});
  ASSERT_TRUE(grown.ok() && stop.ok());
  ASSERT_TRUE(
      store_->Move(grown->id, Approved(*grown), HeatingChangeAction::kApprove, "m", {}).ok());
  auto after = store_->ApprovedAfter(a_.company_id, D("2026-12-04"));
  ASSERT_TRUE(after.ok()) << after.error().message;
  ASSERT_EQ(after->size(), 1u);
  const ports::ApprovedHeatingChange& c = after->front();
  EXPECT_EQ(c.id, grown->id);
  EXPECT_EQ(c.household_id, a_.household_id);
  EXPECT_EQ(c.partition_id, a_.partition_id);
  EXPECT_EQ(c.community, "X");
  EXPECT_EQ(c.shift, (rules::AreaShift{D("2026-12-05"), 1445, 1445, true, true}));
  EXPECT_TRUE(store_->ApprovedAfter(a_.company_id, D("2026-12-05"))->empty());  // in effect
  EXPECT_TRUE(store_->ApprovedAfter(b_.company_id, D("2026-12-04"))->empty());  // a's only
  // One household's only, when asked (settling one bill).
  EXPECT_EQ(store_->ApprovedAfter(a_.company_id, D("2026-12-04"), a_.household_id)->size(), 1u);
  EXPECT_TRUE(store_->ApprovedAfter(a_.company_id, D("2026-12-04"), a_.household_id + 1000)
                  ->empty());
}

TEST_P(HeatingChangeStoreContract, ListsNewestFirstWithFilters) {
  std::vector<int64_t> ids;
  for (auto kind : {HeatingChangeKind::kStop, HeatingChangeKind::kIncrease}) {
    auto c =
        store_->Create(Application(a_, kind, kind == HeatingChangeKind::kStop ? 8555 : 9000), {});
    ASSERT_TRUE(c.ok()) << c.error().message;
    ids.push_back(c->id);
  }
  auto b = store_->Create(Application(b_, HeatingChangeKind::kStop), {});
  ASSERT_TRUE(b.ok());
  ids.push_back(b->id);
  ports::HeatingChangeRecord refused = *store_->Get(ids[1]);
  refused.state = HeatingChangeState::kRefused;
  refused.decided_at = T("2026-12-02T10:00:00+08:00");
  refused.reason = "面积测绘报告未盖章";
  ASSERT_TRUE(store_->Move(ids[1], refused, HeatingChangeAction::kRefuse, "m", {}).ok());
  EXPECT_EQ(store_->Get(ids[1])->reason, "面积测绘报告未盖章");

  ports::HeatingChangeQuery q;
  q.company_id = a_.company_id;
  auto list = store_->List(q);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, ids[1]);
  EXPECT_EQ((*list)[1].id, ids[0]);
  q.state = HeatingChangeState::kRefused;
  EXPECT_EQ(store_->List(q)->size(), 1u);
  ports::HeatingChangeQuery stops;
  stops.kind = HeatingChangeKind::kStop;
  EXPECT_EQ(store_->List(stops)->size(), 2u);
  ports::HeatingChangeQuery of_household;
  of_household.household_id = b_.household_id;
  EXPECT_EQ(store_->List(of_household)->size(), 1u);
  ports::HeatingChangeQuery page;
  page.before = ids[2];
  page.limit = 1;
  auto first = store_->List(page);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ(first->front().id, ids[1]);
}

INSTANTIATE_TEST_SUITE_P(Engines, HeatingChangeStoreContract,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage

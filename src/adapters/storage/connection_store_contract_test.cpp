// The connection applications store's contract on SQLite and on a real PostgreSQL cluster
// (issue 16, R-CONN-1): an application kept as taken in, with its documents, first history entry,
// outbox message and audit entry; steps compare-and-set on the version, write their facts and
// append them to the history; an approval connects the named household, audited; lists newest
// first with filters (the return visits still owed among them) and a cursor.
#include <gtest/gtest.h>

#include "adapters/storage/connection_sql.hpp"
#include "model/resources.hpp"
#include "support/store_contract.hpp"

namespace hearth::adapters::storage {
namespace {

using rules::ConnectionAction;
using rules::ConnectionDocument;
using rules::ConnectionState;
using support::Engine;
using support::EngineName;

Instant T(const char* text) { return *ParseRfc3339(text); }

class ConnectionStoreContract : public support::StoreContract<SqlConnectionStore> {
 protected:
  ports::ConnectionRecord Application(const support::SensorCity& city, bool with_household) {
    ports::ConnectionRecord c;
    c.company_id = city.company_id;
    c.building_id = city.building_id;
    if (with_household) c.household_id = city.household_id;
    c.applicant = "王芳";
    c.phone = "13800001234";
    c.application = {false,
                     true,
                     T("2026-05-06T09:00:00+08:00"),
                     {ConnectionDocument::kApplicationForm, ConnectionDocument::kRetrofitRecord}};
    c.season = 2026;
    c.created_by = "agent";
    c.created_at = T("2026-05-06T09:10:00+08:00");
    // The steps' facts are ignored on creation.
    c.reason = "ignored";
    c.state = ConnectionState::kRefused;
    return c;
  }
  static ports::ConnectionEvent Event(ConnectionAction action, ConnectionState state,
                                      const char* actor, const char* role) {
    ports::ConnectionEvent e;
    e.action = action;
    e.state = state;
    e.actor = actor;
    e.role = role;
    e.at = T("2026-05-07T09:00:00+08:00");
    return e;
  }
  ports::OutboxMessage Message(const char* tag) {
    ports::OutboxMessage m;
    m.message_id = tag;
    m.receiver = "household";
    m.topic = "connection.received";
    m.company_id = a_.company_id;
    m.household_id = a_.household_id;
    m.fields = {{"state", "received"}};
    m.created_at = T("2026-05-06T09:10:00+08:00");
    m.next_attempt_at = m.created_at;
    return m;
  }
  std::string HeatingStatus(int64_t household) {
    auto h = records_->Get(*model::FindResource("households"), household, {});
    return h.ok() ? h->Text("heating_status") : "?";
  }
};

TEST_P(ConnectionStoreContract, KeepsTheApplicationWithItsHistoryMessageAndAudit) {
  const ports::OutboxMessage msg = Message("event-1-household");
  auto received = Event(ConnectionAction::kVisit, ConnectionState::kApproved, "agent", "agent");
  received.documents = {ConnectionDocument::kApplicationForm, ConnectionDocument::kRetrofitRecord};
  auto created = store_->Create(Application(a_, true), received, std::span(&msg, 1));
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_GT(created->id, 0);
  EXPECT_EQ(created->state, ConnectionState::kReceived);
  EXPECT_EQ(created->version, 1);
  EXPECT_EQ(created->household_id, a_.household_id);
  EXPECT_EQ(created->building_id, a_.building_id);
  EXPECT_EQ(created->applicant, "王芳");
  EXPECT_EQ(created->phone, "13800001234");
  EXPECT_FALSE(created->application.new_building);
  EXPECT_TRUE(created->application.outside_works);
  EXPECT_EQ(created->application.received_at, T("2026-05-06T09:00:00+08:00"));
  EXPECT_EQ(created->application.documents,
            (std::set<ConnectionDocument>{ConnectionDocument::kApplicationForm,
                                          ConnectionDocument::kRetrofitRecord}));
  EXPECT_EQ(created->season, 2026);
  EXPECT_EQ(created->reason, "");
  EXPECT_EQ(created->created_at, T("2026-05-06T09:10:00+08:00"));
  ASSERT_EQ(created->history.size(), 1u);
  EXPECT_EQ(created->history[0].action, ConnectionAction::kApply);
  EXPECT_EQ(created->history[0].state, ConnectionState::kReceived);
  EXPECT_EQ(created->history[0].documents.size(), 2u);

  auto messages = outbox_->HouseholdMessages(a_.household_id, std::nullopt, 10);
  ASSERT_TRUE(messages.ok());
  ASSERT_EQ(messages->size(), 1u);
  EXPECT_EQ(messages->front().message_id,
            "connection-" + std::to_string(created->id) + "-event-1-household");
  auto audit = records_->Audit(std::nullopt, 5);
  ASSERT_TRUE(audit.ok());
  ASSERT_FALSE(audit->empty());
  EXPECT_EQ(audit->front().resource, "connection_applications");
  EXPECT_EQ(audit->front().action, "create");
  // The audit keeps the facts, not the applicant's name or phone.
  EXPECT_EQ(audit->front().after_json.find("13800001234"), std::string::npos);
  EXPECT_EQ(audit->front().after_json.find("王芳"), std::string::npos);
}

TEST_P(ConnectionStoreContract, StepsCompareAndSetAndApprovalConnectsTheHousehold) {
  ASSERT_TRUE(records_
                  ->Update(*model::FindResource("households"), a_.household_id,
                           {{"heating_status", std::string("stopped")}}, {}, "setup")
                  .ok());
  auto c = store_->Create(Application(a_, true), {}, {});
  ASSERT_TRUE(c.ok()) << c.error().message;

  ports::ConnectionRecord supplied = *c;
  supplied.application.documents.insert(ConnectionDocument::kOwnersDecision);
  auto e1 = Event(ConnectionAction::kSupplyDocuments, ConnectionState::kReceived, "ag", "agent");
  e1.documents = {ConnectionDocument::kOwnersDecision};
  auto s = store_->Move(c->id, supplied, e1, {});
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->version, 2);
  EXPECT_EQ(s->application.documents.size(), 3u);

  // A step on the version read before is refused, and nothing is written.
  ports::ConnectionRecord stale = *c;
  stale.state = ConnectionState::kRefused;
  stale.reason = "x";
  auto refused =
      store_->Move(c->id, stale,
                   Event(ConnectionAction::kRefuse, ConnectionState::kRefused, "m", "manager"), {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(store_->Get(c->id)->state, ConnectionState::kReceived);
  EXPECT_EQ(HeatingStatus(a_.household_id), "stopped");

  ports::ConnectionRecord approved = *s;
  approved.state = ConnectionState::kApproved;
  approved.decided_at = T("2026-05-07T10:00:00+08:00");
  auto e2 = Event(ConnectionAction::kApprove, ConnectionState::kApproved, "m", "manager");
  e2.note = "改造验收合格";
  auto ok = store_->Move(c->id, approved, e2, {});
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->state, ConnectionState::kApproved);
  EXPECT_EQ(ok->decided_at, T("2026-05-07T10:00:00+08:00"));
  EXPECT_EQ(HeatingStatus(a_.household_id), "heated");
  auto audit = records_->Audit(std::nullopt, 2);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[0].resource, "connection_applications");
  EXPECT_EQ((*audit)[1].resource, "households");
  EXPECT_EQ((*audit)[1].actor, "m");
  EXPECT_NE((*audit)[1].after_json.find("heated"), std::string::npos);

  ports::ConnectionRecord visited = *ok;
  visited.visited_at = T("2026-06-01T10:00:00+08:00");
  visited.satisfied = false;
  visited.visit_note = "接通较慢";
  auto e3 = Event(ConnectionAction::kVisit, ConnectionState::kApproved, "ag", "agent");
  e3.satisfied = false;
  e3.note = "接通较慢";
  auto v = store_->Move(c->id, visited, e3, {});
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_EQ(v->satisfied, false);
  EXPECT_EQ(v->visit_note, "接通较慢");
  ASSERT_EQ(v->history.size(), 4u);
  EXPECT_EQ(v->history[1].documents,
            std::vector<ConnectionDocument>{ConnectionDocument::kOwnersDecision});
  EXPECT_EQ(v->history[2].note, "改造验收合格");
  EXPECT_EQ(v->history[3].satisfied, false);
  auto missing = store_->Move(999999, visited, e3, {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(ConnectionStoreContract, RefusalKeepsItsReasonAndSuggestion) {
  auto c = store_->Create(Application(b_, false), {}, {});
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->household_id, std::nullopt);
  ports::ConnectionRecord refused = *c;
  refused.state = ConnectionState::kRefused;
  refused.decided_at = T("2026-05-07T10:00:00+08:00");
  refused.reason = "管网容量不足";
  refused.suggestion = "待二期管网建成后再申请";
  auto e = Event(ConnectionAction::kRefuse, ConnectionState::kRefused, "m", "manager");
  e.reason = refused.reason;
  e.suggestion = refused.suggestion;
  auto r = store_->Move(c->id, refused, e, {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->reason, "管网容量不足");
  EXPECT_EQ(r->suggestion, "待二期管网建成后再申请");
  EXPECT_EQ(r->history[1].reason, "管网容量不足");
  EXPECT_EQ(r->history[1].suggestion, "待二期管网建成后再申请");
}

TEST_P(ConnectionStoreContract, ListsNewestFirstWithFilters) {
  std::vector<int64_t> ids;
  for (const auto* city : {&a_, &a_, &b_}) {
    auto c = store_->Create(Application(*city, city == &a_), {}, {});
    ASSERT_TRUE(c.ok()) << c.error().message;
    ids.push_back(c->id);
  }
  ports::ConnectionRecord refused = *store_->Get(ids[1]);
  refused.state = ConnectionState::kRefused;
  refused.decided_at = T("2026-05-07T10:00:00+08:00");
  refused.reason = "r";
  refused.suggestion = "s";
  ASSERT_TRUE(
      store_
          ->Move(ids[1], refused,
                 Event(ConnectionAction::kRefuse, ConnectionState::kRefused, "m", "manager"), {})
          .ok());
  ports::ConnectionQuery q;
  q.company_id = a_.company_id;
  auto list = store_->List(q);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, ids[1]);
  EXPECT_EQ((*list)[1].id, ids[0]);
  EXPECT_TRUE((*list)[0].history.empty());
  EXPECT_EQ((*list)[0].reason, "r");
  q.state = ConnectionState::kRefused;
  EXPECT_EQ(store_->List(q)->size(), 1u);
  // The visits still owed: decided and not visited.
  ports::ConnectionQuery owed;
  owed.visited = false;
  auto due = store_->List(owed);
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ(due->front().id, ids[1]);
  owed.visited = true;
  EXPECT_TRUE(store_->List(owed)->empty());
  ports::ConnectionQuery by_season;
  by_season.season = 2027;
  EXPECT_TRUE(store_->List(by_season)->empty());
  by_season.season = 2026;
  EXPECT_EQ(store_->List(by_season)->size(), 3u);
  ports::ConnectionQuery page;
  page.before = ids[2];
  page.limit = 1;
  auto first = store_->List(page);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ(first->front().id, ids[1]);
  ports::ConnectionQuery of_b;
  of_b.building_id = b_.building_id;
  EXPECT_EQ(store_->List(of_b)->size(), 1u);
  ports::ConnectionQuery of_household;
  of_household.household_id = a_.household_id;
  EXPECT_EQ(store_->List(of_household)->size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Engines, ConnectionStoreContract,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage

// The arrears store's contract on SQLite and on a real PostgreSQL cluster (issue 16, R-BILL-1,
// W 9.2.2): a fee is overdue when due before the day and its payments fall short, whatever the
// company, household or season filter; a reminder is kept with its outbox message, whose
// delivery (or failure) the fee then shows, and its audit entry; one by hand keeps its proof; the
// contract's steps are read from the household's terms; a stop for arrears is found by its fee.
#include <gtest/gtest.h>

#include "adapters/storage/arrears_sql.hpp"
#include "adapters/storage/heating_change_sql.hpp"
#include "model/resources.hpp"
#include "support/store_contract.hpp"

namespace hearth::adapters::storage {
namespace {

using rules::ReminderChannel;
using support::Engine;
using support::EngineName;

Instant T(const char* text) { return *ParseRfc3339(text); }
Date D(const char* text) { return *ParseDate(text); }

class ArrearsStoreContract : public support::StoreContract<SqlArrearsStore> {
 protected:
  void SetUp() override {
    support::StoreContract<SqlArrearsStore>::SetUp();
    owed_ = Fee(a_.household_id, 2026, 200000, "2026-11-15");
    Pay(a_.household_id, owed_, 50000);
    Fee(a_.household_id, 2027, 200000, "2027-11-15");  // not yet due
    paid_ = Fee(b_.household_id, 2026, 100000, "2026-11-15");
    Pay(b_.household_id, paid_, 100000);
  }
  int64_t Make(const char* resource, const ports::Fields& fields) {
    auto r = records_->Create(*model::FindResource(resource), fields, {}, "setup");
    EXPECT_TRUE(r.ok()) << resource << ": " << r.error().message << " " << r.error().detail;
    return r.ok() ? r->id : 0;
  }
  int64_t Fee(int64_t household, int64_t season, int64_t fen, const char* due) {
    return Make("fees", {{"household_id", household},
                         {"season", season},
                         {"amount", fen},
                         {"due_on", due}});
  }
  void Pay(int64_t household, int64_t fee, int64_t fen) {
    Make("payments", {{"household_id", household},
                      {"fee_id", fee},
                      {"amount", fen},
                      {"paid_at", "2026-11-10T10:00:00+08:00"},
                      {"method", "bank"}});
  }
  ports::ReminderRecord Reminder(ReminderChannel channel, const char* at) {
    ports::ReminderRecord r;
    r.fee_id = owed_;
    r.household_id = a_.household_id;
    r.channel = channel;
    r.sent_at = T(at);
    r.content = "尚欠 1500.00 元";
    r.sent_by = "agent-a";
    return r;
  }
  static ports::OutboxMessage Sms(int64_t company, int64_t household, const char* at) {
    ports::OutboxMessage m;
    m.message_id = "sms";
    m.receiver = "household";
    m.topic = "arrears.reminder";
    m.company_id = company;
    m.household_id = household;
    m.fields = {{"content", "尚欠 1500.00 元"}};
    m.created_at = m.next_attempt_at = T(at);
    return m;
  }
  std::vector<ports::ArrearsRecord> Overdue(ports::ArrearsQuery q) {
    auto list = store_->Overdue(q);
    EXPECT_TRUE(list.ok()) << list.error().message;
    return list.ok() ? *list : std::vector<ports::ArrearsRecord>{};
  }

  int64_t owed_ = 0, paid_ = 0;
};

TEST_P(ArrearsStoreContract, OverdueIsDueBeforeTheDayAndShortOfItsAmount) {
  ports::ArrearsQuery q;
  q.overdue_on = D("2026-12-01");
  auto all = Overdue(q);
  ASSERT_EQ(all.size(), 1u);
  const ports::ArrearsRecord& f = all.front();
  EXPECT_EQ(f.fee_id, owed_);
  EXPECT_EQ(f.company_id, a_.company_id);
  EXPECT_EQ(f.household_id, a_.household_id);
  EXPECT_FALSE(f.household_code.empty());
  EXPECT_EQ(f.season, 2026);
  EXPECT_EQ(f.due_on, D("2026-11-15"));
  EXPECT_EQ(f.amount_fen, 200000);
  EXPECT_EQ(f.paid_fen, 50000);
  EXPECT_TRUE(f.heated);
  EXPECT_EQ(f.steps.reminders, rules::kDefaultStopSteps.reminders);
  EXPECT_EQ(f.steps.notice_days, rules::kDefaultStopSteps.notice_days);
  EXPECT_TRUE(f.reminders.empty());
  EXPECT_FALSE(f.stop_id);

  q.overdue_on = D("2026-11-15");  // on the due day: not yet
  EXPECT_TRUE(Overdue(q).empty());
  q.overdue_on = D("2027-12-01");  // the next season's too, now
  EXPECT_EQ(Overdue(q).size(), 2u);
  q.season = 2027;
  EXPECT_EQ(Overdue(q).size(), 1u);
  q.season.reset();
  q.company_id = b_.company_id;  // b's fee is paid in full
  EXPECT_TRUE(Overdue(q).empty());
  q.company_id.reset();
  q.household_id = b_.household_id;
  EXPECT_TRUE(Overdue(q).empty());
  q.household_id = a_.household_id;
  q.limit = 1;
  auto page = Overdue(q);
  ASSERT_EQ(page.size(), 1u);
  EXPECT_NE(page.front().fee_id, owed_);  // newest first
  q.before = page.front().fee_id;
  page = Overdue(q);
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page.front().fee_id, owed_);

  auto paid = store_->Fee(paid_);  // any fee is read, paid or not
  ASSERT_TRUE(paid.ok()) << paid.error().message;
  EXPECT_EQ(paid->paid_fen, paid->amount_fen);
  auto none = store_->Fee(999999);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kNotFound);
}

TEST_P(ArrearsStoreContract, APlatformReminderIsProvenByItsDelivery) {
  const char* at = "2026-11-20T09:00:00+08:00";
  auto r = store_->Remind(Reminder(ReminderChannel::kSms, at),
                          Sms(a_.company_id, a_.household_id, at));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_GT(r->id, 0);
  EXPECT_EQ(r->message_id, "reminder-" + std::to_string(r->id) + "-sms");
  EXPECT_EQ(r->content, "尚欠 1500.00 元");
  EXPECT_EQ(r->sent_at, T(at));
  EXPECT_EQ(r->sent_by, "agent-a");
  EXPECT_FALSE(r->delivered_at);
  EXPECT_FALSE(r->proven());

  auto due = outbox_->OutboxDue(T("2026-11-20T10:00:00+08:00"), 10);
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ(due->front().message_id, r->message_id);
  EXPECT_EQ(due->front().household_id, a_.household_id);
  ASSERT_TRUE(outbox_->OutboxFailed(due->front().id, "gateway 503", T(at)).ok());
  auto failing = store_->Fee(owed_);
  ASSERT_TRUE(failing.ok());
  ASSERT_EQ(failing->reminders.size(), 1u);
  EXPECT_EQ(failing->reminders[0].attempts, 1);
  EXPECT_EQ(failing->reminders[0].last_error, "gateway 503");
  EXPECT_FALSE(failing->reminders[0].proven());
  ASSERT_TRUE(outbox_->OutboxDelivered(due->front().id, T("2026-11-20T09:01:00+08:00")).ok());
  auto delivered = store_->Fee(owed_);
  ASSERT_TRUE(delivered.ok());
  EXPECT_EQ(delivered->reminders[0].delivered_at, T("2026-11-20T09:01:00+08:00"));
  EXPECT_TRUE(delivered->reminders[0].proven());

  auto audit = records_->Audit(std::nullopt, 1);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ(audit->front().resource, "reminders");
  EXPECT_EQ(audit->front().action, "create");
  EXPECT_EQ(audit->front().actor, "agent-a");
  EXPECT_EQ(audit->front().record_id, r->id);
}

TEST_P(ArrearsStoreContract, AReminderByHandKeepsItsProofNewestFirst) {
  ports::ReminderRecord notice = Reminder(ReminderChannel::kNotice, "2026-11-21T15:00:00+08:00");
  notice.proof = "贴于 3 单元门口，照片 IMG_2031";
  ASSERT_TRUE(store_->Remind(notice, std::nullopt).ok());
  ports::ReminderRecord letter = Reminder(ReminderChannel::kLetter, "2026-11-28T15:00:00+08:00");
  letter.proof = "挂号信 XA123";
  ASSERT_TRUE(store_->Remind(letter, std::nullopt).ok());
  auto f = store_->Fee(owed_);
  ASSERT_TRUE(f.ok());
  ASSERT_EQ(f->reminders.size(), 2u);
  EXPECT_EQ(f->reminders[0].channel, ReminderChannel::kLetter);
  EXPECT_EQ(f->reminders[1].channel, ReminderChannel::kNotice);
  EXPECT_EQ(f->reminders[1].proof, "贴于 3 单元门口，照片 IMG_2031");
  EXPECT_EQ(f->reminders[1].message_id, "");
  EXPECT_TRUE(f->reminders[1].proven());
  auto due = outbox_->OutboxDue(T("2026-12-01T00:00:00+08:00"), 10);
  ASSERT_TRUE(due.ok());
  EXPECT_TRUE(due->empty());  // nothing for the platform to send
}

TEST_P(ArrearsStoreContract, TheContractSetsTheSteps) {
  auto set = records_->Update(*model::FindResource("households"), a_.household_id,
                              {{"contract", R"({"arrears_reminders": 3, "arrears_notice_days": "x"})"}},
                              {}, "setup");
  ASSERT_TRUE(set.ok()) << set.error().message;
  auto f = store_->Fee(owed_);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->steps.reminders, 3);
  EXPECT_EQ(f->steps.notice_days, 0);  // not a whole number: refused by rules::CheckStopSteps
}

TEST_P(ArrearsStoreContract, TheStopForArrearsIsFoundByItsFee) {
  auto conn = Connect(db_->url());
  ASSERT_TRUE(conn.ok());
  SqlHeatingChangeStore changes(std::move(*conn));
  ports::HeatingChangeRecord stop;
  stop.company_id = a_.company_id;
  stop.household_id = a_.household_id;
  stop.applicant = stop.decided_by = stop.created_by = "manager-a";
  stop.change.kind = rules::HeatingChangeKind::kStop;
  stop.change.received = stop.change.effective = D("2026-12-10");
  stop.change.area_before = stop.change.area_after = 8555;
  stop.received_at = stop.created_at = T("2026-12-10T09:00:00+08:00");
  stop.decided_at = stop.received_at;
  stop.state = rules::HeatingChangeState::kApproved;
  stop.decision_note = "stop for arrears";
  stop.arrears_fee_id = owed_;
  auto stored = changes.StopForArrears(stop, {});
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  auto f = store_->Fee(owed_);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->stop_id, stored->id);
  EXPECT_FALSE(f->heated);
}

INSTANTIATE_TEST_SUITE_P(Engines, ArrearsStoreContract,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage

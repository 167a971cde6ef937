// Work orders over real stores (SQLite and PostgreSQL), the shipped profiles and the shipped
// calendar (2019–2026): every deadline is read back from the stored order and must equal both the
// value derived by hand and what the deadline calculator (hearth calc deadline) gives for the
// same inputs. Across the Spring Festival and National Day of 2024–2026, make-up weekend days,
// year ends, a calendar gap (2027 is not loaded) and the first-15-days boundary (R-WO-4). Also:
// idempotent receipt, second complaints, duplicates closed with their parent, optimistic
// appends, the overdue scan (once per deadline), and recomputation when a calendar year is
// loaded.
#include "services/work_order_service.hpp"

#include <gtest/gtest.h>

#include "adapters/json/calendar_json.hpp"
#include "adapters/storage/migrations.hpp"
#include "adapters/storage/monitoring_store_sql.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "adapters/storage/work_order_sql.hpp"
#include "services/deadline_service.hpp"
#include "support/test_database.hpp"
#include "support/test_policies.hpp"
#include "support/test_sensors.hpp"

namespace hearth::services {
namespace {

using support::Engine;

Instant T(const char* text) { return *ParseRfc3339(text); }

class WorkOrderServiceTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    auto records = adapters::storage::Connect(db_->url());
    ASSERT_TRUE(records.ok());
    ASSERT_TRUE(adapters::storage::Migrate(**records).ok());
    records_ = std::make_unique<adapters::storage::SqlRecordStore>(std::move(*records));
    auto orders = adapters::storage::Connect(db_->url());
    ASSERT_TRUE(orders.ok());
    store_ = std::make_unique<adapters::storage::SqlWorkOrderStore>(std::move(*orders));
    auto registry = support::LoadPolicies();
    ASSERT_TRUE(registry.ok());
    policies_ = std::make_unique<PolicyRegistry>(std::move(*registry));
    calendar_ = std::make_unique<CalendarService>(adapters::json::EmbeddedCalendarFile(),
                                                  /*store=*/nullptr);
    judging_ = std::make_unique<JudgingService>(monitoring_unused(), *records_, *policies_,
                                                nullptr);
    clock_.Set(T("2027-02-01T00:00:00+08:00"));
    service_ = std::make_unique<WorkOrderService>(*store_, *records_, *judging_, *policies_,
                                                  *calendar_, clock_);
    deadlines_ = std::make_unique<DeadlineService>(*policies_, *calendar_);
    a_ = support::MakeSensorCity(*records_, "a", 0, "sa");
    b_ = support::MakeSensorCity(*records_, "b", 0, "sb");
    agent_ = {"agent1", rules::Role::kAgent, {a_.company_id, std::nullopt}};
  }

  // JudgingService reads seasons through the records only (SeasonOf); its monitoring store is
  // never touched here.
  ports::MonitoringStore& monitoring_unused() {
    if (!monitoring_) {
      auto conn = adapters::storage::Connect(db_->url());
      monitoring_ = std::make_unique<adapters::storage::SqlMonitoringStore>(std::move(*conn));
    }
    return *monitoring_;
  }

  NewWorkOrder Order(const char* channel, const char* received, const char* external = "") {
    NewWorkOrder n;
    n.channel = *rules::ParseChannel(channel);
    n.external_id = external;
    if (rules::IsHotline(n.channel) && n.external_id.empty()) {
      n.external_id = std::string(channel) + "-" + received;
    }
    n.received_at = T(received);
    n.household = std::to_string(a_.household_id);
    n.category = rules::OrderCategory::kHeatingQuality;
    n.content = "卧室温度 16 度";
    n.caller_phone = "13812345678";
    return n;
  }

  rules::OrderEvent Event(rules::OrderEventType type, const char* at) {
    rules::OrderEvent e;
    e.type = type;
    e.at = T(at);
    return e;
  }

  // What `hearth calc deadline` answers for the same inputs.
  std::string Calc(const char* rule, const char* channel, const char* from) {
    DeadlineQuery q;
    q.policy = "weihai";
    q.rule = rule;
    if (channel) q.channel = channel;
    q.from = from;
    auto out = deadlines_->Compute(q, false);
    EXPECT_TRUE(out.ok()) << out.error().message;
    return out.ok() ? FormatLocal(out->answer.deadline) : "";
  }

  std::unique_ptr<support::TestDatabase> db_;
  std::unique_ptr<adapters::storage::SqlRecordStore> records_;
  std::unique_ptr<adapters::storage::SqlMonitoringStore> monitoring_;
  std::unique_ptr<adapters::storage::SqlWorkOrderStore> store_;
  std::unique_ptr<PolicyRegistry> policies_;
  std::unique_ptr<CalendarService> calendar_;
  std::unique_ptr<JudgingService> judging_;
  std::unique_ptr<DeadlineService> deadlines_;
  ports::ManualClock clock_{Instant{}};
  std::unique_ptr<WorkOrderService> service_;
  support::SensorCity a_, b_;
  OrderActor agent_;
};

struct DeadlineCase {
  const char* what;
  const char* channel;
  const char* received;
  const char* reply;   // by hand
  const char* ret;     // by hand; nullptr: no return deadline
  bool incomplete;     // reply's calendar_incomplete
};

// Expected values derived by hand from the State Council notices (data/calendar) and R-CAL-2.
const DeadlineCase kDeadlineCases[] = {
    // National Day 2024: off 10-01..07; make-up Sun 09-29 and Sat 10-12.
    {"National Day 2024", "city-hotline", "2024-09-27T16:00:00+08:00",
     "2024-10-10T23:59:59+08:00", "2024-09-30T23:59:59+08:00", false},
    {"National Day 2024, on a make-up Sunday", "provincial-hotline", "2024-09-29T10:00:00+08:00",
     "2024-10-09T23:59:59+08:00", "2024-09-30T23:59:59+08:00", false},
    // Spring Festival 2024: off 02-10..17; make-up Sun 02-04 and Sun 02-18.
    {"Spring Festival 2024", "city-hotline", "2024-02-08T10:00:00+08:00",
     "2024-02-21T23:59:59+08:00", "2024-02-18T23:59:59+08:00", false},
    {"Spring Festival 2024, phone", "phone", "2024-02-08T10:00:00+08:00",
     "2024-02-21T23:59:59+08:00", nullptr, false},
    // Spring Festival 2025: off 01-28..02-04; make-up Sun 01-26 and Sat 02-08.
    {"Spring Festival 2025", "city-hotline", "2025-01-24T09:00:00+08:00",
     "2025-02-07T23:59:59+08:00", "2025-01-27T23:59:59+08:00", false},
    // National Day 2025: off 10-01..08; make-up Sun 09-28 and Sat 10-11.
    {"National Day 2025", "on-receipt", "2025-09-30T09:00:00+08:00",
     "2025-10-10T23:59:59+08:00", "2025-09-30T11:00:00+08:00", false},
    // Spring Festival 2026: off 02-15..23; make-up Sun 02-14 and Sat 02-28.
    {"Spring Festival 2026", "provincial-hotline", "2026-02-13T15:00:00+08:00",
     "2026-02-25T23:59:59+08:00", "2026-02-14T23:59:59+08:00", false},
    // Year end: New Year's Day 2026 (01-01..03 off, make-up Sun 01-04).
    {"year end 2025", "city-hotline", "2025-12-31T10:00:00+08:00", "2026-01-08T23:59:59+08:00",
     "2026-01-05T23:59:59+08:00", false},
    // A calendar gap: 2027 is not loaded; the Mon–Fri rule and the flag.
    {"into 2027", "web", "2026-12-30T10:00:00+08:00", "2027-01-06T23:59:59+08:00", nullptr, true},
};

TEST_P(WorkOrderServiceTest, DeadlinesReadBackFromStoredOrders) {
  for (const DeadlineCase& c : kDeadlineCases) {
    auto r = service_->Receive(Order(c.channel, c.received), agent_);
    ASSERT_TRUE(r.ok()) << c.what << ": " << r.error().message;
    auto read = service_->Get(r->order.order.head.id, agent_.scope);
    ASSERT_TRUE(read.ok());
    const auto& v = read->view;
    const auto* reply = v.Find(rules::OrderDeadline::kReply);
    ASSERT_NE(reply, nullptr) << c.what;
    EXPECT_EQ(FormatLocal(reply->due), c.reply) << c.what;
    EXPECT_EQ(FormatLocal(reply->due), Calc("reply", c.channel, c.received)) << c.what;
    EXPECT_EQ(reply->calendar_incomplete, c.incomplete) << c.what;
    const auto* ret = v.Find(rules::OrderDeadline::kReturn);
    if (c.ret == nullptr) {
      EXPECT_EQ(ret, nullptr) << c.what;
    } else {
      ASSERT_NE(ret, nullptr) << c.what;
      EXPECT_EQ(FormatLocal(ret->due), c.ret) << c.what;
      EXPECT_EQ(FormatLocal(ret->due), Calc("return", c.channel, c.received)) << c.what;
    }
  }
}

TEST_P(WorkOrderServiceTest, ResponseAtTheFirst15DaysBoundary) {  // R-WO-4, season 11-15
  struct Case {
    const char* accepted;
    const char* due;
  };
  const Case cases[] = {{"2025-11-29T23:50:00+08:00", "2025-11-30T01:20:00+08:00"},
                        {"2025-11-30T00:10:00+08:00", "2025-11-30T00:40:00+08:00"},
                        {"2025-11-15T00:00:00+08:00", "2025-11-15T01:30:00+08:00"}};
  for (const Case& c : cases) {
    auto r = service_->Receive(Order("phone", c.accepted), agent_);
    ASSERT_TRUE(r.ok()) << r.error().message;
    auto read = service_->Record(r->order.order.head.id,
                                 Event(rules::OrderEventType::kAccept, c.accepted), agent_);
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_EQ(FormatLocal(read->view.Find(rules::OrderDeadline::kResponse)->due), c.due)
        << c.accepted;
    EXPECT_EQ(FormatLocal(read->view.Find(rules::OrderDeadline::kResponse)->due),
              Calc("response", nullptr, c.accepted));
  }
  // A district that decided an earlier start (11-05): its first 15 days end on 11-19.
  auto season = records_->Create(*model::FindResource("seasons"),
                                 {{"district_id", *records_->Get(*model::FindResource("buildings"),
                                                                  1, {})->Int("district_id")},
                                  {"season", int64_t{2025}},
                                  {"official_start", "2025-11-05"},
                                  {"official_end", "2026-03-15"}},
                                 {}, "setup");
  ASSERT_TRUE(season.ok()) << season.error().message;
  auto r = service_->Receive(Order("phone", "2025-11-20T10:00:00+08:00"), agent_);
  ASSERT_TRUE(r.ok());
  auto read = service_->Record(r->order.order.head.id,
                               Event(rules::OrderEventType::kAccept, "2025-11-20T10:00:00+08:00"),
                               agent_);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(FormatLocal(read->view.Find(rules::OrderDeadline::kResponse)->due),
            "2025-11-20T10:30:00+08:00");
}

TEST_P(WorkOrderServiceTest, AHotlineResendIsTheSameOrder) {
  auto first = service_->Receive(Order("city-hotline", "2025-12-01T09:00:00+08:00", "12345-1"),
                                 agent_);
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(first->created);
  auto again = service_->Receive(Order("city-hotline", "2025-12-01T09:00:00+08:00", "12345-1"),
                                 agent_);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->order.order.head.id, first->order.order.head.id);
  // Another company's agent re-sending the number sees nothing of the order.
  OrderActor other{"agent2", rules::Role::kAgent, {b_.company_id, std::nullopt}};
  auto theirs = Order("city-hotline", "2025-12-01T09:00:00+08:00", "12345-1");
  theirs.household = std::to_string(b_.household_id);
  auto refused = service_->Receive(theirs, other);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kAlreadyExists);
  // The same number on another platform is another order.
  auto provincial =
      service_->Receive(Order("provincial-hotline", "2025-12-01T09:00:00+08:00", "12345-1"), agent_);
  ASSERT_TRUE(provincial.ok());
  EXPECT_TRUE(provincial->created);
}

TEST_P(WorkOrderServiceTest, SecondComplaintsAndDuplicates) {  // R-WO-1, R-WO-6
  auto first = service_->Receive(Order("phone", "2025-12-01T09:00:00+08:00"), agent_);
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first->order.order.head.second_complaint);
  // The same complaint from the provincial hotline: a duplicate, not a second complaint.
  auto dup = Order("provincial-hotline", "2025-12-01T09:30:00+08:00", "P-77");
  dup.parent_id = first->order.order.head.id;
  auto child = service_->Receive(dup, agent_);
  ASSERT_TRUE(child.ok()) << child.error().message;
  EXPECT_FALSE(child->order.order.head.second_complaint);
  // Again in the same season: a second complaint. Another category, or next season: not.
  auto again = service_->Receive(Order("web", "2026-01-10T09:00:00+08:00"), agent_);
  EXPECT_TRUE(again->order.order.head.second_complaint);
  auto billing = Order("web", "2026-01-10T10:00:00+08:00");
  billing.category = rules::OrderCategory::kBilling;
  EXPECT_FALSE(service_->Receive(billing, agent_)->order.order.head.second_complaint);
  EXPECT_FALSE(service_->Receive(Order("web", "2026-11-20T10:00:00+08:00"), agent_)
                   ->order.order.head.second_complaint);

  // Move the parent through its life; closing it closes the child, judged on its own times.
  using E = rules::OrderEventType;
  const int64_t parent = first->order.order.head.id;
  auto step = [&](rules::OrderEvent e) {
    auto r = service_->Record(parent, e, agent_);
    EXPECT_TRUE(r.ok()) << rules::EventTypeName(e.type) << ": " << r.error().message;
  };
  step(Event(E::kAccept, "2025-12-01T09:05:00+08:00"));
  step(Event(E::kRespond, "2025-12-01T09:20:00+08:00"));
  auto reply = Event(E::kReply, "2025-12-05T10:00:00+08:00");  // provincial due 12-04
  reply.result = "已调整阀门";
  step(reply);
  auto visit = Event(E::kVisit, "2025-12-06T10:00:00+08:00");
  visit.process_satisfaction = visit.result_satisfaction = rules::Satisfaction::kSatisfied;
  visit.reasonable = true;
  visit.mode = rules::VisitMode::kPhone;
  step(visit);
  step(Event(E::kClose, "2025-12-06T11:00:00+08:00"));
  auto c = service_->Get(child->order.order.head.id, agent_.scope);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->order.projection.state, rules::OrderState::kClosed);
  EXPECT_TRUE(c->view.Find(rules::OrderDeadline::kReply)->Late());
  EXPECT_FALSE(c->view.Find(rules::OrderDeadline::kReturnVisit)->Late());
  auto p = service_->Get(parent, agent_.scope);
  EXPECT_FALSE(p->view.Find(rules::OrderDeadline::kReply)->Late());  // phone: due 12-08
  EXPECT_EQ(p->children, std::vector<int64_t>{child->order.order.head.id});
  // The child's platform gets the answer, with the child's own number.
  auto due = store_->OutboxDue(T("2030-01-01T00:00:00+08:00"), 100);
  ASSERT_TRUE(due.ok());
  bool pushed = false;
  for (const auto& m : *due) {
    if (m.receiver == "hotline:provincial-hotline" && m.topic == "work-order.closed") {
      pushed = true;
      EXPECT_EQ(m.fields[1], (std::pair<std::string, std::string>{"external_id", "P-77"}));
    }
  }
  EXPECT_TRUE(pushed);
}

TEST_P(WorkOrderServiceTest, OverdueScanAlertsOncePerDeadline) {
  clock_.Set(T("2025-12-01T09:10:00+08:00"));
  auto r = service_->Receive(Order("on-receipt", "2025-12-01T09:00:00+08:00"), agent_);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*service_->ScanOverdue(), 0);
  // The return window (2 h) passes: one alert; scanning again raises nothing.
  clock_.Set(T("2025-12-01T11:00:01+08:00"));
  EXPECT_EQ(*service_->ScanOverdue(), 1);
  EXPECT_EQ(*service_->ScanOverdue(), 0);
  // Overdue in the list, and due within 3 days (the reply, 12-03).
  WorkOrderFilter overdue;
  overdue.overdue = true;
  EXPECT_EQ(service_->List(overdue, agent_.scope)->size(), 1u);
  WorkOrderFilter soon;
  soon.due_within = std::chrono::hours{24 * 3};
  EXPECT_EQ(service_->List(soon, agent_.scope)->size(), 1u);
  soon.due_within = std::chrono::hours{1};
  EXPECT_EQ(service_->List(soon, agent_.scope)->size(), 1u);  // the return, past due
  // Another company sees none of it.
  EXPECT_TRUE(service_->List(overdue, {b_.company_id, std::nullopt})->empty());
  auto messages = store_->OutboxDue(T("2030-01-01T00:00:00+08:00"), 100);
  int alerts = 0;
  for (const auto& m : *messages) alerts += m.receiver == "managers";
  EXPECT_EQ(alerts, 1);
}

TEST_P(WorkOrderServiceTest, ARacingWriterReplaysInsteadOfOverwriting) {
  auto r = service_->Receive(Order("phone", "2025-12-01T09:00:00+08:00"), agent_);
  ASSERT_TRUE(r.ok());
  const auto order = *store_->Get(r->order.order.head.id);
  ASSERT_TRUE(service_->Record(order.head.id,
                               Event(rules::OrderEventType::kAccept, "2025-12-01T09:05:00+08:00"),
                               agent_)
                  .ok());
  // A writer that read the order before that accept appends at the same seq: refused whole.
  ports::OrderChange stale{order.head.id, order.last_seq, {}, order.projection, std::nullopt};
  stale.entries.push_back({0, Event(rules::OrderEventType::kAccept, "2025-12-01T09:06:00+08:00"),
                           "", "", T("2025-12-01T09:06:00+08:00")});
  auto s = store_->Append(std::vector<ports::OrderChange>{stale}, {}, "stale");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(store_->Get(order.head.id)->entries.size(), 1u);
}

TEST_P(WorkOrderServiceTest, LoadingACalendarYearRecomputesOpenDeadlines) {
  auto r = service_->Receive(Order("web", "2026-12-30T10:00:00+08:00"), agent_);
  ASSERT_TRUE(r.ok());
  const int64_t id = r->order.order.head.id;
  EXPECT_TRUE(r->order.view.Find(rules::OrderDeadline::kReply)->calendar_incomplete);
  // Nothing changes while the calendar is the same.
  EXPECT_EQ(*service_->RecomputeOpen("calendar"), 0);
  // 2027 arrives, with 01-01 and Monday 01-04 off (a notice made up for the test).
  rules::CalendarFile file = adapters::json::EmbeddedCalendarFile();
  file.years.push_back({2027,
                        {{*ParseDate("2027-01-01"), "元旦", true},
                         {*ParseDate("2027-01-04"), "元旦", true}}});
  calendar_ = std::make_unique<CalendarService>(file, nullptr);
  service_ = std::make_unique<WorkOrderService>(*store_, *records_, *judging_, *policies_,
                                                *calendar_, clock_);
  EXPECT_EQ(*service_->RecomputeOpen("calendar"), 1);
  auto read = service_->Get(id, agent_.scope);
  ASSERT_TRUE(read.ok());
  // 12-31 (1), 01-05 (2), 01-06, 01-07, 01-08 (5).
  const auto* reply = read->view.Find(rules::OrderDeadline::kReply);
  EXPECT_EQ(FormatLocal(reply->due), "2027-01-08T23:59:59+08:00");
  EXPECT_FALSE(reply->calendar_incomplete);
  const auto& last = read->order.entries.back();
  EXPECT_EQ(last.system, "deadlines-recomputed");
  EXPECT_NE(last.detail.find("reply"), std::string::npos) << last.detail;
  EXPECT_EQ(*service_->RecomputeOpen("calendar"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, WorkOrderServiceTest,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres),
                         support::EngineName);

}  // namespace
}  // namespace hearth::services

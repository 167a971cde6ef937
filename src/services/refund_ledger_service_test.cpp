// The refund ledger's use cases over real stores, SQLite and PostgreSQL, with a clock the test
// moves (issue 11): a mid-season run counts complete days only and says so; approval waits for
// the season's end and a draft covering it; an unpaid entry past its deadline is overdue;
// meter-billed households get no temperature share (R-REFUND-1); every step is audited; stored
// company-caused stops of 12 h or more in a day make it not heated (R-REFUND-2, issue 15);
// household-caused findings remove the temperature share, not the 100 % of such a day, and a
// disputed one removes nothing until the regulator upholds it (R-REFUND-4, issue 15).
#include "services/refund_ledger_service.hpp"

#include <gtest/gtest.h>

#include "adapters/json/calendar_json.hpp"
#include "adapters/storage/finding_sql.hpp"
#include "adapters/storage/outage_sql.hpp"
#include "adapters/storage/refund_ledger_sql.hpp"
#include "services/calendar_service.hpp"
#include "services/deadline_service.hpp"
#include "support/judging_test_city.hpp"

namespace hearth::services {
namespace {

class LedgerTest : public JudgingTest {
 protected:
  void SetUp() override {
    JudgingTest::SetUp();
    auto conn = adapters::storage::Connect(db_->url(), false);
    ASSERT_TRUE(conn.ok());
    ledger_ = std::make_unique<adapters::storage::SqlRefundLedger>(std::move(*conn));
    calendar_ = std::make_unique<CalendarService>(adapters::json::EmbeddedCalendarFile(), nullptr);
    deadlines_ = std::make_unique<DeadlineService>(*policies_, *calendar_);
    auto stops = adapters::storage::Connect(db_->url(), false);
    ASSERT_TRUE(stops.ok());
    outages_ = std::make_unique<adapters::storage::SqlOutageStore>(std::move(*stops));
    auto found = adapters::storage::Connect(db_->url(), false);
    ASSERT_TRUE(found.ok());
    findings_ = std::make_unique<adapters::storage::SqlFindingStore>(std::move(*found));
    judging_ = std::make_unique<JudgingService>(*store_, *records_, *policies_, rollups_.get(),
                                                DayFacts{outages_.get(), findings_.get(), &clock_});
    service_ = std::make_unique<RefundLedgerService>(*ledger_, *records_, *judging_, *deadlines_,
                                                     *policies_, clock_);
    // A fee of 2,420.00 yuan for the 2025 season: 121 official days (11-15 .. 03-15), 20 yuan
    // a day.
    Make("fees", {{"household_id", h_},
                  {"season", int64_t{2025}},
                  {"amount", int64_t{242000}},
                  {"due_on", "2025-11-01"}});
  }

  ports::RefundEntry OnlyEntry() {
    ports::LedgerQuery q;
    auto list = service_->List(q, false, {});
    EXPECT_TRUE(list.ok());
    EXPECT_EQ(list.ok() ? list->size() : 0u, 1u);
    return list.ok() && !list->empty() ? list->front() : ports::RefundEntry{};
  }

  void SetNow(const char* rfc3339) { clock_.Set(At(rfc3339)); }

  /// A stop of the whole network from `from` to `to`, ended.
  void Stop(const char* from, const char* to, bool company_caused) {
    ports::ListQuery q;
    q.equals = {{"code", std::string("hs")}};
    ports::Outage o;
    o.company_id = company_;
    o.kind = rules::OutageKind::kEmergency;
    o.company_caused = company_caused;
    o.cause = "test";
    o.scope.heat_sources = {records_->List(*model::FindResource("heat_sources"), q)->items[0].id};
    o.start = At(from);
    o.expected_end = At(to);
    o.created_by = "manager";
    auto created = outages_->Create(o, {});
    ASSERT_TRUE(created.ok()) << created.error().message;
    ASSERT_TRUE(outages_->End(created->id, At(to), "manager").ok());
  }

  /// A household-caused finding on the household, found on `from`'s morning; its id.
  int64_t AddFinding(const char* from, const char* to) {
    ports::Finding f;
    f.company_id = company_;
    f.household_id = h_;
    f.kind = rules::FindingKind::kAddedRadiators;
    f.description = "radiators added";
    f.found_by = "tech";
    f.found_at = At((std::string(from) + "T09:00:00+08:00").c_str());
    f.valid_from = D(from);
    f.valid_to = D(to);
    f.created_by = "tech";
    auto created = findings_->Create(f, {}, {});
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? created->id : 0;
  }
  void MoveFinding(int64_t id, rules::FindingState from, rules::FindingAction action,
                   rules::FindingState to) {
    ports::FindingEvent e{action, to, "someone", "household", "note", clock_.Now()};
    auto moved = findings_->Move(id, from, e, {});
    ASSERT_TRUE(moved.ok()) << moved.error().message;
  }

  std::unique_ptr<adapters::storage::SqlRefundLedger> ledger_;
  std::unique_ptr<adapters::storage::SqlOutageStore> outages_;
  std::unique_ptr<adapters::storage::SqlFindingStore> findings_;
  std::unique_ptr<CalendarService> calendar_;
  std::unique_ptr<DeadlineService> deadlines_;
  std::unique_ptr<RefundLedgerService> service_;
};

TEST_P(LedgerTest, AMidSeasonRunCountsCompleteDaysOnly) {
  // An unqualified signed measurement of 15.0 °C on 20 November opens a 50 % period to the
  // season's end (R-REFUND-5). Run at 09:00 on 25 November, the draft counts 20..24 November.
  SetNow("2025-11-20T12:00:00+08:00");
  AddManual(Manual("2025-11-20T10:00:00+08:00", 15000, "signed"));
  SetNow("2025-11-25T09:00:00+08:00");
  auto summary = service_->Run(2025, {}, "manager");
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(FormatDate(summary->covered_to), "2025-11-24");
  ports::RefundEntry e = OnlyEntry();
  EXPECT_EQ(e.covered_to, "2025-11-24");
  EXPECT_EQ(e.season_end, "2026-03-15");
  ASSERT_EQ(e.days.size(), 5u);
  EXPECT_EQ(FormatDate(e.days.back().date), "2025-11-24");
  EXPECT_EQ(e.refund_fen, 5 * 2000 / 2);  // 5 days × 50 % × 20.00 yuan
  EXPECT_FALSE(service_->Overdue(e));

  // Not before the season's end, and not a draft that stops short of it.
  auto early = service_->Approve(e.id, {}, "manager");
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(early.error().message.find("ends on 2026-03-15"), std::string::npos);
  SetNow("2026-03-16T09:00:00+08:00");
  auto stale = service_->Approve(e.id, {}, "manager");
  ASSERT_FALSE(stale.ok());
  EXPECT_NE(stale.error().message.find("covers the days to 2025-11-24 only"), std::string::npos);
  // Re-run after the end: the whole season, 116 days at 50 % from 20 November.
  ASSERT_TRUE(service_->Run(2025, {}, "manager").ok());
  e = OnlyEntry();
  EXPECT_EQ(e.covered_to, "2026-03-15");
  EXPECT_EQ(e.refund_fen, 116 * 2000 / 2);
  auto approved = service_->Approve(e.id, {}, "manager");
  ASSERT_TRUE(approved.ok()) << approved.error().message;
  EXPECT_EQ(approved->status, "approved");

  // Past 30 June and unpaid: overdue, and found by the overdue filter; paid: no longer.
  SetNow("2026-07-01T00:00:01+08:00");
  EXPECT_TRUE(service_->Overdue(*approved));
  EXPECT_EQ(service_->List({}, true, {})->size(), 1u);
  auto paid = service_->Pay(e.id, "bank", "B-20260701-1", {}, "manager");
  ASSERT_TRUE(paid.ok()) << paid.error().message;
  EXPECT_FALSE(service_->Overdue(*paid));
  // R-REFUND-6: the payment record, at the service's time, flagged late.
  EXPECT_EQ(paid->payout_method, "bank");
  EXPECT_EQ(paid->payout_reference, "B-20260701-1");
  EXPECT_EQ(paid->paid_at, "2026-07-01T00:00:01+08:00");
  EXPECT_TRUE(RefundLedgerService::PaidLate(*paid));
  ports::RefundEntry offset = *paid;  // settled by the next bill, as the household chose
  offset.payout_method = "offset";
  EXPECT_FALSE(RefundLedgerService::PaidLate(offset));
  EXPECT_TRUE(service_->List({}, true, {})->empty());

  // Audited: runs, the approval and the payment, newest first.
  auto audit = records_->Audit(std::nullopt, 10);
  ASSERT_TRUE(audit.ok());
  std::vector<std::string> actions;
  for (const auto& a : *audit) {
    if (a.resource == "refunds") actions.push_back(a.action);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"update", "update", "run", "run"}));
}

// Issue 14: a run tells its job how far it is (households done of the heated households in
// scope), and stops when told to, its drafts so far written.
TEST_P(LedgerTest, ARunReportsItsProgressAndStopsWhenTold) {
  SetNow("2025-11-25T09:00:00+08:00");
  auto at_once = service_->Run(2025, {}, "manager", [](int64_t, int64_t) { return false; });
  ASSERT_FALSE(at_once.ok());
  EXPECT_EQ(at_once.error().code, ErrorCode::kUnavailable);
  EXPECT_TRUE(ledger_->List({})->empty());
  // Stopped after its one page: that page's draft is written.
  int calls = 0;
  auto stopped = service_->Run(2025, {}, "manager", [&](int64_t, int64_t) { return ++calls < 2; });
  ASSERT_FALSE(stopped.ok());
  EXPECT_EQ(stopped.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(OnlyEntry().covered_to, "2025-11-24");

  std::vector<std::pair<int64_t, int64_t>> heard;
  auto summary = service_->Run(2025, {}, "manager", [&](int64_t done, int64_t total) {
    heard.emplace_back(done, total);
    return true;
  });
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  ASSERT_GE(summary->households, 1);
  ASSERT_EQ(heard.size(), 2u);
  EXPECT_EQ(heard.front(), std::make_pair(int64_t{0}, summary->households));
  EXPECT_EQ(heard.back(), std::make_pair(summary->households, summary->households));
}

TEST_P(LedgerTest, ARunBeforeTheFirstCompleteDayIsRefused) {
  SetNow("2025-11-15T20:00:00+08:00");
  auto summary = service_->Run(2025, {}, "manager");
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(summary.error().message.find("starts on 2025-11-15"), std::string::npos);
}

TEST_P(LedgerTest, EntriesOutsideTheScopeAreNotFound) {
  SetNow("2026-04-01T09:00:00+08:00");
  ASSERT_TRUE(service_->Run(2025, {}, "admin").ok());
  ports::RefundEntry e = OnlyEntry();
  ports::Scope other;
  other.company_id = company_ + 1;
  EXPECT_EQ(service_->Get(e.id, other).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_->Approve(e.id, other, "x").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_->Choose(e.id, "offset", other, "x").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_->Choose(e.id, "cash", {}, "x").error().field, "choice");
  EXPECT_TRUE(service_->List({}, false, other)->empty());
}

// R-REFUND-1 (Z 2.4): the same cold days refund an area-billed household and not a meter-billed
// one.
TEST_P(LedgerTest, AMeterBilledHouseholdGetsNoTemperatureShare) {
  for (Date d = D("2025-12-01"); d <= D("2025-12-10"); d += std::chrono::days{1}) {
    Hours(bed_, d, 1500);
    Hours(living_, d, 1500);
  }
  SetNow("2026-04-01T09:00:00+08:00");
  ASSERT_TRUE(service_->Run(2025, {}, "admin").ok());
  EXPECT_EQ(OnlyEntry().refund_fen, 10 * 2000 / 2);
  ASSERT_TRUE(records_->Update(*model::FindResource("households"), h_, {{"billing", "meter"}}, {},
                               "agent")
                  .ok());
  ASSERT_TRUE(service_->Run(2025, {}, "admin").ok());
  ports::RefundEntry meter = OnlyEntry();
  EXPECT_EQ(meter.refund_fen, 0);
  EXPECT_TRUE(meter.days.empty());
}

// R-REFUND-2: the union of a day's company-caused stops, read from the stored stops.
TEST_P(LedgerTest, ADayWithTwelveHoursOfTheCompanysStopsIsNotHeated) {
  Stop("2025-12-01T08:00:00+08:00", "2025-12-01T20:00:00+08:00", true);   // 12 h: 100 %
  Stop("2025-12-02T08:00:00+08:00", "2025-12-02T19:59:00+08:00", true);   // 11 h 59 min
  Stop("2025-12-03T06:00:00+08:00", "2025-12-03T20:00:00+08:00", false);  // not the company's
  Stop("2025-12-04T08:00:00+08:00", "2025-12-04T14:00:00+08:00", true);   // 08-14 and 12-20:
  Stop("2025-12-04T12:00:00+08:00", "2025-12-04T20:00:00+08:00", true);   // 12 h together
  Stop("2025-12-05T18:00:00+08:00", "2025-12-06T06:00:00+08:00", true);   // 6 h + 6 h
  SetNow("2026-04-01T09:00:00+08:00");
  ASSERT_TRUE(service_->Run(2025, {}, "admin").ok());
  ports::RefundEntry e = OnlyEntry();
  std::vector<std::string> days;
  for (const auto& d : e.days) {
    days.push_back(FormatDate(d.date));
    EXPECT_EQ(d.share_percent, 100);
    EXPECT_EQ(d.cause, rules::RefundCause::kOutage) << d.reason;
  }
  EXPECT_EQ(days, (std::vector<std::string>{"2025-12-01", "2025-12-04"}));
  EXPECT_EQ(e.refund_fen, 2 * 2000);
}

// R-REFUND-4: findings remove the temperature share on the days they cover, never the 100 % of a
// day not heated for the company's reasons; a disputed finding counts only once upheld.
TEST_P(LedgerTest, FindingsRemoveTheTemperatureShareButNotTheNotHeatedDay) {
  for (Date d = D("2025-12-01"); d <= D("2025-12-10"); d += std::chrono::days{1}) {
    Hours(bed_, d, 1500);  // 15.0 °C: 50 %, 1,000 fen a day
    Hours(living_, d, 1500);
  }
  AddFinding("2025-12-03", "2025-12-06");                                 // open: counts
  Stop("2025-12-05T06:00:00+08:00", "2025-12-05T20:00:00+08:00", true);  // 14 h: 100 %
  const int64_t disputed = AddFinding("2025-12-08", "2025-12-09");
  MoveFinding(disputed, rules::FindingState::kOpen, rules::FindingAction::kDispute,
              rules::FindingState::kDisputed);
  SetNow("2026-04-01T09:00:00+08:00");
  ASSERT_TRUE(service_->Run(2025, {}, "admin").ok());
  ports::RefundEntry e = OnlyEntry();
  std::vector<std::pair<std::string, int>> days;
  for (const auto& d : e.days) days.emplace_back(FormatDate(d.date), d.share_percent);
  EXPECT_EQ(days, (std::vector<std::pair<std::string, int>>{{"2025-12-01", 50},
                                                            {"2025-12-02", 50},
                                                            {"2025-12-05", 100},
                                                            {"2025-12-07", 50},
                                                            {"2025-12-08", 50},
                                                            {"2025-12-09", 50},
                                                            {"2025-12-10", 50}}));
  EXPECT_EQ(e.refund_fen, 6 * 1000 + 2000);
  // The run reads a page of households at once (JudgingService::Prefetch); one household's entry
  // computed alone reads the stores: the same days.
  auto alone = service_->Compute(h_, 2025, "admin");
  ASSERT_TRUE(alone.ok()) << alone.error().message;
  EXPECT_EQ(alone->days, e.days);
  EXPECT_EQ(alone->refund_fen, e.refund_fen);
  // The judged days say why 12-03 has no share, and which finding covers it.
  auto judged = judging_->Judge(h_, D("2025-12-03"), D("2025-12-05"));
  ASSERT_TRUE(judged.ok());
  EXPECT_EQ(judged->days[0].share_percent, 0);
  EXPECT_TRUE(judged->days[0].finding_id.has_value());
  EXPECT_NE(judged->days[0].reason.find("household-caused"), std::string::npos)
      << judged->days[0].reason;
  EXPECT_EQ(judged->days[2].outage, 1400);
  EXPECT_EQ(judged->days[2].share_percent, 100);

  // The regulator upholds the disputed one: 12-08 and 12-09 lose their share.
  MoveFinding(disputed, rules::FindingState::kDisputed, rules::FindingAction::kUphold,
              rules::FindingState::kUpheld);
  ASSERT_TRUE(service_->Run(2025, {}, "admin").ok());
  EXPECT_EQ(OnlyEntry().refund_fen, 4 * 1000 + 2000);
}

INSTANTIATE_TEST_SUITE_P(Engines, LedgerTest,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::services

// The refund ledger's use cases over real stores, SQLite and PostgreSQL, with a clock the test
// moves (issue 11): a mid-season run counts complete days only and says so; approval waits for
// the season's end and a draft covering it; an unpaid entry past its deadline is overdue;
// meter-billed households get no temperature share (R-REFUND-1); every step is audited; stored
// company-caused stops of 12 h or more in a day make it not heated (R-REFUND-2, issue 15).
#include "services/refund_ledger_service.hpp"

#include <gtest/gtest.h>

#include "adapters/json/calendar_json.hpp"
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
    service_ = std::make_unique<RefundLedgerService>(*ledger_, *records_, *judging_, *deadlines_,
                                                     *policies_, clock_, outages_.get());
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

  std::unique_ptr<adapters::storage::SqlRefundLedger> ledger_;
  std::unique_ptr<adapters::storage::SqlOutageStore> outages_;
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
  auto paid = service_->Pay(e.id, {}, "manager");
  ASSERT_TRUE(paid.ok());
  EXPECT_FALSE(service_->Overdue(*paid));
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

INSTANTIATE_TEST_SUITE_P(Engines, LedgerTest,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::services

// R-TEMP-2 with R-ACCT-1 (issue 16: "the guarantee of a past day using the contract valid
// then"): a day is judged against the usage rates valid on that day. Neighbours that stop
// heating through approved 增减停复 lower the partition's rate from their effective day only;
// days before it keep the guarantee they had. On SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "adapters/storage/contract_history_sql.hpp"
#include "adapters/storage/heating_change_sql.hpp"
#include "services/judging_service.hpp"
#include "services/record_service.hpp"
#include "support/judging_test_city.hpp"

namespace hearth::services {
namespace {

class JudgingHistoryTest : public JudgingTest {
 protected:
  void SetUp() override {
    JudgingTest::SetUp();
    auto conn = adapters::storage::Connect(db_->url(), false);
    ASSERT_TRUE(conn.ok());
    changes_ = std::make_unique<adapters::storage::SqlHeatingChangeStore>(std::move(*conn));
    auto contracts = adapters::storage::Connect(db_->url(), false);
    ASSERT_TRUE(contracts.ok());
    contracts_ = std::make_unique<adapters::storage::SqlContractHistory>(std::move(*contracts));
    with_history_ = std::make_unique<JudgingService>(
        *store_, *records_, *policies_, rollups_.get(),
        DayFacts{nullptr, nullptr, &clock_, changes_.get(), contracts_.get()});
  }

  // A heated neighbour of 100 m² in h_'s partition.
  int64_t Neighbour(const char* code) {
    return Make("households", {{"company_id", company_},
                               {"partition_id", partition_},
                               {"code", code},
                               {"area_m2", int64_t{10000}},
                               {"floor", int64_t{3}},
                               {"orientation", "shade"},
                               {"billing", "area"},
                               {"heating_status", "heated"}});
  }

  // `household` stops heating from `effective`, approved (the store changes the household).
  void Stop(int64_t household, const char* effective) {
    ports::HeatingChangeRecord c;
    c.company_id = company_;
    c.household_id = household;
    c.applicant = "邻居";
    c.change.kind = rules::HeatingChangeKind::kStop;
    c.change.received = D("2025-12-01");
    c.change.effective = D(effective);
    c.change.heated = true;
    c.change.area_before = c.change.area_after = 10000;
    c.change.documents = {rules::HeatingChangeDocument::kApplicationForm};
    c.received_at = At("2025-12-01T09:00:00+08:00");
    c.created_by = "agent";
    c.created_at = c.received_at;
    auto made = changes_->Create(c, {});
    ASSERT_TRUE(made.ok()) << made.error().message;
    ports::HeatingChangeRecord approved = *made;
    approved.state = rules::HeatingChangeState::kApproved;
    approved.decided_at = At("2025-12-02T10:00:00+08:00");
    approved.decided_by = "manager";
    auto moved = changes_->Move(made->id, approved, rules::HeatingChangeAction::kApprove,
                                "manager", {});
    ASSERT_TRUE(moved.ok()) << moved.error().message;
  }

  std::unique_ptr<adapters::storage::SqlHeatingChangeStore> changes_;
  std::unique_ptr<adapters::storage::SqlContractHistory> contracts_;
  std::unique_ptr<JudgingService> with_history_;
};

TEST_P(JudgingHistoryTest, APastDayIsJudgedWithTheRatesValidThen) {
  // Five households of 100 m², all heated: 100 %. One stops from 12-20 (80 %: still 18.0 °C, at
  // least 70 %), a second from 01-10 (60 %: the agreed temperature, and h_ agreed none). The
  // records hold the state after both: 60 %.
  const int64_t first = Neighbour("H-2"), second = Neighbour("H-3");
  Neighbour("H-4");
  Neighbour("H-5");
  Stop(first, "2025-12-20");
  Stop(second, "2026-01-10");
  for (const char* day : {"2025-12-05", "2025-12-25", "2026-01-09", "2026-01-10", "2026-01-20"}) {
    Hours(bed_, D(day), 1700);
    Hours(living_, D(day), 1700);
  }
  struct Case {
    const char* day;
    std::optional<rules::Tenths> guarantee;
    rules::DayStatus status;
  };
  const Case cases[] = {
      {"2025-12-05", 180, rules::DayStatus::kUnqualified},  // 100 %
      {"2025-12-25", 180, rules::DayStatus::kUnqualified},  // 80 %
      {"2026-01-09", 180, rules::DayStatus::kUnqualified},  // the day before the second stop
      {"2026-01-10", std::nullopt, rules::DayStatus::kNotJudged},  // 60 %
      {"2026-01-20", std::nullopt, rules::DayStatus::kNotJudged},
  };
  // One call over the whole run, as the ledger judges a season.
  auto run = with_history_->Judge(h_, D("2025-12-05"), D("2026-01-20"));
  ASSERT_TRUE(run.ok()) << run.error().message;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.day);
    const JudgedDay& j = run->days[size_t((D(c.day) - D("2025-12-05")).count())];
    EXPECT_EQ(j.guarantee, c.guarantee);
    EXPECT_EQ(j.status, c.status);
    // A day judged alone says the same.
    auto alone = with_history_->Judge(h_, D(c.day), D(c.day));
    ASSERT_TRUE(alone.ok());
    EXPECT_EQ(alone->days[0].guarantee, c.guarantee);
  }
  EXPECT_EQ(run->guarantee_case, "agreed-partition");  // as of the last day asked
  EXPECT_GT(run->days[20].share_percent, 0);            // 12-25: a refund share at 17.0 °C
  // Without the changes, the records decide every day: 60 %, no guarantee even in December.
  auto records_only = judging_->Judge(h_, D("2025-12-05"), D("2025-12-05"));
  ASSERT_TRUE(records_only.ok());
  EXPECT_FALSE(records_only->days[0].guarantee.has_value());
}

TEST_P(JudgingHistoryTest, AHouseholdThatStoppedIsHeatedOnTheDaysBefore) {
  // h_'s own stop from 01-10, with its partition below the threshold for the company to decide
  // (R-TEMP-2: under 30 %, the company heats only whom it decided to): four stopped neighbours;
  // the community well heated, by a large building of its own.
  ports::ListQuery q;
  auto substations = records_->List(*model::FindResource("substations"), q);
  ASSERT_TRUE(substations.ok() && !substations->items.empty());
  const int64_t tower = Make("buildings", {{"company_id", company_},
                                           {"district_id", district_},
                                           {"substation_id", substations->items[0].id},
                                           {"code", "T"},
                                           {"community", "X"},
                                           {"floors", int64_t{30}}});
  const int64_t unit =
      Make("partitions", {{"company_id", company_}, {"building_id", tower}, {"code", "T1"}});
  Make("households", {{"company_id", company_},
                      {"partition_id", unit},
                      {"code", "T-1"},
                      {"area_m2", int64_t{1000000}},
                      {"floor", int64_t{1}},
                      {"orientation", "sun"},
                      {"billing", "area"},
                      {"heating_status", "heated"}});
  for (const char* code : {"H-2", "H-3", "H-4", "H-5"}) {
    ASSERT_TRUE(records_
                    ->Update(*model::FindResource("households"), Neighbour(code),
                             {{"heating_status", "stopped"}}, {}, "t")
                    .ok());
  }
  ASSERT_TRUE(records_
                  ->Update(*model::FindResource("households"), h_, {{"agreed_temp", int64_t{180}}},
                           {}, "t")
                  .ok());
  Stop(h_, "2026-01-10");
  auto before = with_history_->Judge(h_, D("2026-01-09"), D("2026-01-09"));
  auto after = with_history_->Judge(h_, D("2026-01-10"), D("2026-01-10"));
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(before->days[0].guarantee, std::optional<rules::Tenths>{180});  // heated then
  EXPECT_FALSE(after->days[0].guarantee.has_value());                      // stopped
}

// R-ACCT-1: the agreed temperature of a past day is the one of the contract valid then. h_ agrees
// 20.0 °C on 01-09 (from 01-10) and drops the agreement on 01-15 (from 01-16); its partition is
// fully heated, so the guarantee is 18.0 °C, or the agreed temperature when higher.
TEST_P(JudgingHistoryTest, APastDayIsJudgedOnTheContractValidThen) {
  ports::ManualClock when(At("2026-01-09T16:00:00+08:00"));
  RecordService service(*records_, when);
  const model::Resource& households = *model::FindResource("households");
  ASSERT_TRUE(service.Update(households, h_, {{"agreed_temp", int64_t{200}}}, {}, "agent").ok());
  when.Set(At("2026-01-15T09:00:00+08:00"));
  ASSERT_TRUE(service.Update(households, h_, {{"agreed_temp", nullptr}}, {}, "agent").ok());
  ASSERT_TRUE(service.Update(households, h_, {{"agreed_temp", int64_t{190}}}, {}, "agent").ok());
  struct Case {
    const char* day;
    rules::Tenths guarantee;
  };
  const Case cases[] = {
      {"2025-12-05", 180}, {"2026-01-09", 180},  // the day of the change keeps its terms
      {"2026-01-10", 200}, {"2026-01-15", 200},  // two changes on 01-15: 200 held that day
      {"2026-01-16", 190}, {"2026-01-20", 190},  // the records' now
  };
  for (const Case& c : cases) {
    Hours(bed_, D(c.day), 1950);
    Hours(living_, D(c.day), 1950);
  }
  auto run = with_history_->Judge(h_, D("2025-12-05"), D("2026-01-20"));
  ASSERT_TRUE(run.ok()) << run.error().message;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.day);
    const JudgedDay& j = run->days[size_t((D(c.day) - D("2025-12-05")).count())];
    EXPECT_EQ(j.guarantee, std::optional<rules::Tenths>{c.guarantee});
    EXPECT_EQ(j.status, c.guarantee > 195 ? rules::DayStatus::kUnqualified
                                          : rules::DayStatus::kQualified);
    auto alone = with_history_->Judge(h_, D(c.day), D(c.day));
    ASSERT_TRUE(alone.ok());
    EXPECT_EQ(alone->days[0].guarantee, std::optional<rules::Tenths>{c.guarantee});
  }
  // Without the history, the records decide every day.
  auto records_only = judging_->Judge(h_, D("2025-12-05"), D("2025-12-05"));
  ASSERT_TRUE(records_only.ok());
  EXPECT_EQ(records_only->days[0].guarantee, std::optional<rules::Tenths>{190});
}

INSTANTIATE_TEST_SUITE_P(Engines, JudgingHistoryTest,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::services

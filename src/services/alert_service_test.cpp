// Operators' daily views over real stores, SQLite and PostgreSQL (issue 11): households
// unqualified over a period, and households cold now at their latest readings. (Today's alerts:
// judging_service_test.cpp.)
#include "services/alert_service.hpp"

#include <gtest/gtest.h>

#include "services/ingest_service.hpp"
#include "support/judging_test_city.hpp"

namespace hearth::services {
namespace {

class AlertTest : public JudgingTest {
 protected:
  void SetUp() override {
    JudgingTest::SetUp();
    alerts_ = std::make_unique<AlertService>(*store_, *records_, *policies_, *judging_,
                                             rollups_.get(), clock_);
    // A second household in the same partition (both heated: rates stay 100 %, 18.0 °C).
    h2_ = Make("households", {{"company_id", company_},
                              {"partition_id", partition_},
                              {"code", "H-2"},
                              {"area_m2", int64_t{10000}},
                              {"floor", int64_t{3}},
                              {"orientation", "shade"},
                              {"billing", "area"},
                              {"heating_status", "heated"}});
    int64_t room = Make("rooms", {{"household_id", h2_}, {"name", "bed"}, {"kind", "bedroom"}});
    bed2_ = Make("sensors", {{"code", "S2-bed"}, {"room_id", room}});
  }

  std::unique_ptr<AlertService> alerts_;
  int64_t h2_ = 0, bed2_ = 0;
};

TEST_P(AlertTest, UnqualifiedOverAPeriodCountsAndSortsByDaysOrDepth) {
  // H-1: 17.0 °C on 12-01..12-04 (4 days, 1.0 below). H-2: 12.0 °C on 12-03 only (1 day, 6.0
  // below), 19.0 °C on the other days.
  for (Date d = D("2025-12-01"); d <= D("2025-12-04"); d += std::chrono::days{1}) {
    Hours(bed_, d, 1700);
    Hours(bed2_, d, d == D("2025-12-03") ? 1200 : 1900);
  }
  auto by_days =
      alerts_->UnqualifiedOver(std::nullopt, D("2025-12-01"), D("2025-12-07"), 1, PeriodOrder::kDays);
  ASSERT_TRUE(by_days.ok()) << by_days.error().message << by_days.error().detail;
  ASSERT_EQ(by_days->size(), 2u);
  const UnqualifiedPeriod& first = (*by_days)[0];
  EXPECT_EQ(first.household_code, "H-1");
  EXPECT_EQ(first.unqualified_days, 4);
  EXPECT_EQ(first.judged_days, 4);
  EXPECT_EQ(first.deepest, 10);
  EXPECT_EQ(first.lowest, 170);
  EXPECT_EQ(first.first, D("2025-12-01"));
  EXPECT_EQ(first.last, D("2025-12-04"));
  EXPECT_EQ(first.share_days_percent, 4 * 20);
  EXPECT_EQ((*by_days)[1].household_code, "H-2");
  EXPECT_EQ((*by_days)[1].judged_days, 4);
  EXPECT_EQ((*by_days)[1].deepest, 60);

  auto by_depth =
      alerts_->UnqualifiedOver(company_, D("2025-12-01"), D("2025-12-07"), 1, PeriodOrder::kDepth);
  ASSERT_TRUE(by_depth.ok());
  ASSERT_EQ(by_depth->size(), 2u);
  EXPECT_EQ((*by_depth)[0].household_code, "H-2");
  auto two_days =
      alerts_->UnqualifiedOver(std::nullopt, D("2025-12-01"), D("2025-12-07"), 2, PeriodOrder::kDays);
  ASSERT_TRUE(two_days.ok());
  ASSERT_EQ(two_days->size(), 1u);
  EXPECT_EQ((*two_days)[0].household_code, "H-1");
  EXPECT_TRUE(alerts_->UnqualifiedOver(company_ + 1, D("2025-12-01"), D("2025-12-07"), 1,
                                       PeriodOrder::kDays)
                  ->empty());
  EXPECT_EQ(alerts_->UnqualifiedOver(std::nullopt, D("2025-12-07"), D("2025-12-01"), 1,
                                     PeriodOrder::kDays)
                .error()
                .field,
            "from");
  EXPECT_EQ(alerts_->UnqualifiedOver(std::nullopt, D("2025-09-01"), D("2025-12-31"), 1,
                                     PeriodOrder::kDays)
                .error()
                .field,
            "from");
  EXPECT_EQ(alerts_->UnqualifiedOver(std::nullopt, D("2025-12-01"), D("2025-12-07"), 0,
                                     PeriodOrder::kDays)
                .error()
                .field,
            "min_days");
}

TEST_P(AlertTest, AQuestionRollsUpWhatItReadsAndLeavesTheRestToTheBackground) {
  // Readings of 12-01..12-04 and of a summer day wait for a rollup. A question about
  // 12-03..12-04 rolls up the days its judging reads (the season's: its answer is fresh) and
  // leaves the summer day's mark to RunOnce.
  for (Date d = D("2025-12-01"); d <= D("2025-12-04"); d += std::chrono::days{1}) {
    Hours(bed_, d, 1700);
  }
  Hours(bed_, D("2025-07-01"), 2600, 2);
  auto marks = [&](Date from, Date to) {
    auto m = store_->DirtyMarks(1000, ports::MarkRange{std::nullopt, std::pair(from, to)});
    EXPECT_TRUE(m.ok());
    return m.ok() ? m->size() : size_t{0};
  };
  ASSERT_EQ(marks(D("2025-07-01"), D("2025-12-04")), 5u);
  auto late = alerts_->UnqualifiedOver(std::nullopt, D("2025-12-03"), D("2025-12-04"), 1,
                                       PeriodOrder::kDays);
  ASSERT_TRUE(late.ok()) << late.error().detail;
  ASSERT_EQ(late->size(), 1u);
  EXPECT_EQ((*late)[0].unqualified_days, 2);
  EXPECT_EQ(marks(D("2025-11-01"), D("2025-12-31")), 0u);
  EXPECT_EQ(marks(D("2025-07-01"), D("2025-07-01")), 1u);
  ASSERT_TRUE(rollups_->RunOnce().ok());
  EXPECT_EQ(marks(D("2025-07-01"), D("2025-12-04")), 0u);
}

TEST_P(AlertTest, ColdNowFromTheLatestReadingsOfGuaranteedRooms) {
  // At 09:30: H-1's bedroom read 16.5 °C at 09:10 (cold), its kitchen 5.0 °C (not guaranteed);
  // H-2's bedroom 17.0 °C, but at 05:10 (stale with fresh_minutes = 120) and then 19.0 °C at
  // 09:10 (warm).
  const Date day = D("2025-12-10");
  clock_.Set(StartOfLocalDay(day) + std::chrono::hours(9) + std::chrono::minutes(30));
  auto insert = [&](int64_t sensor, int hour, int32_t centi) {
    ASSERT_TRUE(readings_->Insert(std::vector<ports::Reading>{{sensor, Unix(day, hour), centi}}).ok());
  };
  insert(bed_, 9, 1650);
  insert(kitchen_, 9, 500);
  insert(bed2_, 5, 1700);
  auto cold = alerts_->ColdNowList(std::nullopt, 120);
  ASSERT_TRUE(cold.ok()) << cold.error().message;
  ASSERT_EQ(cold->size(), 1u);
  EXPECT_EQ((*cold)[0].household_code, "H-1");
  EXPECT_EQ((*cold)[0].room, "bed");
  EXPECT_EQ((*cold)[0].value, 16500);
  EXPECT_EQ((*cold)[0].guarantee, 180);
  // With a longer window H-2's 17.0 °C counts too; H-1 (1.5 below) is still the coldest.
  auto wider = alerts_->ColdNowList(std::nullopt, 300);
  ASSERT_TRUE(wider.ok());
  ASSERT_EQ(wider->size(), 2u);
  EXPECT_EQ((*wider)[0].household_code, "H-1");
  insert(bed2_, 9, 1900);
  EXPECT_EQ(alerts_->ColdNowList(std::nullopt, 300)->size(), 1u);
  EXPECT_TRUE(alerts_->ColdNowList(company_ + 1, 120)->empty());
  EXPECT_EQ(alerts_->ColdNowList(std::nullopt, 0).error().field, "fresh_minutes");
}

// Issue 18, item 5: a sensor whose readings were quarantined for a time in the future shows as
// "clock-skew" with how many and the latest, for a day after the last of them came.
TEST_P(AlertTest, ASensorWithAFastClockIsAClockSkewAlert) {
  const Instant now = At("2025-12-10T09:30:00+08:00");
  clock_.Set(now);
  IngestService ingest(*readings_, clock_);
  auto report = ingest.Ingest({{"S-bed", "2025-12-10T10:30:00+08:00", "18.5"},
                               {"S-bed", "2025-12-10T10:31:00+08:00", "18.6"},
                               {"S-bed", "2025-12-10T09:29:00+08:00", "18.6"},
                               {"S-living", "2025-12-10T09:34:00+08:00", "18.6"}},  // within skew
                              {}, "mqtt");
  ASSERT_TRUE(report.ok()) << report.error().detail;
  ASSERT_EQ(report->quarantined, 2);
  auto skewed = [&](std::optional<int64_t> company) {
    auto all = alerts_->Alerts(company, 24);
    EXPECT_TRUE(all.ok()) << all.error().detail;
    std::vector<Alert> out;
    for (const Alert& a : all.ok() ? *all : std::vector<Alert>{}) {
      if (a.kind == "clock-skew") out.push_back(a);
    }
    return out;
  };
  auto got = skewed(std::nullopt);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].sensor_id, bed_);
  EXPECT_EQ(got[0].sensor_code, "S-bed");
  EXPECT_EQ(got[0].household_code, "H-1");
  EXPECT_EQ(got[0].company_id, company_);
  ASSERT_TRUE(got[0].quarantine);
  EXPECT_EQ(got[0].quarantine->count, 2);
  EXPECT_EQ(got[0].quarantine->latest_ts,
            At("2025-12-10T10:31:00+08:00").time_since_epoch().count());
  EXPECT_EQ(got[0].last_reading, At("2025-12-10T09:29:00+08:00"));  // its last stored reading
  EXPECT_NE(got[0].details.find("2 readings kept in quarantine"), std::string::npos)
      << got[0].details;
  EXPECT_NE(got[0].details.find("about 3660 s ahead"), std::string::npos) << got[0].details;
  EXPECT_TRUE(skewed(company_ + 1).empty());
  clock_.Set(now + std::chrono::hours(25));  // the clock was fixed: nothing more came
  EXPECT_TRUE(skewed(std::nullopt).empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, AlertTest,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::services

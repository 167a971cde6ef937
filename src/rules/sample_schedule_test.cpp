// R-SAMPLE-3: the plan's collection times and staff, and whether each point was collected.
#include "rules/sample_schedule.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hearth::rules {
namespace {

Date D(const char* text) { return *ParseDate(text); }

struct ScheduleCase {
  const char* name;
  std::vector<CollectionPoint> points;
  const char* from;
  const char* to;
  size_t staff;
  std::vector<std::pair<const char*, int>> want;  // day, staff (-1: none)
};

TEST(SampleScheduleTest, SpreadsVisitsOverTheWindowByBuilding) {
  const ScheduleCase cases[] = {
      {"remote points need no visit", {{0, true}, {1, true}}, "2026-12-01", "2026-12-10", 0,
       {{"2026-12-01", -1}, {"2026-12-01", -1}}},
      {"one point, the window's first day", {{0, false}}, "2026-12-01", "2026-12-10", 1,
       {{"2026-12-01", 0}}},
      {"even spread: 4 points over 8 days",
       {{0, false}, {0, false}, {1, false}, {1, false}}, "2026-12-01", "2026-12-08", 2,
       {{"2026-12-01", 0}, {"2026-12-03", 0}, {"2026-12-05", 1}, {"2026-12-07", 1}}},
      {"a building's points stay together though listed apart",
       {{7, false}, {3, false}, {7, false}, {3, true}}, "2026-12-01", "2026-12-03", 2,
       {{"2026-12-01", 0}, {"2026-12-03", 1}, {"2026-12-02", 0}, {"2026-12-01", -1}}},
      {"more points than days share days", {{0, false}, {1, false}, {2, false}}, "2026-12-01",
       "2026-12-01", 2, {{"2026-12-01", 0}, {"2026-12-01", 1}, {"2026-12-01", 0}}},
      {"staff in turn by building", {{5, false}, {6, false}, {7, false}, {8, false}},
       "2026-12-01", "2026-12-04", 3,
       {{"2026-12-01", 0}, {"2026-12-02", 1}, {"2026-12-03", 2}, {"2026-12-04", 0}}},
      {"no points", {}, "2026-12-01", "2026-12-01", 0, {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto got = ScheduleCollections(c.points, D(c.from), D(c.to), c.staff);
    ASSERT_TRUE(got.ok()) << got.error().message;
    ASSERT_EQ(got->size(), c.want.size());
    for (size_t i = 0; i < c.want.size(); ++i) {
      EXPECT_EQ(FormatDate((*got)[i].on), c.want[i].first) << "point " << i;
      if (c.want[i].second < 0) {
        EXPECT_FALSE((*got)[i].staff.has_value()) << "point " << i;
      } else {
        EXPECT_EQ((*got)[i].staff, static_cast<size_t>(c.want[i].second)) << "point " << i;
      }
    }
  }
}

TEST(SampleScheduleTest, EveryVisitFallsInTheWindowAndDaysAreNonDecreasingByBuilding) {
  std::vector<CollectionPoint> points;
  for (uint32_t b = 0; b < 40; ++b) {
    for (int i = 0; i < 7; ++i) points.push_back({b, i == 3});
  }
  auto got = ScheduleCollections(points, D("2026-11-20"), D("2027-01-31"), 4);
  ASSERT_TRUE(got.ok());
  Date last = D("2026-11-20");
  for (size_t i = 0; i < points.size(); ++i) {
    const auto& s = (*got)[i];
    EXPECT_GE(s.on, D("2026-11-20"));
    EXPECT_LE(s.on, D("2027-01-31"));
    if (points[i].remote) continue;
    EXPECT_GE(s.on, last) << "point " << i;
    last = s.on;
    EXPECT_EQ(s.staff, points[i].building % 4);
  }
}

TEST(SampleScheduleTest, RefusesWhatCannotBeScheduled) {
  const std::vector<CollectionPoint> manual = {{0, false}};
  auto backwards = ScheduleCollections(manual, D("2026-12-02"), D("2026-12-01"), 1);
  ASSERT_FALSE(backwards.ok());
  EXPECT_EQ(backwards.error().field, "to");
  auto nobody = ScheduleCollections(manual, D("2026-12-01"), D("2026-12-02"), 0);
  ASSERT_FALSE(nobody.ok());
  EXPECT_EQ(nobody.error().field, "staff");
  const std::vector<CollectionPoint> remote = {{0, true}};
  EXPECT_TRUE(ScheduleCollections(remote, D("2026-12-01"), D("2026-12-02"), 0).ok());
}

TEST(SampleScheduleTest, StatusOfAPoint) {
  struct Case {
    const char* name;
    bool remote;
    const char* on;
    const char* collected;  // nullptr: not collected
    const char* today;
    CollectionStatus want;
  };
  const Case cases[] = {
      {"manual on its day", false, "2026-12-05", "2026-12-05", "2026-12-09",
       CollectionStatus::kCollected},
      {"manual early", false, "2026-12-05", "2026-12-01", "2026-12-02",
       CollectionStatus::kCollected},
      {"manual after its day", false, "2026-12-05", "2026-12-06", "2026-12-09",
       CollectionStatus::kLate},
      {"manual not yet, its day today", false, "2026-12-05", nullptr, "2026-12-05",
       CollectionStatus::kDue},
      {"manual not yet, day passed", false, "2026-12-05", nullptr, "2026-12-06",
       CollectionStatus::kOverdue},
      {"remote with data after the first day", true, "2026-12-01", "2026-12-03", "2026-12-09",
       CollectionStatus::kCollected},
      {"remote silent, window open since yesterday", true, "2026-12-01", nullptr, "2026-12-02",
       CollectionStatus::kOverdue},
      {"remote, window not started", true, "2026-12-10", nullptr, "2026-12-02",
       CollectionStatus::kDue},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::optional<Date> collected;
    if (c.collected) collected = D(c.collected);
    EXPECT_EQ(StatusOf(c.remote, D(c.on), collected, D(c.today)), c.want);
  }
  EXPECT_EQ(CollectionStatusName(CollectionStatus::kOverdue), "overdue");
  EXPECT_EQ(CollectionStatusName(CollectionStatus::kLate), "late");
}

}  // namespace
}  // namespace hearth::rules

// R-SEASON-1: the season's announcements (W 5.2.5, W 6.1.1), table-driven.
#include "rules/season_announcement.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace hearth::rules {
namespace {

Date D(const char* text) { return *ParseDate(text); }

using K = AnnouncementKind;
using S = AnnouncementStatus;

TEST(JudgeAnnouncements, EachDutyOnTimeLateMissingOrDue) {
  // Commissioning from 11-08, heat from 11-15 (or an early start decided for 11-10).
  struct Case {
    const char* name;
    const char* first_heated_day;
    std::vector<Publication> published;
    const char* today;
    S commissioning, heating_start;
    int commissioning_days_late, heating_days_late;
  };
  const Case cases[] = {
      {"both the day before", "2025-11-15",
       {{K::kCommissioning, D("2025-11-07")}, {K::kHeatingStart, D("2025-11-14")}}, "2025-12-01",
       S::kOnTime, S::kOnTime, 0, 0},
      {"one notice a month ahead for each", "2025-11-15",
       {{K::kCommissioning, D("2025-10-08")}, {K::kHeatingStart, D("2025-10-08")}}, "2025-12-01",
       S::kOnTime, S::kOnTime, 0, 0},
      {"on the day itself: one day late", "2025-11-15",
       {{K::kCommissioning, D("2025-11-08")}, {K::kHeatingStart, D("2025-11-15")}}, "2025-12-01",
       S::kLate, S::kLate, 1, 1},
      {"three days after commissioning began", "2025-11-15",
       {{K::kCommissioning, D("2025-11-10")}, {K::kHeatingStart, D("2025-11-01")}}, "2025-12-01",
       S::kLate, S::kOnTime, 3, 0},
      {"none, the days have come", "2025-11-15", {}, "2025-11-15", S::kMissing, S::kMissing, 0,
       0},
      {"none, commissioning has come, heating not yet", "2025-11-15", {}, "2025-11-08",
       S::kMissing, S::kDue, 0, 0},
      {"none, both still ahead", "2025-11-15", {}, "2025-11-07", S::kDue, S::kDue, 0, 0},
      {"dated after today: not published yet", "2025-11-15",
       {{K::kCommissioning, D("2025-11-06")}}, "2025-11-05", S::kDue, S::kDue, 0, 0},
      {"an early start moves the heating start's day", "2025-11-10",
       {{K::kCommissioning, D("2025-11-01")}, {K::kHeatingStart, D("2025-11-12")}}, "2025-12-01",
       S::kOnTime, S::kLate, 0, 3},
      {"the earliest of two decides", "2025-11-15",
       {{K::kHeatingStart, D("2025-11-20")}, {K::kHeatingStart, D("2025-11-01")},
        {K::kCommissioning, D("2025-11-02")}},
       "2025-12-01", S::kOnTime, S::kOnTime, 0, 0},
      {"the other kind does not count", "2025-11-15", {{K::kHeatingStart, D("2025-11-01")}},
       "2025-12-01", S::kMissing, S::kOnTime, 0, 0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto duties =
        JudgeAnnouncements(D("2025-11-08"), D(c.first_heated_day), c.published, D(c.today));
    EXPECT_EQ(duties[0].kind, K::kCommissioning);
    EXPECT_EQ(duties[0].announced_day, D("2025-11-08"));
    EXPECT_EQ(duties[0].status, c.commissioning);
    EXPECT_EQ(duties[0].days_late, c.commissioning_days_late);
    EXPECT_EQ(duties[1].kind, K::kHeatingStart);
    EXPECT_EQ(duties[1].announced_day, D(c.first_heated_day));
    EXPECT_EQ(duties[1].status, c.heating_start);
    EXPECT_EQ(duties[1].days_late, c.heating_days_late);
    for (const auto& d : duties) {
      EXPECT_EQ(d.Flagged(), d.status == S::kLate || d.status == S::kMissing);
      EXPECT_EQ(d.published_on.has_value(), d.status == S::kOnTime || d.status == S::kLate);
    }
  }
}

TEST(JudgeAnnouncements, NamesRoundTrip) {
  for (K k : {K::kCommissioning, K::kHeatingStart}) {
    EXPECT_EQ(ParseAnnouncementKind(AnnouncementKindName(k)), k);
  }
  EXPECT_FALSE(ParseAnnouncementKind("start"));
  EXPECT_EQ(AnnouncementStatusName(S::kOnTime), "on_time");
  EXPECT_EQ(AnnouncementStatusName(S::kLate), "late");
  EXPECT_EQ(AnnouncementStatusName(S::kMissing), "missing");
  EXPECT_EQ(AnnouncementStatusName(S::kDue), "due");
}

}  // namespace
}  // namespace hearth::rules

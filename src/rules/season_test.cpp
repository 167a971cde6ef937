// R-SEASON-1
#include "rules/season.hpp"

#include <gtest/gtest.h>

namespace hearth::rules {
namespace {

SeasonPolicy Default() {
  SeasonPolicy p;
  p.commissioning_start.value = {11, 8};
  p.official_start.value = {11, 15};
  p.official_end.value = {3, 15};
  return p;
}

TEST(SeasonOf, Table) {
  struct Case {
    int year;
    const char* start;
    const char* end;
    int days;
    const char* label;
  };
  const Case cases[] = {
      {2025, "2025-11-15", "2026-03-15", 121, "2025-2026"},
      {2023, "2023-11-15", "2024-03-15", 122, "2023-2024"},  // 2024 is a leap year
      {2024, "2024-11-15", "2025-03-15", 121, "2024-2025"},
      {2027, "2027-11-15", "2028-03-15", 122, "2027-2028"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.year);
    SeasonDates s = SeasonOf(Default(), c.year);
    EXPECT_EQ(FormatDate(s.official_start), c.start);
    EXPECT_EQ(FormatDate(s.official_end), c.end);
    EXPECT_EQ(s.OfficialDays(), c.days);
    EXPECT_EQ(s.Label(), c.label);
    EXPECT_EQ(FormatDate(s.commissioning_start), std::to_string(c.year) + "-11-08");
    EXPECT_TRUE(s.IsOfficial(s.official_start));
    EXPECT_TRUE(s.IsOfficial(s.official_end));
    EXPECT_FALSE(s.IsOfficial(s.official_end + std::chrono::days{1}));
    EXPECT_FALSE(s.IsOfficial(s.official_start - std::chrono::days{1}));
  }
}

// The heating year runs July to June: a summer day belongs to the season ahead.
TEST(SeasonYearOf, Table) {
  const struct {
    const char* day;
    int season;
  } cases[] = {
      {"2026-06-30", 2025}, {"2026-07-01", 2026}, {"2026-12-31", 2026},
      {"2027-01-01", 2026}, {"2027-03-15", 2026}, {"2024-02-29", 2023},
  };
  for (const auto& c : cases) EXPECT_EQ(SeasonYearOf(*ParseDate(c.day)), c.season) << c.day;
}

}  // namespace
}  // namespace hearth::rules

// R-CAL-1: the working-day calendar, on small calendars built by hand.
#include "rules/calendar.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace hearth::rules {
namespace {

constexpr Date Ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

HolidayEntry Off(Date d, std::string name = "春节") { return {d, std::move(name), true}; }
HolidayEntry Work(Date d, std::string name = "春节") { return {d, std::move(name), false}; }

// A slice of the 2024 Spring Festival notice (make-up Sundays 02-04 and 02-18, days off 02-10 to
// 02-17), New Year 2024 and 2025, and nothing else.
std::vector<HolidayYear> SpringFestival2024() {
  HolidayYear y2024{2024, {Off(Ymd(2024, 1, 1), "元旦"), Work(Ymd(2024, 2, 4))}};
  for (unsigned d = 10; d <= 17; ++d) y2024.entries.push_back(Off(Ymd(2024, 2, d)));
  y2024.entries.push_back(Work(Ymd(2024, 2, 18)));
  HolidayYear y2025{2025, {Off(Ymd(2025, 1, 1), "元旦")}};
  return {y2024, y2025};
}

HolidayCalendar MustCreate(const std::vector<HolidayYear>& years) {
  auto cal = HolidayCalendar::Create(years);
  EXPECT_TRUE(cal.ok()) << cal.error().message;
  return cal.ok() ? *cal : HolidayCalendar{};
}

TEST(HolidayCalendarTest, DayClassifiesEveryKindOfDay) {
  const HolidayCalendar cal = MustCreate(SpringFestival2024());
  struct Case {
    const char* what;
    Date d;
    bool working;
    bool known;
  };
  static const Case kCases[] = {
      {"ordinary Monday", Ymd(2024, 2, 5), true, true},
      {"ordinary Friday", Ymd(2024, 2, 9), true, true},
      {"ordinary Saturday", Ymd(2024, 2, 3), false, true},
      {"ordinary Sunday", Ymd(2024, 2, 25), false, true},
      {"holiday on a Monday", Ymd(2024, 2, 12), false, true},
      {"holiday on a Friday", Ymd(2024, 2, 16), false, true},
      {"holiday on a Saturday", Ymd(2024, 2, 10), false, true},
      {"New Year on a Monday", Ymd(2024, 1, 1), false, true},
      {"make-up Sunday 02-04", Ymd(2024, 2, 4), true, true},
      {"make-up Sunday 02-18", Ymd(2024, 2, 18), true, true},
      {"New Year 2025, a Wednesday", Ymd(2025, 1, 1), false, true},
      {"2025 weekday, no entries needed", Ymd(2025, 1, 2), true, true},
      // R-CAL-1 decision: unknown years answer by Mon–Fri and say so.
      {"unknown 2027-01-01, a Friday", Ymd(2027, 1, 1), true, false},
      {"unknown 2027-01-02, a Saturday", Ymd(2027, 1, 2), false, false},
      {"unknown 2023-12-29, a Friday", Ymd(2023, 12, 29), true, false},
      {"unknown 2018-12-29, a Saturday", Ymd(2018, 12, 29), false, false},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(std::string(c.what) + " " + FormatDate(c.d));
    auto info = cal.Day(c.d);
    EXPECT_EQ(info.working, c.working);
    EXPECT_EQ(info.known, c.known);
  }
  EXPECT_TRUE(cal.HasYear(2024));
  EXPECT_TRUE(cal.HasYear(2025));
  EXPECT_FALSE(cal.HasYear(2026));
  EXPECT_EQ(cal.years(), (std::set<int>{2024, 2025}));
  ASSERT_NE(cal.Special(Ymd(2024, 2, 18)), nullptr);
  EXPECT_EQ(cal.Special(Ymd(2024, 2, 18))->name, "春节");
  EXPECT_FALSE(cal.Special(Ymd(2024, 2, 18))->off);
  EXPECT_EQ(cal.Special(Ymd(2024, 2, 19)), nullptr);
}

TEST(HolidayCalendarTest, AYearWithoutEntriesIsKnown) {
  const HolidayCalendar cal = MustCreate({{2030, {}}});
  EXPECT_TRUE(cal.Day(Ymd(2030, 1, 1)).known);
  EXPECT_TRUE(cal.Day(Ymd(2030, 1, 1)).working);  // a Tuesday with no entry
  EXPECT_FALSE(cal.Day(Ymd(2031, 1, 1)).known);
}

TEST(HolidayCalendarTest, EmptyCalendarKnowsNothing) {
  const HolidayCalendar cal;
  EXPECT_TRUE(cal.years().empty());
  auto info = cal.Day(Ymd(2024, 2, 12));
  EXPECT_TRUE(info.working);  // Mon–Fri rule
  EXPECT_FALSE(info.known);
}

TEST(HolidayCalendarTest, CreateRejectsBadYears) {
  struct Case {
    const char* what;
    std::vector<HolidayYear> years;
    const char* part;
  };
  const Case cases[] = {
      {"date outside its year",
       {{2024, {Off(Ymd(2024, 12, 31)), Off(Ymd(2025, 1, 1))}}},
       "date 2025-01-01 is listed under year 2024"},
      {"date twice in one year",
       {{2024, {Off(Ymd(2024, 2, 12)), Work(Ymd(2024, 2, 12))}}},
       "date 2024-02-12 is listed twice"},
      {"date under two years",
       {{2024, {Off(Ymd(2024, 2, 12))}}, {2024, {Off(Ymd(2024, 2, 12))}}},
       "date 2024-02-12 is listed twice"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    auto cal = HolidayCalendar::Create(c.years);
    ASSERT_FALSE(cal.ok());
    EXPECT_EQ(cal.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(cal.error().message.find(c.part), std::string::npos) << cal.error().message;
  }
}

TEST(HolidayCalendarTest, WithMergesOrReplaces) {
  const HolidayCalendar base = MustCreate(SpringFestival2024());
  // A revision of 2024: 02-12 is dropped, 02-13 becomes a working day, 02-19 a day off.
  const std::vector<HolidayYear> revision = {
      {2024, {Work(Ymd(2024, 2, 13)), Off(Ymd(2024, 2, 19))}}};
  const HolidayCalendar merged = base.With(revision, /*replace=*/false);
  const HolidayCalendar replaced = base.With(revision, /*replace=*/true);
  const HolidayCalendar added = base.With({{2027, {Off(Ymd(2027, 1, 1), "元旦")}}}, false);

  struct Case {
    const char* what;
    Date d;
    bool base, merged, replaced, added;  // working?
  };
  static const Case kCases[] = {
      {"02-12 off only in base", Ymd(2024, 2, 12), false, false, true, false},
      {"02-13 revised to working", Ymd(2024, 2, 13), false, true, true, false},
      {"02-19 revised to off", Ymd(2024, 2, 19), true, false, false, true},
      {"02-04 make-up, dropped by replace", Ymd(2024, 2, 4), true, true, false, true},
      {"01-01 off, dropped by replace", Ymd(2024, 1, 1), false, false, true, false},
      {"other years untouched", Ymd(2025, 1, 1), false, false, false, false},
      {"2027-01-01 added", Ymd(2027, 1, 1), true, true, true, false},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(std::string(c.what) + " " + FormatDate(c.d));
    EXPECT_EQ(base.Day(c.d).working, c.base);
    EXPECT_EQ(merged.Day(c.d).working, c.merged);
    EXPECT_EQ(replaced.Day(c.d).working, c.replaced);
    EXPECT_EQ(added.Day(c.d).working, c.added);
  }
  EXPECT_FALSE(base.HasYear(2027));
  EXPECT_TRUE(added.HasYear(2027));
  EXPECT_TRUE(added.Day(Ymd(2027, 1, 1)).known);
  EXPECT_EQ(replaced.years(), base.years());
}

TEST(HolidayCalendarTest, ReplaceWithAnEmptyYearClearsIt) {
  const HolidayCalendar base = MustCreate(SpringFestival2024());
  const HolidayCalendar cleared = base.With({{2024, {}}}, /*replace=*/true);
  EXPECT_TRUE(cleared.HasYear(2024));
  EXPECT_EQ(cleared.Special(Ymd(2024, 2, 12)), nullptr);
  EXPECT_EQ(cleared.Special(Ymd(2024, 2, 18)), nullptr);
  EXPECT_NE(cleared.Special(Ymd(2025, 1, 1)), nullptr);  // the next year's first day stays
  // Merge with an empty year changes nothing.
  const HolidayCalendar same = base.With({{2024, {}}}, /*replace=*/false);
  EXPECT_NE(same.Special(Ymd(2024, 2, 12)), nullptr);
}

// The count by the day index against the count one day at a time, from the calendar's own facts
// (Special, HasYear), on every start day from mid-2022 to mid-2028 and a spread of counts. The
// calendars: the Spring Festival slice (2024, 2025), the same with a gap year (2024 and 2026
// loaded, 2025 not, so a count crosses an unloaded year inside the indexed span), one year with a
// holiday on its last day and a make-up day on its first, one empty year, and no year at all.
TEST(HolidayCalendarTest, WorkingDayAfterAgreesWithCountingDayByDay) {
  std::vector<HolidayYear> gap = SpringFestival2024();
  gap[1] = {2026, {Off(Ymd(2026, 1, 1), "元旦"), Work(Ymd(2026, 1, 4), "元旦")}};
  const std::vector<std::pair<std::string, HolidayCalendar>> calendars = {
      {"spring festival", MustCreate(SpringFestival2024())},
      {"gap year", MustCreate(gap)},
      {"edges", MustCreate({{2027, {Work(Ymd(2027, 1, 1)), Off(Ymd(2027, 12, 31))}}})},
      {"empty year", MustCreate({{2023, {}}})},
      {"none", HolidayCalendar{}},
  };
  auto by_day = [](const HolidayCalendar& cal, Date d, int n) {
    HolidayCalendar::Reached r{d, false};
    for (int counted = 0; counted < n;) {
      r.day += std::chrono::days{1};
      if (!cal.HasYear(YearOf(r.day))) r.incomplete = true;
      const HolidayEntry* e = cal.Special(r.day);
      if (e != nullptr ? !e->off : !IsWeekend(r.day)) ++counted;
    }
    return r;
  };
  const int kCounts[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20, 30, 60, 250, 600};
  for (const auto& [what, cal] : calendars) {
    for (Date d = Ymd(2022, 6, 1); d <= Ymd(2028, 6, 30); d += std::chrono::days{1}) {
      for (int n : kCounts) {
        const HolidayCalendar::Reached want = by_day(cal, d, n);
        const HolidayCalendar::Reached got = cal.WorkingDayAfter(d, n);
        if (got.day != want.day || got.incomplete != want.incomplete) {
          ADD_FAILURE() << what << ": " << FormatDate(d) << " + " << n << " gave "
                        << FormatDate(got.day) << (got.incomplete ? " (incomplete)" : "")
                        << ", want " << FormatDate(want.day)
                        << (want.incomplete ? " (incomplete)" : "");
          return;
        }
      }
    }
  }
}

// Day answers from the index inside the loaded span and by Mon–Fri outside it, as the facts say.
TEST(HolidayCalendarTest, DayAgreesWithTheFactsOnEveryDay) {
  std::vector<HolidayYear> gap = SpringFestival2024();
  gap[1] = {2026, {Off(Ymd(2026, 1, 1), "元旦")}};
  const HolidayCalendar cal = MustCreate(gap).With({{2024, {Work(Ymd(2024, 12, 29))}}}, false);
  for (Date d = Ymd(2023, 1, 1); d <= Ymd(2027, 12, 31); d += std::chrono::days{1}) {
    const HolidayEntry* e = cal.Special(d);
    const auto info = cal.Day(d);
    ASSERT_EQ(info.working, e != nullptr ? !e->off : !IsWeekend(d)) << FormatDate(d);
    ASSERT_EQ(info.known, cal.HasYear(YearOf(d))) << FormatDate(d);
  }
  EXPECT_TRUE(cal.Day(Ymd(2024, 12, 29)).working);  // a make-up Sunday added by With
}

}  // namespace
}  // namespace hearth::rules

// R-CAL-2: counting periods (the start day is not counted), on a calendar built by hand.
#include "rules/period.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace hearth::rules {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr Date Ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

// A UTC instant from its fields, without the code under test.
constexpr Instant Utc(int y, unsigned m, unsigned d, int hh, int mm, int ss) {
  return Instant{Ymd(y, m, d).time_since_epoch()} + hours{hh} + minutes{mm} + seconds{ss};
}
// The same fields read as UTC+08:00 local time.
constexpr Instant Cst(int y, unsigned m, unsigned d, int hh, int mm, int ss) {
  return Utc(y, m, d, hh, mm, ss) - hours{8};
}
// 23:59:59 local of y-m-d, as R-CAL-2 defines "the end of the day".
constexpr Instant EndOf(int y, unsigned m, unsigned d) { return Cst(y, m, d, 23, 59, 59); }

// Years 2024 and 2025 are loaded; 2023 and 2026 are not. 2024 holds the Spring Festival (off
// 02-10..02-17, make-up Sundays 02-04 and 02-18), New Year 01-01 and National Day (off
// 10-01..10-07, make-up 09-29 Sun and 10-12 Sat); 2025 only New Year 01-01.
HolidayCalendar TestCalendar() {
  HolidayYear y2024{2024,
                    {{Ymd(2024, 1, 1), "元旦", true},
                     {Ymd(2024, 2, 4), "春节", false},
                     {Ymd(2024, 2, 18), "春节", false},
                     {Ymd(2024, 9, 29), "国庆节", false},
                     {Ymd(2024, 10, 12), "国庆节", false}}};
  for (unsigned d = 10; d <= 17; ++d) y2024.entries.push_back({Ymd(2024, 2, d), "春节", true});
  for (unsigned d = 1; d <= 7; ++d) y2024.entries.push_back({Ymd(2024, 10, d), "国庆节", true});
  HolidayYear y2025{2025, {{Ymd(2025, 1, 1), "元旦", true}}};
  auto cal = HolidayCalendar::Create({y2024, y2025});
  EXPECT_TRUE(cal.ok());
  return cal.ok() ? *cal : HolidayCalendar{};
}

TEST(AddWorkingDaysTest, CountsFromTheDayAfter) {
  const HolidayCalendar cal = TestCalendar();
  struct Case {
    const char* what;
    Instant from;
    int n;
    Instant want;
    bool incomplete;
  };
  static const Case kCases[] = {
      {"n=0 is the end of the day itself", Cst(2024, 2, 8, 10, 0, 0), 0, EndOf(2024, 2, 8), false},
      {"n=0 at 00:00", Cst(2024, 2, 8, 0, 0, 0), 0, EndOf(2024, 2, 8), false},
      {"Thu + 1 = Fri", Cst(2024, 2, 8, 10, 0, 0), 1, EndOf(2024, 2, 9), false},
      {"Thu + 2 crosses the holiday to make-up Sun 02-18", Cst(2024, 2, 8, 10, 0, 0), 2,
       EndOf(2024, 2, 18), false},
      {"Thu + 3", Cst(2024, 2, 8, 10, 0, 0), 3, EndOf(2024, 2, 19), false},
      {"received 23:59:59 counts the same day", Cst(2024, 2, 8, 23, 59, 59), 1, EndOf(2024, 2, 9),
       false},
      {"Fri + 1 = make-up Sun 02-04", Cst(2024, 2, 2, 10, 0, 0), 1, EndOf(2024, 2, 4), false},
      {"received on a holiday", Cst(2024, 2, 12, 10, 0, 0), 1, EndOf(2024, 2, 18), false},
      {"received on a make-up Sunday", Cst(2024, 2, 18, 10, 0, 0), 1, EndOf(2024, 2, 19), false},
      // R-CAL-2's own example: received Friday 10:00, 2 working days -> end of Tuesday.
      {"Fri 10:00 + 2 = Tue", Cst(2024, 3, 1, 10, 0, 0), 2, EndOf(2024, 3, 5), false},
      {"Fri + 5 over National Day", Cst(2024, 9, 27, 16, 0, 0), 5, EndOf(2024, 10, 10), false},
      {"Fri + 10 over National Day", Cst(2024, 9, 27, 16, 0, 0), 10, EndOf(2024, 10, 16), false},
      {"year end into a loaded year", Cst(2024, 12, 31, 9, 0, 0), 1, EndOf(2025, 1, 2), false},
      // The local day decides: 2024-02-08T16:30Z is Fri 02-09 00:30 local.
      {"UTC Thu is local Fri", Utc(2024, 2, 8, 16, 30, 0), 1, EndOf(2024, 2, 18), false},
      {"UTC Thu 15:59:59 is local Thu", Utc(2024, 2, 8, 15, 59, 59), 1, EndOf(2024, 2, 9), false},
      // R-CAL-1 decision: counting into a year the calendar lacks marks the answer.
      {"last loaded day", Cst(2025, 12, 30, 10, 0, 0), 1, EndOf(2025, 12, 31), false},
      {"into unloaded 2026 (Mon-Fri rule)", Cst(2025, 12, 30, 10, 0, 0), 2, EndOf(2026, 1, 1),
       true},
      {"from the last loaded day", Cst(2025, 12, 31, 10, 0, 0), 1, EndOf(2026, 1, 1), true},
      {"n=0 on the last loaded day", Cst(2025, 12, 31, 10, 0, 0), 0, EndOf(2025, 12, 31), false},
      {"passing an unloaded weekend", Cst(2025, 12, 31, 10, 0, 0), 3, EndOf(2026, 1, 5), true},
      // Only the start day is unloaded: it is not counted, so nothing is missing.
      {"start Sun 2023-12-31 unloaded", Cst(2023, 12, 31, 10, 0, 0), 1, EndOf(2024, 1, 2), false},
      {"start 2023-12-31 23:59:59", Cst(2023, 12, 31, 23, 59, 59), 2, EndOf(2024, 1, 3), false},
      // From Fri 2023-12-29 the count passes Sat 30 and Sun 31, unloaded (could be make-up days).
      {"start Fri 2023-12-29 unloaded", Cst(2023, 12, 29, 10, 0, 0), 1, EndOf(2024, 1, 2), true},
      {"n=0 on an unloaded day", Cst(2023, 6, 1, 10, 0, 0), 0, EndOf(2023, 6, 1), false},
      {"counting inside unloaded 2023", Cst(2023, 12, 28, 10, 0, 0), 1, EndOf(2023, 12, 29), true},
      {"from unloaded 2023 across into 2024", Cst(2023, 12, 28, 10, 0, 0), 2, EndOf(2024, 1, 2),
       true},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(std::string(c.what) + " (n=" + std::to_string(c.n) + ")");
    Counted got = AddWorkingDays(cal, c.from, c.n);
    EXPECT_EQ(got.at, c.want) << FormatLocal(got.at) << " want " << FormatLocal(c.want);
    EXPECT_EQ(got.calendar_incomplete, c.incomplete);
  }
}

TEST(AddCalendarDaysTest, CountsEveryDay) {
  struct Case {
    const char* what;
    Instant from;
    int n;
    Instant want;
  };
  static const Case kCases[] = {
      {"n=0", Cst(2024, 2, 8, 10, 0, 0), 0, EndOf(2024, 2, 8)},
      {"ends on a holiday, not extended", Cst(2024, 2, 8, 10, 0, 0), 3, EndOf(2024, 2, 11)},
      {"over New Year", Cst(2024, 12, 30, 15, 0, 0), 3, EndOf(2025, 1, 2)},
      {"leap February", Cst(2024, 2, 27, 9, 0, 0), 3, EndOf(2024, 3, 1)},
      {"common February", Cst(2023, 2, 27, 9, 0, 0), 3, EndOf(2023, 3, 2)},
      {"in a year no calendar covers", Cst(2027, 2, 1, 10, 0, 0), 3, EndOf(2027, 2, 4)},
      // 2024-02-09T23:00Z is 02-10 07:00 local.
      {"local day, not UTC day", Utc(2024, 2, 9, 23, 0, 0), 1, EndOf(2024, 2, 11)},
      {"23:59:59 local", Cst(2024, 2, 9, 23, 59, 59), 1, EndOf(2024, 2, 10)},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.what);
    Instant got = AddCalendarDays(c.from, c.n);
    EXPECT_EQ(got, c.want) << FormatLocal(got) << " want " << FormatLocal(c.want);
  }
}

TEST(NextMonthDayTest, FirstOnOrAfterTheLocalDay) {
  struct Case {
    const char* what;
    Instant from;
    unsigned month, day;
    Instant want;
  };
  static const Case kCases[] = {
      {"same day 00:00", Cst(2025, 6, 30, 0, 0, 0), 6, 30, EndOf(2025, 6, 30)},
      {"same day 23:59:59", Cst(2025, 6, 30, 23, 59, 59), 6, 30, EndOf(2025, 6, 30)},
      {"day after", Cst(2025, 7, 1, 0, 0, 0), 6, 30, EndOf(2026, 6, 30)},
      {"earlier in the year", Cst(2025, 1, 1, 0, 0, 0), 6, 30, EndOf(2025, 6, 30)},
      {"year roll", Cst(2025, 12, 31, 23, 59, 59), 6, 30, EndOf(2026, 6, 30)},
      {"31 December itself", Cst(2025, 12, 31, 10, 0, 0), 12, 31, EndOf(2025, 12, 31)},
      {"1 January from 2 January", Cst(2025, 1, 2, 10, 0, 0), 1, 1, EndOf(2026, 1, 1)},
      {"1 January itself", Cst(2026, 1, 1, 0, 0, 0), 1, 1, EndOf(2026, 1, 1)},
      {"31 July from 1 August", Cst(2025, 8, 1, 9, 0, 0), 7, 31, EndOf(2026, 7, 31)},
      // 2025-06-30T16:00Z is 07-01 00:00 local; 15:59:59Z is still 06-30 local.
      {"UTC 06-30 is local 07-01", Utc(2025, 6, 30, 16, 0, 0), 6, 30, EndOf(2026, 6, 30)},
      {"UTC 06-30 15:59:59 is local 06-30", Utc(2025, 6, 30, 15, 59, 59), 6, 30,
       EndOf(2025, 6, 30)},
      {"from Feb 29", Cst(2024, 2, 29, 12, 0, 0), 2, 28, EndOf(2025, 2, 28)},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.what);
    Instant got = NextMonthDay(c.from, c.month, c.day);
    EXPECT_EQ(got, c.want) << FormatLocal(got) << " want " << FormatLocal(c.want);
  }
}

}  // namespace
}  // namespace hearth::rules

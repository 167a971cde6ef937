// Civil time: RFC 3339 parsing, local (UTC+08:00) days and formatting, dates.
// The preamble of RULES.md: all rules work in China Standard Time (UTC+08:00, no DST); R-CAL-2
// counts whole local days and ends them at 23:59:59.
#include "core/civil_time.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace hearth {
namespace {

using std::chrono::day;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::month;
using std::chrono::seconds;
using std::chrono::year;

// A UTC instant built straight from its fields, without the code under test.
constexpr Instant Utc(int y, unsigned mo, unsigned d, int hh, int mm, int ss) {
  return Instant{Date{year{y} / month{mo} / day{d}}.time_since_epoch()} + hours{hh} + minutes{mm} +
         seconds{ss};
}

constexpr Date Ymd(int y, unsigned mo, unsigned d) { return Date{year{y} / month{mo} / day{d}}; }

TEST(ParseRfc3339Test, AcceptsRfc3339Forms) {
  struct Case {
    const char* text;
    Instant want;
  };
  static const Case kCases[] = {
      {"2024-09-27T16:00:00+08:00", Utc(2024, 9, 27, 8, 0, 0)},
      {"2024-09-27T08:00:00Z", Utc(2024, 9, 27, 8, 0, 0)},
      {"2024-09-27T03:00:00-05:00", Utc(2024, 9, 27, 8, 0, 0)},
      {"2024-09-27T13:30:00+05:30", Utc(2024, 9, 27, 8, 0, 0)},
      {"2024-09-27T08:00:00+00:00", Utc(2024, 9, 27, 8, 0, 0)},
      {"2024-09-27T08:00:00-00:00", Utc(2024, 9, 27, 8, 0, 0)},
      // Lower-case 't' and 'z', and a space separator (RFC 3339 section 5.6, NOTE).
      {"2024-09-27t08:00:00z", Utc(2024, 9, 27, 8, 0, 0)},
      {"2024-09-27 16:00:00+08:00", Utc(2024, 9, 27, 8, 0, 0)},
      // Fractions of a second are truncated, never rounded up.
      {"2024-09-27T16:00:00.999+08:00", Utc(2024, 9, 27, 8, 0, 0)},
      {"2024-09-27T08:00:00.5Z", Utc(2024, 9, 27, 8, 0, 0)},
      {"2024-09-27T08:00:59.999999999Z", Utc(2024, 9, 27, 8, 0, 59)},
      {"2024-09-27T08:00:00.0-05:00", Utc(2024, 9, 27, 13, 0, 0)},
      // A leap second is held as the second before it.
      {"2016-12-31T23:59:60Z", Utc(2016, 12, 31, 23, 59, 59)},
      {"2017-01-01T07:59:60+08:00", Utc(2016, 12, 31, 23, 59, 59)},
      // Offsets that move the instant across a UTC day, month and year.
      {"2024-12-31T23:30:00-05:00", Utc(2025, 1, 1, 4, 30, 0)},
      {"2025-01-01T00:00:00+08:00", Utc(2024, 12, 31, 16, 0, 0)},
      {"2024-03-01T07:59:59+08:00", Utc(2024, 2, 29, 23, 59, 59)},
      {"2024-02-29T00:00:00+08:00", Utc(2024, 2, 28, 16, 0, 0)},
      {"1970-01-01T00:00:00Z", Utc(1970, 1, 1, 0, 0, 0)},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.text);
    auto got = ParseRfc3339(c.text);
    ASSERT_TRUE(got.ok()) << got.error().message;
    EXPECT_EQ(*got, c.want);
  }
}

TEST(ParseEvidenceTimeTest, RefusesTimesNoObservationCanHave) {
  struct Case {
    const char* text;
    const char* why;  // "" when accepted
  };
  const Case kCases[] = {
      {"2025-12-01T08:00:00+08:00", ""},
      {"2000-01-01T00:00:00+08:00", ""},
      {"2016-12-31T23:59:60Z", "second 60 (a leap second) is not accepted"},
      {"2025-12-01T08:00:60+08:00", "second 60 (a leap second) is not accepted"},
      {"0001-01-01T00:00:00Z", "the year is before 2000"},
      {"1999-12-31T23:59:59+08:00", "the year is before 2000"},
      {"2025-12-01T08:00:61+08:00", "second 61 is out of range"},
      {"yesterday", "yesterday"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.text);
    auto got = ParseEvidenceTime(c.text);
    if (std::string(c.why).empty()) {
      EXPECT_TRUE(got.ok()) << got.error().message;
    } else {
      ASSERT_FALSE(got.ok());
      EXPECT_NE(got.error().message.find(c.why), std::string::npos) << got.error().message;
    }
  }
}

TEST(ParseRfc3339Test, RejectsNamingThePart) {
  struct Case {
    const char* text;
    const char* part;  // must appear in the message
  };
  static const Case kCases[] = {
      {"", "it is empty"},
      {"2024-13-01T00:00:00Z", "month 13 is out of range"},
      {"2024-00-10T00:00:00Z", "month 0 is out of range"},
      {"2025-02-30T00:00:00Z", "day 30 does not exist in that month"},
      {"2023-02-29T00:00:00Z", "day 29 does not exist in that month"},
      {"2024-04-31T00:00:00Z", "day 31 does not exist in that month"},
      {"2024-09-00T00:00:00Z", "day 0 does not exist in that month"},
      {"2024-09-27T24:00:00Z", "hour 24 is out of range"},
      {"2024-09-27T16:60:00Z", "minute 60 is out of range"},
      {"2024-09-27T16:00:61Z", "second 61 is out of range"},
      {"2024-09-27T16:00:00", "the UTC offset (Z or +08:00) is missing"},
      {"2024-09-27T16:00:00.123", "the UTC offset (Z or +08:00) is missing"},
      {"2024-09-27T16:00:00+08:00x", "unexpected text after the offset"},
      {"2024-09-27T16:00:00+08:00 ", "unexpected text after the offset"},
      {"2024-09-27T16:00:00Zjunk", "unexpected text after the offset"},
      {"2024-09-27T16:00:00+0800", "the UTC offset must be Z or ±HH:MM"},
      {"2024-09-27T16:00:00+08", "the UTC offset must be Z or ±HH:MM"},
      {"2024-09-27T16:00:00 CST", "the UTC offset must be Z or ±HH:MM"},
      {"2024-09-27T16:00:00+24:00", "the UTC offset is out of range"},
      {"2024-09-27T16:00:00+08:60", "the UTC offset is out of range"},
      {"2024-09-27T16:00:00.Z", "a '.' must be followed by digits"},
      {"2024-09-27", "a 'T' must separate date and time"},
      {"2024-09-27_16:00:00Z", "a 'T' must separate date and time"},
      {"2024-09-27T16:00Z", "the time must be HH:MM:SS"},
      {"2024-09-27T4:00:00Z", "the time must be HH:MM:SS"},
      {"2024/09/27T16:00:00Z", "the date must be YYYY-MM-DD"},
      {"24-09-27T16:00:00Z", "the date must be YYYY-MM-DD"},
      {"2024-9-27T16:00:00Z", "the date must be YYYY-MM-DD"},
      {"yesterday", "the date must be YYYY-MM-DD"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(std::string("'") + c.text + "'");
    auto got = ParseRfc3339(c.text);
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(got.error().message.find(c.part), std::string::npos) << got.error().message;
    // Every message quotes the input and shows a valid example.
    EXPECT_NE(got.error().message.find(std::string("'") + c.text + "'"), std::string::npos)
        << got.error().message;
    EXPECT_NE(got.error().message.find("2024-09-27T16:00:00+08:00"), std::string::npos);
  }
}

TEST(FormatLocalTest, FormatsInUtcPlus8) {
  struct Case {
    Instant t;
    const char* want;
  };
  static const Case kCases[] = {
      {Utc(2024, 10, 10, 15, 59, 59), "2024-10-10T23:59:59+08:00"},
      {Utc(2024, 9, 27, 8, 0, 0), "2024-09-27T16:00:00+08:00"},
      {Utc(2024, 12, 31, 16, 0, 0), "2025-01-01T00:00:00+08:00"},  // UTC still in 2024
      {Utc(2024, 12, 31, 15, 59, 59), "2024-12-31T23:59:59+08:00"},
      {Utc(2024, 2, 28, 16, 0, 0), "2024-02-29T00:00:00+08:00"},
      {Utc(1970, 1, 1, 0, 0, 0), "1970-01-01T08:00:00+08:00"},
      {Utc(2027, 1, 1, 1, 2, 3), "2027-01-01T09:02:03+08:00"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.want);
    EXPECT_EQ(FormatLocal(c.t), c.want);
  }
}

TEST(FormatLocalTest, RoundTripsThroughParse) {
  static const char* const kTexts[] = {"2024-10-10T23:59:59+08:00", "2025-01-01T00:00:00+08:00",
                                       "2024-02-29T12:34:56+08:00"};
  for (const char* text : kTexts) {
    SCOPED_TRACE(text);
    auto t = ParseRfc3339(text);
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(FormatLocal(*t), text);
  }
}

TEST(LocalDayTest, LocalDateCrossesTheUtcDayAt1600Utc) {
  struct Case {
    Instant t;
    Date want;
  };
  static const Case kCases[] = {
      {Utc(2024, 9, 27, 0, 0, 0), Ymd(2024, 9, 27)},     // 08:00 local
      {Utc(2024, 9, 27, 15, 59, 59), Ymd(2024, 9, 27)},  // 23:59:59 local
      {Utc(2024, 9, 27, 16, 0, 0), Ymd(2024, 9, 28)},    // 00:00 local of the next day
      {Utc(2024, 9, 27, 23, 59, 59), Ymd(2024, 9, 28)},
      {Utc(2024, 12, 31, 16, 0, 0), Ymd(2025, 1, 1)},  // local New Year, UTC still 2024
      {Utc(2024, 12, 31, 15, 59, 59), Ymd(2024, 12, 31)},
      {Utc(2024, 2, 28, 16, 0, 0), Ymd(2024, 2, 29)},
      {Utc(1970, 1, 1, 0, 0, 0), Ymd(1970, 1, 1)},
      {Utc(1969, 12, 31, 16, 0, 0), Ymd(1970, 1, 1)},
      {Utc(1969, 12, 31, 15, 59, 59),
       Ymd(1969, 12, 31)},  // before the epoch: floors, not truncates
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(FormatDate(c.want));
    EXPECT_EQ(LocalDate(c.t), c.want);
  }
}

TEST(LocalDayTest, StartAndEndOfLocalDay) {
  struct Case {
    Date d;
    Instant start;
    Instant end;  // R-CAL-2: "the end (23:59:59)" of the day
  };
  static const Case kCases[] = {
      {Ymd(2024, 10, 10), Utc(2024, 10, 9, 16, 0, 0), Utc(2024, 10, 10, 15, 59, 59)},
      {Ymd(2025, 1, 1), Utc(2024, 12, 31, 16, 0, 0), Utc(2025, 1, 1, 15, 59, 59)},
      {Ymd(2024, 12, 31), Utc(2024, 12, 30, 16, 0, 0), Utc(2024, 12, 31, 15, 59, 59)},
      {Ymd(2024, 2, 29), Utc(2024, 2, 28, 16, 0, 0), Utc(2024, 2, 29, 15, 59, 59)},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(FormatDate(c.d));
    EXPECT_EQ(StartOfLocalDay(c.d), c.start);
    EXPECT_EQ(EndOfLocalDay(c.d), c.end);
    EXPECT_EQ(LocalDate(StartOfLocalDay(c.d)), c.d);
    EXPECT_EQ(LocalDate(EndOfLocalDay(c.d)), c.d);
    EXPECT_EQ(LocalDate(EndOfLocalDay(c.d) + seconds{1}), c.d + std::chrono::days{1});
  }
}

TEST(ParseDateTest, ParsesAndRejects) {
  struct Case {
    const char* text;
    bool ok;
    Date want;         // when ok
    const char* part;  // in the message, when not ok
  };
  static const Case kCases[] = {
      {"2024-02-29", true, Ymd(2024, 2, 29), ""},
      {"2024-12-31", true, Ymd(2024, 12, 31), ""},
      {"2019-01-01", true, Ymd(2019, 1, 1), ""},
      {"2023-02-29", false, {}, "day 29 does not exist in that month"},
      {"2024-13-01", false, {}, "month 13 is out of range"},
      {"2024-06-31", false, {}, "day 31 does not exist in that month"},
      {"2024-1-01", false, {}, "the date must be YYYY-MM-DD"},
      {"2024/01/01", false, {}, "the date must be YYYY-MM-DD"},
      {"", false, {}, "the date must be YYYY-MM-DD"},
      {"2024-01-01T00:00:00Z", false, {}, "expected YYYY-MM-DD"},
      {"2024-01-01 ", false, {}, "expected YYYY-MM-DD"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(std::string("'") + c.text + "'");
    auto got = ParseDate(c.text);
    ASSERT_EQ(got.ok(), c.ok) << (got.ok() ? FormatDate(*got) : got.error().message);
    if (c.ok) {
      EXPECT_EQ(*got, c.want);
      EXPECT_EQ(FormatDate(*got), c.text);
    } else {
      EXPECT_EQ(got.error().code, ErrorCode::kInvalidArgument);
      EXPECT_NE(got.error().message.find(c.part), std::string::npos) << got.error().message;
    }
  }
}

TEST(DateTest, FieldsAndWeekends) {
  struct Case {
    Date d;
    int y;
    unsigned m, day_of_month;
    bool weekend;
  };
  static const Case kCases[] = {
      {Ymd(2024, 2, 4), 2024, 2, 4, true},      // Sunday
      {Ymd(2024, 10, 12), 2024, 10, 12, true},  // Saturday
      {Ymd(2024, 9, 27), 2024, 9, 27, false},   // Friday
      {Ymd(2024, 9, 30), 2024, 9, 30, false},   // Monday
      {Ymd(2027, 1, 1), 2027, 1, 1, false},     // Friday
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(FormatDate(c.d));
    EXPECT_EQ(YearOf(c.d), c.y);
    EXPECT_EQ(MonthOf(c.d), c.m);
    EXPECT_EQ(DayOf(c.d), c.day_of_month);
    EXPECT_EQ(IsWeekend(c.d), c.weekend);
  }
  EXPECT_TRUE(MakeDate(2024, 2, 29).ok());
  EXPECT_FALSE(MakeDate(2025, 2, 29).ok());
  EXPECT_FALSE(MakeDate(2025, 13, 1).ok());
}

}  // namespace
}  // namespace hearth

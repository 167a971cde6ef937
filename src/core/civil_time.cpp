#include "core/civil_time.hpp"

#include <cstdio>

namespace hearth {
namespace {

using std::chrono::days;
using std::chrono::floor;

// Reads exactly `width` decimal digits at `pos`; false if any is not a digit.
bool ReadDigits(std::string_view s, size_t pos, size_t width, int& out) {
  if (pos + width > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

Error BadTime(std::string_view text, const std::string& why) {
  return Error::InvalidArgument("'" + std::string(text) + "' is not an RFC 3339 time (" + why +
                                "); expected e.g. 2024-09-27T16:00:00+08:00");
}

// Parses the YYYY-MM-DD prefix shared by dates and date-times.
Result<Date> ParseDatePart(std::string_view text, std::string_view whole, bool time) {
  int y = 0, m = 0, d = 0;
  auto bad = [&](const std::string& why) -> Error {
    if (time) return BadTime(whole, why);
    return Error::InvalidArgument("'" + std::string(whole) + "' is not a date (" + why +
                                  "); expected YYYY-MM-DD");
  };
  if (!ReadDigits(text, 0, 4, y) || text.size() < 10 || text[4] != '-' ||
      !ReadDigits(text, 5, 2, m) || text[7] != '-' || !ReadDigits(text, 8, 2, d)) {
    return bad("the date must be YYYY-MM-DD");
  }
  if (m < 1 || m > 12) return bad("month " + std::to_string(m) + " is out of range");
  auto date = MakeDate(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  if (!date.ok()) return bad("day " + std::to_string(d) + " does not exist in that month");
  return date;
}

}  // namespace

Date LocalDate(Instant t) { return floor<days>(t + kChinaOffset); }
Instant StartOfLocalDay(Date d) { return Instant{d.time_since_epoch()} - kChinaOffset; }
Instant EndOfLocalDay(Date d) { return StartOfLocalDay(d + days{1}) - std::chrono::seconds{1}; }

Result<Date> MakeDate(int year, unsigned month, unsigned day) {
  std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                  std::chrono::day{day}};
  if (!ymd.ok()) {
    return Error::InvalidArgument("invalid date " + std::to_string(year) + "-" +
                                  std::to_string(month) + "-" + std::to_string(day));
  }
  return Date{ymd};
}

int YearOf(Date d) { return int{std::chrono::year_month_day{d}.year()}; }
unsigned MonthOf(Date d) { return unsigned{std::chrono::year_month_day{d}.month()}; }
unsigned DayOf(Date d) { return unsigned{std::chrono::year_month_day{d}.day()}; }

bool IsWeekend(Date d) {
  std::chrono::weekday wd{d};
  return wd == std::chrono::Saturday || wd == std::chrono::Sunday;
}

Result<Instant> ParseEvidenceTime(std::string_view text) {
  auto t = ParseRfc3339(text);
  if (!t.ok()) return t;
  auto impossible = [&](const std::string& why) {
    return Error::InvalidArgument("'" + std::string(text) + "' cannot be the time of an observation (" +
                                  why + ")");
  };
  // ParseRfc3339 accepted it, so text[17..18] are the seconds' two digits.
  if (text.substr(17, 2) == "60") return impossible("second 60 (a leap second) is not accepted");
  if (YearOf(LocalDate(*t)) < kEarliestEvidenceYear) {
    return impossible("the year is before " + std::to_string(kEarliestEvidenceYear));
  }
  return t;
}

Result<Instant> ParseRfc3339(std::string_view text) {
  if (text.empty()) return BadTime(text, "it is empty");
  auto date = ParseDatePart(text, text, true);
  if (!date.ok()) return date.error();
  if (text.size() < 11 || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')) {
    return BadTime(text, "a 'T' must separate date and time");
  }
  int hh = 0, mm = 0, ss = 0;
  if (!ReadDigits(text, 11, 2, hh) || text.size() < 19 || text[13] != ':' ||
      !ReadDigits(text, 14, 2, mm) || text[16] != ':' || !ReadDigits(text, 17, 2, ss)) {
    return BadTime(text, "the time must be HH:MM:SS");
  }
  if (hh > 23) return BadTime(text, "hour " + std::to_string(hh) + " is out of range");
  if (mm > 59) return BadTime(text, "minute " + std::to_string(mm) + " is out of range");
  if (ss > 60) return BadTime(text, "second " + std::to_string(ss) + " is out of range");
  if (ss == 60) ss = 59;  // A leap second is held as the second before it.
  size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {
    size_t start = ++pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == start) return BadTime(text, "a '.' must be followed by digits");
  }
  if (pos >= text.size()) return BadTime(text, "the UTC offset (Z or +08:00) is missing");
  std::chrono::seconds offset{0};
  char sign = text[pos];
  if (sign == 'Z' || sign == 'z') {
    ++pos;
  } else if (sign == '+' || sign == '-') {
    int oh = 0, om = 0;
    if (!ReadDigits(text, pos + 1, 2, oh) || pos + 3 >= text.size() || text[pos + 3] != ':' ||
        !ReadDigits(text, pos + 4, 2, om)) {
      return BadTime(text, "the UTC offset must be Z or ±HH:MM");
    }
    if (oh > 23 || om > 59) return BadTime(text, "the UTC offset is out of range");
    offset = std::chrono::hours{oh} + std::chrono::minutes{om};
    if (sign == '-') offset = -offset;
    pos += 6;
  } else {
    return BadTime(text, "the UTC offset must be Z or ±HH:MM");
  }
  if (pos != text.size()) return BadTime(text, "unexpected text after the offset");
  Instant local{date->time_since_epoch()};
  local += std::chrono::hours{hh} + std::chrono::minutes{mm} + std::chrono::seconds{ss};
  return local - offset;
}

std::string FormatLocal(Instant t) {
  Instant local = t + kChinaOffset;
  Date d = floor<days>(local);
  std::chrono::hh_mm_ss hms{local - Instant{d.time_since_epoch()}};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d+08:00", FormatDate(d).c_str(),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

Result<Date> ParseDate(std::string_view text) {
  auto d = ParseDatePart(text, text, false);
  if (!d.ok()) return d;
  if (text.size() != 10) {
    return Error::InvalidArgument("'" + std::string(text) + "' is not a date; expected YYYY-MM-DD");
  }
  return d;
}

std::string FormatDate(Date d) {
  std::chrono::year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int{ymd.year()}, unsigned{ymd.month()},
                unsigned{ymd.day()});
  return buf;
}

}  // namespace hearth

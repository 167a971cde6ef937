// Civil dates and instants in China Standard Time (UTC+08:00, no daylight saving).
//
// An Instant is a UTC time point with second resolution; a Date is a calendar day counted from the
// Unix epoch. All of Hearth's rules work on the local (UTC+08:00) calendar day of an instant
// (RULES.md preamble). Pure functions; thread-safe.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace hearth {

using Instant = std::chrono::sys_seconds;
using Date = std::chrono::sys_days;

/// The fixed offset of China Standard Time.
inline constexpr std::chrono::seconds kChinaOffset{8 * 3600};

/// The local (UTC+08:00) calendar day of `t`.
Date LocalDate(Instant t);
/// 00:00:00 local time of `d`.
Instant StartOfLocalDay(Date d);
/// 23:59:59 local time of `d`: "the end of the day" in R-CAL-2.
Instant EndOfLocalDay(Date d);
/// Builds a date; returns an error naming the bad part if y-m-d is not a real date.
Result<Date> MakeDate(int year, unsigned month, unsigned day);

int YearOf(Date d);
unsigned MonthOf(Date d);
unsigned DayOf(Date d);
/// True for Saturday and Sunday.
bool IsWeekend(Date d);

/// Parses an RFC 3339 date-time: `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`; `t`/`z`/space accepted
/// as the RFC allows. Fractions of a second are truncated (deadlines are kept to the second).
/// The error message names the part that is wrong.
Result<Instant> ParseRfc3339(std::string_view text);
/// The first year an evidence time may fall in (ParseEvidenceTime).
inline constexpr int kEarliestEvidenceYear = 2000;
/// An RFC 3339 time given as evidence (a reading's, a measurement's, a signature's): as
/// ParseRfc3339, and refused also when it cannot be a real observation (issue 11): a leap second
/// (second 60; none has been inserted since 2016) or a year before kEarliestEvidenceYear. Whether
/// it is in the future is the caller's check: it needs a clock.
Result<Instant> ParseEvidenceTime(std::string_view text);
/// Formats `t` in local time with seconds: `2024-10-10T23:59:59+08:00`.
std::string FormatLocal(Instant t);

/// Parses `YYYY-MM-DD`.
Result<Date> ParseDate(std::string_view text);
/// Formats `YYYY-MM-DD`.
std::string FormatDate(Date d);

}  // namespace hearth

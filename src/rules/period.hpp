// R-CAL-2: counting periods (Civil Code art. 201: the day on which a period starts is not counted).
//
// Pure functions over a HolidayCalendar; thread-safe.
#pragma once

#include "core/civil_time.hpp"
#include "rules/calendar.hpp"

namespace hearth::rules {

/// An instant computed by counting, and whether the count crossed a year the calendar lacks.
struct Counted {
  Instant at;
  bool calendar_incomplete = false;
};

/// End (23:59:59 local) of the n-th working day after the local day of `from`.
/// n == 0 gives the end of the day of `from`. Precondition: n >= 0.
Counted AddWorkingDays(const HolidayCalendar& cal, Instant from, int n);

/// End (23:59:59 local) of the n-th calendar day after the local day of `from`; never extended
/// over holidays. Precondition: n >= 0.
Instant AddCalendarDays(Instant from, int n);

/// End of the first `month`-`day` on or after the local day of `from` (e.g. the next 30 June).
/// Precondition: month-day exists in every year (not 02-29).
Instant NextMonthDay(Instant from, unsigned month, unsigned day);

}  // namespace hearth::rules

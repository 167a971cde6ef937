// R-CAL-2
#include "rules/period.hpp"

#include <cassert>

namespace hearth::rules {

Counted AddWorkingDays(const HolidayCalendar& cal, Instant from, int n) {
  assert(n >= 0);
  const HolidayCalendar::Reached r = cal.WorkingDayAfter(LocalDate(from), n);
  return {EndOfLocalDay(r.day), r.incomplete};
}

Instant AddCalendarDays(Instant from, int n) {
  assert(n >= 0);
  return EndOfLocalDay(LocalDate(from) + std::chrono::days{n});
}

Instant NextMonthDay(Instant from, unsigned month, unsigned day) {
  Date d = LocalDate(from);
  int year = YearOf(d);
  auto candidate = MakeDate(year, month, day);
  assert(candidate.ok());
  if (*candidate < d) candidate = MakeDate(year + 1, month, day);
  return EndOfLocalDay(*candidate);
}

}  // namespace hearth::rules

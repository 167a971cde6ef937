// R-CAL-1
#include "rules/calendar.hpp"

namespace hearth::rules {

Result<HolidayCalendar> HolidayCalendar::Create(const std::vector<HolidayYear>& years) {
  HolidayCalendar cal;
  for (const auto& y : years) {
    cal.years_.insert(y.year);
    for (const auto& e : y.entries) {
      if (YearOf(e.date) != y.year) {
        return Error::InvalidArgument("date " + FormatDate(e.date) + " is listed under year " +
                                      std::to_string(y.year));
      }
      if (!cal.special_.emplace(e.date, e).second) {
        return Error::InvalidArgument("date " + FormatDate(e.date) + " is listed twice");
      }
    }
  }
  return cal;
}

HolidayCalendar HolidayCalendar::With(const std::vector<HolidayYear>& newer, bool replace) const {
  HolidayCalendar out = *this;
  for (const auto& y : newer) {
    out.years_.insert(y.year);
    if (replace) {
      auto first = out.special_.lower_bound(Date{std::chrono::year{y.year} / 1 / 1});
      auto last = out.special_.lower_bound(Date{std::chrono::year{y.year + 1} / 1 / 1});
      out.special_.erase(first, last);
    }
    for (const auto& e : y.entries) out.special_[e.date] = e;
  }
  return out;
}

HolidayCalendar::DayInfo HolidayCalendar::Day(Date d) const {
  DayInfo info;
  info.known = HasYear(YearOf(d));
  if (const HolidayEntry* e = Special(d)) {
    info.working = !e->off;
  } else {
    info.working = !IsWeekend(d);
  }
  return info;
}

const HolidayEntry* HolidayCalendar::Special(Date d) const {
  auto it = special_.find(d);
  return it == special_.end() ? nullptr : &it->second;
}

}  // namespace hearth::rules

// R-CAL-1
#include "rules/calendar.hpp"

#include <algorithm>
#include <cassert>

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
  cal.Index();
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
  out.Index();
  return out;
}

void HolidayCalendar::Index() {
  working_before_.clear();
  if (years_.empty()) return;
  first_ = Date{std::chrono::year{*years_.begin()} / 1 / 1};
  const Date end{std::chrono::year{*years_.rbegin() + 1} / 1 / 1};
  working_before_.reserve(static_cast<size_t>((end - first_).count()) + 1);
  int32_t count = 0;
  working_before_.push_back(0);
  auto special = special_.lower_bound(first_);
  for (Date d = first_; d < end; d += std::chrono::days{1}) {
    bool working = !IsWeekend(d);
    if (special != special_.end() && special->first == d) {
      working = !special->second.off;
      ++special;
    }
    count += working ? 1 : 0;
    working_before_.push_back(count);
  }
}

std::optional<size_t> HolidayCalendar::IndexOf(Date d) const {
  if (working_before_.empty() || d < first_) return std::nullopt;
  const auto i = static_cast<size_t>((d - first_).count());
  if (i + 1 >= working_before_.size()) return std::nullopt;
  return i;
}

bool HolidayCalendar::AllKnown(Date a, Date b) const {
  for (int y = YearOf(a), last = YearOf(b); y <= last; ++y) {
    if (!HasYear(y)) return false;
  }
  return true;
}

HolidayCalendar::DayInfo HolidayCalendar::Day(Date d) const {
  const std::optional<size_t> i = IndexOf(d);
  if (!i) return {!IsWeekend(d), false};  // outside the loaded span: no year there is loaded
  return {working_before_[*i + 1] != working_before_[*i], HasYear(YearOf(d))};
}

HolidayCalendar::Reached HolidayCalendar::WorkingDayAfter(Date d, int n) const {
  assert(n >= 0);
  Reached r{d, false};
  const int32_t* const begin = working_before_.data();
  const int32_t* const end = begin + working_before_.size();
  while (n > 0) {
    const Date next = r.day + std::chrono::days{1};
    const std::optional<size_t> s = IndexOf(next);
    if (!s) {  // a day outside the loaded span: by the Mon–Fri rule
      r.day = next;
      r.incomplete = true;
      if (!IsWeekend(next)) --n;
      continue;
    }
    // The first k with begin[k] >= begin[s] + n ends the count on day k - 1; without one, the
    // span ends first (its last day is end - begin - 2: the index has one more entry than days).
    const int32_t want = begin[*s] + n;
    const int32_t* const k = std::lower_bound(begin + *s + 1, end, want);
    const bool reached = k != end;
    r.day = first_ + std::chrono::days{(k - begin) - (reached ? 1 : 2)};
    if (!AllKnown(next, r.day)) r.incomplete = true;
    if (reached) return r;
    n -= end[-1] - begin[*s];
  }
  return r;
}

const HolidayEntry* HolidayCalendar::Special(Date d) const {
  auto it = special_.find(d);
  return it == special_.end() ? nullptr : &it->second;
}

}  // namespace hearth::rules

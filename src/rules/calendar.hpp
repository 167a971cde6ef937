// R-CAL-1: China's working-day calendar.
//
// A working day is Monday–Friday, except the public holidays of the State Council's annual notice,
// plus the make-up working days (调休) that notice moves onto weekends. The calendar knows which
// years it holds; for any other year it still answers by the Mon–Fri rule and says so
// (`known == false`), so callers can mark their answer `calendar_incomplete`.
//
// Immutable after construction; safe to share between threads (services swap whole calendars).
//
// Counting working days is the deadline engine's inner loop (every work order has 4–5 deadlines,
// every hotline order one per step), so the calendar keeps a day index over its loaded span: the
// count of working days before each day, from 1 January of the first loaded year to 31 December of
// the last. A count of n working days is then one binary search, not n map lookups.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"

namespace hearth::rules {

/// One special date of a notice: a holiday (`off`) or a make-up working day (`!off`).
struct HolidayEntry {
  Date date;
  std::string name;
  bool off = true;
};

/// The special dates of one calendar year (grouped by the year of the date, as in
/// data/calendar/cn-holidays.json).
struct HolidayYear {
  int year = 0;
  std::vector<HolidayEntry> entries;
};

/// A calendar file's content: where it comes from, and its years (data/calendar/cn-holidays.json
/// is read into one by adapters/json/calendar_json.hpp).
struct CalendarFile {
  std::string source;
  std::vector<HolidayYear> years;
};

class HolidayCalendar {
 public:
  HolidayCalendar() = default;

  /// Builds a calendar. Errors (invalid_argument) when an entry's date is not in its year or a
  /// date appears twice.
  static Result<HolidayCalendar> Create(const std::vector<HolidayYear>& years);

  /// Returns a copy with `newer` applied on top. With `replace`, each year of `newer` replaces
  /// that year wholly; otherwise entries are merged by date, `newer` winning.
  HolidayCalendar With(const std::vector<HolidayYear>& newer, bool replace) const;

  struct DayInfo {
    bool working = false;  ///< Is it a working day (by the notice, or by Mon–Fri if unknown)?
    bool known = false;    ///< Is the day's year loaded?
  };
  DayInfo Day(Date d) const;

  /// The n-th working day after `d` (`d` itself is not counted; n == 0 gives `d`), and whether
  /// the count passed a day of a year that is not loaded (`incomplete`), whose working days were
  /// then taken by the Mon–Fri rule. Precondition: n >= 0.
  struct Reached {
    Date day;
    bool incomplete = false;
  };
  Reached WorkingDayAfter(Date d, int n) const;

  bool HasYear(int year) const { return years_.count(year) != 0; }
  const std::set<int>& years() const { return years_; }
  /// The special entry of `d`, or nullptr.
  const HolidayEntry* Special(Date d) const;

 private:
  // Rebuilds the day index from years_ and special_.
  void Index();
  // The index of `d` in working_before_, or nullopt outside the indexed span.
  std::optional<size_t> IndexOf(Date d) const;
  // Are all the years from that of `a` to that of `b` loaded?
  bool AllKnown(Date a, Date b) const;

  std::set<int> years_;
  std::map<Date, HolidayEntry> special_;
  Date first_{};  // 1 January of the first loaded year
  // working_before_[i]: the working days in [first_, first_ + i); one more entry than days.
  std::vector<int32_t> working_before_;
};

}  // namespace hearth::rules

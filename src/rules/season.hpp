// R-SEASON-1: the dates of a heating season, from a profile's default dates.
// (Districts' decided dates, early starts and extensions are records; see the records issue.)
#pragma once

#include <string>

#include "core/civil_time.hpp"
#include "rules/policy.hpp"

namespace hearth::rules {

struct SeasonDates {
  int start_year = 0;  ///< the year the season starts: 2025 for 2025-11-15 … 2026-03-15
  Date commissioning_start;
  Date official_start;
  Date official_end;  ///< inclusive

  /// Official days, both ends included: 121 for 2025-2026, 122 for 2023-2024 (leap year).
  int OfficialDays() const { return static_cast<int>((official_end - official_start).count()) + 1; }
  bool IsOfficial(Date d) const { return d >= official_start && d <= official_end; }
  /// "2025-2026".
  std::string Label() const;
};

/// The start year of the season `day` belongs to, counting the heating year from July to June:
/// 2025 for every day from 2025-07-01 to 2026-06-30 (a season starts in the autumn and ends in
/// the spring, so a summer day belongs to the season ahead).
int SeasonYearOf(Date day);

/// The season that starts in `start_year` under `policy`. Precondition: the policy was validated
/// (its month-days exist in every year).
SeasonDates SeasonOf(const SeasonPolicy& policy, int start_year);

}  // namespace hearth::rules

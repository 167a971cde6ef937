// R-SEASON-1
#include "rules/season.hpp"

namespace hearth::rules {
namespace {

Date At(int year, const MonthDay& md) { return *MakeDate(year, md.month, md.day); }

}  // namespace

std::string SeasonDates::Label() const {
  return std::to_string(start_year) + "-" + std::to_string(start_year + 1);
}

int SeasonYearOf(Date day) { return MonthOf(day) >= 7 ? YearOf(day) : YearOf(day) - 1; }

SeasonDates SeasonOf(const SeasonPolicy& policy, int start_year) {
  SeasonDates s;
  s.start_year = start_year;
  s.official_start = At(start_year, policy.official_start.value);
  Date end = At(start_year, policy.official_end.value);
  s.official_end = end < s.official_start ? At(start_year + 1, policy.official_end.value) : end;
  Date comm = At(start_year, policy.commissioning_start.value);
  s.commissioning_start =
      comm > s.official_start ? At(start_year - 1, policy.commissioning_start.value) : comm;
  return s;
}

}  // namespace hearth::rules

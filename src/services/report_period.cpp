#include "services/report_period.hpp"

#include <charconv>
#include <chrono>
#include <string>

namespace hearth::services {

Result<ReportMonth> ParseReportMonth(std::string_view text) {
  const Error bad = Error::InvalidArgument("month must be YYYY-MM", "month");
  if (text.size() != 7 || text[4] != '-') return bad;
  int year = 0;
  unsigned month = 0;
  auto y = std::from_chars(text.data(), text.data() + 4, year);
  auto m = std::from_chars(text.data() + 5, text.data() + 7, month);
  if (y.ec != std::errc() || y.ptr != text.data() + 4 || m.ec != std::errc() ||
      m.ptr != text.data() + 7 || year < 2000 || year > 2200 || month < 1 || month > 12) {
    return bad;
  }
  auto first = MakeDate(year, month, 1);
  auto next = month == 12 ? MakeDate(year + 1, 1, 1) : MakeDate(year, month + 1, 1);
  if (!first.ok() || !next.ok()) return bad;
  return ReportMonth{year, month, StartOfLocalDay(*first), StartOfLocalDay(*next)};
}

Result<ReportMonth> ParseReportPeriod(std::string_view from, std::string_view to) {
  auto first = ParseDate(from);
  if (!first.ok()) return Error::InvalidArgument("from must be a date YYYY-MM-DD", "from");
  auto last = ParseDate(to);
  if (!last.ok()) return Error::InvalidArgument("to must be a date YYYY-MM-DD", "to");
  if (YearOf(*first) < 2000 || YearOf(*first) > 2200) {
    return Error::InvalidArgument("from must be a date of 2000..2200", "from");
  }
  if (YearOf(*last) > 2200) return Error::InvalidArgument("to must be a date of 2000..2200", "to");
  if (*last < *first) return Error::InvalidArgument("to must not be before from", "to");
  if ((*last - *first).count() >= kMaxReportDays) {
    return Error::InvalidArgument(
        "from..to must be at most " + std::to_string(kMaxReportDays) + " days", "to");
  }
  return ReportMonth{0, 0, StartOfLocalDay(*first), StartOfLocalDay(*last + std::chrono::days{1})};
}

}  // namespace hearth::services

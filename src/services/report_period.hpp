// The period a report covers (ports::ReportMonth): a calendar month, or a run of whole local
// days (issue 15: the live indicators from..to), parsed from the query's text. Pure.
#pragma once

#include <string_view>

#include "core/result.hpp"
#include "ports/hotline_report.hpp"

namespace hearth::services {

using ports::ReportMonth;

/// "YYYY-MM", year 2000..2200; invalid_argument "month must be YYYY-MM" (field "month").
Result<ReportMonth> ParseReportMonth(std::string_view text);

/// The run of whole local days `from`..`to` ("YYYY-MM-DD", both inclusive), at most
/// kMaxReportDays long; invalid_argument naming "from" or "to" (a bad date, to before from, too
/// long a run).
Result<ReportMonth> ParseReportPeriod(std::string_view from, std::string_view to);
/// The longest run of days a live indicator report covers (a season is at most 366 days).
inline constexpr int kMaxReportDays = 366;

}  // namespace hearth::services

// The holiday-calendar file format (data/calendar/cn-holidays.json and `hearth calendar import`):
//   {"source": "...", "years": {"2024": [{"date": "2024-01-01", "name": "元旦", "off": true},
//   ...]}}
// Each list holds the dates of its calendar year, sorted, each date once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "rules/calendar.hpp"

namespace hearth::adapters::json {

using rules::CalendarFile;  // the parsed file (rules/calendar.hpp)

/// Parses and validates a calendar file. The error (invalid_argument) names the first problem
/// with its JSON path, e.g. `years.2024[3].date: '2024-02-30' is not a date`.
Result<CalendarFile> ParseCalendarJson(std::string_view text);

/// Serialises `file` in the same format (what ParseCalendarJson reads back).
std::string CalendarToJson(const CalendarFile& file);

/// The calendar shipped inside the binary (data/calendar/cn-holidays.json, 2019–2026).
const CalendarFile& EmbeddedCalendarFile();

}  // namespace hearth::adapters::json

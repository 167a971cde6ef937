// R-CAL-1: a calendar file to import (`hearth calendar import`, POST /api/v1/calendar/imports),
// read with every problem it has, not only the first: the same shape as the shipped
// data/calendar/cn-holidays.json (adapters/json/calendar_json.hpp), with the checks of a State
// Council notice on top:
//   - each year key is four digits, 1949-2200; its list holds objects {date, name, off} only;
//   - each date is YYYY-MM-DD, in its year, the list sorted and each date listed once;
//   - each name is a non-empty string, each `off` a boolean (a make-up working day may fall on a
//     weekday: the shipped 2020 lists 2020-02-03, the end of that year's extended Spring
//     Festival, so that rule is not checked);
//   - a year lists at least one holiday (`off: true`): a year known without its holidays would
//     make every deadline in it wrong, where an unknown year is at least marked incomplete.
#pragma once

#include <string_view>

#include "ports/calendar_store.hpp"

namespace hearth::adapters::json {

/// Decodes `text`; `problems` lists each problem with its JSON path, in document order, and
/// `file` holds what could be read. Matches ports::CalendarDecoder.
ports::DecodedCalendar DecodeCalendarImport(std::string_view text);

}  // namespace hearth::adapters::json

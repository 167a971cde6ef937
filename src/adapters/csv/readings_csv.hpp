// Remote room-temperature readings as CSV (R-TEMP-3): the input of `hearth calc daily` and
// POST /api/v1/calc/daily.
//
//   room,kind,ts,value
//   b1,bedroom,2025-12-01T00:00:00+08:00,18.25
//
// room: the room's id (not empty); kind: bedroom, living or other; ts: RFC 3339 with any offset
// (fractions of a second are dropped); value: °C as decimal text, kept exactly to 0.001 °C.
// Columns may come in any order. A value outside the sensor's valid range is not malformed: the
// rule ignores it.
#pragma once

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "rules/temperature.hpp"

namespace hearth::adapters::csv {

/// Parses the whole file. Errors (invalid_argument) give the line and column of the first
/// problem: "line 4, column 2 (kind): 'kitchen' is not a room kind; expected bedroom, living or
/// other". A room id used with two kinds is an error at the second one's kind.
Result<std::vector<rules::SensorReading>> ParseReadingsCsv(std::string_view text);

}  // namespace hearth::adapters::csv

// The CSV body of POST /api/v1/readings (Content-Type text/csv): readings as sensors send them.
//
//   sensor,ts,value
//   T-0001,2025-12-01T08:00:00+08:00,18.2
//
// Columns may come in any order; no other column is allowed. Fields are kept as text, exactly as
// sent: judging them (an unknown sensor, a malformed time, a value that is not a number) is the
// ingest service's business, so that one bad row is a rejection, not a failed batch. Not to be
// confused with readings_csv.hpp (room,kind,ts,value: the daily-value calculator's input).
// Pure, thread-safe, no I/O: a fuzz target.
#pragma once

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "ports/incoming_reading.hpp"

namespace hearth::adapters::csv {

/// Decodes the body (RFC 4180, see csv_reader.hpp). Errors (invalid_argument, field "line L"):
/// a malformed file with the line and column of its first problem, e.g. "line 1, column 2
/// (room): unknown column; expected sensor,ts,value" or "line 7, column 3: expected 3 fields,
/// found 2". Row i of the result (from 0) is the i-th data row of the file.
Result<std::vector<ports::IncomingReading>> DecodeSensorReadingsCsv(std::string_view body);

}  // namespace hearth::adapters::csv

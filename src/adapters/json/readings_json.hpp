// The JSON body of POST /api/v1/readings: an array of readings, each an object of exactly
//
//   [{"sensor":"T-0001","ts":"2025-12-01T08:00:00+08:00","value":18.2}, …]
//
// sensor and ts are strings; value is a JSON number, kept as the exact text it was sent as
// ("18.2" stays "18.2", never 18.199999…). Nothing is judged here (an unknown sensor, a bad time
// or an implausible value is the ingest service's business): the decoder only splits the body.
// Parsed with simdjson (the hot path of ingest). Pure, thread-safe, no I/O: a fuzz target.
#pragma once

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "ports/incoming_reading.hpp"

namespace hearth::adapters::json {

/// Decodes the body. Errors (invalid_argument, field "body"): malformed JSON with its line and
/// column ("line 1, column 57: malformed JSON (…)"); a body that is not an array; an element
/// that is not an object, lacks a field, repeats one, has an unknown field or one of the wrong
/// type, named by its index from 0 ("element 3: unknown field \"room\"; expected sensor, ts,
/// value").
Result<std::vector<ports::IncomingReading>> DecodeReadingsJson(std::string_view body);

/// True when `text` is a JSON number (RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?).
bool IsJsonNumber(std::string_view text);

}  // namespace hearth::adapters::json

// The MQTT wire format of room-temperature readings (issue 5).
//
//   topic    hearth/v1/readings/<sensor-id>          the sensor's device code is the last level
//   payload  {"ts":"2025-12-01T08:00:00+08:00","value":18.2}
//            or an array of such objects: [{"ts":…,"value":…},…]
//
// Decoding only splits the message: the time and the value stay text, exactly as sent (18.2 stays
// "18.2", 18.20 stays "18.20"), and every judgement (known sensor, RFC 3339, range, future) is
// services::IngestService's (services::IncomingReading is ports::IncomingReading).
#pragma once

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "ports/incoming_reading.hpp"

namespace hearth::adapters::mqtt {

/// The topic level before the sensor id; a subscriber's filter is kReadingsTopicPrefix + "+".
inline constexpr std::string_view kReadingsTopicPrefix = "hearth/v1/readings/";

/// Decodes one MQTT message into its readings, in payload order (one for an object, one per
/// element for an array). Pure: a function of its two arguments only.
///
/// Errors (invalid_argument; `field` names "topic", "payload", "ts" or "value", or the unknown
/// field), each message naming where the problem is ("payload[2]: unknown field \"unit\""):
///   - a topic other than hearth/v1/readings/<sensor-id> with a non-empty, single-level id;
///   - malformed JSON (with its byte offset), a payload that is neither an object nor an array
///     of objects, an empty array;
///   - a missing, duplicate or unknown field; a ts that is not a string; a value that is not a
///     JSON number.
/// A message with one bad element is rejected whole: it will never become valid.
Result<std::vector<ports::IncomingReading>> DecodeMqttReading(std::string_view topic,
                                                              std::string_view payload);

}  // namespace hearth::adapters::mqtt

// Work-order events and deadlines as JSON (issue 13): the wire form of POST
// /api/v1/work-orders/{id}/events and of the stored timeline, one codec for both.
//
//   {"type":"return","at":"2026-01-05T10:00:00+08:00","approved_by":"张经理","seal":true,
//    "contact_record":{"who":"王女士","at":"…","how":"phone"},"reason":"…","note":"…"}
//
// Fields by type: dispatch: technician, appointment; arrive: contact_record (when late);
// repair: charges [{item, price_fen, materials}], signature {who, at, how}, staff [names],
// started_at, result, confirmation {who, at, how}; return: approved_by, seal, contact_record,
// reason; extend, reopen: reason; visit: process_satisfaction, result_satisfaction, reasonable,
// mode, by_manager; close (system only): by_parent, parent_reply_at, parent_visit_at. Every type
// takes note. Times are RFC 3339 with an offset.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.hpp"
#include "rules/work_order.hpp"

namespace hearth::adapters::json {

/// Reads an event. invalid_argument naming the field: not an object, an unknown key, a key of
/// another type, a missing or unknown type, a time without an offset, a wrong JSON type. A
/// client (`from_client`) may not send by_parent, parent_reply_at or parent_visit_at (the system
/// closes a parent's children). The actor is not part of the body.
Result<rules::OrderEvent> OrderEventFromJson(const nlohmann::json& j, bool from_client);
/// Only the fields that are set (and type, at).
nlohmann::ordered_json OrderEventToJson(const rules::OrderEvent& e);

/// A deadline: {"due","basis","calendar_incomplete","from","status",["met_at"]} as the order
/// shows it at `now`.
nlohmann::ordered_json DeadlineToJson(const rules::DeadlineStatus& d, Instant now);

/// The projection's deadlines as stored (every field, exact).
std::string DeadlinesToText(const std::vector<rules::DeadlineStatus>& deadlines);
Result<std::vector<rules::DeadlineStatus>> DeadlinesFromText(const std::string& text);

}  // namespace hearth::adapters::json

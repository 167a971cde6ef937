// JSON of the monitoring data (issue 5): the per-room detail of a household-day, as the API shows
// it and as the stores keep it (household_days.rooms_json).
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "ports/monitoring_store.hpp"

namespace hearth::adapters::json {

/// [{"room":"主卧","kind":"bedroom","valid_hours":24,"counted":true,"value":18.3}, …]: value is
/// the room's daily value in °C, null when the room did not count. `Json` is nlohmann::json
/// (keys sorted) or nlohmann::ordered_json (keys in this order).
template <class Json>
Json RoomSummariesJson(std::span<const ports::RoomSummary> rooms) {
  Json out = Json::array();
  for (const ports::RoomSummary& r : rooms) {
    out.push_back(
        {{"room", r.room},
         {"kind", rules::RoomKindName(r.kind)},
         {"valid_hours", r.valid_hours},
         {"counted", r.counted},
         {"value", r.value ? Json(static_cast<double>(*r.value) / 10.0) : Json(nullptr)}});
  }
  return out;
}

/// The stored text of `rooms` (RoomSummariesJson, compact).
std::string RoomSummariesToText(std::span<const ports::RoomSummary> rooms);

/// The inverse of RoomSummariesToText. Error (internal, naming the key): stored text that is not
/// such a list, which only a broken database holds.
Result<std::vector<ports::RoomSummary>> RoomSummariesFromText(std::string_view text);

/// Reads one room of RoomSummariesJson (shared by the ledger's decoder).
Result<ports::RoomSummary> RoomSummaryFromJson(const nlohmann::json& j);

}  // namespace hearth::adapters::json

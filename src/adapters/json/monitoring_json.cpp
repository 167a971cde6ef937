#include "adapters/json/monitoring_json.hpp"

#include <cmath>

namespace hearth::adapters::json {

std::string RoomSummariesToText(std::span<const ports::RoomSummary> rooms) {
  return RoomSummariesJson<nlohmann::ordered_json>(rooms).dump();
}

Result<ports::RoomSummary> RoomSummaryFromJson(const nlohmann::json& j) {
  auto bad = [](const std::string& what) {
    return Error::Internal("a stored room summary is malformed: " + what);
  };
  if (!j.is_object()) return bad("not an object");
  ports::RoomSummary r;
  auto room = j.find("room");
  auto kind = j.find("kind");
  auto hours = j.find("valid_hours");
  auto counted = j.find("counted");
  auto value = j.find("value");
  if (room == j.end() || !room->is_string()) return bad("room");
  if (kind == j.end() || !kind->is_string()) return bad("kind");
  if (hours == j.end() || !hours->is_number_integer()) return bad("valid_hours");
  if (counted == j.end() || !counted->is_boolean()) return bad("counted");
  if (value == j.end() || !(value->is_null() || value->is_number())) return bad("value");
  auto parsed_kind = rules::ParseRoomKind(kind->get<std::string>());
  if (!parsed_kind) return bad("kind");
  r.room = room->get<std::string>();
  r.kind = *parsed_kind;
  r.valid_hours = hours->get<int>();
  r.counted = counted->get<bool>();
  if (value->is_number()) {
    r.value = static_cast<rules::Tenths>(std::llround(value->get<double>() * 10.0));
  }
  return r;
}

Result<std::vector<ports::RoomSummary>> RoomSummariesFromText(std::string_view text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_array()) {
    return Error::Internal("a stored list of room summaries is not a JSON array");
  }
  std::vector<ports::RoomSummary> rooms;
  rooms.reserve(j.size());
  for (const auto& item : j) {
    auto r = RoomSummaryFromJson(item);
    if (!r.ok()) return r.error();
    rooms.push_back(std::move(*r));
  }
  return rooms;
}

}  // namespace hearth::adapters::json

#include "adapters/json/monitoring_json.hpp"

#include <simdjson.h>

#include <cmath>

namespace hearth::adapters::json {
namespace {

// What both readers below hold a stored room to: a day has 0..24 valid hours, and a value in °C
// is kept in tenths.
Error Malformed(const std::string& what) {
  return Error::Internal("a stored room summary is malformed: " + what);
}
bool ValidHoursOk(int64_t hours) { return hours >= 0 && hours <= 24; }
rules::Tenths TenthsOf(double celsius) {
  return static_cast<rules::Tenths>(std::llround(celsius * 10.0));
}

}  // namespace

std::string RoomSummariesToText(std::span<const ports::RoomSummary> rooms) {
  return RoomSummariesJson<nlohmann::ordered_json>(rooms).dump();
}

Result<ports::RoomSummary> RoomSummaryFromJson(const nlohmann::json& j) {
  if (!j.is_object()) return Malformed("not an object");
  ports::RoomSummary r;
  auto room = j.find("room");
  auto kind = j.find("kind");
  auto hours = j.find("valid_hours");
  auto counted = j.find("counted");
  auto value = j.find("value");
  if (room == j.end() || !room->is_string()) return Malformed("room");
  if (kind == j.end() || !kind->is_string()) return Malformed("kind");
  if (hours == j.end() || !hours->is_number_integer() || !ValidHoursOk(hours->get<int64_t>())) {
    return Malformed("valid_hours");
  }
  if (counted == j.end() || !counted->is_boolean()) return Malformed("counted");
  if (value == j.end() || !(value->is_null() || value->is_number())) return Malformed("value");
  auto parsed_kind = rules::ParseRoomKind(kind->get<std::string>());
  if (!parsed_kind) return Malformed("kind");
  r.room = room->get<std::string>();
  r.kind = *parsed_kind;
  r.valid_hours = hours->get<int>();
  r.counted = counted->get<bool>();
  if (value->is_number()) {
    r.value = TenthsOf(value->get<double>());
  }
  return r;
}

// Read with simdjson: the judging of a day reads every stored day of its season, so this runs
// for each household-day behind an alert, an indicator or a refund (about 60% of the CPU of
// GET /api/v1/alerts went to nlohmann's DOM of these lists).
Result<std::vector<ports::RoomSummary>> RoomSummariesFromText(std::string_view text) {
  namespace od = simdjson::ondemand;
  const Error not_array = Error::Internal("a stored list of room summaries is not a JSON array");
  thread_local od::parser parser;
  const simdjson::padded_string padded(text);
  od::document doc;
  od::array items;
  if (parser.iterate(padded).get(doc) || doc.get_array().get(items)) return not_array;
  std::vector<ports::RoomSummary> rooms;
  for (auto element : items) {
    od::object object;
    if (element.get_object().get(object)) return Malformed("not an object");
    ports::RoomSummary r;
    bool room = false, kind = false, hours = false, counted = false, value = false;
    for (auto field : object) {
      std::string_view key;
      if (field.unescaped_key().get(key)) return Malformed("not an object");
      od::value v;
      if (field.value().get(v)) return Malformed(std::string(key));
      if (key == "room") {
        std::string_view s;
        if (v.get_string().get(s)) return Malformed("room");
        r.room = std::string(s);
        room = true;
      } else if (key == "kind") {
        std::string_view s;
        if (v.get_string().get(s)) return Malformed("kind");
        auto parsed = rules::ParseRoomKind(s);
        if (!parsed) return Malformed("kind");
        r.kind = *parsed;
        kind = true;
      } else if (key == "valid_hours") {
        int64_t n = 0;
        if (v.get_int64().get(n) || !ValidHoursOk(n)) return Malformed("valid_hours");
        r.valid_hours = static_cast<int>(n);
        hours = true;
      } else if (key == "counted") {
        if (v.get_bool().get(r.counted)) return Malformed("counted");
        counted = true;
      } else if (key == "value") {
        bool null = false;
        if (v.is_null().get(null)) return Malformed("value");
        double d = 0;
        if (!null && v.get_double().get(d)) return Malformed("value");
        if (!null) r.value = TenthsOf(d);
        value = true;
      }
    }
    if (!room) return Malformed("room");
    if (!kind) return Malformed("kind");
    if (!hours) return Malformed("valid_hours");
    if (!counted) return Malformed("counted");
    if (!value) return Malformed("value");
    rooms.push_back(std::move(r));
  }
  // Anything after the array (current_location is out of bounds only at the end).
  if (const char* rest = nullptr; !doc.current_location().get(rest) && rest != nullptr) {
    return not_array;
  }
  return rooms;
}

}  // namespace hearth::adapters::json

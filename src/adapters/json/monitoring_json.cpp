#include "adapters/json/monitoring_json.hpp"

#include <nlohmann/json.hpp>

namespace hearth::adapters {

std::string RoomDaysToJson(std::span<const rules::RoomDay> rooms) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const rules::RoomDay& r : rooms) {
    nlohmann::ordered_json value = nullptr;
    if (r.counted && r.mean) value = rules::RoundToTenths(*r.mean) / 10.0;
    out.push_back({{"room", r.room},
                   {"kind", rules::RoomKindName(r.kind)},
                   {"valid_hours", r.valid_hours},
                   {"counted", r.counted},
                   {"value", value}});
  }
  return out.dump();
}

}  // namespace hearth::adapters

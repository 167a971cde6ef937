// JSON of the monitoring data (issue 5): the per-room detail stored with a household-day.
#pragma once

#include <span>
#include <string>

#include "rules/temperature.hpp"

namespace hearth::adapters {

/// [{"room":"主卧","kind":"bedroom","valid_hours":24,"counted":true,"value":18.3}, …]: value is
/// the room's daily value rounded to tenths (°C), null when the room did not count.
std::string RoomDaysToJson(std::span<const rules::RoomDay> rooms);

}  // namespace hearth::adapters

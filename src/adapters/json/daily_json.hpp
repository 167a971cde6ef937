// JSON of the daily-value calculator (R-TEMP-3), shared by `hearth calc daily` and
// POST /api/v1/calc/daily so that both print the same.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "rules/temperature.hpp"

namespace hearth::adapters::json {

/// {"days":[{"date":"2025-12-01","value":18.3},{"date":"2025-12-02","value":null},…]} in the
/// order given (date order from rules::DailyValues); value in °C with one decimal, null when no
/// guaranteed room counted that day.
nlohmann::ordered_json DailyValuesToJson(const std::vector<rules::DailyValue>& days);

}  // namespace hearth::adapters::json

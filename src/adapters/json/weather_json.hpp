// Outdoor daily means (R-TEMP-1) as JSON: [{"district_id":3,"date":"2025-12-01","mean":-6.3}].
#pragma once

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "ports/monitoring_store.hpp"

namespace hearth::adapters::json {

/// Parses the array; the first bad item is the error (invalid_argument, field "item N" with N
/// from 0, the message naming the key). Unknown keys are rejected. `mean` is a JSON number (or
/// decimal text) with at most one decimal.
Result<std::vector<ports::OutdoorMean>> ParseWeatherJson(std::string_view body);

}  // namespace hearth::adapters::json

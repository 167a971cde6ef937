// Outdoor daily means (R-TEMP-1) as sent: CSV `district_id,date,mean` (adapters/csv) or JSON
// [{"district_id":3,"date":"2025-12-01","mean":-6.3}] (adapters/json/weather_json.hpp).
#pragma once

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "ports/monitoring_store.hpp"

namespace hearth::adapters::csv {

/// Parses the CSV; every row must be good: the first bad one is the error (invalid_argument,
/// "line L, column C (name): …"). `mean` is °C with at most one decimal; `date` YYYY-MM-DD;
/// district_id a positive integer. The districts' existence is checked by the store.
Result<std::vector<ports::OutdoorMean>> ParseWeatherCsv(std::string_view text);

/// A mean of either format: °C as decimal text with at most one decimal, in -90.0..60.0.
/// invalid_argument otherwise (the caller adds where it was).
Result<rules::Tenths> ParseMeanTenths(std::string_view text);

}  // namespace hearth::adapters::csv

#include "adapters/json/weather_json.hpp"

#include <nlohmann/json.hpp>

#include "adapters/csv/weather_csv.hpp"
#include "adapters/json/json_input.hpp"

namespace hearth::adapters::json {

Result<std::vector<ports::OutdoorMean>> ParseWeatherJson(std::string_view body) {
  auto parsed = ParseInput(body);
  if (!parsed.ok()) return parsed.error();
  nlohmann::json& j = *parsed;
  if (!j.is_array()) {
    return Error::InvalidArgument(
        "the body must be a JSON array of {\"district_id\",\"date\",\"mean\"}", "body");
  }
  if (j.empty()) return Error::InvalidArgument("no items", "body");
  std::vector<ports::OutdoorMean> out;
  for (size_t i = 0; i < j.size(); ++i) {
    const auto& item = j[i];
    const std::string field = "item " + std::to_string(i);
    auto bad = [&](const std::string& why) {
      return Error::InvalidArgument(field + ": " + why, field);
    };
    if (!item.is_object()) return bad("must be an object");
    for (const auto& [key, value] : item.items()) {
      if (key != "district_id" && key != "date" && key != "mean") {
        return bad("unknown key '" + key + "'");
      }
    }
    if (!item.contains("district_id") || !item["district_id"].is_number_unsigned() ||
        item["district_id"].get<uint64_t>() == 0 ||
        item["district_id"].get<uint64_t>() > uint64_t{1} << 62) {
      return bad("district_id must be a district's id");
    }
    if (!item.contains("date") || !item["date"].is_string()) return bad("date must be YYYY-MM-DD");
    auto date = ParseDate(item["date"].get<std::string>());
    if (!date.ok()) return bad("date: " + date.error().message);
    if (!item.contains("mean") || !(item["mean"].is_number() || item["mean"].is_string())) {
      return bad("mean must be a number (°C, at most one decimal)");
    }
    // The number's own text, so that -6.3 is exactly -63 tenths.
    const std::string text =
        item["mean"].is_string() ? item["mean"].get<std::string>() : item["mean"].dump();
    auto mean = csv::ParseMeanTenths(text);
    if (!mean.ok()) return bad("mean: " + mean.error().message);
    out.push_back({static_cast<int64_t>(item["district_id"].get<uint64_t>()), *date, *mean});
  }
  return out;
}

}  // namespace hearth::adapters::json

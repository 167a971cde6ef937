#include "adapters/json/daily_json.hpp"

namespace hearth::adapters::json {

nlohmann::ordered_json DailyValuesToJson(const std::vector<rules::DailyValue>& days) {
  auto list = nlohmann::ordered_json::array();
  for (const rules::DailyValue& d : days) {
    nlohmann::ordered_json day;
    day["date"] = FormatDate(d.date);
    // tenths / 10.0 is the double nearest the decimal, which prints back as "18.3" / "18.0".
    if (d.value) {
      day["value"] = static_cast<double>(*d.value) / 10.0;
    } else {
      day["value"] = nullptr;
    }
    list.push_back(std::move(day));
  }
  nlohmann::ordered_json out;
  out["days"] = std::move(list);
  return out;
}

}  // namespace hearth::adapters::json

#include "adapters/json/sample_plan_json.hpp"

#include <cstdlib>
#include <limits>

namespace hearth::adapters::json {
namespace {

nlohmann::ordered_json Counts(const rules::DimensionCounts& d) {
  using rules::SampleDimension;
  nlohmann::ordered_json j;
  auto add = [&](SampleDimension dim, const auto& values) {
    nlohmann::ordered_json o;
    for (size_t v = 0; v < values.size(); ++v) o[std::string(rules::ValueName(dim, v))] = values[v];
    j[std::string(rules::DimensionName(dim))] = std::move(o);
  };
  add(SampleDimension::kPosition, d.position);
  add(SampleDimension::kOrientation, d.orientation);
  add(SampleDimension::kFloor, d.floor);
  return j;
}

}  // namespace

std::string FormatAreaM2(rules::AreaUnits area) {
  const bool negative = area < 0;
  if (negative) area = -area;
  std::string whole;
  for (rules::AreaUnits w = area / rules::kAreaUnitsPerM2; w > 0 || whole.empty(); w /= 10) {
    whole.insert(whole.begin(), static_cast<char>('0' + static_cast<int>(w % 10)));
  }
  auto frac = static_cast<int64_t>(area % rules::kAreaUnitsPerM2);
  std::string text = (negative ? "-" : "") + whole;
  if (frac != 0) {
    std::string digits = std::to_string(frac);
    digits.insert(0, 9 - digits.size(), '0');
    while (digits.back() == '0') digits.pop_back();
    text += "." + digits;
  }
  return text;
}

nlohmann::ordered_json SamplePlanToJson(const rules::SamplePlan& plan,
                                        std::span<const rules::SampleHousehold> households) {
  nlohmann::ordered_json j;
  j["households"] = plan.households;
  if (plan.total_area % rules::kAreaUnitsPerM2 == 0 &&
      plan.total_area / rules::kAreaUnitsPerM2 <= std::numeric_limits<int64_t>::max()) {
    j["total_area_m2"] = static_cast<int64_t>(plan.total_area / rules::kAreaUnitsPerM2);
  } else {
    j["total_area_m2"] = std::strtod(FormatAreaM2(plan.total_area).c_str(), nullptr);
  }
  j["rate_percent"] = plan.size.percent;
  j["required"] = plan.size.required;
  j["quotas"] = Counts(plan.quotas);
  j["achieved"] = Counts(plan.achieved);
  nlohmann::ordered_json selected = nlohmann::ordered_json::array();
  for (size_t i : plan.selected) selected.push_back(households[i].id);
  j["selected"] = std::move(selected);
  nlohmann::ordered_json shortfalls = nlohmann::ordered_json::array();
  for (const auto& s : plan.shortfalls) {
    nlohmann::ordered_json o;
    o["dimension"] = std::string(rules::DimensionName(s.dimension));
    o["value"] = std::string(rules::ValueName(s.dimension, s.value));
    o["missing"] = s.missing;
    shortfalls.push_back(std::move(o));
  }
  j["shortfalls"] = std::move(shortfalls);
  return j;
}

std::string SamplePlanSummary(const rules::SamplePlan& plan,
                              std::span<const rules::SampleHousehold> households) {
  nlohmann::ordered_json j = SamplePlanToJson(plan, households);
  j.erase("selected");
  return j.dump();
}

}  // namespace hearth::adapters::json

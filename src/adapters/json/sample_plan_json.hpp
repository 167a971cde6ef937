// JSON mapping of sampling plans (R-SAMPLE-1..3), shared by `hearth calc sample-plan` and
// POST /api/v1/calc/sample-plan so that both print the same:
//
//   {"households":N,"total_area_m2":A,"rate_percent":R,"required":K,
//    "quotas":{"position":{"near":…,"middle":…,"far":…},"orientation":{"shade":…,"sun":…},
//              "floor":{"upper":…,"middle":…,"lower":…}},
//    "achieved":{same shape},"selected":["id",…],
//    "shortfalls":[{"dimension":"floor","value":"upper","missing":3}]}
//
// total_area_m2 is the exact sum: an integer when it is whole, else a number printed as the
// shortest text that reads back as the same double (the exact decimal up to 15 significant
// digits). selected lists ids in file order.
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>

#include "rules/sampling.hpp"

namespace hearth::adapters::json {

/// "25920.5": an area in exact decimal text, without trailing zeros.
std::string FormatAreaM2(rules::AreaUnits area);

/// `households` are the plan's input (selected indices refer to them).
nlohmann::ordered_json SamplePlanToJson(const rules::SamplePlan& plan,
                                        std::span<const rules::SampleHousehold> households);

/// The same without "selected", as text: an adopted plan's summary (R-SAMPLE-3; its points hold
/// the selection).
std::string SamplePlanSummary(const rules::SamplePlan& plan,
                              std::span<const rules::SampleHousehold> households);

}  // namespace hearth::adapters::json

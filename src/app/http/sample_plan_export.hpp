// A company's sampling plan (services/company_sample_plan.hpp, R-SAMPLE-1..3) as the console's
// 采样方案 exports it:
// - CSV (UTF-8, RFC 4180, one header line): the selected households, one per line, in id order:
//   household_id,code,address,community,building,floor,floor_tier,network_position,
//   position_derived,orientation,area_m2,has_sensor (tier, position and orientation by their wire
//   names; booleans true/false; area_m2 with two decimals);
// - xlsx: 配额与缺口 (each dimension's value: 配额, 已选, 缺口) and 采样住户 (the same households as
//   the CSV, Chinese headers).
#pragma once

#include <string>

#include "core/result.hpp"
#include "services/company_sample_plan.hpp"

namespace hearth::app::http {

std::string SamplePlanCsv(const services::CompanySamplePlan& plan);
Result<std::string> SamplePlanXlsx(const services::CompanySamplePlan& plan);

/// "sample-plan-<company code>-seed-<seed>" (+ ".csv" or ".xlsx").
std::string SamplePlanFileStem(const services::CompanySamplePlan& plan);

}  // namespace hearth::app::http

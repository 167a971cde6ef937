// A company's sampling plan (services/company_sample_plan.hpp, R-SAMPLE-1..3) as the console's
// 采样方案 exports it:
// - CSV (UTF-8, RFC 4180, one header line): the selected households, one per line, in id order:
//   household_id,code,address,community,building,floor,floor_tier,network_position,
//   position_derived,orientation,area_m2,has_sensor (tier, position and orientation by their wire
//   names; booleans true/false; area_m2 with two decimals);
// - xlsx: 配额与缺口 (each dimension's value: 配额, 已选, 缺口) and 采样住户 (the same households as
//   the CSV, Chinese headers).
// An adopted plan as followed today (services/sample_plan_adoption.hpp, R-SAMPLE-3), for the
// 已采用方案 tab's export and a technician's round sheet:
// - CSV: its points, one per line, by id:
//   point_id,household_id,household_code,address,method,network_position,orientation,floor_tier,
//   collect_on,staff,status,collected_on,collected_by (enums by their wire names, days as
//   YYYY-MM-DD, empty for none);
// - xlsx: 采样点位, the same points with Chinese headers and values, under a note of the season,
//   the window, today and the plan's counts by status.
#pragma once

#include <optional>
#include <string>

#include "core/result.hpp"
#include "services/company_sample_plan.hpp"
#include "services/sample_plan_adoption.hpp"

namespace hearth::app::http {

std::string SamplePlanCsv(const services::CompanySamplePlan& plan);
Result<std::string> SamplePlanXlsx(const services::CompanySamplePlan& plan);

/// "sample-plan-<company code>-seed-<seed>" (+ ".csv" or ".xlsx").
std::string SamplePlanFileStem(const services::CompanySamplePlan& plan);

std::string FollowUpCsv(const services::PlanFollowUp& followed);
/// `staff`: the technician the points were narrowed to, if any (said in the note).
Result<std::string> FollowUpXlsx(const services::PlanFollowUp& followed,
                                 const std::optional<std::string>& staff);

/// "sample-plan-<plan id>-<season>" and "-<staff>" when narrowed (+ ".csv" or ".xlsx").
std::string FollowUpFileStem(const services::PlanFollowUp& followed,
                             const std::optional<std::string>& staff);

}  // namespace hearth::app::http

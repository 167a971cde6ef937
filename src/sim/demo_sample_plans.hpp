// The demo city's adopted sampling plans (R-SAMPLE-3): each company adopts its season's plan
// (seed 0) through SamplePlanAdoptionService, its visits scheduled over the season's official
// days among the company's demo technician, so that 采样方案 shows a plan being followed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/result.hpp"
#include "ports/record_store.hpp"
#include "services/company_sample_plan.hpp"
#include "services/policy_registry.hpp"
#include "services/sample_plan_adoption.hpp"

namespace hearth::sim {

struct DemoSamplePlanSummary {
  int64_t plans = 0, points = 0, visits = 0;
};

/// A drawn plan's summary as the API stores it (adapters/json/sample_plan_json.hpp).
using PlanSummary = std::function<std::string(const services::CompanySamplePlan&)>;

/// For `season`; the technician of company `code` is "demo-<code>-technician".
Result<DemoSamplePlanSummary> GenerateDemoSamplePlans(
    ports::RecordStore& records, const services::PolicyRegistry& policies,
    const services::CompanySamplePlanService& plans,
    const services::SamplePlanAdoptionService& adoption, const PlanSummary& summarize,
    int season);

}  // namespace hearth::sim

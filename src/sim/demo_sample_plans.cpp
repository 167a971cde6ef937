#include "sim/demo_sample_plans.hpp"

#include "model/resources.hpp"
#include "ports/record_views.hpp"
#include "rules/season.hpp"
#include "services/sample_plan_service.hpp"

namespace hearth::sim {

Result<DemoSamplePlanSummary> GenerateDemoSamplePlans(
    ports::RecordStore& records, const services::PolicyRegistry& policies,
    const services::CompanySamplePlanService& plans,
    const services::SamplePlanAdoptionService& adoption, const PlanSummary& summarize,
    int season) {
  DemoSamplePlanSummary summary;
  auto companies = ports::ListViews<ports::CompanyView>(records);
  if (!companies.ok()) return companies.error();
  for (const ports::CompanyView& c : *companies) {
    auto policy = policies.Find(c.policy);
    if (!policy.ok()) return policy.error();
    const rules::SeasonDates dates = rules::SeasonOf((*policy)->season, season);
    auto drawn = plans.Plan(c.id, services::kDefaultSeed, {});
    if (!drawn.ok()) return drawn.error();
    services::PlanAdoption a;
    a.season = season;
    a.from = dates.official_start;
    a.to = dates.official_end;
    a.staff = {"demo-" + c.code + "-technician"};
    auto plan = adoption.Adopt(*drawn, a, summarize(*drawn), "demo");
    if (!plan.ok()) return plan.error();
    ++summary.plans;
    summary.points += static_cast<int64_t>(drawn->plan.selected.size());
    for (size_t i : drawn->plan.selected) summary.visits += drawn->households[i].has_sensor ? 0 : 1;
  }
  return summary;
}

}  // namespace hearth::sim

// GET /api/v1/sample-plan?company=&seed=&format=json|csv|xlsx: a company's season sampling plan
// from its stored households (services/company_sample_plan.hpp, R-SAMPLE-1..3). For the
// company's manager and technicians (their own company), the admin and the regulator (company
// required). The JSON is the calculator's (adapters/json/sample_plan_json.hpp; `selected` lists
// household ids) with the company, the seed (as text: it may pass 2^53), generated_at and
// `selected_households`, each with where it is and why it counts where it does.
#pragma once

#include "adapters/http/router.hpp"
#include "ports/record_store.hpp"
#include "services/auth_service.hpp"
#include "services/company_sample_plan.hpp"
#include "services/job_runner.hpp"
#include "services/sample_plan_adoption.hpp"

namespace hearth::app::http {

/// Also POST /api/v1/sample-plan (R-SAMPLE-3): adopt the plan GET previews (same company and
/// seed) for a season, its visits scheduled over a window among the company's technicians;
/// 201 with the sample_plans record, or with async=true 202 and a job of kind sample-plan.
void AddSamplePlanRoutes(adapters::http::Router& router,
                         const services::CompanySamplePlanService& plans,
                         const services::SamplePlanAdoptionService& adoption,
                         ports::RecordStore& records, services::AuthService& auth,
                         services::JobRunner& jobs);

/// GET /api/v1/sample_plans/{id}/follow-up: whether the adopted plan is followed, point by point
/// (app/http/sample_plan_follow_up.cpp). POST /api/v1/sample_points/{id}/reschedule: a manual
/// point's day and technician, changed by the manager.
void AddSamplePlanFollowUpRoutes(adapters::http::Router& router,
                                 const services::SamplePlanAdoptionService& adoption,
                                 services::AuthService& auth);

}  // namespace hearth::app::http

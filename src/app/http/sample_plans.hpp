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

namespace hearth::app::http {

void AddSamplePlanRoutes(adapters::http::Router& router,
                         const services::CompanySamplePlanService& plans,
                         ports::RecordStore& records, services::AuthService& auth);

}  // namespace hearth::app::http

// POST /api/v1/calc/sample-plan?policy=&seed= with the households CSV as the body.
#include "adapters/json/sample_plan_json.hpp"
#include "app/api/routes.hpp"
#include "services/sample_plan_service.hpp"

namespace hearth::app::api {

void AddCalcSamplePlanRoutes(http::Router& router, const services::PolicyRegistry& policies) {
  router.Add("POST", "/api/v1/calc/sample-plan", [&policies](const http::Request& req) {
    if (auto s = http::OnlyParams(req, {"policy", "seed"}); !s.ok()) {
      return http::ErrorResponse(s.error());
    }
    if (!req.query.count("policy")) {
      return http::ErrorResponse(Error::InvalidArgument("missing query parameter policy", "policy"));
    }
    services::SamplePlanQuery q;
    q.policy = req.query.at("policy");
    if (auto it = req.query.find("seed"); it != req.query.end()) q.seed = it->second;
    q.households_csv = req.body;
    auto outcome = services::SamplePlanService(policies).Compute(q, /*allow_policy_files=*/false);
    if (!outcome.ok()) return http::ErrorResponse(outcome.error());
    return http::Json(200, adapters::SamplePlanToJson(outcome->plan, outcome->households));
  },
  http::RouteDoc{.summary = "The season's room-temperature sampling plan from a households CSV "
                            "(R-SAMPLE-1..3)",
                 .query = {"policy", "seed"},
                 .request_schema = "csv",
                 .response_schema = "",
                 .list = false});
}

}  // namespace hearth::app::api

// POST /api/v1/calc/sample-plan?policy=&seed= with the households CSV as the body.
#include "adapters/csv/households_csv.hpp"
#include "adapters/json/sample_plan_json.hpp"
#include "app/http/routes.hpp"
#include "services/sample_plan_service.hpp"

namespace hearth::app::http {

void AddCalcSamplePlanRoutes(adapters::http::Router& router,
                             const services::PolicyRegistry& policies) {
  router.Add(
      "POST", "/api/v1/calc/sample-plan",
      [&policies](const adapters::http::Request& req) {
        if (auto s = adapters::http::OnlyParams(req, {"policy", "seed"}); !s.ok()) {
          return adapters::http::ErrorResponse(s.error());
        }
        if (!req.query.count("policy")) {
          return adapters::http::ErrorResponse(
              Error::InvalidArgument("missing query parameter policy", "policy"));
        }
        services::SamplePlanQuery q;
        q.policy = req.query.at("policy");
        if (auto it = req.query.find("seed"); it != req.query.end()) q.seed = it->second;
        q.households_csv = req.body;
        auto outcome = services::SamplePlanService(policies, adapters::csv::ParseHouseholdsCsv)
                           .Compute(q, /*allow_policy_files=*/false);
        if (!outcome.ok()) return adapters::http::ErrorResponse(outcome.error());
        return adapters::http::Json(
            200, adapters::json::SamplePlanToJson(outcome->plan, outcome->households));
      },
      adapters::http::RouteDoc{
          .summary = "The season's room-temperature sampling plan from a households CSV "
                     "(R-SAMPLE-1..3)",
          .query = {"policy", "seed"},
          .request_schema = "csv",
          .response_schema = "SamplePlanCalculation",
          .list = false});
}

}  // namespace hearth::app::http

// POST /api/v1/calc/refund?policy=&season=&fee= with the days CSV as the body.
#include "adapters/json/refund_json.hpp"
#include "app/api/routes.hpp"
#include "services/refund_service.hpp"

namespace hearth::app::api {

void AddCalcRefundRoutes(http::Router& router, const services::PolicyRegistry& policies) {
  router.Add(
      "POST", "/api/v1/calc/refund",
      [&policies](const http::Request& req) {
        if (auto s = http::OnlyParams(req, {"policy", "season", "fee"}); !s.ok()) {
          return http::ErrorResponse(s.error());
        }
        for (const char* name : {"policy", "season", "fee"}) {
          if (!req.query.count(name)) {
            return http::ErrorResponse(
                Error::InvalidArgument(std::string("missing query parameter ") + name, name));
          }
        }
        services::RefundQuery q;
        q.policy = req.query.at("policy");
        q.season = req.query.at("season");
        q.fee = req.query.at("fee");
        q.days_csv = req.body;
        auto outcome = services::RefundService(policies).Compute(q, /*allow_policy_files=*/false);
        if (!outcome.ok()) return http::ErrorResponse(outcome.error());
        return http::Json(200, adapters::RefundToJson(outcome->season, outcome->refund));
      },
      http::RouteDoc{.summary = "The refund of a household-season from a days CSV (R-REFUND-1..4)",
                     .query = {"policy", "season", "fee"},
                     .request_schema = "csv",
                     .response_schema = "",
                     .list = false});
}

}  // namespace hearth::app::api

// POST /api/v1/calc/refund?policy=&season=&fee= with the days CSV as the body.
#include "adapters/csv/refund_days_csv.hpp"
#include "adapters/json/refund_json.hpp"
#include "app/http/routes.hpp"
#include "services/refund_service.hpp"

namespace hearth::app::http {

void AddCalcRefundRoutes(adapters::http::Router& router, const services::PolicyRegistry& policies) {
  router.Add(
      "POST", "/api/v1/calc/refund",
      [&policies](const adapters::http::Request& req) {
        if (auto s = adapters::http::OnlyParams(req, {"policy", "season", "fee"}); !s.ok()) {
          return adapters::http::ErrorResponse(s.error());
        }
        for (const char* name : {"policy", "season", "fee"}) {
          if (!req.query.count(name)) {
            return adapters::http::ErrorResponse(
                Error::InvalidArgument(std::string("missing query parameter ") + name, name));
          }
        }
        services::RefundQuery q;
        q.policy = req.query.at("policy");
        q.season = req.query.at("season");
        q.fee = req.query.at("fee");
        q.days_csv = req.body;
        auto outcome = services::RefundService(policies, adapters::csv::ParseRefundDaysCsv)
                           .Compute(q, /*allow_policy_files=*/false);
        if (!outcome.ok()) return adapters::http::ErrorResponse(outcome.error());
        return adapters::http::Json(200,
                                    adapters::json::RefundToJson(outcome->season, outcome->refund));
      },
      adapters::http::RouteDoc{
          .summary = "The refund of a household-season from a days CSV (R-REFUND-1..4)",
          .query = {"policy", "season", "fee"},
          .request_schema = "csv",
          .response_schema = "RefundCalculation",
          .list = false});
}

}  // namespace hearth::app::http

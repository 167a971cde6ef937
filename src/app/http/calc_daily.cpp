// POST /api/v1/calc/daily[?policy=] with the readings CSV (room,kind,ts,value) as the body:
// the daily values of R-TEMP-3, the same JSON as `hearth calc daily`.
#include "adapters/csv/readings_csv.hpp"
#include "adapters/json/daily_json.hpp"
#include "app/http/routes.hpp"
#include "services/daily_service.hpp"

namespace hearth::app::http {

void AddCalcDailyRoutes(adapters::http::Router& router, const services::PolicyRegistry& policies) {
  router.Add("POST", "/api/v1/calc/daily",
             [&policies](const adapters::http::Request& req) {
               if (auto s = adapters::http::OnlyParams(req, {"policy"}); !s.ok())
                 return adapters::http::ErrorResponse(s.error());
               auto it = req.query.find("policy");
               const std::string policy =
                   it != req.query.end() ? it->second : services::kDefaultDailyPolicy;
               auto days = services::DailyService(policies, adapters::csv::ParseReadingsCsv)
                               .Compute(req.body, policy,
                                        /*allow_policy_files=*/false);
               if (!days.ok()) return adapters::http::ErrorResponse(days.error());
               return adapters::http::Json(200, adapters::json::DailyValuesToJson(*days));
             },
             {.summary = "Daily room-temperature values from sensor readings (R-TEMP-3)",
              .query = {"policy"},
              .request_schema = "csv",
              .response_schema = "DailyValues",
              .list = false});
}

}  // namespace hearth::app::http

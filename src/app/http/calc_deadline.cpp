#include "adapters/json/deadline_json.hpp"
#include "app/http/routes.hpp"

namespace hearth::app::http {
namespace {

Result<bool> ParseBool(const std::string& text, const std::string& field) {
  if (text.empty() || text == "true" || text == "1") return true;
  if (text == "false" || text == "0") return false;
  return Error::InvalidArgument(field + " must be true or false, got '" + text + "'", field);
}

}  // namespace

void AddCalcDeadlineRoutes(adapters::http::Router& router,
                           const services::DeadlineService& deadlines) {
  router.Add(
      "GET", "/api/v1/calc/deadline",
      [&deadlines](const adapters::http::Request& req) {
        if (auto s = adapters::http::OnlyParams(
                req, {"policy", "rule", "channel", "from", "outside_works"});
            !s.ok()) {
          return adapters::http::ErrorResponse(s.error());
        }
        services::DeadlineQuery q;
        for (const char* name : {"policy", "rule", "from"}) {
          if (!req.query.count(name)) {
            return adapters::http::ErrorResponse(
                Error::InvalidArgument(std::string("missing query parameter ") + name, name));
          }
        }
        q.policy = req.query.at("policy");
        q.rule = req.query.at("rule");
        q.from = req.query.at("from");
        // An unencoded '+' of a UTC offset arrives as a space (form decoding): restore it.
        if (q.from.size() > 6 && q.from[q.from.size() - 6] == ' ') q.from[q.from.size() - 6] = '+';
        if (auto it = req.query.find("channel"); it != req.query.end()) q.channel = it->second;
        if (auto it = req.query.find("outside_works"); it != req.query.end()) {
          auto b = ParseBool(it->second, "outside_works");
          if (!b.ok()) return adapters::http::ErrorResponse(b.error());
          q.outside_works = *b;
        }
        auto outcome = deadlines.Compute(q, /*allow_policy_files=*/false);
        if (!outcome.ok()) return adapters::http::ErrorResponse(outcome.error());
        return adapters::http::Json(
            200, adapters::json::DeadlineToJson(outcome->request, outcome->answer));
      },
      {.summary = "A statutory deadline (R-WO, R-REPAIR, R-OUT, R-REFUND-6, R-INS-1, R-CONN-1)",
       .query = {"policy", "rule", "channel", "from", "outside_works"},
       .request_schema = "",
       .response_schema = "DeadlineAnswer",
       .list = false});
}

}  // namespace hearth::app::http

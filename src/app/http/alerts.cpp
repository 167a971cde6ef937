// GET /api/v1/alerts (services/alert_service.hpp).
#include <nlohmann/json.hpp>

#include "app/http/monitoring.hpp"
#include "app/http/paging.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::ordered_json;

ordered_json AlertJson(const services::Alert& a) {
  ordered_json details{{"message", a.details}};
  if (a.day) {
    details["date"] = FormatDate(a.day->date);
    details["value"] = a.day->value ? ordered_json(*a.day->value / 10.0) : ordered_json(nullptr);
    details["guarantee"] =
        a.day->guarantee ? ordered_json(*a.day->guarantee / 10.0) : ordered_json(nullptr);
    details["share_percent"] = a.day->share_percent;
    details["evidence"] = rules::EvidenceSourceName(a.day->source);
  }
  if (a.sensor_id) {
    details["last_reading"] =
        a.last_reading ? ordered_json(FormatLocal(*a.last_reading)) : ordered_json(nullptr);
  }
  if (a.last_value) details["last_value"] = static_cast<double>(*a.last_value) / 1000.0;
  return {{"kind", a.kind},
          {"company_id", a.company_id},
          {"household_id", a.household_id},
          {"household", a.household_code},
          {"sensor_id", a.sensor_id ? ordered_json(*a.sensor_id) : ordered_json(nullptr)},
          {"sensor", a.sensor_id ? ordered_json(a.sensor_code) : ordered_json(nullptr)},
          {"details", std::move(details)}};
}

Result<int64_t> Number(const std::string& key, const std::string& v) {
  auto n = adapters::http::ParseDigits(v, 9);
  if (!n) return Error::InvalidArgument(key + " must be a whole number", key);
  return *n;
}

adapters::http::Response Get(const adapters::http::Request& req,
                             const services::AlertService& alerts, services::AuthService& auth) {
  auto p = RequirePrincipal(req, auth);
  if (!p.ok()) return AuthErrorResponse(p.error());
  if (p->role == rules::Role::kHousehold) {
    return adapters::http::ErrorResponse(
        Error::PermissionDenied("alerts are for company staff and regulators"));
  }
  if (auto s = adapters::http::OnlyParams(req, {"silent_hours", "company_id", "cursor", "limit"});
      !s.ok()) {
    return adapters::http::ErrorResponse(s.error());
  }
  auto page = ReadPage(req);
  if (!page.ok()) return adapters::http::ErrorResponse(page.error());
  int silent_hours = 24;
  std::optional<int64_t> company = services::ScopeOf(*p).company_id;
  for (const auto& [key, value] : req.query) {
    auto n = Number(key, value);
    if (!n.ok()) return adapters::http::ErrorResponse(n.error());
    if (key == "silent_hours") silent_hours = static_cast<int>(*n);
    if (key == "company_id") {
      // A company role asking for another company sees nothing, as with lists.
      if (company && *company != *n) {
        return adapters::http::Json(200, PageJson(ordered_json::array(), std::nullopt));
      }
      company = *n;
    }
  }
  auto list = alerts.Alerts(company, silent_hours);
  if (!list.ok()) return adapters::http::ErrorResponse(list.error());
  ordered_json items = ordered_json::array();
  for (const auto& a : *list) items.push_back(AlertJson(a));
  return adapters::http::Json(200, PositionPage(items, *page));
}

}  // namespace

void AddAlertRoutes(adapters::http::Router& router, const services::AlertService& alerts,
                    services::AuthService& auth) {
  router.Add(
      "GET", "/api/v1/alerts",
      [&alerts, &auth](const adapters::http::Request& req) { return Get(req, alerts, auth); },
      {.summary = "Alerts: households unqualified today (R-TEMP-5), sensors silent for more "
                  "than silent_hours (default 24) or never heard, and sensors whose last "
                  "reading is outside R-TEMP-3's valid range (company staff: their company; "
                  "admin, regulator: all, or ?company_id=)",
       .query = {"silent_hours", "company_id", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "",
       .list = true});
}

}  // namespace hearth::app::http

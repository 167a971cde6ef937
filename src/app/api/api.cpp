#include "app/api/api.hpp"

#include "app/api/import.hpp"
#include "app/api/monitoring.hpp"
#include "app/api/openapi.hpp"
#include "app/api/readings.hpp"
#include "app/api/routes.hpp"
#include "app/api/refunds.hpp"
#include "app/api/usage_rates.hpp"
#include "rules/access.hpp"

namespace hearth::app::api {

Authorizer MakeAuthorizer(services::AuthService& auth) {
  return [&auth](const http::Request& req, const model::Resource& r, Verb verb) -> Result<Access> {
    auto p = RequirePrincipal(req, auth);
    if (!p.ok()) return p.error();
    bool allowed = verb == Verb::kRead ? rules::MayRead(p->role, r) : rules::MayWrite(p->role, r);
    if (!allowed) {
      return Error{ErrorCode::kPermissionDenied,
                   "role " + std::string(rules::RoleName(p->role)) + " may not " +
                       (verb == Verb::kRead ? "read " : "change ") + r.name,
                   "", ""};
    }
    services::Principal principal = *p;
    return Access{services::ScopeOf(principal), principal.username,
                  [principal](const model::Resource& res, ports::Record& rec) {
                    services::MaskRecord(principal, res, rec);
                  }};
  };
}

namespace {

// GET /api/v1/audit: admin and regulator only (W 12.1: changes are recorded and reviewable).
void AddAuditRoute(http::Router& router, ports::RecordStore& store, services::AuthService& auth) {
  router.Add(
      "GET", "/api/v1/audit",
      [&store, &auth](const http::Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        if (p->role != rules::Role::kAdmin && p->role != rules::Role::kRegulator) {
          return http::ErrorResponse(
              {ErrorCode::kPermissionDenied, "the audit log is for admins and regulators", "", ""});
        }
        if (auto s = http::OnlyParams(req, {"before", "limit"}); !s.ok()) {
          return http::ErrorResponse(s.error());
        }
        std::optional<int64_t> before;
        int limit = 100;
        for (const auto& [key, value] : req.query) {
          auto n = http::ParseDigits(value);
          if (!n) return http::ErrorResponse(Error::InvalidArgument(key + " must be a number", key));
          if (key == "before") before = *n;
          if (key == "limit") limit = static_cast<int>(std::min<int64_t>(*n, 1000));
        }
        auto entries = store.Audit(before, limit);
        if (!entries.ok()) return http::ErrorResponse(entries.error());
        nlohmann::ordered_json items = nlohmann::ordered_json::array();
        for (const auto& e : *entries) {
          auto parse = [](const std::string& text) {
            return text.empty() ? nlohmann::ordered_json(nullptr)
                                : nlohmann::ordered_json::parse(text, nullptr, false);
          };
          items.push_back({{"id", e.id}, {"at", e.at}, {"actor", e.actor}, {"action", e.action},
                           {"resource", e.resource},
                           {"record_id", e.record_id ? nlohmann::ordered_json(*e.record_id)
                                                     : nlohmann::ordered_json(nullptr)},
                           {"before", parse(e.before_json)}, {"after", parse(e.after_json)}});
        }
        nlohmann::ordered_json body{{"items", items}, {"next_cursor", nullptr}};
        if (static_cast<int>(entries->size()) == limit && !entries->empty()) {
          body["next_cursor"] = std::to_string(entries->back().id);
        }
        return http::Json(200, body);
      },
      {.summary = "The audit log, newest first: who changed what, when, before and after "
                  "(admin, regulator); pass next_cursor as ?before=",
       .query = {"before", "limit"}, .request_schema = "", .response_schema = "", .list = true});
}

}  // namespace

void AddApiRoutes(http::Router& router, Runtime& rt) {
  AddHealthRoutes(router, *rt.calendar);
  AddCalendarRoutes(router, *rt.calendar);
  AddAuthRoutes(router, *rt.auth);
  AddCalcDeadlineRoutes(router, *rt.deadlines);
  AddCalcDailyRoutes(router, *rt.policies);
  AddCalcRefundRoutes(router, *rt.policies);
  AddCalcSamplePlanRoutes(router, *rt.policies);
  AddRecordRoutes(router, *rt.records, MakeAuthorizer(*rt.auth));
  AddAuditRoute(router, *rt.records, *rt.auth);
  AddUsageRateRoutes(router, *rt.records, MakeAuthorizer(*rt.auth));
  AddImportRoutes(router, *rt.records, MakeAuthorizer(*rt.auth));  // /api/v1/import/…
  AddReadingRoutes(router, *rt.ingest, *rt.readings, *rt.records, *rt.auth,
                   MakeAuthorizer(*rt.auth), *rt.clock);  // /api/v1/readings, sensors/{id}/…
  // Judging days: weather, measurements, /households/{id}/days, alerts (app/api/monitoring.hpp).
  AddWeatherRoutes(router, *rt.monitoring, *rt.records, *rt.auth);
  AddMeasurementRoutes(router, *rt.measurements, *rt.auth);
  AddDayRoutes(router, *rt.judging, *rt.records, MakeAuthorizer(*rt.auth), *rt.clock);
  AddAlertRoutes(router, *rt.alerts, *rt.auth);
  AddRefundRoutes(router, *rt.refunds, *rt.refund_ledger, *rt.auth);  // /api/v1/refunds…
  AddOpenApiRoute(router);  // last: it documents every route above
}

}  // namespace hearth::app::api

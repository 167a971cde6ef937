#include <algorithm>
#include <optional>

#include "app/http/routes.hpp"

namespace hearth::app::http {
namespace {

Instant Now() {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

nlohmann::ordered_json CalendarStatus(services::CalendarService& calendar) {
  auto cal = calendar.Current();
  nlohmann::ordered_json years = nlohmann::ordered_json::array();
  for (int y : cal->years()) years.push_back(y);
  nlohmann::ordered_json missing = nlohmann::ordered_json::array();
  for (int y : calendar.MissingYears(Now())) missing.push_back(y);
  return {{"years", years}, {"missing_years", missing}};
}

}  // namespace

void AddHealthRoutes(adapters::http::Router& router, services::CalendarService& calendar,
                     std::function<Status()> database) {
  router.Add(
      "GET", "/healthz",
      [&calendar, database = std::move(database)](const adapters::http::Request&) {
        auto status = CalendarStatus(calendar);
        nlohmann::ordered_json warnings = nlohmann::ordered_json::array();
        for (const auto& y : status["missing_years"]) {
          warnings.push_back("the calendar lacks " + std::to_string(y.get<int>()) +
                             ": deadlines in it follow Mon–Fri and are marked calendar_incomplete; "
                             "load the State Council notice with `hearth calendar import`");
        }
        const Status db = database();
        nlohmann::ordered_json db_json = {{"ok", db.ok()}};
        if (!db.ok()) db_json["message"] = db.error().message;
        return adapters::http::Json(db.ok() ? 200 : 503,
                                    {{"status", db.ok() ? "ok" : "unavailable"},
                                     {"database", db_json},
                                     {"calendar", status},
                                     {"warnings", warnings}});
      },
      {.summary = "Liveness, the database, loaded calendar years and the operator's warnings; 503 "
                  "while the database is unavailable",
       .query = {},
       .request_schema = "",
       .response_schema = "Health",
       .list = false,
       .gated = false,
       .same_body = {{503, "the database is unavailable"}}});
}

void AddReadyRoute(adapters::http::Router& router, std::vector<ReadyCheck> checks) {
  router.Add(
      "GET", "/readyz",
      [checks = std::move(checks)](const adapters::http::Request&) {
        nlohmann::ordered_json results = nlohmann::ordered_json::object();
        std::optional<Error> first;
        for (const ReadyCheck& c : checks) {
          const Status s = c.check();
          nlohmann::ordered_json r = {{"ok", s.ok()}};
          if (!s.ok()) {
            r["message"] = s.error().message;
            if (!first) first = s.error();
          }
          results[c.name] = std::move(r);
        }
        nlohmann::ordered_json body = {{"status", first ? "unavailable" : "ready"}};
        if (first) body["message"] = first->message;
        body["checks"] = std::move(results);
        auto resp = adapters::http::Json(first ? 503 : 200, body);
        if (first) {
          resp.headers.emplace_back("Retry-After",
                                    std::to_string(std::max<int64_t>(1, first->retry_after_s)));
        }
        return resp;
      },
      {.summary = "Readiness, for load balancers and probes: the database answers a query, its "
                  "disk has room, the MQTT broker is subscribed to (when configured); 503 with "
                  "Retry-After and what is wrong otherwise",
       .query = {},
       .request_schema = "",
       .response_schema = "Readiness",
       .list = false,
       .gated = false,
       .same_body = {{503, "not ready: what is wrong"}}});
}

void AddCalendarRoutes(adapters::http::Router& router, services::CalendarService& calendar) {
  router.Add("GET", "/api/v1/calendar",
             [&calendar](const adapters::http::Request&) {
               return adapters::http::Json(200, CalendarStatus(calendar));
             },
             {.summary = "Loaded and missing calendar years (R-CAL-1)",
              .query = {},
              .request_schema = "",
              .response_schema = "CalendarStatus",
              .list = false});
}

}  // namespace hearth::app::http

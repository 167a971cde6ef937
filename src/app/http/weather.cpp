// POST /api/v1/weather/daily (R-TEMP-1 outdoor daily means).
#include <cctype>

#include "adapters/csv/weather_csv.hpp"
#include "adapters/json/weather_json.hpp"
#include "app/http/filters.hpp"
#include "app/http/monitoring.hpp"
#include "app/http/paging.hpp"

namespace hearth::app::http {

namespace {

services::WeatherAuthority AuthorityOf(rules::Role role) {
  switch (role) {
    case rules::Role::kAdmin:
    case rules::Role::kRegulator:
      return services::WeatherAuthority::kOfficial;
    case rules::Role::kManager:
      return services::WeatherAuthority::kSubmitter;
    default:
      return services::WeatherAuthority::kNone;
  }
}

adapters::http::Response Post(const adapters::http::Request& req,
                              const services::WeatherService& weather,
                              services::AuthService& auth) {
  auto p = RequirePrincipal(req, auth);
  if (!p.ok()) return AuthErrorResponse(p.error());
  if (auto s = adapters::http::OnlyParams(req, {}); !s.ok())
    return adapters::http::ErrorResponse(s.error());
  const auto authority = AuthorityOf(p->role);
  if (authority == services::WeatherAuthority::kNone) {
    return adapters::http::ErrorResponse(Error::PermissionDenied(
        "outdoor means are sent by admins and regulators, and submitted by managers"));
  }
  // The router took only JSON or CSV (415 otherwise).
  Result<std::vector<ports::OutdoorMean>> means =
      adapters::http::MediaType(req) == "text/csv" ? adapters::csv::ParseWeatherCsv(req.body)
                                                   : adapters::json::ParseWeatherJson(req.body);
  if (!means.ok()) return adapters::http::ErrorResponse(means.error());
  auto out = weather.Record(*means, authority, p->username);
  if (!out.ok()) return adapters::http::ErrorResponse(out.error());
  if (out->confirmed) return adapters::http::Json(200, {{"stored", means->size()}});
  return adapters::http::Json(
      202, {{"submitted", out->submission_ids.size()},
            {"ids", out->submission_ids},
            {"status", "pending"},
            {"note", "kept until the regulator confirms them; not used in judging before"}});
}

nlohmann::ordered_json SubmissionJson(const ports::OutdoorMeanSubmission& s) {
  return {{"id", s.id},
          {"district_id", s.mean.district_id},
          {"date", FormatDate(s.mean.day)},
          {"mean", s.mean.mean / 10.0},
          {"status", s.status},
          {"submitted_by", s.submitted_by},
          {"submitted_at", s.submitted_at},
          {"decided_by", s.decided_by.empty() ? nlohmann::ordered_json()
                                              : nlohmann::ordered_json(s.decided_by)},
          {"decided_at", s.decided_at.empty() ? nlohmann::ordered_json()
                                              : nlohmann::ordered_json(s.decided_at)}};
}

adapters::http::Response Submissions(const adapters::http::Request& req,
                                     ports::MonitoringStore& store, services::AuthService& auth) {
  auto p = RequirePrincipal(req, auth);
  if (!p.ok()) return AuthErrorResponse(p.error());
  if (p->role == rules::Role::kHousehold) {
    return adapters::http::ErrorResponse(
        Error::PermissionDenied("outdoor means are for company staff and regulators"));
  }
  if (auto s = adapters::http::OnlyParams(req, {"status", "district_id", "cursor", "limit"});
      !s.ok()) {
    return adapters::http::ErrorResponse(s.error());
  }
  auto page = ReadPage(req);
  if (!page.ok()) return adapters::http::ErrorResponse(page.error());
  ports::SubmissionQuery q;
  if (auto it = req.query.find("status"); it != req.query.end()) {
    if (it->second != "pending" && it->second != "confirmed" && it->second != "rejected") {
      return adapters::http::ErrorResponse(
          Error::InvalidArgument("status must be pending, confirmed or rejected", "status"));
    }
    q.status = it->second;
  }
  if (auto it = req.query.find("district_id"); it != req.query.end()) {
    q.district_id = adapters::http::ParseDigits(it->second);
    if (!q.district_id) {
      return adapters::http::ErrorResponse(
          Error::InvalidArgument("district_id must be a district's id", "district_id"));
    }
  }
  q.after = page->cursor;
  q.limit = page->limit + 1;
  auto rows = store.OutdoorMeanSubmissions(q);
  if (!rows.ok()) return adapters::http::ErrorResponse(rows.error());
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  std::optional<int64_t> next;
  for (size_t i = 0; i < rows->size(); ++i) {
    if (i == static_cast<size_t>(page->limit)) {
      next = (*rows)[i - 1].id;
      break;
    }
    items.push_back(SubmissionJson((*rows)[i]));
  }
  return adapters::http::Json(200, PageJson(std::move(items), next));
}

adapters::http::Response Decide(const adapters::http::Request& req,
                                const services::WeatherService& weather,
                                services::AuthService& auth, bool confirm) {
  auto p = RequirePrincipal(req, auth);
  if (!p.ok()) return AuthErrorResponse(p.error());
  auto id = adapters::http::ParseDigits(req.params.at("id"));
  if (!id) {
    return adapters::http::ErrorResponse(
        Error::NotFound("no weather submission " + req.params.at("id"), "id"));
  }
  auto out = weather.Decide(*id, confirm, AuthorityOf(p->role), p->username);
  if (!out.ok()) return adapters::http::ErrorResponse(out.error());
  return adapters::http::Json(200, SubmissionJson(*out));
}

adapters::http::Response Get(const adapters::http::Request& req, ports::MonitoringStore& store,
                             services::AuthService& auth) {
  auto p = RequirePrincipal(req, auth);
  if (!p.ok()) return AuthErrorResponse(p.error());
  if (p->role == rules::Role::kHousehold) {
    return adapters::http::ErrorResponse(
        Error::PermissionDenied("outdoor means are for company staff and regulators"));
  }
  if (auto s = adapters::http::OnlyParams(req, {"district_id", "from", "to", "cursor", "limit"});
      !s.ok()) {
    return adapters::http::ErrorResponse(s.error());
  }
  auto page = ReadPage(req);
  if (!page.ok()) return adapters::http::ErrorResponse(page.error());
  auto param = [&](const char* name) -> std::string {
    auto it = req.query.find(name);
    return it == req.query.end() ? "" : it->second;
  };
  const auto district = adapters::http::ParseDigits(param("district_id"));
  if (!district) {
    return adapters::http::ErrorResponse(
        Error::InvalidArgument("district_id must be a district's id", "district_id"));
  }
  auto from = TimeParam(req, "from", false);
  if (!from.ok()) return adapters::http::ErrorResponse(from.error());
  auto to = TimeParam(req, "to", true);
  if (!to.ok()) return adapters::http::ErrorResponse(to.error());
  if (!*from || !*to) {
    return adapters::http::ErrorResponse(Error::InvalidArgument(
        "from and to are required (a date or an RFC 3339 time)", *from ? "to" : "from"));
  }
  auto means = store.OutdoorMeans(*district, LocalDate(**from), LocalDate(**to));
  if (!means.ok()) return adapters::http::ErrorResponse(means.error());
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const auto& m : *means) {
    items.push_back(
        {{"district_id", m.district_id}, {"date", FormatDate(m.day)}, {"mean", m.mean / 10.0}});
  }
  return adapters::http::Json(200, PositionPage(items, *page));
}

}  // namespace

void AddWeatherRoutes(adapters::http::Router& router, ports::MonitoringStore& store,
                      const services::WeatherService& weather, services::AuthService& auth) {
  router.Add(
      "POST", "/api/v1/weather/daily",
      [&weather, &auth](const adapters::http::Request& req) { return Post(req, weather, auth); },
      {.summary = "Store outdoor daily means per district (R-TEMP-1), JSON [{\"district_id\","
                  "\"date\",\"mean\"}] or CSV district_id,date,mean (°C, one decimal); a day "
                  "below the profile's design outdoor temperature is exempt; all or nothing. "
                  "Admin, regulator: 200, used in judging. Manager: 202, kept as submissions "
                  "until the regulator confirms them (issue 11); audited",
       .query = {},
       .request_schema = "OutdoorMeans",
       .response_schema = "OutdoorMeansAnswer",
       .list = false,
       .csv_too = true,
       .status = 200,
       .same_body = {{202, "manager: kept as submissions until the regulator confirms them"}}});
  router.Add(
      "GET", "/api/v1/weather/daily",
      [&store, &auth](const adapters::http::Request& req) { return Get(req, store, auth); },
      {.summary = "A district's outdoor daily means from..to (dates or RFC 3339 times, "
                  "inclusive; every role but household)",
       .query = {"district_id", "from", "to", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "OutdoorMean",
       .list = true});
  router.Add(
      "GET", "/api/v1/weather/submissions",
      [&store, &auth](const adapters::http::Request& req) { return Submissions(req, store, auth); },
      {.summary = "Outdoor means submitted by companies, with their status (pending, confirmed, "
                  "rejected) and who decided (every role but household)",
       .query = {"status", "district_id", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "WeatherSubmission",
       .list = true});
  for (const bool confirm : {true, false}) {
    router.Add(
        "POST", std::string("/api/v1/weather/submissions/{id}/") + (confirm ? "confirm" : "reject"),
        [&weather, &auth, confirm](const adapters::http::Request& req) {
          return Decide(req, weather, auth, confirm);
        },
        {.summary = confirm ? "Confirm a submitted outdoor mean: it replaces the district-day's "
                              "mean used in judging (admin, regulator; audited)"
                            : "Reject a submitted outdoor mean (admin, regulator; audited)",
         .query = {},
         .request_schema = "",
         .response_schema = "WeatherSubmission",
         .list = false,
         .csv_too = false,
         .status = 200});
  }
}

}  // namespace hearth::app::http

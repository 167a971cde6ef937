// POST /api/v1/weather/daily (R-TEMP-1 outdoor daily means).
#include <cctype>
#include <set>

#include "adapters/csv/weather_csv.hpp"
#include "adapters/json/weather_json.hpp"
#include "app/http/monitoring.hpp"
#include "app/http/paging.hpp"

namespace hearth::app::http {

std::string BodyMediaType(const adapters::http::Request& req) {
  auto it = req.headers.find("content-type");
  if (it == req.headers.end()) return "";
  std::string type = it->second.substr(0, it->second.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type;
}

namespace {

adapters::http::Response Post(const adapters::http::Request& req, ports::MonitoringStore& store,
                              ports::RecordStore& records, services::AuthService& auth) {
  auto p = RequirePrincipal(req, auth);
  if (!p.ok()) return AuthErrorResponse(p.error());
  if (p->role != rules::Role::kAdmin && p->role != rules::Role::kRegulator &&
      p->role != rules::Role::kManager) {
    return adapters::http::ErrorResponse(
        Error::PermissionDenied("outdoor means are sent by admins, regulators and managers"));
  }
  if (auto s = adapters::http::OnlyParams(req, {}); !s.ok())
    return adapters::http::ErrorResponse(s.error());
  const std::string type = BodyMediaType(req);
  Result<std::vector<ports::OutdoorMean>> means =
      type == "text/csv" ? adapters::csv::ParseWeatherCsv(req.body)
      : type.empty() || type == "application/json"
          ? adapters::json::ParseWeatherJson(req.body)
          : Result<std::vector<ports::OutdoorMean>>(Error::InvalidArgument(
                "the body must be application/json or text/csv (district_id,date,mean)", "body"));
  if (!means.ok()) return adapters::http::ErrorResponse(means.error());
  std::set<int64_t> districts;
  for (const auto& m : *means) districts.insert(m.district_id);
  for (int64_t d : districts) {
    auto rec = records.Get(*model::FindResource("districts"), d, {});
    if (!rec.ok()) {
      if (rec.error().code != ErrorCode::kNotFound)
        return adapters::http::ErrorResponse(rec.error());
      return adapters::http::ErrorResponse(
          Error::InvalidArgument("no district " + std::to_string(d), "district_id"));
    }
  }
  if (auto s = store.PutOutdoorMeans(*means); !s.ok())
    return adapters::http::ErrorResponse(s.error());
  return adapters::http::Json(200, {{"stored", means->size()}});
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
  auto from = ParseDate(param("from"));
  if (!from.ok())
    return adapters::http::ErrorResponse(Error::InvalidArgument(from.error().message, "from"));
  auto to = ParseDate(param("to"));
  if (!to.ok())
    return adapters::http::ErrorResponse(Error::InvalidArgument(to.error().message, "to"));
  auto means = store.OutdoorMeans(*district, *from, *to);
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
                      ports::RecordStore& records, services::AuthService& auth) {
  router.Add(
      "POST", "/api/v1/weather/daily",
      [&store, &records, &auth](const adapters::http::Request& req) {
        return Post(req, store, records, auth);
      },
      {.summary = "Store outdoor daily means per district (R-TEMP-1), JSON [{\"district_id\","
                  "\"date\",\"mean\"}] or CSV district_id,date,mean (°C, one decimal); a day "
                  "below the profile's design outdoor temperature is exempt; all or nothing "
                  "(admin, regulator, manager)",
       .query = {},
       .request_schema = "OutdoorMeans",
       .response_schema = "",
       .list = false,
       .csv_too = true,
       .status = 200});
  router.Add(
      "GET", "/api/v1/weather/daily",
      [&store, &auth](const adapters::http::Request& req) { return Get(req, store, auth); },
      {.summary = "A district's outdoor daily means from..to (YYYY-MM-DD, inclusive; every role "
                  "but household)",
       .query = {"district_id", "from", "to", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "",
       .list = true});
}

}  // namespace hearth::app::http

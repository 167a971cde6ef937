#include "app/http/readings.hpp"

#include <cctype>
#include <climits>

#include "adapters/csv/sensor_readings_csv.hpp"
#include "adapters/json/readings_json.hpp"
#include "app/http/auth.hpp"
#include "app/http/paging.hpp"
#include "core/civil_time.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::ordered_json;

// A day of one reading a minute per page by default; at most a week of them.
constexpr int kDefaultReadingsPage = 1440;
constexpr int kMaxReadingsPage = 10080;

Result<std::vector<services::IncomingReading>> Decode(const adapters::http::Request& req) {
  // The router took only JSON or CSV (415 otherwise).
  if (adapters::http::MediaType(req) == "text/csv") {
    return adapters::csv::DecodeSensorReadingsCsv(req.body);
  }
  return adapters::json::DecodeReadingsJson(req.body);
}

// Who may send readings, and for whose sensors (see readings.hpp).
Result<services::IngestScope> IngestScopeOf(const services::Principal& p) {
  switch (rules::ScopeKindOf(p.role)) {
    case rules::ScopeKind::kAll:
      if (p.role == rules::Role::kAdmin) return services::IngestScope{};
      break;
    case rules::ScopeKind::kCompany:
      if (p.company_id) return services::IngestScope{p.company_id, std::nullopt};
      break;
    case rules::ScopeKind::kHousehold:
      break;
  }
  return Error::PermissionDenied("role " + std::string(rules::RoleName(p.role)) +
                                 " may not send readings");
}

// A device's or gateway's token (issue 12) limits the batch to its own sensors; a user's token
// to what the role may send for.
Result<services::IngestScope> ScopeOfRequest(const adapters::http::Request& req,
                                             services::AuthService& auth,
                                             services::DeviceTokenService& devices) {
  if (auto it = req.headers.find("authorization"); it != req.headers.end()) {
    auto token = BearerToken(it->second);
    if (token.ok() && services::DeviceTokenService::IsDeviceToken(*token)) {
      auto sensors = devices.SensorsOf(*token);
      if (!sensors.ok()) return sensors.error();
      services::IngestScope scope;
      scope.sensor_ids = std::move(*sensors);
      return scope;
    }
  }
  auto p = RequirePrincipal(req, auth);
  if (!p.ok()) return p.error();
  return IngestScopeOf(*p);
}

adapters::http::Response Post(const adapters::http::Request& req, services::IngestService& ingest,
                              services::AuthService& auth, services::DeviceTokenService& devices) {
  auto scope = ScopeOfRequest(req, auth, devices);
  if (!scope.ok()) return AuthErrorResponse(scope.error());
  if (auto s = adapters::http::OnlyParams(req, {}); !s.ok())
    return adapters::http::ErrorResponse(s.error());
  auto batch = Decode(req);
  if (!batch.ok()) return adapters::http::ErrorResponse(batch.error());
  auto report = ingest.Ingest(*batch, *scope, "http");  // returns once durably committed
  if (!report.ok()) return adapters::http::ErrorResponse(report.error());
  ordered_json rejected = ordered_json::array();
  for (const auto& r : report->rejected) {
    ordered_json item{{"index", r.index}, {"sensor", r.sensor}, {"reason", r.reason}};
    if (r.quarantined) item["quarantined"] = true;
    rejected.push_back(std::move(item));
  }
  ordered_json body{{"accepted", report->accepted},
                    {"duplicate", report->duplicate},
                    {"conflicting", report->conflicting},
                    {"quarantined", report->quarantined},
                    {"rejected", std::move(rejected)}};
  // Issue 18, item 5: a batch of which nothing was taken is not a plain 200, so that a device
  // (a fast clock, a wrong sensor code) is told; quarantined readings count as rejected here.
  const unsigned status = report->AllRejected() ? 422u : 200u;
  // A sensor code from a CSV body may be any bytes: replace what is not UTF-8 rather than fail.
  return adapters::http::Response{status,
                                  "application/json",
                                  body.dump(-1, ' ', false, ordered_json::error_handler_t::replace),
                                  {}};
}

Result<int64_t> TimeParam(const adapters::http::Request& req, const std::string& name,
                          int64_t fallback) {
  auto it = req.query.find(name);
  if (it == req.query.end() || it->second.empty()) return fallback;
  auto t = ParseRfc3339(it->second);
  if (!t.ok()) return Error::InvalidArgument(t.error().message, name);
  return t->time_since_epoch().count();
}

adapters::http::Response Get(const adapters::http::Request& req, ports::ReadingStore& readings,
                             ports::RecordStore& records, const Authorizer& authorize,
                             const ports::Clock& clock) {
  const model::Resource& sensors = *model::FindResource("sensors");
  auto access = authorize(req, sensors, Verb::kRead);
  if (!access.ok()) return AuthErrorResponse(access.error());
  if (auto s = adapters::http::OnlyParams(req, {"from", "to", "cursor", "limit"}); !s.ok()) {
    return adapters::http::ErrorResponse(s.error());
  }
  auto page = ReadPage(req, kDefaultReadingsPage, kMaxReadingsPage);
  if (!page.ok()) return adapters::http::ErrorResponse(page.error());
  auto sensor_id = VisibleSensorId(records, access->scope, req.params.at("code"));
  if (!sensor_id.ok()) return adapters::http::ErrorResponse(sensor_id.error());

  // Without `to`: 24 hours from `from`, or up to now. Without `from`: 24 hours before `to`.
  const int64_t now = clock.Now().time_since_epoch().count();
  auto given_from = TimeParam(req, "from", INT64_MIN);
  if (!given_from.ok()) return adapters::http::ErrorResponse(given_from.error());
  auto to = TimeParam(req, "to", *given_from != INT64_MIN ? *given_from + 86400 : now + 1);
  if (!to.ok()) return adapters::http::ErrorResponse(to.error());
  const int64_t from = *given_from != INT64_MIN ? *given_from : *to - 86400;
  if (from > *to) {
    return adapters::http::ErrorResponse(
        Error::InvalidArgument("from must not be after to", "from"));
  }
  if (*to - from > kMaxReadingsWindowS) {
    return adapters::http::ErrorResponse(Error::InvalidArgument(
        "from..to may span at most 31 days; ask for the rest in further requests", "to"));
  }
  // The cursor is the last reading's time: the next page starts just after it.
  const int64_t start = page->cursor ? std::max(from, *page->cursor + 1) : from;
  auto rows = readings.Range(*sensor_id, start, *to, page->limit + 1);
  if (!rows.ok()) return adapters::http::ErrorResponse(rows.error());
  const bool more = rows->size() > static_cast<size_t>(page->limit);
  if (more) rows->pop_back();
  ordered_json items = ordered_json::array();
  for (const ports::Reading& r : *rows) {
    items.push_back({{"ts", FormatLocal(Instant{std::chrono::seconds{r.ts}})},
                     {"value", static_cast<double>(r.centi) / 100.0}});
  }
  return adapters::http::Json(
      200,
      PageJson(std::move(items), more ? std::optional<int64_t>(rows->back().ts) : std::nullopt));
}

}  // namespace

Result<int64_t> VisibleSensorId(ports::RecordStore& records, const ports::Scope& scope,
                                const std::string& code) {
  ports::ListQuery by_code;
  by_code.equals = {{"code", code}};
  by_code.limit = 1;
  by_code.scope = scope;
  auto found = records.List(*model::FindResource("sensors"), by_code);
  if (!found.ok()) return found.error();
  if (found->items.empty()) return Error::NotFound("no sensor with code " + code, "code");
  return found->items.front().id;
}

adapters::http::Response SensorRowsPage(const adapters::http::Request& req,
                                        ports::RecordStore& records, const Authorizer& authorize,
                                        const SensorRowsFetch& fetch) {
  const model::Resource& sensors = *model::FindResource("sensors");
  auto access = authorize(req, sensors, Verb::kRead);
  if (!access.ok()) return AuthErrorResponse(access.error());
  if (auto s = adapters::http::OnlyParams(req, {"cursor", "limit"}); !s.ok()) {
    return adapters::http::ErrorResponse(s.error());
  }
  auto page = ReadPage(req, 100, 1000);
  if (!page.ok()) return adapters::http::ErrorResponse(page.error());
  // The sensor record decides visibility: outside the caller's scope it is not_found.
  auto sensor_id = VisibleSensorId(records, access->scope, req.params.at("code"));
  if (!sensor_id.ok()) return adapters::http::ErrorResponse(sensor_id.error());
  auto rows = fetch(*sensor_id, page->cursor.value_or(0), page->limit + 1);
  if (!rows.ok()) return adapters::http::ErrorResponse(rows.error());
  const bool more = rows->size() > static_cast<size_t>(page->limit);
  if (more) rows->pop_back();
  std::optional<int64_t> next;
  if (more) next = rows->back()["id"].get<int64_t>();
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (auto& row : *rows) items.push_back(std::move(row));
  return adapters::http::Json(200, PageJson(std::move(items), next));
}

void AddReadingRoutes(adapters::http::Router& router, services::IngestService& ingest,
                      ports::ReadingStore& readings, ports::RecordStore& records,
                      services::AuthService& auth, services::DeviceTokenService& devices,
                      Authorizer authorize, const ports::Clock& clock) {
  router.Add(
      "POST", "/api/v1/readings",
      [&ingest, &auth, &devices](const adapters::http::Request& req) {
        return Post(req, ingest, auth, devices);
      },
      {.summary = "Store a batch of room-temperature readings, JSON [{\"sensor\",\"ts\","
                  "\"value\"}] or CSV sensor,ts,value; answers once the batch is durably "
                  "committed, with the counts accepted, duplicate (same sensor, ts and value), "
                  "conflicting (same sensor and ts, another value: the first value stays, the "
                  "other is kept for review), quarantined (rejected for a time more than 300 s "
                  "in the future, and kept: GET /api/v1/sensors/{code}/quarantine, and the "
                  "clock-skew alert) and "
                  "each rejected reading's index and reason (admin; company staff for their "
                  "company's sensors). 422 with the same body when every reading is rejected "
                  "(quarantined ones included)",
       .query = {},
       .request_schema = "ReadingBatch",
       .response_schema = "IngestReport",
       .list = false,
       .csv_too = true,
       .status = 200,
       .same_body = {{422, "every reading rejected (quarantined ones included): nothing "
                           "accepted, duplicate or conflicting"}}});
  router.Add(
      "GET", "/api/v1/sensors/{code}/readings",
      [&readings, &records, authorize, &clock](const adapters::http::Request& req) {
        return Get(req, readings, records, authorize, clock);
      },
      {.summary = "A sensor's raw readings with from <= ts < to, in time order, the sensor named "
                  "by its code (RFC 3339; without to: 24 hours from `from`; without from: 24 "
                  "hours before `to`, or the last 24 hours; at most 31 days); paged: limit "
                  "1-10080 (default 1440), and cursor with the same from and to",
       .query = {"from", "to", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "Reading",
       .list = true});
}

}  // namespace hearth::app::http

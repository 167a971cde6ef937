#include "app/api/readings.hpp"

#include <cctype>
#include <climits>

#include "adapters/csv/sensor_readings_csv.hpp"
#include "adapters/json/readings_json.hpp"
#include "app/api/auth.hpp"
#include "core/civil_time.hpp"

namespace hearth::app::api {
namespace {

using nlohmann::ordered_json;

// The media type of the body, lower case, without parameters; "" when none was declared.
std::string MediaType(const http::Request& req) {
  auto it = req.headers.find("content-type");
  if (it == req.headers.end()) return "";
  std::string type = it->second.substr(0, it->second.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type;
}

Result<std::vector<services::IncomingReading>> Decode(const http::Request& req) {
  std::string type = MediaType(req);
  if (type.empty() || type == "application/json") return adapters::DecodeReadingsJson(req.body);
  if (type == "text/csv") return adapters::DecodeSensorReadingsCsv(req.body);
  return Error::InvalidArgument(
      "the body must be application/json or text/csv (sensor,ts,value), not " + type, "body");
}

// Who may send readings, and for whose sensors (see readings.hpp).
Result<services::IngestScope> IngestScopeOf(const services::Principal& p) {
  switch (rules::ScopeKindOf(p.role)) {
    case rules::ScopeKind::kAll:
      if (p.role == rules::Role::kAdmin) return services::IngestScope{};
      break;
    case rules::ScopeKind::kCompany:
      if (p.company_id) return services::IngestScope{p.company_id};
      break;
    case rules::ScopeKind::kHousehold:
      break;
  }
  return Error{ErrorCode::kPermissionDenied,
               "role " + std::string(rules::RoleName(p.role)) + " may not send readings", "", ""};
}

http::Response Post(const http::Request& req, services::IngestService& ingest,
                    services::AuthService& auth) {
  auto p = RequirePrincipal(req, auth);
  if (!p.ok()) return AuthErrorResponse(p.error());
  auto scope = IngestScopeOf(*p);
  if (!scope.ok()) return http::ErrorResponse(scope.error());
  if (auto s = http::OnlyParams(req, {}); !s.ok()) return http::ErrorResponse(s.error());
  auto batch = Decode(req);
  if (!batch.ok()) return http::ErrorResponse(batch.error());
  auto report = ingest.Ingest(*batch, *scope);  // returns once durably committed
  if (!report.ok()) return http::ErrorResponse(report.error());
  ordered_json rejected = ordered_json::array();
  for (const auto& r : report->rejected) {
    rejected.push_back({{"index", r.index}, {"sensor", r.sensor}, {"reason", r.reason}});
  }
  ordered_json body{{"accepted", report->accepted},
                    {"duplicate", report->duplicate},
                    {"rejected", std::move(rejected)}};
  // A sensor code from a CSV body may be any bytes: replace what is not UTF-8 rather than fail.
  return http::Response{200, "application/json",
                        body.dump(-1, ' ', false, ordered_json::error_handler_t::replace), {}};
}

Result<int64_t> TimeParam(const http::Request& req, const std::string& name, int64_t fallback) {
  auto it = req.query.find(name);
  if (it == req.query.end() || it->second.empty()) return fallback;
  auto t = ParseRfc3339(it->second);
  if (!t.ok()) return Error::InvalidArgument(t.error().message, name);
  return t->time_since_epoch().count();
}

http::Response Get(const http::Request& req, ports::ReadingStore& readings,
                   ports::RecordStore& records, const Authorizer& authorize,
                   const ports::Clock& clock) {
  const model::Resource& sensors = *model::FindResource("sensors");
  auto access = authorize(req, sensors, Verb::kRead);
  if (!access.ok()) return AuthErrorResponse(access.error());
  if (auto s = http::OnlyParams(req, {"from", "to"}); !s.ok()) {
    return http::ErrorResponse(s.error());
  }
  const std::string& id_text = req.params.at("id");
  auto sensor_id = http::ParseDigits(id_text);
  if (!sensor_id) return http::ErrorResponse(Error::NotFound("no such sensor: " + id_text, "id"));
  // The sensor record decides visibility: outside the caller's scope it is not_found.
  auto sensor = records.Get(sensors, *sensor_id, access->scope);
  if (!sensor.ok()) return http::ErrorResponse(sensor.error());

  // Without `to`: 24 hours from `from`, or up to now. Without `from`: 24 hours before `to`.
  const int64_t now = clock.Now().time_since_epoch().count();
  auto given_from = TimeParam(req, "from", INT64_MIN);
  if (!given_from.ok()) return http::ErrorResponse(given_from.error());
  auto to = TimeParam(req, "to", *given_from != INT64_MIN ? *given_from + 86400 : now + 1);
  if (!to.ok()) return http::ErrorResponse(to.error());
  const int64_t from = *given_from != INT64_MIN ? *given_from : *to - 86400;
  if (from > *to) {
    return http::ErrorResponse(Error::InvalidArgument("from must not be after to", "from"));
  }
  if (*to - from > kMaxReadingsWindowS) {
    return http::ErrorResponse(Error::InvalidArgument(
        "from..to may span at most 31 days; ask for the rest in further requests", "to"));
  }
  auto rows = readings.Range(sensor->id, from, *to);
  if (!rows.ok()) return http::ErrorResponse(rows.error());
  ordered_json items = ordered_json::array();
  for (const ports::Reading& r : *rows) {
    items.push_back({{"ts", FormatLocal(Instant{std::chrono::seconds{r.ts}})},
                     {"value", static_cast<double>(r.centi) / 100.0}});
  }
  return http::Json(200, ordered_json{{"items", std::move(items)}});
}

}  // namespace

void AddReadingRoutes(http::Router& router, services::IngestService& ingest,
                      ports::ReadingStore& readings, ports::RecordStore& records,
                      services::AuthService& auth, Authorizer authorize,
                      const ports::Clock& clock) {
  router.Add(
      "POST", "/api/v1/readings",
      [&ingest, &auth](const http::Request& req) { return Post(req, ingest, auth); },
      {.summary = "Store a batch of room-temperature readings, JSON [{\"sensor\",\"ts\","
                  "\"value\"}] or CSV sensor,ts,value; answers once the batch is durably "
                  "committed, with the counts accepted and duplicate (same sensor and ts) and "
                  "each rejected reading's index and reason (admin; company staff for their "
                  "company's sensors)",
       .query = {},
       .request_schema = "ReadingBatch",
       .response_schema = "IngestReport",
       .list = false, .csv_too = true, .status = 200});
  router.Add(
      "GET", "/api/v1/sensors/{id}/readings",
      [&readings, &records, authorize, &clock](const http::Request& req) {
        return Get(req, readings, records, authorize, clock);
      },
      {.summary = "A sensor's raw readings with from <= ts < to, in time order (RFC 3339; "
                  "without to: 24 hours from `from`; without from: 24 hours before `to`, or the "
                  "last 24 hours; at most 31 days)",
       .query = {"from", "to"},
       .request_schema = "",
       .response_schema = "",
       .list = false});
}

}  // namespace hearth::app::api

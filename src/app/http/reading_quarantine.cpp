#include "app/http/reading_quarantine.hpp"

#include "app/http/auth.hpp"
#include "app/http/paging.hpp"
#include "app/http/readings.hpp"
#include "core/civil_time.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::ordered_json;

adapters::http::Response Get(const adapters::http::Request& req, ports::ReadingStore& readings,
                             ports::RecordStore& records, const Authorizer& authorize) {
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
  auto rows = readings.Quarantined(*sensor_id, page->cursor.value_or(0), page->limit + 1);
  if (!rows.ok()) return adapters::http::ErrorResponse(rows.error());
  const bool more = rows->size() > static_cast<size_t>(page->limit);
  if (more) rows->pop_back();
  auto time = [](int64_t t) { return FormatLocal(Instant{std::chrono::seconds{t}}); };
  ordered_json items = ordered_json::array();
  for (const ports::QuarantineEntry& q : *rows) {
    items.push_back({{"id", q.id},
                     {"ts", time(q.ts)},
                     {"value", static_cast<double>(q.centi) / 100.0},
                     {"reason", q.reason},
                     {"received_at", time(q.received_at)},
                     {"ahead_seconds", q.ts - q.received_at},
                     {"source", q.source}});
  }
  return adapters::http::Json(
      200, PageJson(std::move(items), more ? std::optional<int64_t>(rows->back().id) : std::nullopt));
}

}  // namespace

void AddReadingQuarantineRoutes(adapters::http::Router& router, ports::ReadingStore& readings,
                                ports::RecordStore& records, Authorizer authorize) {
  router.Add(
      "GET", "/api/v1/sensors/{code}/quarantine",
      [&readings, &records, authorize](const adapters::http::Request& req) {
        return Get(req, readings, records, authorize);
      },
      {.summary = "A sensor's readings kept in quarantine: refused for a time more than 300 s in "
                  "the future (a device clock that runs fast), with the reason, when and over "
                  "which channel they came and how far ahead they were; paged: limit 1-1000 "
                  "(default 100), cursor",
       .query = {"cursor", "limit"},
       .request_schema = "",
       .response_schema = "",
       .list = true});
}

}  // namespace hearth::app::http

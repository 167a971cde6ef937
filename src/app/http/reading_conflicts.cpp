#include "app/http/reading_conflicts.hpp"

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
  auto rows = readings.Conflicts(*sensor_id, page->cursor.value_or(0),
                                 page->limit + 1);
  if (!rows.ok()) return adapters::http::ErrorResponse(rows.error());
  const bool more = rows->size() > static_cast<size_t>(page->limit);
  if (more) rows->pop_back();
  auto time = [](int64_t t) { return FormatLocal(Instant{std::chrono::seconds{t}}); };
  ordered_json items = ordered_json::array();
  for (const ports::ReadingConflict& c : *rows) {
    items.push_back({{"id", c.id},
                     {"ts", time(c.ts)},
                     {"stored_value", static_cast<double>(c.stored_centi) / 100.0},
                     {"value", static_cast<double>(c.centi) / 100.0},
                     {"received_at", time(c.received_at)},
                     {"source", c.source}});
  }
  return adapters::http::Json(
      200, PageJson(std::move(items), more ? std::optional<int64_t>(rows->back().id) : std::nullopt));
}

}  // namespace

void AddReadingConflictRoutes(adapters::http::Router& router, ports::ReadingStore& readings,
                              ports::RecordStore& records, Authorizer authorize) {
  router.Add(
      "GET", "/api/v1/sensors/{code}/conflicts",
      [&readings, &records, authorize](const adapters::http::Request& req) {
        return Get(req, readings, records, authorize);
      },
      {.summary = "A sensor's conflicting readings, kept for review: readings for a time already "
                  "stored with another value (the stored value stays), with when and over which "
                  "channel they came; paged: limit 1-1000 (default 100), cursor",
       .query = {"cursor", "limit"},
       .request_schema = "",
       .response_schema = "",
       .list = true});
}

}  // namespace hearth::app::http

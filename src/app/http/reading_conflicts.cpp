#include "app/http/reading_conflicts.hpp"

#include "app/http/auth.hpp"
#include "app/http/readings.hpp"
#include "core/civil_time.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::ordered_json;

adapters::http::Response Get(const adapters::http::Request& req, ports::ReadingStore& readings,
                             ports::RecordStore& records, const Authorizer& authorize) {
  return SensorRowsPage(
      req, records, authorize,
      [&readings](int64_t sensor_id, int64_t after_id,
                  int64_t limit) -> Result<std::vector<ordered_json>> {
        auto rows = readings.Conflicts(sensor_id, after_id, limit);
        if (!rows.ok()) return rows.error();
        auto time = [](int64_t t) { return FormatLocal(Instant{std::chrono::seconds{t}}); };
        std::vector<ordered_json> items;
        for (const ports::ReadingConflict& c : *rows) {
          items.push_back({{"id", c.id},
                           {"ts", time(c.ts)},
                           {"stored_value", static_cast<double>(c.stored_centi) / 100.0},
                           {"value", static_cast<double>(c.centi) / 100.0},
                           {"received_at", time(c.received_at)},
                           {"source", c.source}});
        }
        return items;
      });
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
       .response_schema = "ReadingConflict",
       .list = true});
}

}  // namespace hearth::app::http

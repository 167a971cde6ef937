#include "app/http/reading_quarantine.hpp"

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
        auto rows = readings.Quarantined(sensor_id, after_id, limit);
        if (!rows.ok()) return rows.error();
        auto time = [](int64_t t) { return FormatLocal(Instant{std::chrono::seconds{t}}); };
        std::vector<ordered_json> items;
        for (const ports::QuarantineEntry& q : *rows) {
          items.push_back({{"id", q.id},
                           {"ts", time(q.ts)},
                           {"value", static_cast<double>(q.centi) / 100.0},
                           {"reason", q.reason},
                           {"received_at", time(q.received_at)},
                           {"ahead_seconds", q.ts - q.received_at},
                           {"source", q.source}});
        }
        return items;
      });
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
       .response_schema = "QuarantinedReading",
       .list = true});
}

}  // namespace hearth::app::http

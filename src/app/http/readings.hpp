// Room-temperature readings over HTTP (issue 5):
//   POST /api/v1/readings                  a batch, as JSON (adapters/json/readings_json.hpp) or
//                                          CSV (adapters/csv/sensor_readings_csv.hpp); the answer
//                                          comes only once the batch is durably committed:
//                                          200 {"accepted":N,"duplicate":N,"conflicting":N,
//                                          "quarantined":N,"rejected":[{"index":i,"sensor":"…",
//                                          "reason":"…"[,"quarantined":true]}]}; 422 with the
//                                          same body when nothing was taken (every reading
//                                          rejected, quarantined ones included: issue 18)
//   GET  /api/v1/sensors/{id}/readings?from=&to=   a sensor's raw readings,
//                                          {"items":[{"ts":"…+08:00","value":18.2}]}
//
// Who may send: admin (any sensor), a company's manager, agent and technician (its own
// company's sensors: another company's sensor is rejected as an unknown sensor, so codes are not
// revealed), and a device or gateway with an HTTP token of its own (`hearth devices http-token`,
// services/device_token_service.hpp: its own sensors only, the others rejected the same way). Regulators and households may not (403). Who may read: whoever may read the sensor
// record (the sensors resource's rules and scope; another's sensor is 404).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <vector>

#include "adapters/http/router.hpp"
#include "app/http/records.hpp"
#include "ports/clock.hpp"
#include "ports/reading_store.hpp"
#include "services/auth_service.hpp"
#include "services/device_token_service.hpp"
#include "services/ingest_service.hpp"

namespace hearth::app::http {

/// The widest from..to window one GET answers (a minute's readings for a month: ~45,000).
inline constexpr int64_t kMaxReadingsWindowS = 31 * 86400;

/// The id of the sensor with device code `code` if the caller's `scope` sees it; not_found (field
/// code) otherwise, whether it does not exist or is another's. For the routes that name a sensor
/// by its code.
Result<int64_t> VisibleSensorId(ports::RecordStore& records, const ports::Scope& scope,
                                const std::string& code);

/// A sensor's kept rows by id (its conflicts, its quarantine), for GET /api/v1/sensors/{code}/…:
/// the caller must read sensor records (401/403), the sensor must be in its scope (404), cursor
/// and limit (default 100, at most 1000) are the only parameters; `fetch(sensor_id, after_id,
/// limit)` gives the rows as JSON items, each with its "id", and the answer is one page of them.
using SensorRowsFetch = std::function<Result<std::vector<nlohmann::ordered_json>>(
    int64_t sensor_id, int64_t after_id, int64_t limit)>;
adapters::http::Response SensorRowsPage(const adapters::http::Request& req,
                                        ports::RecordStore& records, const Authorizer& authorize,
                                        const SensorRowsFetch& fetch);

/// Registers both routes. Every argument must outlive the router.
void AddReadingRoutes(adapters::http::Router& router, services::IngestService& ingest,
                      ports::ReadingStore& readings, ports::RecordStore& records,
                      services::AuthService& auth, services::DeviceTokenService& devices,
                      Authorizer authorize, const ports::Clock& clock);

}  // namespace hearth::app::http

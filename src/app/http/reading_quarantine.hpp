// The readings kept in quarantine (issue 18, item 5):
//   GET /api/v1/sensors/{code}/quarantine?cursor=&limit=
//     {"items":[{"id":N,"ts":"…+08:00","value":18.2,"reason":"time in the future",
//                "received_at":"…","ahead_seconds":3600,"source":"mqtt"}],"next_cursor":…}
// Readings of a known sensor that ingest refused for their time (more than 300 s in the future: a
// device whose clock runs fast), kept instead of dropped, by when they were kept; ahead_seconds is
// ts − received_at, how far the device's clock ran ahead. Who may read: whoever may read the
// sensor record (another's sensor is 404), as for its readings.
#pragma once

#include "adapters/http/router.hpp"
#include "app/http/records.hpp"
#include "ports/reading_store.hpp"

namespace hearth::app::http {

/// Registers the route. Every argument must outlive the router.
void AddReadingQuarantineRoutes(adapters::http::Router& router, ports::ReadingStore& readings,
                                ports::RecordStore& records, Authorizer authorize);

}  // namespace hearth::app::http

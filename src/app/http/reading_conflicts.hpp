// The conflicting readings kept for review (issue 12):
//   GET /api/v1/sensors/{code}/conflicts?cursor=&limit=
//     {"items":[{"id":N,"ts":"…+08:00","stored_value":18.2,"value":25,"received_at":"…",
//                "source":"mqtt"}],"next_cursor":…}
// A second reading for a (sensor, ts) with another value than the stored one: a forged or faulty
// reading, or the genuine one after a forged one. The stored value stays; this shows the others.
// Who may read: whoever may read the sensor record (another's sensor is 404), as for its
// readings.
#pragma once

#include "adapters/http/router.hpp"
#include "app/http/records.hpp"
#include "ports/reading_store.hpp"

namespace hearth::app::http {

/// Registers the route. Every argument must outlive the router.
void AddReadingConflictRoutes(adapters::http::Router& router, ports::ReadingStore& readings,
                              ports::RecordStore& records, Authorizer authorize);

}  // namespace hearth::app::http

// Heating stops over HTTP (issue 15, R-OUT-1, R-OUT-2):
//   POST /api/v1/outages                 record a stop: {"kind","company_caused","cause",
//                                        "scope":{"heat_sources":[…],…},"start","expected_end",
//                                        "road_sections"[,"company"]}; 201
//   GET  /api/v1/outages?company=&from=&to=&cursor=&limit=   newest first; from/to keep the stops
//                                        overlapping the period; format=xlsx: the register
//                                        (app/http/outage_register.hpp), not for households
//   GET  /api/v1/outages/{id}            the stop, its affected counts, notices and obligations
//   POST /api/v1/outages/{id}/notices    {"at"[,"expected_end"][,"text"]}: publish a notice
//   POST /api/v1/outages/{id}/end        {"at"}: the actual end
//
// A stop's answer carries `notice_due` (the advance or emergency notice's due time, +08:00, or
// null where none applies), `notice_late` (a notice obligation is late or overdue), `overrun`
// (it ran past an announced end) and `obligations`, each with its due time, basis and state.
// Statuses: 400 for a malformed body (the field named), 403 for a role that may not record,
// 404 outside the caller's scope, 409 (failed_precondition) for a stop that has ended.
#pragma once

#include "adapters/http/router.hpp"
#include "ports/record_store.hpp"
#include "services/auth_service.hpp"
#include "services/outage_service.hpp"

namespace hearth::app::http {

void AddOutageRoutes(adapters::http::Router& router, const services::OutageService& service,
                     ports::RecordStore& records, services::AuthService& auth);

}  // namespace hearth::app::http

// Connection applications over HTTP (报装, issue 16, R-CONN-1, R-WO-6):
//   POST /api/v1/connections               take one in: {"building","household","applicant",
//                                          "phone","new_building","outside_works",
//                                          "received_at","documents":[…]}; 201
//   GET  /api/v1/connections?company=&building=&household=&state=&season=&visited=&cursor=&limit=
//                                          newest first; visited=false: the return visits owed
//   GET  /api/v1/connections/{id}          the application with its history
//   POST /api/v1/connections/{id}/events   {"type":"supply-documents","documents":[…]}
//                                          | {"type":"approve","note"}
//                                          | {"type":"refuse","reason","suggestion","note"}
//                                          | {"type":"visit","note","satisfied"}; 200
//
// An answer carries the season it catches (`season`, `next_season` and, for a late new building,
// the `notice` the applicant is given), the documents on file and `missing` (容缺),
// `deadlines.decision` in a work order's shape, and `actions`, what the caller may do next.
// Documents are "application-form", "drawings", "retrofit-record", "owners-decision". Statuses:
// 400 naming the field, 403 for a role that may not take the step, 404 outside the caller's
// scope, 409 for a state that does not allow it (or an existing building's approval without its
// retrofit and owners' decision).
#pragma once

#include "adapters/http/router.hpp"
#include "ports/record_store.hpp"
#include "services/auth_service.hpp"
#include "services/connection_service.hpp"

namespace hearth::app::http {

void AddConnectionRoutes(adapters::http::Router& router, const services::ConnectionService& service,
                         ports::RecordStore& records, services::AuthService& auth);

}  // namespace hearth::app::http

// Household-caused findings over HTTP (issue 15, R-REFUND-4):
//   POST /api/v1/findings               record one: {"household","kind","description",
//                                       "photos":[…],"found_by","found_at","valid_from",
//                                       "valid_to"}; 201
//   GET  /api/v1/findings?household=&company=&state=&cursor=&limit=   newest first
//   GET  /api/v1/findings/{id}          the finding with its history
//   POST /api/v1/findings/{id}/actions  {"action":"acknowledge|dispute|uphold|reject|withdraw",
//                                       "note"}; 200
//
// A finding's answer carries `effective` (it removes the temperature share of the days it
// covers now) and `actions` (what the caller may do next). Statuses: 400 naming the field, 403
// for a role that may not take the action, 404 outside the caller's scope, 409 for a state that
// does not allow it.
#pragma once

#include "adapters/http/router.hpp"
#include "ports/record_store.hpp"
#include "services/auth_service.hpp"
#include "services/finding_service.hpp"

namespace hearth::app::http {

void AddFindingRoutes(adapters::http::Router& router, const services::FindingService& service,
                      ports::RecordStore& records, services::AuthService& auth);

}  // namespace hearth::app::http

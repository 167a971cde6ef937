// Insurance claims over HTTP (issue 16, R-INS-1, W 13):
//   POST /api/v1/insurance-claims               record one: {"household","incident_at",
//                                               "incident","injuries","photos":[…],
//                                               "losses":[{"item","estimate"}]}; 201
//   GET  /api/v1/insurance-claims?household=&company=&state=&cursor=&limit=   newest first
//   GET  /api/v1/insurance-claims/{id}          the claim with its history
//   POST /api/v1/insurance-claims/{id}/events   {"type":"notify-insurer","insurer","reference"}
//                                               | {"type":"agree","amount","note"}
//                                               | {"type":"pay","reference"}
//                                               | {"type":"reject","exclusion","note"}; 200
//
// Money is yuan on the wire ("4280.50"), with the fen beside it in answers. A claim's answer
// carries `deadlines` in a work order's shape: `notify` (24 hours from recording) until it is
// settled without the insurer, and `payout` (the profile's 30 working days) once an amount is
// agreed; and `actions`, what the caller may do next. Statuses: 400 naming the field, 403 for a
// role that may not take the step, 404 outside the caller's scope, 409 for a state that does
// not allow it.
#pragma once

#include "adapters/http/router.hpp"
#include "ports/record_store.hpp"
#include "services/auth_service.hpp"
#include "services/insurance_service.hpp"

namespace hearth::app::http {

void AddInsuranceRoutes(adapters::http::Router& router, const services::InsuranceService& service,
                        ports::RecordStore& records, services::AuthService& auth);

}  // namespace hearth::app::http

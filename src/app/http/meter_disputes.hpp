// Heat-meter disputes over HTTP (issue 16, R-METER-1, W 10.3):
//   POST /api/v1/meter-disputes               raise one: {"household","raised_by","reason"};
//                                             a household raises its own (raised_by household,
//                                             the default for it); 201
//   GET  /api/v1/meter-disputes?household=&company=&state=&cursor=&limit=   newest first
//   GET  /api/v1/meter-disputes/{id}
//   POST /api/v1/meter-disputes/{id}/events   {"type":"calibrate","result","reference","cost",
//                                             "note"} | {"type":"withdraw","note"}; 200
//
// A calibrated dispute's answer says who pays with the clause (`payer`, `payer_clause`: the
// company when it raised the dispute, W 10.3 (10.3 a); else the household when the meter
// passed, the company when it failed, 10.3 b) and `billing` (by area, with the reason the bill
// shows, after a failed calibration, 10.3 c); and `actions`, what the caller may do next. Money
// is yuan on the wire, with the fen beside it. Statuses: 400 naming the field, 403 for a role
// that may not take the step, 404 outside the caller's scope, 409 for a state that does not
// allow it or a household billed by area.
#pragma once

#include "adapters/http/router.hpp"
#include "ports/record_store.hpp"
#include "services/auth_service.hpp"
#include "services/meter_dispute_service.hpp"

namespace hearth::app::http {

void AddMeterDisputeRoutes(adapters::http::Router& router,
                           const services::MeterDisputeService& service,
                           ports::RecordStore& records, services::AuthService& auth);

}  // namespace hearth::app::http

// Energy reserve over HTTP (issue 15, R-ENERGY-1):
//   POST /api/v1/energy/reports   a day's dispatch report of one fuel: {"day","fuel","stock",
//                                 "consumption"[,"note"][,"company"]}; 201 when new, 200 when it
//                                 corrects the company's report of that day and fuel
//   GET  /api/v1/energy/reports?company=&fuel=&from=&to=&cursor=&limit=   newest day first
//   GET  /api/v1/energy/flags?company=&season=   missing report days and low-reserve spells
//
// A report's answer carries its unit ("t", or "m3" for gas), `reserve_days` (stock ÷ the day's
// consumption, rounded down to tenths; null without consumption), `low` and the threshold with
// its clause. Statuses: 400 naming the field, 403 for a role that may not file or read.
#pragma once

#include "adapters/http/router.hpp"
#include "ports/record_store.hpp"
#include "services/auth_service.hpp"
#include "services/energy_service.hpp"

namespace hearth::app::http {

void AddEnergyRoutes(adapters::http::Router& router, const services::EnergyService& service,
                     ports::RecordStore& records, services::AuthService& auth);

}  // namespace hearth::app::http

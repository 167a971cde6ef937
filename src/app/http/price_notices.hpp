// Price-change notices over HTTP (issue 16, R-BILL-1, W 9.2.1):
//   POST /api/v1/tariffs/{id}/notice   announce the tariff to every household of its company billed
//                                      on its basis (the admin or a manager), once; 201
//   GET  /api/v1/tariffs/{id}/notice   its notice (404 when it was not announced)
//   GET  /api/v1/price-notices?company=&cursor=&limit=   newest first (staff: their company's;
//                                      the regulator and the admin every one)
//
// A notice shows the tariff, its basis, price (yuan) and first day, the text the households were
// told, how many were told, when and by whom, and `late` (told on or after the first day).
// Statuses: 403 unless the admin or a manager announces, 404 outside the caller's scope, 409 for
// a tariff announced before.
#pragma once

#include "adapters/http/router.hpp"
#include "ports/record_store.hpp"
#include "services/auth_service.hpp"
#include "services/price_notice_service.hpp"

namespace hearth::app::http {

void AddPriceNoticeRoutes(adapters::http::Router& router,
                          const services::PriceNoticeService& service,
                          ports::RecordStore& records, services::AuthService& auth);

}  // namespace hearth::app::http

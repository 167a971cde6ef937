// Season bills over HTTP (issue 16, R-BILL-1, R-METER-1, R-REFUND-6):
//   POST /api/v1/billing-runs   {"company_id","season","due_on"}: bill the company's heated
//                               households without a fee for the season; 201 with the run's
//                               counts. company_id defaults to a manager's own company; due_on
//                               to the season's first day.
//   GET  /api/v1/billing-runs?company=&cursor=&limit=          newest first
//   GET  /api/v1/bills?company=&household=&season=&cursor=&limit=   newest first
//   GET  /api/v1/bills/{id}     one bill (its id is its fee's)
//   POST /api/v1/bills/{id}/resettle   settle it again with the season's approved 增减停复
//                               (the admin or a manager; an approval does it by itself); 200
//   GET  /api/v1/payments/{id}/receipt   a payment's receipt (services/receipt_service.hpp):
//                               its number, the amount in figures and in capitals, the
//                               channel's reference, what is left of the fee
//
// A bill shows its basis (and why a meter-billed household was billed by area), the area, its
// lines (yuan, negative for an offset), the total, what an offset could not take, what was
// paid of it and what is outstanding. Statuses: 400 naming the field, 403 unless the admin or a
// manager runs the bills, 404 outside the caller's scope, 409 ("tariff") without the tariff the
// households need.
#pragma once

#include "adapters/http/router.hpp"
#include "ports/record_store.hpp"
#include "services/auth_service.hpp"
#include "services/billing_service.hpp"

namespace hearth::app::http {

/// A billing run as the API shows it (POST and GET /api/v1/billing-runs, a billing job's result).
nlohmann::ordered_json BillingRunJson(const ports::BillingRunRecord& run);
/// A season bill as the API shows it (GET /api/v1/bills, an approved change's bill).
nlohmann::ordered_json BillJson(const ports::BillRecord& bill);
/// The run a BillingRunNew body asks for (a manager's company by default); invalid_argument
/// naming the member at fault.
Result<services::BillingRunRequest> BillingRunFromJson(const nlohmann::json& body,
                                                       const services::OrderActor& actor);

void AddBillRoutes(adapters::http::Router& router, const services::BillingService& service,
                   ports::RecordStore& records, services::AuthService& auth);

}  // namespace hearth::app::http

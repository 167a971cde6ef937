// The refund ledger over HTTP (issue 5, R-REFUND-6):
//   POST  /api/v1/refunds/runs {"season":2025}        a run: admin, manager (their company)
//   GET   /api/v1/refunds?season=&household_id=&company=&status=&overdue=&cursor=&limit=
//   GET   /api/v1/refunds/{id}
//   PATCH /api/v1/refunds/{id} {"status":"approved"}  admin, manager; after the season's end
//   PATCH /api/v1/refunds/{id} {"status":"paid","method","reference"}   admin, manager: a
//                                                     payment record (R-REFUND-6), not for a
//                                                     refund the household chose to offset
// An entry shows `payout` once paid: method ("offset" when a bill settled it), reference,
// paid_at (the server's time) and `late` (after the payment deadline).
//   PATCH /api/v1/refunds/{id} {"choice":"payment"|"offset"}  the household, agent, manager, admin
// Reads are scoped like records: a household sees its own entries (another's id answers 404),
// company roles their company's, admin and regulator every company's.
#pragma once

#include "adapters/http/router.hpp"
#include "ports/record_store.hpp"
#include "ports/refund_ledger.hpp"
#include "services/auth_service.hpp"
#include "services/refund_ledger_service.hpp"

namespace hearth::app::http {

void AddRefundRoutes(adapters::http::Router& router, const services::RefundLedgerService& service,
                     ports::RecordStore& records, services::AuthService& auth);

/// A run's summary as the API shows it (POST /api/v1/refunds/runs, a refund job's result).
nlohmann::ordered_json RefundRunJson(const services::LedgerRunSummary& summary);

/// The entry as JSON: amounts in fen and yuan, the days as stored, whether it is overdue.
nlohmann::ordered_json RefundEntryToJson(const ports::RefundEntry& e, bool overdue);

}  // namespace hearth::app::http

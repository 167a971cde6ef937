// /api/v1/jobs (issue 14): long runs started as jobs, whose progress a page polls. A job runs a
// refund run (R-REFUND-1..6) or a billing run (R-BILL-1) on the server's job runner and ends with
// the same answer the synchronous route gives (POST /api/v1/refunds/runs, /api/v1/billing-runs),
// or with its error. Who may start one is checked before it starts, as those routes check it.
// A households import (POST /api/v1/import/households?async=true, app/http/import.cpp) runs as a
// job of kind household-import.
#pragma once

#include "adapters/http/router.hpp"
#include "services/auth_service.hpp"
#include "services/billing_service.hpp"
#include "services/job_runner.hpp"
#include "services/refund_ledger_service.hpp"

namespace hearth::app::http {

/// A job as the API shows it: state, done of total, percent, and its answer or error.
nlohmann::ordered_json JobToJson(const ports::Job& job);
/// 202 with the job and its Location: a long run started (POST /api/v1/jobs, an import with
/// async=true).
adapters::http::Response JobAccepted(const ports::Job& job);

void AddJobRoutes(adapters::http::Router& router, services::JobRunner& jobs,
                  const services::RefundLedgerService& refunds,
                  const services::BillingService& billing, services::AuthService& auth);

}  // namespace hearth::app::http

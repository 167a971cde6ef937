// POST /api/v1/import/households?company=CODE with the households CSV as the body (text/csv):
// 200 {"created":N,"updated":N,"unchanged":N}, or 400 listing every problem of the file with its
// line and column, nothing written (services/import_service.hpp).
#pragma once

#include "adapters/http/router.hpp"
#include "app/http/records.hpp"
#include "ports/record_store.hpp"
#include "services/job_runner.hpp"

namespace hearth::app::http {

/// The caller needs the right to write both households and rooms (`authorize` with
/// Verb::kWrite); its scope bounds the companies it may import into (another company's code is
/// not_found). `store`, `clock` and `authorize` must outlive the router.
/// POST /api/v1/import/households; with `jobs`, also as a job (async=true, issue 14).
void AddImportRoutes(adapters::http::Router& router, ports::RecordStore& store,
                     const ports::Clock& clock, Authorizer authorize,
                     services::JobRunner* jobs = nullptr);

}  // namespace hearth::app::http

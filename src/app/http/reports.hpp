// Monthly reports over HTTP (issue 13, "Reports"; services/hotline_report_service.hpp says what
// each figure counts):
//   GET /api/v1/reports/hotline?month=2026-01[&company=][&format=json|xlsx]
//       the hotline report (R-WO-7) per company and channel; format=xlsx answers the workbook
//       (adapters/xlsx/hotline_report_xlsx.hpp) as an attachment named
//       hotline-report-2026-01[-<company code>].xlsx
//   GET /api/v1/reports/indicators?month=2026-01[&company=]
//       R-KPI-Q, R-KPI-P and R-KPI-B per company: value, target, status, the records and the
//       orders behind each
// Access: admin and regulator every company (or the one named by `company`, an id or code);
// manager and agent their own company (naming another is 403, as on every route with
// `company`); technician and household 403. `month` is required: YYYY-MM (400 naming it).
#pragma once

#include "adapters/http/router.hpp"
#include "ports/clock.hpp"
#include "ports/outage_store.hpp"
#include "ports/record_store.hpp"
#include "ports/work_order_store.hpp"
#include "services/auth_service.hpp"
#include "services/policy_registry.hpp"

namespace hearth::app::http {

/// The routes own their HotlineReportService; the arguments must outlive `router`.
void AddReportRoutes(adapters::http::Router& router, ports::WorkOrderStore& orders,
                     ports::RecordStore& records, const services::PolicyRegistry& policies,
                     const ports::Clock& clock, services::AuthService& auth,
                     ports::OutageStore* outages = nullptr);

inline constexpr const char* kXlsxContentType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace hearth::app::http

// Monthly reports over HTTP (issue 13, "Reports"; services/hotline_report_service.hpp says what
// each figure counts):
//   GET /api/v1/reports/hotline?month=2026-01[&company=][&format=json|xlsx]
//       the hotline report (R-WO-7) per company and channel; format=xlsx answers the workbook
//       (adapters/xlsx/hotline_report_xlsx.hpp) as an attachment named
//       hotline-report-2026-01[-<company code>].xlsx
//   GET /api/v1/reports/indicators?month=2026-01[&company=][&format=json|xlsx]
//       R-KPI-S, R-KPI-Q, R-KPI-C, R-KPI-P and R-KPI-B per company, as they stand now: value,
//       target, status, the records and the stops, orders or households behind each; xlsx: the
//       workbook of app/http/indicator_xlsx.hpp, indicators-2026-01[-<company code>].xlsx
// Access: admin and regulator every company (or the one named by `company`, an id or code);
// manager and agent their own company (naming another is 403, as on every route with
// `company`); technician and household 403. `month` is required: YYYY-MM (400 naming it).
#pragma once

#include "adapters/http/router.hpp"
#include "ports/record_store.hpp"
#include "services/auth_service.hpp"
#include "services/hotline_report_service.hpp"

namespace hearth::app::http {

/// The arguments must outlive `router`.
void AddReportRoutes(adapters::http::Router& router,
                     const services::HotlineReportService& reports, ports::RecordStore& records,
                     services::AuthService& auth);

inline constexpr const char* kXlsxContentType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The `format` parameter: true for "xlsx", false for "json" or none; invalid_argument naming
/// "format" otherwise.
Result<bool> XlsxFormat(const adapters::http::Request& req);

/// The `month` parameter (YYYY-MM, required): invalid_argument naming "month".
Result<services::ReportMonth> MonthParam(const adapters::http::Request& req);

/// A report's period: `month` (YYYY-MM), or `from` and `to` (YYYY-MM-DD, both inclusive, at
/// most services::kMaxReportDays); invalid_argument naming the parameter at fault (both forms,
/// neither, one bound alone, a bad date or run).
Result<services::ReportMonth> ReportPeriodParam(const adapters::http::Request& req);

/// What a route that exports CSV as well answers in.
enum class ExportFormat { kJson, kCsv, kXlsx };
/// Its `format` parameter: json (or none), csv or xlsx; invalid_argument naming "format".
Result<ExportFormat> ExportFormatParam(const adapters::http::Request& req);

/// A workbook's bytes as a 200 attachment named `file_name` (plain ASCII), or the error.
adapters::http::Response XlsxAttachment(Result<std::string> bytes, const std::string& file_name);
/// CSV text (UTF-8) as a 200 attachment named `file_name` (plain ASCII).
adapters::http::Response CsvAttachment(std::string text, const std::string& file_name);

}  // namespace hearth::app::http

// The regulator's comparison of companies (services/regulator_service.hpp) as a workbook, with
// Chinese headers (adapters/xlsx/workbook.hpp writes it):
// - 企业对比: one row per company: households, the five indicators as displayed (n/a: 不适用),
//   complaints, complaints per 10,000 households, on-time replies, satisfaction, company-caused
//   outages, refunds owed and paid (yuan), overdue refunds, buildings outside the licence
//   (Z 3.4), season announcements late and missing (R-SEASON-1), score and share (yuan, "—"
//   when no pool was given);
// - 补贴测算: the working: per company, one row per measure (value, weight, basis, points and
//   how they came), then its score's row in bold.
// Errors: the writer's. Thread-safe.
#pragma once

#include <string>

#include "core/result.hpp"
#include "services/regulator_service.hpp"

namespace hearth::app::http {

Result<std::string> ComparisonXlsx(const services::CompanyComparisonReport& report);

}  // namespace hearth::app::http

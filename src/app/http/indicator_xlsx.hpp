// A month's indicators per company (services/hotline_report_service.hpp, R-KPI-S/Q/C/P/B) as a
// workbook with the records behind them:
// - 指标: one row per company and indicator: 企业, 指标, 数值, 目标 ("≤ 2‰", "≥ 99%"), 状态
//   (达标/未达标/不适用), 分子, 分母, 目标依据;
// - 记录: one row per record of each indicator (a stop, an order's deadline, an order or a
//   household, as the indicator counts it): 企业, 指标, 记录, 计入分子 (是/否). At most
//   kIndicatorRecordRows rows; the note says so when more were left out.
// Errors: the writer's. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "services/hotline_report_service.hpp"

namespace hearth::app::http {

inline constexpr size_t kIndicatorRecordRows = 1'000'000;  // Excel holds 1,048,576 rows

/// The Chinese name of an indicator ("室温合格率" for R-KPI-C), or "其他".
const char* IndicatorLabel(std::string_view rule);

Result<std::string> IndicatorReportXlsx(const services::IndicatorReport& report);

/// "indicators-2026-11.xlsx", or "indicators-2026-11-<code>.xlsx" for one company.
std::string IndicatorReportFileName(const services::IndicatorReport& report);

}  // namespace hearth::app::http

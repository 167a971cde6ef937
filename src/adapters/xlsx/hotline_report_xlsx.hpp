// The monthly hotline report (R-WO-7) as an Excel workbook (.xlsx, written by libxlsxwriter):
// one sheet per company, in the report's order. Each sheet: a title row naming the company and
// the month ("某某供热公司 2026年01月 热线工单月报"), a row stating what is counted and when the
// report was made, the Chinese headers (渠道, 受理量, 按时办结, 超时, 办理中, 退单, 延期, 满意,
// 基本满意, 不满意, 未回访, 重复投诉), one row per channel (Chinese channel names) and a 合计 row.
// A sheet is named after its company (characters Excel refuses replaced by '_', cut to 31), with
// "-<id>" when that name is taken. The workbook's creation time is the report's, so the same
// report gives the same bytes.
// Errors: internal (the temporary file could not be written or read; libxlsxwriter's message is
// logged, not returned). Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "ports/hotline_report.hpp"

namespace hearth::adapters::xlsx {

/// The workbook's bytes.
Result<std::string> HotlineReportXlsx(const ports::HotlineReport& report);

/// The Chinese name of a channel, as the sheet shows it ("12345市民热线", "服务电话", …).
std::string_view ChannelLabel(rules::Channel channel);

/// "hotline-report-2026-01.xlsx", or "hotline-report-2026-01-<code>.xlsx" for one company.
std::string HotlineReportFileName(const ports::HotlineReport& report);

}  // namespace hearth::adapters::xlsx

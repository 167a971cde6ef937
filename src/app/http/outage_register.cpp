#include "app/http/outage_register.hpp"

#include <chrono>
#include <cmath>

#include "adapters/xlsx/workbook.hpp"

namespace hearth::app::http {
namespace {

using adapters::xlsx::CellValue;

std::string TimeText(const std::optional<Instant>& t) { return t ? FormatLocal(*t) : "—"; }

std::string StateLabel(rules::DutyState s) {
  switch (s) {
    case rules::DutyState::kMet: return "按时";
    case rules::DutyState::kLate: return "逾期";
    case rules::DutyState::kPending: return "待通知";
    case rules::DutyState::kOverdue: return "超时未通知";
  }
  return "—";
}

}  // namespace

Result<std::string> OutageRegisterXlsx(const std::vector<services::OutageRead>& stops,
                                       const std::map<int64_t, std::string>& companies,
                                       const std::string& period, Instant now) {
  adapters::xlsx::Sheet s;
  s.name = "停热登记";
  s.title = "供热停热登记簿";
  s.note = period + "，共 " + std::to_string(stops.size()) + " 次，生成于 " + FormatLocal(now);
  s.headers = {"编号",     "企业",     "类型",       "企业原因",   "原因",     "开始",
               "预计恢复", "实际恢复", "时长(小时)", "影响户数",   "影响面积(m²)", "路段",
               "应通知时间", "通知情况", "超期恢复"};
  s.widths = {8, 16, 8, 8, 24, 26, 26, 26, 10, 10, 12, 24, 26, 12, 10};
  for (const services::OutageRead& read : stops) {
    const ports::Outage& o = read.outage;
    const rules::NoticeObligation* notice = nullptr;
    bool overrun = false;
    for (const auto& ob : read.obligations) {
      if (ob.duty == rules::NoticeDuty::kOverrun) {
        overrun = true;
      } else if (notice == nullptr) {
        notice = &ob;
      }
    }
    const Instant end = o.actual_end.value_or(now);
    const double hours =
        end > o.start ? static_cast<double>((end - o.start).count()) / 3600.0 : 0.0;
    auto company = companies.find(o.company_id);
    s.rows.push_back({{static_cast<double>(o.id),
                       company != companies.end() ? company->second
                                                  : std::to_string(o.company_id),
                       std::string(o.kind == rules::OutageKind::kPlanned ? "计划" : "抢修"),
                       std::string(o.company_caused ? "是" : "否"), o.cause,
                       FormatLocal(o.start), FormatLocal(o.expected_end), TimeText(o.actual_end),
                       std::round(hours * 100.0) / 100.0,
                       static_cast<double>(o.affected_households),
                       static_cast<double>(o.affected_area_m2) / 100.0, o.road_sections,
                       notice ? FormatLocal(notice->due) : std::string("—"),
                       notice ? StateLabel(notice->state) : std::string("无需通知"),
                       std::string(overrun ? "是" : "否")}});
  }
  adapters::xlsx::Workbook wb;
  wb.title = "供热停热登记簿";
  wb.created = now;
  wb.sheets.push_back(std::move(s));
  return adapters::xlsx::WriteWorkbook(wb);
}

}  // namespace hearth::app::http

#include "adapters/xlsx/hotline_report_xlsx.hpp"

#include <array>

#include "adapters/xlsx/workbook.hpp"

namespace hearth::adapters::xlsx {
namespace {

constexpr std::array<const char*, 12> kHeaders = {
    "渠道", "受理量", "按时办结", "超时", "办理中", "退单",
    "延期", "满意",   "基本满意", "不满意", "未回访", "重复投诉"};

// A row of the sheet: the label, then the columns in kHeaders order.
TableRow Cells(std::string_view label, const ports::HotlineRow& r, bool bold) {
  TableRow row{{std::string(label)}, bold};
  for (int64_t n : {r.received, r.on_time, r.late, r.pending, r.returned, r.extended,
                    r.satisfied, r.basically_satisfied, r.unsatisfied, r.not_visited,
                    r.second_complaints}) {
    row.cells.emplace_back(static_cast<double>(n));
  }
  return row;
}

}  // namespace

std::string_view ChannelLabel(rules::Channel channel) {
  switch (channel) {
    case rules::Channel::kCityHotline: return "12345市民热线";
    case rules::Channel::kProvincialHotline: return "省级热线";
    case rules::Channel::kOnReceipt: return "接诉即办";
    case rules::Channel::kInternetPlus: return "互联网+督查";
    case rules::Channel::kFirstQuestion: return "首问负责";
    case rules::Channel::kUrgent: return "紧急工单";
    case rules::Channel::kPhone: return "服务电话";
    case rules::Channel::kWeb: return "网上受理";
    case rules::Channel::kHall: return "服务大厅";
  }
  return "其他";
}

std::string HotlineReportFileName(const ports::HotlineReport& report) {
  std::string name = "hotline-report-" + report.month.Text();
  if (report.companies.size() == 1) name += "-" + FileNamePart(report.companies.front().company.code);
  return name + ".xlsx";
}

Result<std::string> HotlineReportXlsx(const ports::HotlineReport& report) {
  const std::string month = ChineseMonth(report.month.year, report.month.month);
  Workbook wb;
  wb.title = "热线工单月报";
  wb.created = report.generated_at;
  wb.empty_title = month + " 热线工单月报（无公司）";
  const std::string note = "按受理时间统计（北京时间 " + report.month.Text() + "），生成于 " +
                           FormatLocal(report.generated_at);
  for (const ports::CompanyHotlineReport& c : report.companies) {
    Sheet s;
    s.name = c.company.name.empty() ? c.company.code : c.company.name;
    s.suffix = std::to_string(c.company.id);
    s.title = c.company.name + " " + month + " 热线工单月报";
    s.note = note;
    s.headers.assign(kHeaders.begin(), kHeaders.end());
    for (const ports::HotlineRow& r : c.channels) s.rows.push_back(Cells(ChannelLabel(r.channel), r, false));
    s.rows.push_back(Cells("合计", c.total, true));
    wb.sheets.push_back(std::move(s));
  }
  return WriteWorkbook(wb);
}

}  // namespace hearth::adapters::xlsx

#include "app/http/indicator_xlsx.hpp"

#include <set>

#include "adapters/xlsx/workbook.hpp"

namespace hearth::app::http {
namespace {

using adapters::xlsx::TableRow;

const char* StatusLabel(rules::IndicatorStatus s) {
  switch (s) {
    case rules::IndicatorStatus::kMet:
      return "达标";
    case rules::IndicatorStatus::kNotMet:
      return "未达标";
    case rules::IndicatorStatus::kNotApplicable:
      return "不适用";
  }
  return "不适用";
}

// "≤ 2‰" for an indicator not to exceed (per mille), "≥ 99%" or "≥ 99.5%" for one to reach.
std::string Target(const rules::IndicatorResult& r) {
  if (r.target_kind == rules::TargetKind::kAtMost) {
    return "≤ " + std::to_string(r.target_per_mille) + "‰";
  }
  std::string pct = std::to_string(r.target_per_mille / 10);
  if (r.target_per_mille % 10 != 0) pct += "." + std::to_string(r.target_per_mille % 10);
  return "≥ " + pct + "%";
}

}  // namespace

const char* IndicatorLabel(std::string_view rule) {
  if (rule == "R-KPI-S") return "运行事故率";
  if (rule == "R-KPI-Q") return "抢修响应率";
  if (rule == "R-KPI-C") return "室温合格率";
  if (rule == "R-KPI-P") return "投诉处理过程满意率";
  if (rule == "R-KPI-B") return "投诉结果满意率";
  return "其他";
}

std::string IndicatorReportFileName(const services::IndicatorReport& report) {
  std::string name = "indicators-" + report.month.Text();
  if (report.companies.size() == 1) {
    name += "-" + adapters::xlsx::FileNamePart(report.companies.front().company.code);
  }
  if (report.district) name += "-" + adapters::xlsx::FileNamePart(report.district->code);
  return name + ".xlsx";
}

Result<std::string> IndicatorReportXlsx(const services::IndicatorReport& report) {
  const ports::ReportMonth& period = report.month;
  std::string month =
      period.IsMonth() ? adapters::xlsx::ChineseMonth(period.year, period.month) : period.Text();
  std::string note =
      "统计期 " + period.Text() + "（北京时间），生成于 " + FormatLocal(report.generated_at);
  if (report.district) {
    const std::string name =
        report.district->name.empty() ? report.district->code : report.district->name;
    month += " " + name;
    note += "；仅计该区域的住户与停热";
  }
  adapters::xlsx::Sheet values;
  values.name = "指标";
  values.title = month + " 供热服务指标";
  values.note = note;
  values.headers = {"企业", "指标", "数值", "目标", "状态", "分子", "分母", "目标依据"};
  values.widths = {20, 20, 12, 10, 10, 14, 14, 28};
  adapters::xlsx::Sheet records;
  records.name = "记录";
  records.title = month + " 指标所依据的记录";
  records.headers = {"企业", "指标", "记录", "计入分子"};
  records.widths = {20, 20, 24, 10};
  size_t total = 0;
  for (const auto& c : report.companies) {
    const std::string name = c.company.name.empty() ? c.company.code : c.company.name;
    for (const rules::IndicatorResult* r : {&c.s, &c.q, &c.c, &c.p, &c.b}) {
      if (r->rule.empty()) continue;  // not computed by this server
      const std::string label = std::string(IndicatorLabel(r->rule)) + " (" + r->rule + ")";
      values.rows.push_back(
          TableRow{{name, label, r->denominator == 0 ? "不适用" : r->display, Target(*r),
                    std::string(StatusLabel(r->status)), static_cast<double>(r->numerator),
                    static_cast<double>(r->denominator), r->target_basis.Display()}});
      const std::set<std::string> counted(r->numerator_records.begin(), r->numerator_records.end());
      for (const auto& id : r->records) {
        if (++total > kIndicatorRecordRows) continue;
        records.rows.push_back(
            TableRow{{name, label, id, std::string(counted.count(id) != 0 ? "是" : "否")}});
      }
    }
  }
  records.note = note + (total > kIndicatorRecordRows
                             ? "；记录共 " + std::to_string(total) + " 条，仅列出前 " +
                                   std::to_string(kIndicatorRecordRows) + " 条"
                             : "；记录共 " + std::to_string(total) + " 条");
  adapters::xlsx::Workbook wb;
  wb.title = "供热服务指标";
  wb.created = report.generated_at;
  wb.sheets = {std::move(values), std::move(records)};
  return adapters::xlsx::WriteWorkbook(wb);
}

}  // namespace hearth::app::http

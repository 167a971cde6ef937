#include "app/http/regulator_xlsx.hpp"

#include <cstdio>
#include <string_view>

#include "adapters/xlsx/workbook.hpp"
#include "app/http/indicator_xlsx.hpp"

namespace hearth::app::http {
namespace {

using adapters::xlsx::CellValue;
using adapters::xlsx::TableRow;

// The scoring lines: an indicator's name, or one of the two complaint measures'.
std::string_view MeasureLabel(std::string_view measure) {
  if (measure == "complaint-rate") return "万户投诉量";
  if (measure == "on-time-reply") return "按时办结率";
  return IndicatorLabel(measure);
}

std::string Fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// part ÷ whole as "98.33%", or "不适用".
std::string Percent(int64_t part, int64_t whole) {
  if (whole == 0) return "不适用";
  return Fixed2(100.0 * static_cast<double>(part) / static_cast<double>(whole)) + "%";
}

CellValue Yuan(int64_t fen) { return static_cast<double>(fen) / 100.0; }

std::string Display(const rules::IndicatorResult& r) {
  if (r.rule.empty()) return "—";
  return r.denominator == 0 ? "不适用" : r.display;
}

}  // namespace

Result<std::string> ComparisonXlsx(const services::CompanyComparisonReport& report) {
  const std::string month = adapters::xlsx::ChineseMonth(report.month.year, report.month.month);
  const bool pooled = report.pool_fen.has_value();
  std::string note = "统计期 " + report.month.Text() + "（北京时间），退费按 " +
                     std::to_string(report.season_start_year) + "—" +
                     std::to_string(report.season_start_year + 1) + " 采暖季，评分依据 " +
                     report.policy + " 方案，生成于 " + FormatLocal(report.generated_at);
  if (pooled) note += "，补贴总额 " + Fixed2(static_cast<double>(*report.pool_fen) / 100.0) + " 元";

  adapters::xlsx::Sheet compare;
  compare.name = "企业对比";
  compare.title = month + " 供热企业对比";
  compare.note = note;
  compare.headers = {"企业",       "户数",       "运行事故率", "抢修响应率", "室温合格率",
                     "过程满意率", "结果满意率", "投诉量",     "万户投诉量", "按时办结率",
                     "回访满意率", "停热次数",   "应退未付(元)", "已退(元)", "逾期未退(户)",
                     "区域外楼栋", "公告逾期",   "公告缺失",   "得分",       "补贴份额(元)"};
  compare.widths = {20};
  adapters::xlsx::Sheet working;
  working.name = "补贴测算";
  working.title = month + " 补贴份额测算";
  working.note = note;
  working.headers = {"企业", "指标", "数值", "权重(%)", "权重依据", "得分", "计算过程"};
  working.widths = {20, 18, 16, 8, 24, 8, 60};
  for (const auto& c : report.companies) {
    const auto& i = c.indicators;
    const auto& t = c.hotline.total;
    const std::string name = i.company.name.empty() ? i.company.code : i.company.name;
    TableRow row{{name, static_cast<double>(c.households), Display(i.s), Display(i.q),
                  Display(i.c), Display(i.p), Display(i.b), static_cast<double>(c.complaints)}};
    row.cells.emplace_back(c.households == 0
                               ? std::string("不适用")
                               : Fixed2(static_cast<double>(c.complaints) * 10000.0 /
                                        static_cast<double>(c.households)));
    row.cells.emplace_back(Percent(c.replies_on_time, c.replies_due));
    row.cells.emplace_back(Percent(t.satisfied + t.basically_satisfied,
                                   t.satisfied + t.basically_satisfied + t.unsatisfied));
    row.cells.emplace_back(static_cast<double>(i.s_stops.size()));
    row.cells.push_back(Yuan(c.refunds.owed_fen));
    row.cells.push_back(Yuan(c.refunds.paid_fen));
    row.cells.emplace_back(static_cast<double>(c.refunds.overdue_entries));
    row.cells.emplace_back(static_cast<double>(c.unlicensed_buildings));   // Z 3.4
    row.cells.emplace_back(static_cast<double>(c.announcements_late));     // R-SEASON-1
    row.cells.emplace_back(static_cast<double>(c.announcements_missing));
    row.cells.emplace_back(static_cast<double>(c.score.score) / 100.0);
    row.cells.push_back(pooled ? Yuan(c.score.share_fen) : CellValue(std::string("—")));
    compare.rows.push_back(std::move(row));

    for (const auto& l : c.score.lines) {
      working.rows.push_back(TableRow{{name, std::string(MeasureLabel(l.measure)),
                                       l.applicable ? l.value : std::string("不适用"),
                                       static_cast<double>(l.weight), l.basis.Display(),
                                       l.applicable ? CellValue(static_cast<double>(l.points) / 100.0)
                                                    : CellValue(std::string("—")),
                                       l.working}});
    }
    std::string total = c.score.working;
    if (pooled) total += "；份额 " + Fixed2(static_cast<double>(c.score.share_fen) / 100.0) + " 元";
    working.rows.push_back(TableRow{{name, std::string("合计"), std::string(),
                                     static_cast<double>(c.score.applicable_weight), std::string(),
                                     static_cast<double>(c.score.score) / 100.0, total},
                                    true});
  }
  adapters::xlsx::Workbook wb;
  wb.title = "供热企业对比与补贴测算";
  wb.created = report.generated_at;
  wb.sheets = {std::move(compare), std::move(working)};
  return adapters::xlsx::WriteWorkbook(wb);
}

}  // namespace hearth::app::http

// The hotline report workbook read back (support/test_xlsx.hpp) and compared with the title, the
// Chinese headers, the channel rows and the numbers given.
#include "adapters/xlsx/hotline_report_xlsx.hpp"

#include <gtest/gtest.h>

#include "support/test_xlsx.hpp"

namespace hearth::adapters::xlsx {
namespace {

using support::ReadXlsx;
using support::XlsxBook;

ports::HotlineRow Row(rules::Channel ch, int64_t base) {
  ports::HotlineRow r;
  r.channel = ch;
  r.received = base;
  r.on_time = base + 1;
  r.late = base + 2;
  r.pending = base + 3;
  r.returned = base + 4;
  r.extended = base + 5;
  r.satisfied = base + 6;
  r.basically_satisfied = base + 7;
  r.unsatisfied = base + 8;
  r.not_visited = base + 9;
  r.second_complaints = base + 10;
  return r;
}

ports::HotlineReport Report() {
  ports::HotlineReport report;
  report.month = {2026, 1, {}, {}};
  report.generated_at = *ParseRfc3339("2026-02-03T12:00:00+08:00");
  auto company = [](int64_t id, std::string code, std::string name) {
    ports::CompanyHotlineReport c;
    c.company = {id, std::move(code), std::move(name), "weihai"};
    int64_t base = 0;
    for (rules::Channel ch : rules::kAllChannels) c.channels.push_back(Row(ch, base += 100));
    c.total = Row(rules::Channel::kCityHotline, 5000);
    return c;
  };
  report.companies.push_back(company(7, "mm", "某某供热公司"));
  // Excel refuses '/' and ':' in a sheet name; the third has the second's name.
  report.companies.push_back(company(8, "ab", "东区/西区:热力"));
  report.companies.push_back(company(9, "ab2", "东区/西区:热力"));
  return report;
}

TEST(HotlineReportXlsx, SheetsTitlesHeadersAndNumbers) {
  auto bytes = HotlineReportXlsx(Report());
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  ASSERT_GT(bytes->size(), 1000u);
  EXPECT_EQ(bytes->substr(0, 2), "PK");  // a zip
  XlsxBook wb = ReadXlsx(*bytes);
  ASSERT_EQ(wb.sheets, (std::vector<std::string>{"某某供热公司", "东区_西区_热力",
                                                 "东区_西区_热力-9"}));
  const auto& s = wb.cells[0];
  EXPECT_EQ(s.at("A1"), "某某供热公司 2026年01月 热线工单月报");
  EXPECT_NE(s.at("A2").find("2026-02-03T12:00:00+08:00"), std::string::npos) << s.at("A2");
  const std::vector<std::pair<const char*, const char*>> headers = {
      {"A3", "渠道"},   {"B3", "受理量"},   {"C3", "按时办结"}, {"D3", "超时"},
      {"E3", "办理中"}, {"F3", "退单"},     {"G3", "延期"},     {"H3", "满意"},
      {"I3", "基本满意"}, {"J3", "不满意"}, {"K3", "未回访"},   {"L3", "重复投诉"}};
  for (const auto& [cell, text] : headers) EXPECT_EQ(s.at(cell), text) << cell;
  // One row per channel from row 4, in the report's order; numbers base + column.
  const char* labels[] = {"12345市民热线", "省级热线", "接诉即办", "互联网+督查", "首问负责",
                          "紧急工单",      "服务电话", "网上受理", "服务大厅"};
  for (int i = 0; i < 9; ++i) {
    const std::string row = std::to_string(4 + i);
    EXPECT_EQ(s.at("A" + row), labels[i]);
    const int base = 100 * (i + 1);
    for (int col = 0; col < 11; ++col) {
      const std::string ref = std::string(1, static_cast<char>('B' + col)) + row;
      EXPECT_EQ(s.at(ref), std::to_string(base + col)) << ref;
    }
  }
  EXPECT_EQ(s.at("A13"), "合计");
  EXPECT_EQ(s.at("B13"), "5000");
  EXPECT_EQ(s.at("L13"), "5010");
  EXPECT_EQ(wb.cells[1].at("A1"), "东区/西区:热力 2026年01月 热线工单月报");
}

TEST(HotlineReportXlsx, TheSameReportGivesTheSameBytes) {
  auto first = HotlineReportXlsx(Report());
  auto second = HotlineReportXlsx(Report());
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(*first, *second);
}

TEST(HotlineReportXlsx, FileNames) {
  auto report = Report();
  EXPECT_EQ(HotlineReportFileName(report), "hotline-report-2026-01.xlsx");
  report.companies.resize(1);
  EXPECT_EQ(HotlineReportFileName(report), "hotline-report-2026-01-mm.xlsx");
  report.companies[0].company.code = "a b\"c";
  EXPECT_EQ(HotlineReportFileName(report), "hotline-report-2026-01-a_b_c.xlsx");
}

}  // namespace
}  // namespace hearth::adapters::xlsx

#include "app/http/sample_plan_export.hpp"

#include <array>

#include "adapters/xlsx/workbook.hpp"
#include "core/decimal.hpp"

namespace hearth::app::http {
namespace {

using rules::SampleDimension;

// RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled.
std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

// One selected household's fields, in the CSV's order.
std::array<std::string, 12> Fields(const services::CompanySamplePlan& plan, size_t i) {
  const rules::SampleHousehold& h = plan.households[i];
  const services::SampledHouseholdRef& r = plan.refs[i];
  return {std::to_string(r.household_id),
          r.code,
          r.address.value_or(""),
          r.community,
          r.building_code,
          std::to_string(h.floor),
          std::string(rules::TierName(rules::TierOf(h))),
          std::string(rules::PositionName(h.position)),
          r.position_derived ? "true" : "false",
          std::string(rules::OrientationName(h.orientation)),
          FormatFen(r.area_m2_centi),
          h.has_sensor ? "true" : "false"};
}

const char* ChineseValue(SampleDimension d, size_t v) {
  static constexpr const char* kPosition[] = {"近端", "中端", "末端"};
  static constexpr const char* kOrientation[] = {"阴面", "阳面"};
  static constexpr const char* kFloor[] = {"高层", "中层", "低层"};
  switch (d) {
    case SampleDimension::kPosition:
      return kPosition[v];
    case SampleDimension::kOrientation:
      return kOrientation[v];
    case SampleDimension::kFloor:
      return kFloor[v];
  }
  return "";
}

}  // namespace

std::string SamplePlanFileStem(const services::CompanySamplePlan& plan) {
  return "sample-plan-" + adapters::xlsx::FileNamePart(plan.company.code) + "-seed-" +
         std::to_string(plan.seed);
}

std::string SamplePlanCsv(const services::CompanySamplePlan& plan) {
  std::string out =
      "household_id,code,address,community,building,floor,floor_tier,network_position,"
      "position_derived,orientation,area_m2,has_sensor\r\n";
  for (size_t i : plan.plan.selected) {
    bool first = true;
    for (const std::string& f : Fields(plan, i)) {
      if (!first) out += ',';
      first = false;
      out += CsvField(f);
    }
    out += "\r\n";
  }
  return out;
}

Result<std::string> SamplePlanXlsx(const services::CompanySamplePlan& plan) {
  const rules::SamplePlan& p = plan.plan;
  const std::string company = plan.company.name.empty() ? plan.company.code : plan.company.name;
  const std::string note = "供热住户 " + std::to_string(p.households) + " 户，应采 " +
                           std::to_string(p.size.required) + " 户（" +
                           std::to_string(p.size.percent) + "%，R-SAMPLE-1），随机种子 " +
                           std::to_string(plan.seed) + "，生成于 " + FormatLocal(plan.generated_at);
  adapters::xlsx::Sheet quotas;
  quotas.name = "配额与缺口";
  quotas.title = company + " 室温采样配额（R-SAMPLE-2）";
  quotas.note = note;
  quotas.headers = {"维度", "类别", "配额", "已选", "缺口"};
  quotas.widths = {12, 10, 10, 10, 10};
  auto add = [&](SampleDimension d, const char* name, const auto& quota, const auto& achieved) {
    for (size_t v = 0; v < quota.size(); ++v) {
      const int64_t missing = quota[v] > achieved[v] ? quota[v] - achieved[v] : 0;
      quotas.rows.push_back(adapters::xlsx::TableRow{
          {std::string(name), std::string(ChineseValue(d, v)), static_cast<double>(quota[v]),
           static_cast<double>(achieved[v]), static_cast<double>(missing)},
          false});
    }
  };
  add(SampleDimension::kPosition, "管网位置", p.quotas.position, p.achieved.position);
  add(SampleDimension::kOrientation, "朝向", p.quotas.orientation, p.achieved.orientation);
  add(SampleDimension::kFloor, "楼层", p.quotas.floor, p.achieved.floor);
  adapters::xlsx::Sheet chosen;
  chosen.name = "采样住户";
  chosen.title = company + " 室温采样住户";
  chosen.note = note;
  chosen.headers = {"住户ID", "户号",     "地址",           "小区", "楼栋",     "楼层",
                    "楼层段", "管网位置", "位置按距离推定", "朝向", "面积(m²)", "有传感器"};
  chosen.widths = {10, 14, 24, 14, 10, 8, 8, 10, 14, 8, 12, 10};
  for (size_t i : p.selected) {
    const rules::SampleHousehold& h = plan.households[i];
    const services::SampledHouseholdRef& r = plan.refs[i];
    chosen.rows.push_back(adapters::xlsx::TableRow{
        {static_cast<double>(r.household_id), r.code, r.address.value_or(""), r.community,
         r.building_code, static_cast<double>(h.floor),
         std::string(ChineseValue(SampleDimension::kFloor, static_cast<size_t>(rules::TierOf(h)))),
         std::string(ChineseValue(SampleDimension::kPosition, static_cast<size_t>(h.position))),
         std::string(r.position_derived ? "是" : "否"),
         std::string(
             ChineseValue(SampleDimension::kOrientation, static_cast<size_t>(h.orientation))),
         static_cast<double>(r.area_m2_centi) / 100.0, std::string(h.has_sensor ? "是" : "否")},
        false});
  }
  adapters::xlsx::Workbook wb;
  wb.title = "室温采样方案";
  wb.created = plan.generated_at;
  wb.sheets = {std::move(quotas), std::move(chosen)};
  return adapters::xlsx::WriteWorkbook(wb);
}

}  // namespace hearth::app::http

#include "app/http/sample_plan_export.hpp"

#include <array>
#include <span>
#include <string_view>

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

// Wire names and the console's Chinese words for them (web/src/i18n/zh-CN.ts).
struct Word {
  std::string_view wire;
  const char* zh;
};
constexpr Word kPositionZh[] = {{"near", "近端"}, {"middle", "中端"}, {"far", "末端"}};
constexpr Word kOrientationZh[] = {{"shade", "阴面"}, {"sun", "阳面"}};
constexpr Word kFloorZh[] = {{"upper", "高层"}, {"middle", "中层"}, {"lower", "低层"}};
constexpr Word kMethodZh[] = {{"remote", "远传"}, {"manual", "入户"}};
constexpr Word kStatusZh[] = {
    {"collected", "已采集"}, {"late", "逾期采集"}, {"due", "待采集"}, {"overdue", "已逾期"}};

// The word for a wire name; the name itself when unknown.
std::string Zh(std::span<const Word> words, std::string_view wire) {
  for (const Word& w : words) {
    if (w.wire == wire) return w.zh;
  }
  return std::string(wire);
}

// By the rules' order of a dimension's values (the tables above are in it).
const char* ChineseValue(SampleDimension d, size_t v) {
  switch (d) {
    case SampleDimension::kPosition:
      return kPositionZh[v].zh;
    case SampleDimension::kOrientation:
      return kOrientationZh[v].zh;
    case SampleDimension::kFloor:
      return kFloorZh[v].zh;
  }
  return "";
}

std::string Joined(const auto& fields) {
  std::string out;
  bool first = true;
  for (const std::string& f : fields) {
    if (!first) out += ',';
    first = false;
    out += CsvField(f);
  }
  return out + "\r\n";
}

std::string DayOrEmpty(const std::optional<Date>& day) { return day ? FormatDate(*day) : ""; }

}  // namespace

std::string SamplePlanFileStem(const services::CompanySamplePlan& plan) {
  return "sample-plan-" + adapters::xlsx::FileNamePart(plan.company.code) + "-seed-" +
         std::to_string(plan.seed);
}

std::string SamplePlanCsv(const services::CompanySamplePlan& plan) {
  std::string out =
      "household_id,code,address,community,building,floor,floor_tier,network_position,"
      "position_derived,orientation,area_m2,has_sensor\r\n";
  for (size_t i : plan.plan.selected) out += Joined(Fields(plan, i));
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

std::string FollowUpFileStem(const services::PlanFollowUp& followed,
                             const std::optional<std::string>& staff) {
  std::string stem = "sample-plan-" + std::to_string(followed.plan.id) + "-" +
                     std::to_string(followed.plan.Int("season").value_or(0));
  if (staff) stem += "-" + adapters::xlsx::FileNamePart(*staff);
  return stem;
}

std::string FollowUpCsv(const services::PlanFollowUp& followed) {
  std::string out =
      "point_id,household_id,household_code,address,method,network_position,orientation,"
      "floor_tier,collect_on,staff,status,collected_on,collected_by\r\n";
  for (const services::PointFollowUp& p : followed.points) {
    const ports::Record& r = p.point;
    out += Joined(std::array<std::string, 13>{
        std::to_string(r.id), std::to_string(r.Int("household_id").value_or(0)),
        p.household_code, p.address.value_or(""), r.Text("method"), r.Text("network_position"),
        r.Text("orientation"), r.Text("floor_tier"), r.Text("collect_on"), r.Text("staff"),
        std::string(rules::CollectionStatusName(p.status)), DayOrEmpty(p.collected_on),
        p.collected_by});
  }
  return out;
}

Result<std::string> FollowUpXlsx(const services::PlanFollowUp& followed,
                                 const std::optional<std::string>& staff) {
  const ports::Record& plan = followed.plan;
  const int64_t season = plan.Int("season").value_or(0);
  std::string note = "采集期 " + plan.Text("collect_from") + " 至 " + plan.Text("collect_to") +
                     "；截至 " + FormatDate(followed.today) + "，全方案";
  for (size_t s = 0; s < followed.counts.size(); ++s) {
    note += std::string(s == 0 ? " " : "、") + kStatusZh[s].zh + " " +
            std::to_string(followed.counts[s]);
  }
  note += "；采用人 " + plan.Text("adopted_by");
  if (staff) note += "；仅列 " + *staff + " 的点位";
  adapters::xlsx::Sheet points;
  points.name = "采样点位";
  points.title = std::to_string(season) + "–" + std::to_string(season + 1) +
                 " 采暖季室温采样方案（R-SAMPLE-3）";
  points.note = std::move(note);
  points.headers = {"点位ID",   "住户ID", "户号",   "地址",     "采集方式", "管网位置", "朝向",
                    "楼层段",   "采集日", "采集人", "状态",     "采集日期", "测量人"};
  points.widths = {10, 10, 14, 24, 10, 10, 8, 8, 12, 12, 10, 12, 12};
  for (const services::PointFollowUp& p : followed.points) {
    const ports::Record& r = p.point;
    points.rows.push_back(adapters::xlsx::TableRow{
        {static_cast<double>(r.id), static_cast<double>(r.Int("household_id").value_or(0)),
         p.household_code, p.address.value_or(""), Zh(kMethodZh, r.Text("method")),
         Zh(kPositionZh, r.Text("network_position")), Zh(kOrientationZh, r.Text("orientation")),
         Zh(kFloorZh, r.Text("floor_tier")), r.Text("collect_on"), r.Text("staff"),
         Zh(kStatusZh, rules::CollectionStatusName(p.status)), DayOrEmpty(p.collected_on),
         p.collected_by},
        p.status == rules::CollectionStatus::kOverdue});  // overdue rows in bold
  }
  adapters::xlsx::Workbook wb;
  wb.title = "室温采样方案";
  wb.created = followed.at;
  wb.sheets = {std::move(points)};
  return adapters::xlsx::WriteWorkbook(wb);
}

}  // namespace hearth::app::http

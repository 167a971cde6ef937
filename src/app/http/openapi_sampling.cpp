// The OpenAPI schemas of the sampling plans' bodies (R-SAMPLE-1..3): the plan GET previews
// (app/http/sample_plans.cpp, adapters/json/sample_plan_json.hpp), adopting it, its follow-up
// and a point's new day or technician (app/http/sample_plan_follow_up.cpp).
#include "app/http/openapi.hpp"
#include "app/http/openapi_schema.hpp"

namespace hearth::app::http {

void AddSamplingBodySchemas(nlohmann::ordered_json& schemas) {
  using schema::ArrayOf;
  using schema::Enum;
  using schema::Integer;
  using schema::Nullable;
  using schema::Object;
  using schema::ordered_json;
  using schema::RefTo;
  using schema::Text;
  using schema::Boolean;
  using schema::Number;
  const char* const date = "YYYY-MM-DD";
  const std::vector<std::string> positions = {"near", "middle", "far"};
  const std::vector<std::string> orientations = {"shade", "sun"};
  const std::vector<std::string> tiers = {"upper", "middle", "lower"};
  auto by = [](const std::vector<std::string>& values) {
    ordered_json p = ordered_json::object();
    for (const auto& v : values) p[v] = Integer("households " + v);
    return Object(p, values);
  };
  schemas["SampleCounts"] = Object(
      {{"position", by(positions)}, {"orientation", by(orientations)}, {"floor", by(tiers)}},
      {"position", "orientation", "floor"});
  schemas["SampleShortfall"] =
      Object({{"dimension", Enum({"position", "orientation", "floor"}, "the quota's dimension")},
              {"value", Text("the value within it, e.g. far")},
              {"missing", Integer("households the quota lacks (R-SAMPLE-3)")}},
             {"dimension", "value", "missing"});
  ordered_json summary = {
      {"households", Integer("the company's heated households")},
      {"total_area_m2", Number("their area, exact")},
      {"rate_percent", Integer("the area band's percentage (R-SAMPLE-1)")},
      {"required", Integer("households to sample")},
      {"quotas", RefTo("SampleCounts")},
      {"achieved", RefTo("SampleCounts")},
      {"shortfalls", ArrayOf(RefTo("SampleShortfall"), 0)}};
  const std::vector<std::string> summary_keys = {"households", "total_area_m2", "rate_percent",
                                                 "required",   "quotas",        "achieved",
                                                 "shortfalls"};
  schemas["SamplePlanSummary"] = Object(summary, summary_keys);
  schemas["SampledHousehold"] = Object(
      {{"household_id", Integer("")},
       {"code", Text("the household's number")},
       {"address", Nullable(Text(""))},
       {"community", Text("its building's community (小区)")},
       {"building_id", Integer("")},
       {"building_code", Text("")},
       {"floor", Integer("its floor (a basement counts as 1)")},
       {"floors", Integer("the building's floors")},
       {"floor_tier", Enum(tiers, "R-SAMPLE-2")},
       {"network_position", Enum(positions, "R-SAMPLE-2")},
       {"position_derived", Boolean("derived from the pipe distance by thirds (推定)")},
       {"orientation", Enum(orientations, "R-SAMPLE-2")},
       {"area_m2", Number("heated area")},
       {"has_sensor", Boolean("a remote sensor collects it")}},
      {"household_id", "code", "address", "community", "building_id", "building_code", "floor",
       "floors", "floor_tier", "network_position", "position_derived", "orientation", "area_m2",
       "has_sensor"});
  ordered_json preview = {{"company_id", Integer("")},
                          {"company_code", Text("")},
                          {"company_name", Text("")},
                          {"policy", Text("the company's profile")},
                          {"seed", Text("decimal digits (it may pass 2^53)")},
                          {"generated_at", Text("RFC 3339")}};
  for (const auto& [k, v] : summary.items()) preview[k] = v;
  preview["selected"] = ArrayOf(Text("a selected household's id"), 0);
  preview["selected_households"] = ArrayOf(RefTo("SampledHousehold"), 0);
  std::vector<std::string> preview_keys = {"company_id", "company_code", "company_name",
                                           "policy",     "seed",         "generated_at"};
  preview_keys.insert(preview_keys.end(), summary_keys.begin(), summary_keys.end());
  preview_keys.push_back("selected");
  preview_keys.push_back("selected_households");
  schemas["SamplePlanPreview"] = Object(preview, preview_keys);
  ordered_json season = Integer("the year the season starts, 2000..2200");
  schemas["SamplePlanAdoption"] = Object(
      {{"season", season},
       {"from", Text("first day of the collection window (YYYY-MM-DD), within the season")},
       {"to", Text("last day of the collection window (YYYY-MM-DD), within the season")},
       {"staff", ArrayOf(Text("a technician's username"), 0)}},
      {"season", "from", "to"});
  schemas["SamplePointChange"] =
      Object({{"collect_on", Nullable(Text("the new day, within the plan's window"))},
              {"staff", Nullable(Text("the new technician's username"))}},
             {});
  const std::vector<std::string> statuses = {"collected", "late", "due", "overdue"};
  ordered_json counts = ordered_json::object();
  for (const auto& s : statuses) counts[s] = Integer("points " + s);
  ordered_json point = schemas["sample point"];
  point["properties"]["household_code"] = Text("the household's number");
  point["properties"]["address"] = Nullable(Text("the household's address"));
  point["properties"]["status"] =
      Enum(statuses,
           "collected: on or before its day (a remote point: data in the window); late: measured "
           "after its day; due: not yet, its day to come; overdue: its day passed uncollected");
  point["properties"]["collected_on"] =
      Nullable(Text("a manual point: the day of its first valid measurement in the window"));
  point["properties"]["collected_by"] = Nullable(Text("who took that measurement"));
  for (const char* k : {"id", "household_code", "address", "status", "collected_on",
                        "collected_by"}) {
    point["required"].push_back(k);
  }
  schemas["SamplePlanFollowUp"] =
      Object({{"plan", RefTo("sample plan")},
              {"today", Text(date)},
              {"counts", Object(counts, statuses)},
              {"points", ArrayOf(point, 0)}},
             {"plan", "today", "counts", "points"});
}

}  // namespace hearth::app::http

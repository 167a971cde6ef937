// The OpenAPI schemas of the regulator's answers (app/http/regulator.cpp): the comparison of
// companies (R-REG-1, Z 4.3), works outside the licence (Z 3.4) and the season's duties
// (R-SEASON-1). After AddRegulatorSchemas, whose indicator and hotline schemas they reuse.
#include "app/http/openapi.hpp"
#include "app/http/openapi_schema.hpp"

namespace hearth::app::http {
namespace {

using schema::ArrayOf;
using schema::Boolean;
using schema::Enum;
using schema::Integer;
using schema::Nullable;
using schema::Number;
using schema::Object;
using schema::ordered_json;
using schema::RefTo;
using schema::Text;

// The regulator's comparison of companies (regulator.cpp, ReportJson; R-REG-1, Z 4.3).
void AddComparisonSchemas(ordered_json& schemas) {
  // A published indicator's figures (openapi_regulator.cpp) but its clause and records.
  ordered_json indicator = schemas["PublishedIndicator"];
  indicator["properties"].erase("target_basis");
  indicator["properties"].erase("records");
  ordered_json keys = ordered_json::array();
  for (const auto& k : indicator["required"]) {
    if (k != "target_basis" && k != "records") keys.push_back(k);
  }
  indicator["required"] = keys;
  schemas["ComparisonIndicator"] = indicator;
  const ordered_json channel = schemas["HotlineRow"]["properties"]["channel"];
  std::vector<std::string> measures;  // rules/subsidy.hpp, ScoreLine::measure
  for (const auto& r : indicator["properties"]["rule"]["enum"]) {
    measures.push_back(r.get<std::string>());
  }
  measures.push_back("complaint-rate");
  measures.push_back("on-time-reply");
  schemas["SubsidyWeight"] =
      Object({{"measure", Enum(measures, "what it weighs")},
              {"weight", Integer("whole percent; the profile's weights sum to 100")},
              {"basis", Text("\"Z 4.3 (platform default)\"")}},
             {"measure", "weight", "basis"});
  schemas["ChannelComplaints"] = Object(
      {{"channel", channel},
       {"received", Integer("")},
       {"per_10000", Nullable(Number("received × 10,000 ÷ households; null without households"))}},
      {"channel", "received", "per_10000"});
  schemas["SubsidyScoreLine"] = Object(
      {{"measure", Enum(measures, "")},
       {"value", Text("\"0.35‰\", \"23.33 per 10,000\", \"96.00%\"; \"n/a\"")},
       {"applicable", Boolean("")},
       {"points", Text("\"100.00\"")},
       {"weight", Integer("whole percent")},
       {"basis", Text("the weight's clause")},
       {"working", Text("how the points came")}},
      {"measure", "value", "applicable", "points", "weight", "basis", "working"});
  schemas["SubsidyScore"] = Object(
      {{"points", Text("\"97.50\": the weighted mean of the applicable lines")},
       {"hundredths", Integer("the points in hundredths, 0..10000")},
       {"applicable_weight", Integer("Σ the applicable lines' weights")},
       {"working", Text("\"(15 × 100.00 + …) ÷ 85 = 97.50\"")},
       {"share_fen", Nullable(Integer("its share of pool_fen (largest remainder); null without "
                                      "a pool"))},
       {"lines", ArrayOf(RefTo("SubsidyScoreLine"), 0)}},
      {"points", "hundredths", "applicable_weight", "working", "share_fen", "lines"});
  auto counts = [](std::vector<std::string> keys) {
    ordered_json p = ordered_json::object();
    for (const auto& k : keys) p[k] = Integer("");
    return Object(p, keys);
  };
  ordered_json complaints = counts({"received", "duplicates", "complaints"});
  complaints["properties"]["complaints"]["description"] = "received − duplicates";
  complaints["properties"]["per_10000"] = Nullable(Number("complaints × 10,000 ÷ households"));
  complaints["properties"]["by_channel"] = ArrayOf(RefTo("ChannelComplaints"), 0);
  complaints["required"] = {"received", "duplicates", "complaints", "per_10000", "by_channel"};
  ordered_json replies = counts({"due", "on_time"});
  replies["properties"]["rate"] = Nullable(Number("on_time ÷ due; null when none was due"));
  replies["required"].push_back("rate");
  ordered_json satisfaction =
      counts({"satisfied", "basically_satisfied", "unsatisfied", "not_visited"});
  satisfaction["properties"]["rate"] = Nullable(Number("satisfied or basically, of the visited"));
  satisfaction["required"].push_back("rate");
  schemas["CompanyComparison"] = Object(
      {{"company_id", Integer("")},
       {"company_code", Text("")},
       {"company_name", Text("")},
       {"policy", Text("the company's profile")},
       {"households", Integer("")},
       {"indicators", ArrayOf(RefTo("ComparisonIndicator"), 0, 5)},
       {"complaints", complaints},
       {"replies", replies},
       {"satisfaction", satisfaction},
       {"outages", Object({{"company_caused", Integer("the company-caused heating stops")},
                           {"ids", ArrayOf(Integer("a stop's id"), 0)}},
                          {"company_caused", "ids"})},
       {"licence", counts({"unlicensed_buildings", "unlicensed_households"})},
       {"season_announcements", counts({"late", "missing"})},
       {"refunds", counts({"owed_fen", "owed_entries", "paid_fen", "paid_entries",
                           "overdue_entries"})},
       {"score", RefTo("SubsidyScore")}},
      {"company_id", "company_code", "company_name", "policy", "households", "indicators",
       "complaints", "replies", "satisfaction", "outages", "licence", "season_announcements",
       "refunds", "score"});
  schemas["CompanyComparisonReport"] = Object(
      {{"month", Text("YYYY-MM, or \"YYYY-MM-DD..YYYY-MM-DD\" for a run of days")},
       {"from", Text("RFC 3339 (+08:00)")},
       {"until", Text("exclusive, RFC 3339 (+08:00)")},
       {"generated_at", Text("RFC 3339 (+08:00)")},
       {"season_start_year", Integer("the season of the refunds")},
       {"policy", Text("the profile whose weights scored the companies")},
       {"pool_fen", Nullable(Integer("the subsidy pool, fen"))},
       {"weights", ArrayOf(RefTo("SubsidyWeight"), 7, 7)},
       {"companies", ArrayOf(RefTo("CompanyComparison"), 0)}},
      {"month", "from", "until", "generated_at", "season_start_year", "policy", "pool_fen",
       "weights", "companies"});
}

// Works outside the licence (Z 3.4) and the season's duties (R-SEASON-1) (regulator.cpp).
void AddFlagSchemas(ordered_json& schemas) {
  const char* const date = "YYYY-MM-DD";
  schemas["LicenceFlag"] = Object(
      {{"company_id", Integer("")},
       {"building_id", Integer("")},
       {"building_code", Text("")},
       {"community", Text("the community (小区)")},
       {"district_id", Integer("")},
       {"district_code", Text("")},
       {"district_name", Text("")},
       {"households", Integer("its households, every heating status")},
       {"heated_households", Integer("of those, heated")},
       {"outage_ids", ArrayOf(Integer("a stop that cut off any of them, ascending"), 0)},
       {"work_orders", Integer("orders received from its households, duplicates too")},
       {"connection_applications", Integer("applications for it (R-CONN-1), in any state")}},
      {"company_id", "building_id", "building_code", "community", "district_id", "district_code",
       "district_name", "households", "heated_households", "outage_ids", "work_orders",
       "connection_applications"});
  schemas["LicenceFlags"] = Object({{"basis", Text("\"Z 3.4\"")},
                                    {"items", ArrayOf(RefTo("LicenceFlag"), 0)}},
                                   {"basis", "items"});
  const ordered_json& announcement = schemas["season announcement"]["properties"];
  schemas["SeasonDuty"] = Object(
      {{"kind", announcement["kind"]},
       {"announced_day", Text("the commissioning's first day, or the first heated day")},
       {"status", Enum({"on_time", "late", "missing", "due"},
                       "announced a day ahead or earlier, on the day or after, not once the day "
                       "has come, not while it is ahead (R-SEASON-1)")},
       {"flagged", Boolean("late or missing")},
       {"days_late", Integer("≥ 1 when late, else 0")},
       {"announcement", Nullable(Object({{"id", Integer("")},
                                         {"published_on", Text(date)},
                                         {"channel", announcement["channel"]},
                                         {"reference", Text("")}},
                                        {"id", "published_on", "channel", "reference"}))}},
      {"kind", "announced_day", "status", "flagged", "days_late", "announcement"});
  schemas["SeasonDuty"]["properties"]["announcement"]["description"] =
      "the announcement recorded; null when missing or due";
  schemas["SeasonDutyRow"] = Object(
      {{"company_id", Integer("")},
       {"company_code", Text("")},
       {"company_name", Text("")},
       {"district_id", Integer("")},
       {"district_code", Text("")},
       {"district_name", Text("")},
       {"season_id", Nullable(Integer("the district's season record; null: the defaults"))},
       {"dates_from", Enum({"record", "profile"}, "the district's record, or the profile's "
                                                  "default dates")},
       {"commissioning_start", Text(date)},
       {"official_start", Text(date)},
       {"official_end", Text(date)},
       {"early_start", Nullable(Text("an early start decided by the district"))},
       {"extension_end", Nullable(Text("the last day of an extension decided by the district"))},
       {"decision_ref", Nullable(Text("the district's decision (威政字〔2025〕12号)"))},
       {"first_heated_day", Text("early_start if decided, else official_start")},
       {"duties", ArrayOf(RefTo("SeasonDuty"), 0)}},
      {"company_id", "company_code", "company_name", "district_id", "district_code",
       "district_name", "season_id", "dates_from", "commissioning_start", "official_start",
       "official_end", "early_start", "extension_end", "decision_ref", "first_heated_day",
       "duties"});
  schemas["SeasonFlags"] = Object(
      {{"season", Integer("the year the season starts")},
       {"today", Text("the server's day (+08:00), against which the duties were judged")},
       {"basis", Text("\"R-SEASON-1 (Z 2.1, W 5.2.5, W 6.1.1)\"")},
       {"flagged", Integer("the duties late or missing")},
       {"items", ArrayOf(RefTo("SeasonDutyRow"), 0)}},
      {"season", "today", "basis", "flagged", "items"});
}

}  // namespace

void AddRegulatorFlagSchemas(nlohmann::ordered_json& schemas) {
  AddComparisonSchemas(schemas);
  AddFlagSchemas(schemas);
}

}  // namespace hearth::app::http

// The OpenAPI schemas of the answers of indicators, the regulator's comparisons and flags, energy reports, public information and reports.
// Written from the JSON writers: app/http/reports.cpp (the live indicators, the hotline report),
// indicators.cpp (publications), regulator.cpp, energy.cpp and public_info.cpp.
#include "app/http/openapi.hpp"
#include "app/http/openapi_schema.hpp"

namespace hearth::app::http {
void AddRegulatorSchemas(nlohmann::ordered_json& schemas) {
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
  const char* const date = "YYYY-MM-DD";
  const char* const time = "RFC 3339 (+08:00)";
  // rules::kIndicatorRules, rules::IndicatorStatusName, rules::ChannelName, rules::FuelName.
  const std::vector<std::string> rules = {"R-KPI-S", "R-KPI-Q", "R-KPI-C", "R-KPI-P", "R-KPI-B"};
  const std::vector<std::string> statuses = {"met", "not-met", "not-applicable"};
  const std::vector<std::string> kinds = {"at-least", "at-most"};
  const std::vector<std::string> channels = {
      "city-hotline", "provincial-hotline", "on-receipt", "internet-plus", "first-question",
      "urgent",       "phone",              "web",        "hall"};
  const ordered_json fuel = Enum({"coal", "gas", "oil", "biomass"}, "R-ENERGY-1");

  // The figures of an indicator, as every writer gives them.
  ordered_json figures = {
      {"rule", Enum(rules, "W 14.4 table 1")},
      {"name", Text("the indicator's name")},
      {"numerator", Integer("the value is numerator ÷ denominator")},
      {"denominator", Integer("0: not applicable")},
      {"value", Nullable(Number("numerator ÷ denominator; null when the denominator is 0"))},
      {"display", Text("\"0.35‰\", \"96.00%\"; \"n/a\" when not applicable")},
      {"target_per_mille", Integer("the target, per mille")},
      {"target_kind", Enum(kinds, "the value must be at least or at most the target")}};
  const std::vector<std::string> figure_keys = {"rule",    "name",    "numerator",
                                                "denominator", "value", "display",
                                                "target_per_mille", "target_kind"};

  // ---- The live indicators (reports.cpp; GET /api/v1/indicators, /api/v1/reports/indicators).
  ordered_json live = figures;
  live["target_basis"] = Text("the target's clause");
  live["status"] = Enum(statuses, "against the target");
  live["records"] = ArrayOf(Text("a record it was computed from: \"286/response\", an id"), 0);
  live["numerator_records"] = ArrayOf(Text("those of records counted in the numerator"), 0);
  live["outages"] = ArrayOf(Integer("a heating stop's id"), 0);
  live["orders"] = ArrayOf(Integer("a work order's id"), 0);
  live["households"] = ArrayOf(Integer("a household's id"), 0);
  live["computed_at"] = Text("R-KPI-C: when the judged days were computed, " + std::string(time));
  live["records_url"] =
      Text("the records behind it, paged: /api/v1/indicators/{rule}/records?<the same period, "
           "company and district>");
  std::vector<std::string> live_keys = figure_keys;
  for (const char* k : {"target_basis", "status", "records", "numerator_records", "records_url"}) {
    live_keys.push_back(k);
  }
  ordered_json indicator = Object(live, live_keys);
  indicator["description"] =
      "One of outages (R-KPI-S), orders (R-KPI-Q, P, B) or households (R-KPI-C): the ids behind "
      "it";
  schemas["Indicator"] = indicator;

  // The period of a report (reports.cpp, MonthJson).
  ordered_json period = {
      {"month", Nullable(Text("YYYY-MM; null for a run of days (from and to)"))},
      {"period", Text("\"2026-01\", or \"2026-01-05..2026-02-10\" for a run of days")},
      {"from", Text("the period's first second, " + std::string(time))},
      {"until", Text("the first second after it, " + std::string(time))},
      {"generated_at", Text(time)}};
  const std::vector<std::string> period_keys = {"month", "period", "from", "until",
                                                "generated_at"};
  ordered_json report = period;
  report["district"] = Nullable(Object({{"district_id", Integer("")},
                                        {"district_code", Text("")},
                                        {"district_name", Text("")}},
                                       {"district_id", "district_code", "district_name"}));
  report["district"]["description"] = "the district the figures are limited to; null: every one";
  report["companies"] = ArrayOf(Object({{"company_id", Integer("")},
                                        {"company_code", Text("")},
                                        {"company_name", Text("")},
                                        {"policy", Text("the company's profile")},
                                        {"indicators", ArrayOf(RefTo("Indicator"), 0, 5)}},
                                       {"company_id", "company_code", "company_name", "policy",
                                        "indicators"}),
                                0);
  std::vector<std::string> report_keys = period_keys;
  report_keys.push_back("district");
  report_keys.push_back("companies");
  schemas["IndicatorReport"] = Object(report, report_keys);

  schemas["LiveIndicatorRecord"] = Object(
      {{"company_id", Integer("")},
       {"record", Text("a stop's id (R-KPI-S), \"<order id>/<deadline>\" (R-KPI-Q), an order's "
                       "id (R-KPI-P, B), a household's id (R-KPI-C)")},
       {"numerator", Integer("its part of the numerator")},
       {"denominator", Integer("its part of the denominator")}},
      {"company_id", "record", "numerator", "denominator"});

  // ---- The hotline report (reports.cpp, RowJson; R-WO-7).
  ordered_json row = {
      {"channel", Enum(channels, "the channel; absent from the total")},
      {"received", Integer("orders received in the month")},
      {"on_time", Integer("")},
      {"late", Integer("")},
      {"pending", Integer("")},
      {"returned", Integer("")},
      {"extended", Integer("")},
      {"satisfaction", Object({{"satisfied", Integer("")},
                               {"basically_satisfied", Integer("")},
                               {"unsatisfied", Integer("")},
                               {"not_visited", Integer("")}},
                              {"satisfied", "basically_satisfied", "unsatisfied", "not_visited"})},
      {"second_complaints", Integer("")},
      {"duplicates", Integer("orders merged into a parent (R-WO-1)")},
      {"orders", ArrayOf(Integer("an order's id"), 0)}};
  const std::vector<std::string> row_keys = {
      "received",          "on_time",    "late",  "pending", "returned", "extended", "satisfaction",
      "second_complaints", "duplicates", "orders"};
  schemas["HotlineRow"] = Object(row, row_keys);
  ordered_json hotline = period;
  hotline["basis"] = Text("what is counted (R-WO-7)");
  hotline["companies"] = ArrayOf(
      Object({{"company_id", Integer("")},
              {"company_code", Text("")},
              {"company_name", Text("")},
              {"channels", ArrayOf(RefTo("HotlineRow"), 0)},
              {"total", RefTo("HotlineRow")}},
             {"company_id", "company_code", "company_name", "channels", "total"}),
      0);
  std::vector<std::string> hotline_keys = period_keys;
  hotline_keys.push_back("basis");
  hotline_keys.push_back("companies");
  schemas["HotlineReport"] = Object(hotline, hotline_keys);

  // ---- Published indicators (indicators.cpp; W 14.4.6).
  ordered_json published = figures;
  published["target_basis"] = Text("the target's clause");
  published["status"] = Enum(statuses, "against the target");
  published["records"] = Integer("how many records it was computed from");
  std::vector<std::string> published_keys = figure_keys;
  for (const char* k : {"target_basis", "status", "records"}) published_keys.push_back(k);
  schemas["PublishedIndicator"] = Object(published, published_keys);
  schemas["IndicatorPublication"] = Object(
      {{"id", Integer("")},
       {"company_id", Integer("")},
       {"company_code", Text("")},
       {"company_name", Text("")},
       {"month", Text("YYYY-MM")},
       {"policy", Text("the company's profile")},
       {"published_at", Text(time)},
       {"published_by", Text("who published it; absent from the public list")},
       {"records_url", Text("its records, paged; absent from the public list")},
       {"indicators", ArrayOf(RefTo("PublishedIndicator"), 0, 5)}},
      {"id", "company_id", "company_code", "company_name", "month", "policy", "published_at",
       "indicators"});
  schemas["IndicatorRecord"] = Object(
      {{"rule", Enum(rules, "the indicator")},
       {"record", Text("a stop's id (R-KPI-S), \"<order id>/<deadline>\" (R-KPI-Q), an order's "
                       "id (R-KPI-P, B), a household's id (R-KPI-C)")},
       {"numerator", Integer("its part: seconds × area in m²×100 (R-KPI-S), 1 or 0, qualified "
                             "days (R-KPI-C)")},
       {"denominator", Integer("0 (R-KPI-S), 1, judged days (R-KPI-C)")}},
      {"rule", "record", "numerator", "denominator"});

  // ---- Energy reserve (energy.cpp; R-ENERGY-1, W 6.2).
  schemas["EnergyReport"] = Object(
      {{"id", Integer("")},
       {"company_id", Integer("")},
       {"day", Text(date)},
       {"fuel", fuel},
       {"unit", Enum({"t", "m3"}, "tonnes, or cubic metres for gas")},
       {"stock", Number("at most two decimals")},
       {"consumption", Number("the day's, at most two decimals")},
       {"reserve_days",
        Nullable(Number("stock ÷ consumption, rounded down to one decimal; null when the "
                        "consumption is 0"))},
       {"low", Boolean("reserve_days below threshold_days")},
       {"threshold_days", Integer("the profile's threshold")},
       {"basis", Text("the threshold's clause: \"W 6.2.2\"")},
       {"note", Text("may be empty")},
       {"reported_by", Text("")},
       {"reported_at", Text(time)}},
      {"id", "company_id", "day", "fuel", "unit", "stock", "consumption", "reserve_days", "low",
       "threshold_days", "basis", "note", "reported_by", "reported_at"});
  schemas["EnergyLowSpell"] =
      Object({{"fuel", fuel},
              {"from", Text(date)},
              {"to", Text(std::string(date) + ", included")},
              {"days", Integer("from to to, both included")},
              {"min_reserve_days", Number("the lowest days of reserve, one decimal")}},
             {"fuel", "from", "to", "days", "min_reserve_days"});
  schemas["EnergyCompanyFlags"] = Object(
      {{"company_id", Integer("")},
       {"company_code", Text("")},
       {"company_name", Text("")},
       {"from", Text(date)},
       {"to", Text(date)},
       {"reports", Integer("reports filed in the period")},
       {"threshold_days", Integer("its profile's threshold")},
       {"basis", Text("the threshold's clause")},
       {"missing_days", ArrayOf(Text("a day with no report at all, " + std::string(date)), 0)},
       {"low_spells", ArrayOf(RefTo("EnergyLowSpell"), 0)}},
      {"company_id", "company_code", "company_name", "from", "to", "reports", "threshold_days",
       "basis", "missing_days", "low_spells"});
  schemas["EnergyFlags"] = Object(
      {{"season", Integer("the year the season starts")},
       {"from", Text("the commissioning's start, " + std::string(date))},
       {"to", Text("yesterday or the season's end, " + std::string(date))},
       {"threshold_days", Integer("the first company's threshold; 0 without companies")},
       {"basis", Text("the first company's clause; empty without companies")},
       {"companies", ArrayOf(RefTo("EnergyCompanyFlags"), 0)}},
      {"season", "from", "to", "threshold_days", "basis", "companies"});

  // ---- A company's public information (public_info.cpp; R-INFO-1, W 4.5, W 12.2).
  schemas["PublicInfoItem"] = Object({{"key", Text("")},
                                      {"title", Text("")},
                                      {"text", Text("")},
                                      {"basis", Text("the clause it comes from")}},
                                     {"key", "title", "text", "basis"});
  ordered_json contact_kind = schemas["service contact"]["properties"]["kind"];
  contact_kind["description"] = "hotline 客服热线, repair 抢修电话, supervision 监督电话, hall 营业厅";
  schemas["PublicContact"] = Object({{"kind", contact_kind},
                                     {"name", Text("")},
                                     {"phone", Text("")},
                                     {"address", Nullable(Text(""))},
                                     {"hours", Nullable(Text(""))}},
                                    {"kind", "name", "phone", "address", "hours"});
  schemas["PublicSeason"] = Object(
      {{"district_code", Text("")},
       {"district_name", Text("")},
       {"official_start", Text(date)},
       {"official_end", Text(date)},
       {"early_start", Nullable(Text(date))},
       {"extension_end", Nullable(Text(date))},
       {"decided", Boolean("the district published its dates (else the profile's defaults)")}},
      {"district_code", "district_name", "official_start", "official_end", "early_start",
       "extension_end", "decided"});
  schemas["PublicPrice"] = Object(
      {{"name", Text("")},
       {"billing", schemas["tariff"]["properties"]["billing"]},
       {"price", Text("yuan: \"22.50\"")},
       {"unit", Enum({"元/平方米·采暖季", "元/GJ"}, "by area, or by heat (meter)")},
       {"valid_from", Text(date)},
       {"valid_to", Nullable(Text(date))},
       {"approval", Nullable(Text("the price authority's approval (文号)"))},
       {"base_price", Text("a meter tariff's base price, 元/平方米·采暖季")}},
      {"name", "billing", "price", "unit", "valid_from", "valid_to", "approval"});
  std::vector<std::string> methods;  // the payments' methods, but an offset (not a way to pay)
  for (const auto& m : schemas["payment"]["properties"]["method"]["enum"]) {
    if (m != "offset") methods.push_back(m.get<std::string>());
  }
  schemas["PublicCompanyInfo"] = Object(
      {{"company", Object({{"code", Text("")},
                           {"name", Text("")},
                           {"licence_no", Nullable(Text("its licence's number"))}},
                          {"code", "name", "licence_no"})},
       {"policy", Text("the company's profile")},
       {"contacts", ArrayOf(RefTo("PublicContact"), 0)},
       {"season", Integer("the year the season starts")},
       {"seasons", ArrayOf(RefTo("PublicSeason"), 0)},
       {"prices", ArrayOf(RefTo("PublicPrice"), 0)},
       {"payment_methods",
        ArrayOf(Object({{"method", Enum(methods, "a payment's method")},
                        {"name", Text("in Chinese")}},
                       {"method", "name"}),
                0)},
       {"procedures", ArrayOf(RefTo("PublicInfoItem"), 0)},
       {"standards", ArrayOf(RefTo("PublicInfoItem"), 0)},
       {"rights", ArrayOf(RefTo("PublicInfoItem"), 0)},
       {"duties", ArrayOf(RefTo("PublicInfoItem"), 0)}},
      {"company", "policy", "contacts", "season", "seasons", "prices", "payment_methods",
       "procedures", "standards", "rights", "duties"});

}

}  // namespace hearth::app::http

// The OpenAPI schemas of the answers of a household's judged days, readings, refunds, alerts and the calendar's state (days.cpp, readings.cpp, refunds.cpp, alerts.cpp, health.cpp, weather.cpp).
// Also a sensor's conflicting and quarantined readings (reading_conflicts.cpp,
// reading_quarantine.cpp) and the heat-usage rates (usage_rates.cpp).
#include "app/http/openapi.hpp"
#include "app/http/openapi_schema.hpp"

namespace hearth::app::http {

void AddMonitoringSchemas(nlohmann::ordered_json& schemas) {
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
  const char* const time = "RFC 3339, local time";
  // rules::EvidenceSourceName (R-REFUND-5).
  const std::vector<std::string> sources = {"none", "remote", "manual", "manual-period"};

  // adapters/json/monitoring_json.hpp, RoomSummariesJson.
  schemas["RoomSummary"] =
      Object({{"room", Text("the room's name")},
              {"kind", Enum({"bedroom", "living", "other"}, "bedrooms and living rooms count "
                                                            "(R-TEMP-1)")},
              {"valid_hours", Integer("hours with valid readings, 0..24 (R-TEMP-3)")},
              {"counted", Boolean("the room counted in the day's value")},
              {"value", Nullable(Number("the room's daily value, °C; null when it did not count"))}},
             {"room", "kind", "valid_hours", "counted", "value"});

  // days.cpp, DayJson.
  schemas["JudgedDay"] = Object(
      {{"date", Text(date)},
       {"value", Nullable(Number("the daily value, °C (R-TEMP-3); null without data"))},
       {"guarantee", Nullable(Number("the guaranteed temperature, °C (R-TEMP-2)"))},
       {"status", Enum({"qualified", "unqualified", "exempt", "not-judged"}, "R-TEMP-5")},
       {"share_percent", Integer("the refund share of the day (R-REFUND-1)")},
       {"reason", Text("why the share, or why none")},
       {"in_season", Boolean("within the season's official days")},
       {"extra_day", Boolean("a day heated outside the official season")},
       {"outdoor_mean", Nullable(Number("the district's outdoor daily mean, °C (R-TEMP-1)"))},
       {"outage_hours", Number("hours of company-caused heating stops that day (R-REFUND-2)")},
       {"finding_id", Nullable(Integer("the household-caused finding covering the day "
                                       "(R-REFUND-4)"))},
       {"evidence",
        Object({{"source", Enum(sources, "R-REFUND-5")},
                {"measured_on", Text("manual, manual-period: the measurement's day")},
                {"measurement_id", Integer("manual, manual-period: the measurement")},
                {"room", Nullable(Text("remote: the room with the minimum; manual: the room "
                                       "measured"))},
                {"rooms", ArrayOf(RefTo("RoomSummary"), 0)}},
               {"source", "room", "rooms"})}},
      {"date", "value", "guarantee", "status", "share_percent", "reason", "in_season",
       "extra_day", "outdoor_mean", "outage_hours", "finding_id", "evidence"});
  schemas["HouseholdDays"] = Object(
      {{"household_id", Integer("")},
       {"policy", Text("the profile's id")},
       {"guarantee_case",
        Enum({"full", "agreed-partition", "company-decides", "low-community"},
             "R-TEMP-2, as of the last day asked")},
       {"guarantee_reason", Text("R-TEMP-2: why that guarantee")},
       {"items", ArrayOf(RefTo("JudgedDay"), 0)}},
      {"household_id", "policy", "guarantee_case", "guarantee_reason", "items"});

  // readings.cpp, reading_conflicts.cpp, reading_quarantine.cpp.
  schemas["Reading"] = Object({{"ts", Text(time)}, {"value", Number("°C")}}, {"ts", "value"});
  schemas["ReadingConflict"] =
      Object({{"id", Integer("in the order conflicts were kept")},
              {"ts", Text(time)},
              {"stored_value", Number("°C: the value that stays")},
              {"value", Number("°C: the other value received")},
              {"received_at", Text(time)},
              {"source", Text("the channel: mqtt, http, sim, …")}},
             {"id", "ts", "stored_value", "value", "received_at", "source"});
  schemas["QuarantinedReading"] =
      Object({{"id", Integer("in the order they were kept")},
              {"ts", Text(time + std::string(", as sent"))},
              {"value", Number("°C")},
              {"reason", Text("why it was refused")},
              {"received_at", Text(time)},
              {"ahead_seconds", Integer("ts minus received_at")},
              {"source", Text("the channel: mqtt, http, sim, …")}},
             {"id", "ts", "value", "reason", "received_at", "ahead_seconds", "source"});

  // adapters/json/ledger_json.cpp, LedgerDaysJson; refunds.cpp, RefundEntryToJson.
  schemas["LedgerDay"] = Object(
      {{"date", Text(date)},
       {"share_percent", Integer("R-REFUND-1")},
       {"cause", Enum({"none", "temperature", "not-heated", "outage"}, "why the share")},
       {"reason", Text("")},
       {"value", Nullable(Number("the daily value, °C"))},
       {"guarantee", Nullable(Number("°C (R-TEMP-2)"))},
       {"outdoor_mean", Nullable(Number("°C (R-TEMP-1)"))},
       {"evidence",
        Object({{"source", Enum(sources, "R-REFUND-5")},
                {"room", Text("remote: the room with the minimum; manual: measured; else empty")},
                {"measured_on", Text("manual, manual-period: the measurement's day")},
                {"measurement_id", Integer("manual, manual-period: the measurement")},
                {"rooms", ArrayOf(RefTo("RoomSummary"), 0)}},
               {"source", "room"})}},
      {"date", "share_percent", "cause", "reason", "value", "guarantee", "outdoor_mean",
       "evidence"});
  // Inline (a $ref cannot be nullable in OpenAPI 3.0): the console names it
  // NonNullable<RefundEntry['payout']>.
  ordered_json payout = Nullable(Object(
      {{"method", Enum({"bank", "wechat", "alipay", "cash", "offset"},
                       "offset: the next season's bill settled it (R-REFUND-6)")},
       {"reference", Nullable(Text("the channel's reference; none for cash"))},
       {"paid_at", Text(time)},
       {"late", Boolean("paid after the payment deadline")}},
      {"method", "reference", "paid_at", "late"}));
  payout["description"] = "how it was paid; null until paid";
  schemas["RefundEntry"] = Object(
      {{"id", Integer("")},
       {"household_id", Integer("")},
       {"company_id", Integer("")},
       {"season", Integer("the year the season starts")},
       {"status", Enum({"draft", "approved", "paid"}, "R-REFUND-6")},
       {"fee_fen", Integer("the season's fee, fen")},
       {"refund_fen", Integer("")},
       {"refund_yuan", Number("refund_fen / 100")},
       {"official_days", Integer("the season's official days")},
       {"payment_deadline", Text(time + std::string(": paid by then (R-REFUND-6)"))},
       {"overdue", Boolean("not paid by the deadline")},
       {"covered_to", Text("the last day the run counted, YYYY-MM-DD")},
       {"season_end", Text("the season's official end, YYYY-MM-DD")},
       {"choice", Nullable(Enum({"payment", "offset"}, "the household's choice; null undecided"))},
       {"payout", payout},
       {"days", ArrayOf(RefTo("LedgerDay"), 0)},
       {"computed_at", Text("when the run computed it")},
       {"updated_by", Text("")},
       {"updated_at", Text("")}},
      {"id", "household_id", "company_id", "season", "status", "fee_fen", "refund_fen",
       "refund_yuan", "official_days", "payment_deadline", "overdue", "covered_to", "season_end",
       "choice", "payout", "days", "computed_at", "updated_by", "updated_at"});

  // health.cpp.
  schemas["CalendarStatus"] =
      Object({{"years", ArrayOf(Integer("a loaded year"), 0)},
              {"missing_years", ArrayOf(Integer("a year needed but not loaded (R-CAL-1)"), 0)}},
             {"years", "missing_years"});
  ordered_json check = Object({{"ok", Boolean("")}, {"message", Text("what is wrong")}}, {"ok"});
  schemas["Health"] =
      Object({{"status", Enum({"ok", "unavailable"}, "unavailable: the database is (503)")},
              {"database", check},
              {"calendar", RefTo("CalendarStatus")},
              {"warnings", ArrayOf(Text("for the operator"), 0)}},
             {"status", "database", "calendar", "warnings"});
  schemas["Readiness"] = Object(
      {{"status", Enum({"ready", "unavailable"}, "unavailable: 503, with Retry-After")},
       {"message", Text("the first check that failed")},
       {"checks", {{"type", "object"}, {"additionalProperties", check},
                   {"description", "each check by its name"}}}},
      {"status", "checks"});

  // alerts.cpp, AlertJson.
  schemas["Alert"] = Object(
      {{"kind", Enum({"unqualified", "silent", "out-of-range", "clock-skew",
                      "energy-report-missing", "energy-reserve-low"},
                     "energy-…: a company's (R-ENERGY-1), naming no household nor sensor")},
       {"company_id", Integer("")},
       {"household_id", Nullable(Integer(""))},
       {"household", Nullable(Text("the household's number"))},
       {"sensor_id", Nullable(Integer(""))},
       {"sensor", Nullable(Text("the sensor's code"))},
       {"details",
        Object({{"message", Text("a sentence for people")},
                {"date", Text("unqualified: the day judged; energy: the reporting day")},
                {"value", Nullable(Number("unqualified: °C"))},
                {"guarantee", Nullable(Number("unqualified: °C"))},
                {"share_percent", Integer("unqualified: R-REFUND-1")},
                {"evidence", Enum(sources, "unqualified: R-REFUND-5")},
                {"last_reading", Nullable(Text("a sensor's: its last reading's time; null: "
                                               "never heard"))},
                {"last_value", Number("out-of-range: °C")},
                {"quarantined", Integer("clock-skew: readings quarantined in the last 24 h")},
                {"latest_quarantined", Text("clock-skew: " + std::string(time))},
                {"last_received_at", Text("clock-skew: " + std::string(time))},
                {"reason", Text("clock-skew: why refused")},
                {"missing_days", Integer("energy: the season's days without a report so far")},
                {"threshold_days", Integer("energy: the profile's days of reserve")},
                {"basis", Text("energy: the threshold's clause (W 6.2.1)")},
                {"fuel", Enum({"coal", "gas", "oil", "biomass"}, "energy-reserve-low")},
                {"since", Text("energy-reserve-low: the spell's first day")},
                {"min_reserve_days", Number("energy-reserve-low: its lowest reserve, days")}},
               {"message"})}},
      {"kind", "company_id", "household_id", "household", "sensor_id", "sensor", "details"});
  schemas["UnqualifiedHousehold"] = Object(
      {{"household_id", Integer("")},
       {"household", Text("the household's number")},
       {"company_id", Integer("")},
       {"unqualified_days", Integer("R-TEMP-5")},
       {"judged_days", Integer("qualified + unqualified")},
       {"deepest_shortfall", Number("the largest guarantee − value, °C")},
       {"lowest_value", Number("the lowest unqualified value, °C")},
       {"first", Text("the first unqualified day, " + std::string(date))},
       {"last", Text("the last unqualified day, " + std::string(date))},
       {"share_days_percent", Integer("Σ refund shares of those days (R-REFUND-1)")}},
      {"household_id", "household", "company_id", "unqualified_days", "judged_days",
       "deepest_shortfall", "lowest_value", "first", "last", "share_days_percent"});
  schemas["UnqualifiedPage"] =
      Object({{"items", ArrayOf(RefTo("UnqualifiedHousehold"), 0)},
              {"next_cursor", Nullable(Text("the next page's cursor"))},
              {"from", Text("the period's first day, " + std::string(date))},
              {"to", Text("its last day, " + std::string(date))}},
             {"items", "next_cursor", "from", "to"});
  schemas["ColdHousehold"] =
      Object({{"household_id", Integer("")},
              {"household", Text("the household's number")},
              {"company_id", Integer("")},
              {"room", Text("the coldest guaranteed room")},
              {"sensor", Text("its sensor's code")},
              {"at", Text("its latest reading's time, " + std::string(time))},
              {"value", Number("that reading, °C")},
              {"guarantee", Number("°C (R-TEMP-2)")}},
             {"household_id", "household", "company_id", "room", "sensor", "at", "value",
              "guarantee"});

  // weather.cpp (R-TEMP-1).
  schemas["OutdoorMean"] = Object({{"district_id", Integer("")},
                                   {"date", Text(date)},
                                   {"mean", Number("the outdoor daily mean, °C")}},
                                  {"district_id", "date", "mean"});
  schemas["OutdoorMeansStored"] =
      Object({{"stored", Integer("means stored, used in judging (admin, regulator)")}},
             {"stored"});
  schemas["OutdoorMeansSubmitted"] =
      Object({{"submitted", Integer("means kept as submissions (manager: 202)")},
              {"ids", ArrayOf(Integer("a submission's id"), 0)},
              {"status", Enum({"pending"}, "until the regulator confirms them")},
              {"note", Text("")}},
             {"submitted", "ids", "status", "note"});
  schemas["OutdoorMeansAnswer"] = {
      {"oneOf", {RefTo("OutdoorMeansStored"), RefTo("OutdoorMeansSubmitted")}},
      {"description", "200: stored; 202: submitted"}};
  schemas["WeatherSubmission"] =
      Object({{"id", Integer("")},
              {"district_id", Integer("")},
              {"date", Text(date)},
              {"mean", Number("°C")},
              {"status", Enum({"pending", "confirmed", "rejected"}, "")},
              {"submitted_by", Text("a username")},
              {"submitted_at", Text(time)},
              {"decided_by", Nullable(Text("who confirmed or rejected it"))},
              {"decided_at", Nullable(Text(time))}},
             {"id", "district_id", "date", "mean", "status", "submitted_by", "submitted_at",
              "decided_by", "decided_at"});

  // usage_rates.cpp (R-TEMP-2).
  schemas["UsageRate"] = Object(
      {{"company_id", Integer("")},
       {"community", Text("the community (小区)")},
       {"partition_id", Integer("by=partition only")},
       {"partition", Text("by=partition only: the partition's code")},
       {"building_id", Integer("by=partition only")},
       {"households", Integer("")},
       {"heated_households", Integer("")},
       {"heated_area_m2", Number("")},
       {"total_area_m2", Number("")},
       {"rate_percent", Number("heated area / total area, two decimals")}},
      {"company_id", "community", "households", "heated_households", "heated_area_m2",
       "total_area_m2", "rate_percent"});
}

}  // namespace hearth::app::http

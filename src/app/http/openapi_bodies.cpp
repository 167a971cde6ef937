// The OpenAPI schemas of the request and answer bodies that are not records: logging in, and what
// the monitoring and refund routes take and give (issue 5). Written by hand beside the decoders
// they describe (adapters/json/readings_json, weather_json, measurement_json; app/http/refunds.cpp);
// the access test checks that every route's schema names one of these or a record.
#include "app/http/openapi.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::ordered_json;

ordered_json Object(ordered_json properties, std::vector<std::string> required) {
  return {{"type", "object"},
          {"properties", std::move(properties)},
          {"required", std::move(required)},
          {"additionalProperties", false}};
}
ordered_json Text(const std::string& description) {
  return {{"type", "string"}, {"description", description}};
}
ordered_json Enum(std::vector<std::string> values, const std::string& description) {
  return {{"type", "string"}, {"enum", std::move(values)}, {"description", description}};
}
ordered_json Integer(const std::string& description) {
  return {{"type", "integer"}, {"description", description}};
}
ordered_json Number(const std::string& description) {
  return {{"type", "number"}, {"description", description}};
}
ordered_json Boolean(const std::string& description) {
  return {{"type", "boolean"}, {"description", description}};
}
ordered_json ArrayOf(ordered_json items, int min_items, int max_items = 0) {
  ordered_json a = {{"type", "array"}, {"items", std::move(items)}, {"minItems", min_items}};
  if (max_items > 0) a["maxItems"] = max_items;
  return a;
}
const char* const kRfc3339 = "RFC 3339 time with its offset, e.g. 2025-12-01T08:00:00+08:00";

}  // namespace

void AddBodySchemas(ordered_json& schemas) {
  schemas["Credentials"] =
      Object({{"username", Text("")}, {"password", Text("")}}, {"username", "password"});
  schemas["Token"] = Object({{"token", Text("the bearer token for the Authorization header")},
                             {"expires_at", Text(kRfc3339)}},
                            {"token", "expires_at"});
  schemas["ReadingBatch"] =
      ArrayOf(Object({{"sensor", Text("the sensor's device code")},
                      {"ts", Text(kRfc3339)},
                      {"value", Number("°C, kept as sent and rounded to hundredths")}},
                     {"sensor", "ts", "value"}),
              1);
  schemas["IngestReport"] = Object(
      {{"accepted", Integer("readings stored by this request")},
       {"duplicate", Integer("readings already stored under the same sensor, ts and value")},
       {"conflicting", Integer("readings whose sensor and ts are stored with another value: "
                               "the stored value stays, this one is kept for review")},
       {"quarantined",
        Integer("of the rejected, readings of a known sensor timed more than 300 s in the "
                "future (a device clock that runs fast): kept in quarantine, not as readings "
                "(GET /api/v1/sensors/{code}/quarantine; the clock-skew alert)")},
       {"rejected",
        ArrayOf(Object({{"index", Integer("position in the batch, from 0")},
                        {"sensor", Text("the code as sent")},
                        {"reason", Text("unknown sensor, malformed time, value out of range, "
                                        "time in the future, …")},
                        {"quarantined", Boolean("present and true when the reading was kept "
                                                "in quarantine")}},
                       {"index", "sensor", "reason"}),
                0)}},
      {"accepted", "duplicate", "conflicting", "quarantined", "rejected"});
  schemas["OutdoorMeans"] =
      ArrayOf(Object({{"district_id", Integer("the district's id")},
                      {"date", Text("the local day, YYYY-MM-DD")},
                      {"mean", Number("the outdoor daily mean, °C (R-TEMP-1)")}},
                     {"district_id", "date", "mean"}),
              1);
  ordered_json reading = Object(
      {{"at", Text(kRfc3339)},
       {"value", Number("°C as read")},
       {"point", Enum({"upper", "middle", "lower"}, "on a cold outer wall: where it was taken")}},
      {"at", "value"});
  schemas["MeasurementInput"] =
      Object({{"household_id", Integer("the household measured")},
              {"room", Text("the name of one of the household's rooms")},
              {"instrument", Enum({"glass-thermometer", "digital-thermometer", "infrared-gun"},
                                  "R-TEMP-4: what measured")},
              {"resolution", Number("the instrument's resolution, °C (at most 0.1)")},
              {"system_running", Boolean("the heating system ran normally")},
              {"environment", Text("the weather and surroundings, as noted")},
              {"closed_minutes", Integer("doors and windows closed this long before")},
              {"readings", ArrayOf(reading, 1, 20)},
              {"radiators_uncovered", Boolean("radiators not covered or boxed in")},
              {"shielded", Boolean("the thermometer shielded from radiant heat")},
              {"at_room_centre", Boolean("taken at the room's centre")},
              {"height_cm", Integer("height above the floor, cm")},
              {"cold_outer_wall", Boolean("a room with a cold outer wall: three points")},
              {"inspector_still", Boolean("the inspector did not move during the reading")},
              {"signature", Enum({"signed", "pending", "refused"}, "the household's signature")},
              {"third_party", Boolean("taken by a third party (R-REFUND-5)")}},
             {"household_id", "room", "instrument", "resolution", "readings"});
  schemas["MeasurementPatch"] =
      Object({{"signature", Enum({"signed", "pending", "refused"}, "the household's signature")},
              {"overridden", Boolean("staff: a later measurement or finding overrides it")}},
             {});
  schemas["RefundRun"] =
      Object({{"season", Integer("the year the season starts, e.g. 2025")}}, {"season"});
  schemas["RefundRunSummary"] =
      Object({{"season", Integer("the year the season starts")},
              {"households", Integer("heated households in scope")},
              {"written", Integer("draft entries written")},
              {"kept", Integer("approved or paid entries left unchanged")},
              {"without_fee", Integer("households with no fee for the season: no entry")},
              {"refund_fen", Integer("the total of the drafts written, in fen")}},
             {"season", "households", "written", "kept", "without_fee", "refund_fen"});
  ordered_json patch =
      Object({{"status", Enum({"approved", "paid"}, "admin, manager: draft -> approved -> paid")},
              {"choice", Enum({"payment", "offset"}, "the household's choice (R-REFUND-6)")}},
             {});
  patch["minProperties"] = 1;
  patch["maxProperties"] = 1;
  schemas["RefundPatch"] = patch;
}

}  // namespace hearth::app::http

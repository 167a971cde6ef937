// The OpenAPI schemas of the answers of measurements, policies, the audit log, notifications, accounts, the calculators, imports and quarantined or conflicting readings.
#include "app/http/openapi.hpp"
#include "app/http/openapi_schema.hpp"

namespace hearth::app::http {

void AddServiceSchemas(nlohmann::ordered_json& schemas) {
  using schema::ArrayOf;
  using schema::Boolean;
  using schema::Enum;
  using schema::Integer;
  using schema::Nullable;
  using schema::Number;
  using schema::Object;
  using schema::ordered_json;
  using schema::RefTo;
using schema::RoleEnum;
  using schema::Text;
  const char* const rfc3339 = "RFC 3339, +08:00";
  const char* const date = "YYYY-MM-DD";

  // GET /api/v1/audit (api.cpp, AddAuditRoute): W 12.1.
  schemas["AuditEntry"] = Object(
      {{"id", Integer("the entry's id, the cursor of the next page")},
       {"at", Text("when, as stored")},
       {"actor", Text("the username that acted")},
       {"action", Text("what was done: create, update, delete, or a service's own verb")},
       {"resource", Text("the resource's name, e.g. households")},
       {"record_id", Nullable(Integer("the record changed"))},
       {"before", {{"description", "the record before (null when created); sensitive fields "
                                   "masked for the reader's role (W 12.1)"}}},
       {"after", {{"description", "the record after (null when deleted); masked alike"}}}},
      {"id", "at", "actor", "action", "resource", "record_id", "before", "after"});

  // Manual measurements (measurements.cpp, adapters/json/measurement_json.cpp): R-TEMP-4.
  schemas["Violation"] = Object(
      {{"rule", Enum({"R-TEMP-4"}, "the rule broken")},
       {"check", Enum({"resolution", "system", "environment", "doors-closed", "readings", "gap",
                       "radiators", "heat-source", "centre", "height", "wall-points", "cold-wall",
                       "inspector", "signature"},
                      "the check of R-TEMP-4 that failed (rules::ManualCheckName)")},
       {"message", Text("R-TEMP-4 <check>: why")}},
      {"rule", "check", "message"});
  ordered_json signature_record =
      Object({{"by", Text("who signed, as on the device")},
              {"at", Text(rfc3339)},
              {"via", Text("how it was signed, e.g. device")}},
             {"by", "at", "via"});
  schemas["Measurement"] = Object(
      {{"id", Integer("")},
       {"household_id", Integer("")},
       {"room", Text("the room's name")},
       {"taken_at", Text("the first reading's time, " + std::string(rfc3339))},
       {"instrument", Enum({"glass-thermometer", "digital-thermometer", "infrared-gun"},
                           "R-TEMP-4: what measured")},
       {"value", Nullable(Number("the room's value, °C with one decimal"))},
       {"valid", Boolean("it kept R-TEMP-4 (a stored measurement does)")},
       {"violations", ArrayOf(RefTo("Violation"), 0)},
       {"signature", Enum({"signed", "pending", "refused"}, "the household's signature")},
       {"third_party", Boolean("taken by a third party (R-REFUND-5)")},
       {"overridden", Boolean("overridden by a third-party test of the same day")},
       {"signed", Nullable(signature_record)},
       {"evidence", Boolean("it counts for R-REFUND-5: valid, not overridden, and signed or a "
                            "third party's")},
       {"created_by", Text("the username that recorded it")},
       {"created_at", Text("when it was recorded")},
       {"measurement", RefTo("MeasurementInput")}},
      {"id", "household_id", "room", "taken_at", "instrument", "value", "valid", "violations",
       "signature", "third_party", "overridden", "signed", "evidence", "created_by", "created_at",
       "measurement"});

  // GET /api/v1/policies and /api/v1/policies/{name} (policies.cpp).
  schemas["PolicyProfile"] =
      Object({{"name", Text("the profile's name, e.g. weihai")},
              {"title", Text("its [profile] name (empty when the file has none)")},
              {"city", Text("its [profile] city (empty when the file has none)")}},
             {"name", "title", "city"});
  schemas["PolicyList"] =
      Object({{"policies", ArrayOf(RefTo("PolicyProfile"), 0)}}, {"policies"});
  schemas["Policy"] = Object(
      {{"name", Text("the profile's name")},
       {"profile", {{"type", "object"},
                    {"description", "the profile file as JSON, in the file's order: each number "
                                    "with its clause (source), default and note"},
                    {"additionalProperties", {{"description", "a table or a value"}}}}}},
      {"name", "profile"});

  // GET /api/v1/auth/me (auth.cpp, PrincipalToJson).
  schemas["Me"] = Object(
      {{"user_id", Integer("")},
       {"username", Text("")},
       {"role", RoleEnum("the account's role")},
       {"company_id", Nullable(Integer("the company a company's staff act for"))},
       {"household_id", Nullable(Integer("the household a household's account acts for"))}},
      {"user_id", "username", "role", "company_id", "household_id"});

  // The calculators (calc_*.cpp), the same JSON as `hearth calc …`.
  schemas["DailyValues"] = Object(
      {{"days",
        ArrayOf(Object({{"date", Text(date)},
                        {"value", Nullable(Number("°C with one decimal; null when no "
                                                  "guaranteed room counted (R-TEMP-3)"))}},
                       {"date", "value"}),
                0)}},
      {"days"});
  schemas["DeadlineAnswer"] = Object(
      {{"rule", Enum({"return", "reply", "reply-extension", "response", "return-visit", "leak",
                      "arrival", "outage-notice", "emergency-notice", "refund-payment",
                      "insurance-payout", "connection-decision", "connection-application"},
                     "rules::DeadlineRuleName")},
       {"channel", Nullable(Enum({"city-hotline", "provincial-hotline", "on-receipt",
                                  "internet-plus", "first-question", "urgent", "phone", "web",
                                  "hall"},
                                 "rules::ChannelName; null for a rule without channels"))},
       {"from", Text("the start, echoed in +08:00")},
       {"deadline", Text(rfc3339)},
       {"calendar_incomplete",
        Boolean("working days ran past the holiday calendar's known years")},
       {"basis", Text("the clause the period comes from")}},
      {"rule", "channel", "from", "deadline", "calendar_incomplete", "basis"});
  schemas["RefundCalculation"] = Object(
      {{"season", Text("e.g. 2025-2026")},
       {"official_days", Integer("the season's official days")},
       {"fee_fen", Integer("the season's fee, fen")},
       {"refund_fen", Integer("the refund, fen (R-REFUND-1..3)")},
       {"days", ArrayOf(Object({{"date", Text(date)},
                                {"share_percent", Integer("the day's share of its fee refunded")},
                                {"reason", Text("why")}},
                               {"date", "share_percent", "reason"}),
                        0)}},
      {"season", "official_days", "fee_fen", "refund_fen", "days"});
  schemas["SamplePlanCalculation"] = Object(
      {{"households", Integer("households in the file")},
       {"total_area_m2", Number("their area, exact")},
       {"rate_percent", Integer("the area band's percentage (R-SAMPLE-1)")},
       {"required", Integer("households to sample")},
       {"quotas", RefTo("SampleCounts")},
       {"achieved", RefTo("SampleCounts")},
       {"selected", ArrayOf(Text("a selected household's id, as in the file"), 0)},
       {"shortfalls", ArrayOf(RefTo("SampleShortfall"), 0)}},
      {"households", "total_area_m2", "rate_percent", "required", "quotas", "achieved",
       "selected", "shortfalls"});

  // POST /api/v1/import/households (import.cpp, CountsJson).
  schemas["ImportCounts"] =
      Object({{"created", Integer("households created")},
              {"updated", Integer("households whose fields or rooms changed")},
              {"unchanged", Integer("households already as in the file")}},
             {"created", "updated", "unchanged"});
}

}  // namespace hearth::app::http

// The OpenAPI schemas of the request and answer bodies that are not records: logging in, and what
// the monitoring and refund routes take and give (issue 5). Written by hand beside the decoders
// they describe (adapters/json/readings_json, weather_json, measurement_json;
// app/http/refunds.cpp); the access test checks that every route's schema names one of these or a
// record.
#include "app/http/openapi.hpp"
#include "app/http/openapi_schema.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::ordered_json;

using schema::ArrayOf;
using schema::Boolean;
using schema::Enum;
using schema::Integer;
using schema::Number;
using schema::Object;
using schema::Text;

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
              {"third_party", Boolean("taken by a third party (R-REFUND-5)")},
              {"signature_record",
               Object({{"by", Text("who signed, as on the device")},
                       {"at", Text("when, RFC 3339")},
                       {"via", Text("how, e.g. device")}},
                      {"by", "at"})}},
             {"household_id", "room", "instrument", "resolution", "readings"});
  schemas["MeasurementPatch"] =
      Object({{"signature", Enum({"signed", "pending", "refused"}, "the household's signature")},
              {"overridden", Boolean("staff: a later measurement or finding overrides it")}},
             {});
  schemas["RefundRun"] =
      Object({{"season", Integer("the year the season starts, e.g. 2025")}}, {"season"});
  schemas["RefundRunSummary"] =
      Object({{"season", Integer("the year the season starts")},
              {"covered_to", Text("the last day the run counted, YYYY-MM-DD (during the season: "
                                  "yesterday, R-REFUND-6)")},
              {"households", Integer("heated households in scope")},
              {"written", Integer("draft entries written")},
              {"kept", Integer("approved or paid entries left unchanged")},
              {"without_fee", Integer("households with no fee for the season: no entry")},
              {"refund_fen", Integer("the total of the drafts written, in fen")}},
             {"season", "covered_to", "households", "written", "kept", "without_fee",
              "refund_fen"});
  ordered_json patch =
      Object({{"status", Enum({"approved", "paid"}, "admin, manager: draft -> approved -> paid")},
              {"choice", Enum({"payment", "offset"}, "the household's choice (R-REFUND-6)")},
              {"method", Enum({"bank", "wechat", "alipay", "cash"},
                              "with status paid (required): how it was paid")},
              {"reference", Text("with status paid: the bank slip, WeChat or Alipay transaction "
                                 "number (required but for cash)")}},
             {});
  patch["minProperties"] = 1;
  patch["maxProperties"] = 3;
  schemas["RefundPatch"] = patch;

  // Work orders (issue 13; app/http/work_orders.cpp, adapters/json/work_order_json.hpp).
  const std::vector<std::string> channels = {"city-hotline",
                                             "provincial-hotline",
                                             "on-receipt",
                                             "internet-plus",
                                             "first-question",
                                             "urgent",
                                             "phone",
                                             "web",
                                             "hall"};
  schemas["WorkOrderNew"] = Object(
      {{"channel", Enum(channels, "R-WO-1: a hotline platform, or the company's own channel")},
       {"external_id", Text("the platform's order number; required for a hotline channel")},
       {"received_at", Text(kRfc3339)},
       {"household", Text("the household's id or code")},
       {"category", Enum({"heating-quality", "leak", "repair", "billing", "connection", "other"},
                         "what the order is about")},
       {"content", Text("what the caller said")},
       {"caller_phone", Text("the caller's phone")},
       {"parent", Integer("the order this one duplicates (R-WO-1)")}},
      {"channel", "received_at", "household", "category", "content"});
  const ordered_json contact = Object(
      {{"who", Text("who")}, {"at", Text(kRfc3339)}, {"how", Text("phone, sms, in person, …")}},
      {"who", "at", "how"});
  schemas["WorkOrderEvent"] = Object(
      {{"type", Enum({"accept", "respond", "dispatch", "arrive", "repair", "reply", "return",
                      "extend", "visit", "close", "reopen"},
                     "the event")},
       {"at", Text(kRfc3339)},
       {"note", Text("free text")},
       {"technician", Text("dispatch: who goes")},
       {"appointment", Text("dispatch: the appointed time, " + std::string(kRfc3339))},
       {"contact_record", contact},
       {"approved_by", Text("return: the head of the unit who approved it (R-WO-2)")},
       {"seal", Boolean("return: the unit's seal is on it (R-WO-2)")},
       {"reason", Text("return, extend, reopen: why")},
       {"charges", ArrayOf(Object({{"item", Text("the work")},
                                   {"price_fen", Integer("its price, fen")},
                                   {"materials", Text("materials used")}},
                                  {"item", "price_fen"}),
                           0)},
       {"signature", contact},
       {"staff", ArrayOf(Text("a name"), 0)},
       {"started_at", Text("repair: when the work began, " + std::string(kRfc3339))},
       {"result", Text("repair, reply: the result")},
       {"confirmation", contact},
       {"process_satisfaction", Enum({"satisfied", "basically-satisfied", "unsatisfied"}, "visit")},
       {"result_satisfaction", Enum({"satisfied", "basically-satisfied", "unsatisfied"}, "visit")},
       {"reasonable", Boolean("visit: the complaint was reasonable")},
       {"mode", Enum({"phone", "face-to-face"}, "visit")},
       {"by_manager", Boolean("visit: made by a manager")}},
      {"type", "at"});
  // A record by its id (a number) or its code within the company (a string).
  const ordered_json refs = ArrayOf(
      {{"oneOf", {Integer("the record's id"), Text("the record's code within the company")}}}, 0);
  schemas["OutageNew"] = Object(
      {{"kind", Enum({"planned", "emergency"}, "R-OUT-1: a planned or an emergency stop")},
       {"company_caused", Boolean("the company's cause (R-REFUND-2 refunds its stop hours)")},
       {"cause", Text("why heat stops (stated in every notice, R-OUT-1)")},
       {"scope", Object({{"heat_sources", refs},
                         {"network_sections", refs},
                         {"substations", refs},
                         {"buildings", refs}},
                        {})},
       {"start", Text(kRfc3339)},
       {"expected_end", Text("the restoration expected, " + std::string(kRfc3339))},
       {"road_sections", Text("the road sections under repair")},
       {"company", Integer("admin only: the company's id")}},
      {"kind", "company_caused", "cause", "scope", "start", "expected_end"});
  schemas["OutageNotice"] =
      Object({{"at", Text("when it was published, " + std::string(kRfc3339))},
              {"expected_end", Text("the restoration it announces (default: the last announced)")},
              {"text", Text("what else it says")}},
             {"at"});
  schemas["OutageEnd"] =
      Object({{"at", Text("when heat was back, " + std::string(kRfc3339))}}, {"at"});
  schemas["FindingNew"] = Object(
      {{"household", Integer("the household's id")},
       {"kind", Enum({"drain-valve", "vent-valve", "heat-exchanger", "altered-pipes", "pipe-pump",
                      "added-radiators", "own-installation"},
                     "R-REFUND-4: what the household did or what of its own failed")},
       {"description", Text("what was found")},
       {"photos", ArrayOf(Text("a photo's reference"), 0, 20)},
       {"found_by", Text("who found it")},
       {"found_at", Text("when it was found, " + std::string(kRfc3339))},
       {"valid_from", Text("the first day it covers, YYYY-MM-DD, not before it was found")},
       {"valid_to", Text("the last day it covers, YYYY-MM-DD (at most 366 days)")}},
      {"household", "kind", "description", "found_by", "found_at", "valid_from", "valid_to"});
  schemas["FindingAction"] = Object(
      {{"action", Enum({"acknowledge", "dispute", "uphold", "reject", "withdraw"},
                       "household: acknowledge, dispute; regulator: uphold, reject (a dispute); "
                       "admin, manager: withdraw")},
       {"note", Text("why: required to dispute, decide or withdraw")}},
      {"action"});
  schemas["InsuranceClaimNew"] = Object(
      {{"household", Integer("the household's id")},
       {"incident_at", Text("when the loss happened, " + std::string(kRfc3339))},
       {"incident", Text("what happened")},
       {"injuries", Boolean("W 13.4: someone was hurt")},
       {"photos", ArrayOf(Text("a photo's reference (W 13.3 影像资料)"), 0, 20)},
       {"losses", ArrayOf(Object({{"item", Text("what was lost or damaged")},
                                  {"estimate", Text("its estimate in yuan, e.g. \"1200.00\"")}},
                                 {"item"}),
                          0, 100)}},
      {"household", "incident_at", "incident"});
  schemas["InsuranceClaimEvent"] = Object(
      {{"type", Enum({"notify-insurer", "agree", "pay", "reject"},
                     "staff: notify-insurer; admin, manager: agree, pay, reject")},
       {"insurer", Text("notify-insurer: the insurer's name")},
       {"reference", Text("notify-insurer: the insurer's report number; pay: the payment's")},
       {"amount", Text("agree: the amount both sides agreed, yuan with at most two decimals")},
       {"exclusion", Enum({"own-installation", "self-altered", "builder-warranty", "indirect-loss"},
                          "reject: W 13.6 a–d")},
       {"note", Text("required to reject; kept in the history")}},
      {"type"});
  const std::vector<std::string> documents = {"application-form", "drawings", "retrofit-record",
                                              "owners-decision"};
  schemas["ConnectionNew"] = Object(
      {{"building", Integer("the building's id")},
       {"household", Integer("the household's id, when it is on file (in that building)")},
       {"applicant", Text("the applicant's name")},
       {"phone", Text("the applicant's phone")},
       {"new_building", Boolean("a new building (by 31 July for that season, Z 2.3 (三))")},
       {"outside_works", Boolean("outside works needed: 3 working days to decide, else 1")},
       {"received_at",
        Text("when the form was taken in, " + std::string(kRfc3339) + "; at most 7 days ago")},
       {"documents", ArrayOf(Enum(documents, "a document on file"), 1, 4)}},
      {"building", "applicant", "new_building", "outside_works", "received_at", "documents"});
  schemas["ConnectionEvent"] = Object(
      {{"type", Enum({"supply-documents", "approve", "refuse", "visit"},
                     "the hall: supply-documents, visit; admin, manager: approve, refuse")},
       {"documents", ArrayOf(Enum(documents, "a document supplied later"), 1, 4)},
       {"reason", Text("refuse: why (required)")},
       {"suggestion", Text("refuse: what the applicant can do (required)")},
       {"note", Text("visit: what the applicant said (required); otherwise kept in the history")},
       {"satisfied", Boolean("visit: whether the applicant is satisfied (required)")}},
      {"type"});
  const std::vector<std::string> change_documents = {"application-form", "identity",
                                                     "property-proof", "area-survey"};
  schemas["HeatingChangeNew"] = Object(
      {{"household", Integer("the household's id (a household: its own)")},
       {"kind", Enum({"increase", "decrease", "stop", "resume"},
                     "增加、减少供热面积，停热，复热 (W 9.1.8); a household: stop or resume")},
       {"effective", Text("the day it takes effect, YYYY-MM-DD; not before the day received")},
       {"area", Text("increase, decrease: the heated area after it, m² with at most two decimals")},
       {"received_at", Text("the hall: when the form was taken in, " + std::string(kRfc3339) +
                            "; at most 7 days ago. A household leaves it out")},
       {"applicant", Text("the hall: the name on the form (required)")},
       {"documents", ArrayOf(Enum(change_documents, "a document on file"), 1, 4)},
       {"note", Text("the hall's note")}},
      {"household", "kind", "effective", "documents"});
  schemas["HeatingChangeEvent"] =
      Object({{"type", Enum({"supply-documents", "approve", "refuse"},
                            "the hall: supply-documents; admin, manager: approve, refuse")},
              {"documents", ArrayOf(Enum(change_documents, "a document supplied later"), 1, 4)},
              {"reason", Text("refuse: why (required)")},
              {"note", Text("approve, refuse: kept with the decision")}},
             {"type"});
  schemas["ReminderNew"] = Object(
      {{"channel", Enum({"notice", "sms", "wechat", "letter"},
                        "张贴告知, 短信, 微信 or 催费函 (W 9.2.2); sms and wechat are sent by the "
                        "platform")},
       {"content", Text("what it says; by default what is owed and the due day")},
       {"proof", Text("notice, letter: where and how it was delivered, a photo's reference "
                      "(required); none for sms and wechat")},
       {"sent_at", Text("notice, letter: when it was posted or sent, " + std::string(kRfc3339) +
                        "; at most 7 days ago, by default now")}},
      {"channel"});
  schemas["ArrearsStop"] =
      Object({{"effective", Text("the day heat stops, YYYY-MM-DD: not before today, nor before "
                                 "the contract's days after the last proven reminder")},
              {"note", Text("kept with the decision")}},
             {"effective"});
  schemas["Payback"] = Object(
      {{"method", Enum({"bank", "wechat", "alipay", "cash"}, "how the money goes back")},
       {"reference", Text("the channel's reference: the bank slip, WeChat or Alipay transaction "
                          "number (required but for cash)")}},
      {"method"});
  schemas["BillingRunNew"] = Object(
      {{"company_id", Integer("the company to bill (a manager: its own, the default)")},
       {"season", Integer("the year the season starts, e.g. 2026 for 2026-11-15 … 2027-03-15")},
       {"due_on", Text("when the fee is due, YYYY-MM-DD (W 9.2.1: the contract's day); by "
                       "default the season's first official day")}},
      {"season"});
  schemas["MeterDisputeNew"] = Object(
      {{"household", Integer("the household's id (billed by meter)")},
       {"raised_by", Enum({"household", "company"},
                          "who raised the dispute (W 10.3: it decides who pays the calibration); "
                          "staff must say, a household raises its own")},
       {"reason", Text("what is disputed")}},
      {"household", "reason"});
  schemas["MeterDisputeEvent"] = Object(
      {{"type", Enum({"calibrate", "withdraw"},
                     "admin, manager, technician: calibrate; the side that raised it: withdraw")},
       {"result", Enum({"passed", "failed"}, "calibrate: the metrology body's result")},
       {"reference", Text("calibrate: the metrology body's report number")},
       {"cost", Text("calibrate: what the calibration cost, yuan with at most two decimals")},
       {"note", Text("kept with the step")}},
      {"type"});
  schemas["EnergyReportNew"] = Object(
      {{"day", Text("the day reported, YYYY-MM-DD, not after today")},
       {"fuel", Enum({"coal", "gas", "oil", "biomass"}, "R-ENERGY-1: the fuel")},
       {"stock", Number("the stock at the day's end: tonnes, or cubic metres of gas; at most "
                        "2 decimals")},
       {"consumption", Number("the day's consumption, in the same unit")},
       {"note", Text("")},
       {"company", Integer("admin only: the company's id")}},
      {"day", "fuel", "stock", "consumption"});
  schemas["IndicatorPublicationNew"] =
      Object({{"month", Text("W 14.4.6: the month published, YYYY-MM, over before today")},
              {"company", Integer("admin only: the company's id")}},
             {"month"});
  // Issue 14: long runs as jobs (app/http/jobs.cpp).
  schemas["JobNew"] = Object(
      {{"kind", Enum({"refund-run", "billing-run"}, "what to run")},
       {"season", Integer("the year the season starts, e.g. 2025")},
       {"company_id", Integer("billing-run: the company (a manager: its own, the default)")},
       {"due_on", Text("billing-run: when the fee is due, YYYY-MM-DD (see BillingRunNew)")}},
      {"kind", "season"});
  auto nullable = [](ordered_json s) {
    s["nullable"] = true;
    return s;
  };
  schemas["Job"] = Object(
      {{"id", Integer("the job")},
       {"kind", Enum({"refund-run", "billing-run", "household-import", "sample-plan"},
                     "what runs (household-import: POST /api/v1/import/households?async=true; "
                     "sample-plan: POST /api/v1/sample-plan?async=true)")},
       {"company_id", nullable(Integer("the company; null: every company (the admin's run)"))},
       {"params", {{"type", "object"}, {"description", "what was asked"}}},
       {"state", Enum({"running", "succeeded", "failed", "interrupted"},
                      "interrupted: its server stopped; start it again")},
       {"done", Integer("units done (households)")},
       {"total", Integer("units in all; 0 while not known")},
       {"percent", Integer("0..100; 100 only once succeeded")},
       {"started_by", Text("who started it")},
       {"started_at", Text(kRfc3339)},
       {"updated_at", Text("its last progress, " + std::string(kRfc3339))},
       {"finished_at", nullable(Text(kRfc3339))},
       {"result", nullable({{"type", "object"},
                            {"description", "succeeded: the run's answer, as the synchronous "
                                            "route gives it (RefundRunSummary, a billing run)"}})},
       {"error", nullable(Object({{"code", Text("as the API's errors")},
                                  {"message", Text("what went wrong")},
                                  {"field", nullable(Text("the member at fault"))}},
                                 {"code", "message", "field"}))}},
      {"id", "kind", "company_id", "params", "state", "done", "total", "percent", "started_by",
       "started_at", "updated_at", "finished_at", "result", "error"});
}

}  // namespace hearth::app::http

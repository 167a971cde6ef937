// The OpenAPI schemas of the answers of work orders, outages, findings, insurance claims, mass
// complaints and the hotline: work orders (app/http/work_orders.cpp, HeadJson, WorkOrderToJson,
// adapters/json/work_order_json.cpp), the household's notifications (work_orders.cpp), heating
// stops (outages.cpp, OutageJson), findings (findings.cpp, FindingJson), insurance claims
// (insurance_claims.cpp, ClaimJson) and mass complaints (mass_complaints.cpp, FlagJson).
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
using schema::RoleEnum;
using schema::Text;

constexpr const char* kTime = "RFC 3339, local time (+08:00)";

/// The keys of `properties`, in order: every one of them is always written.
std::vector<std::string> Keys(const ordered_json& properties) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : properties.items()) keys.push_back(k);
  return keys;
}

/// adapters::json::DeadlineToJson, its status from rules::DeadlineStatusName: the deadlines of
/// work orders (R-WO-1), insurance claims (R-INS-1) and connections (openapi_accounts.cpp).
ordered_json Deadline() {
  ordered_json d = Object({{"due", Text(kTime)},
                           {"basis", Text("the clause or profile setting the period comes from")},
                           {"calendar_incomplete",
                            Boolean("a year of the holiday calendar is missing: due is a guess")},
                           {"from", Text("the moment the period counts from, " +
                                         std::string(kTime))},
                           {"status", Enum({"ok", "warning", "overdue", "met", "late", "lapsed"},
                                           "warning: 75 % of its time used; late: met after due")},
                           {"met_at", Text("when it was met, " + std::string(kTime))}},
                          {"due", "basis", "calendar_incomplete", "from", "status"});
  d["description"] = "a deadline as it stands now; one that lapsed is left out";
  return d;
}

void AddWorkOrderSchemas(ordered_json& schemas) {
  schemas["Deadline"] = Deadline();
  ordered_json deadlines = ordered_json::object();
  for (const char* name : {"return", "reply", "response", "leak", "arrival", "reply_extended",
                           "return_visit"}) {
    deadlines[name] = RefTo("Deadline");
  }
  const std::vector<std::string> satisfaction = {"satisfied", "basically-satisfied",
                                                 "unsatisfied"};
  ordered_json head = {
      {"id", Integer("")},
      {"company_id", Integer("")},
      {"household_id", Integer("")},
      {"channel", Enum({"city-hotline", "provincial-hotline", "on-receipt", "internet-plus",
                        "first-question", "urgent", "phone", "web", "hall"},
                       "R-WO-1: a hotline platform, or the company's own channel")},
      {"external_id", Nullable(Text("the platform's order number"))},
      {"category", Enum({"heating-quality", "leak", "repair", "billing", "connection", "other"},
                        "what the order is about")},
      {"received_at", Text(kTime)},
      {"content", Text("what the caller said")},
      {"caller_phone", Text("masked for the regulator (W 12.1); may be empty")},
      {"parent_id", Nullable(Integer("the order this one duplicates (R-WO-1)"))},
      {"second_complaint", Boolean("R-WO-1: same household and category again in a season")},
      {"season", Integer("the start year of the season it was received in")},
      {"state", Enum({"received", "accepted", "responded", "dispatched", "on-site", "repaired",
                      "replied", "returned", "visited", "closed"},
                     "rules::OrderStateName")},
      {"extended", Boolean("the reply deadline was extended (R-WO-3)")},
      {"deadlines", Object(deadlines, {})},
      {"created_by", Text("")},
      {"created_at", Text(kTime)}};
  schemas["WorkOrder"] = Object(head, Keys(head));
  schemas["WorkOrder"]["description"] = "a work order as GET /api/v1/work-orders lists it";

  const ordered_json contact = Object(
      {{"who", Text("")}, {"at", Text(kTime)}, {"how", Text("phone, sms, in person, …")}},
      {"who", "at", "how"});
  schemas["OrderTimelineEntry"] = Object(
      {{"seq", Integer("its place in the timeline")},
       {"type", Text("the event (accept … reopen) or a system note (linked, "
                     "deadlines-recomputed, …)")},
       {"at", Text("when it happened, " + std::string(kTime))},
       {"detail", Text("a system note's text")},
       {"note", Text("free text")},
       {"technician", Text("dispatch")},
       {"appointment", Text("dispatch, " + std::string(kTime))},
       {"contact_record", contact},
       {"approved_by", Text("return (R-WO-2)")},
       {"seal", Boolean("return (R-WO-2)")},
       {"reason", Text("return, extend, reopen")},
       {"charges", ArrayOf(Object({{"item", Text("the work")},
                                   {"price_fen", Integer("its price, fen")},
                                   {"materials", Text("materials used")}},
                                  {"item", "price_fen", "materials"}),
                           1)},
       {"signature", contact},
       {"staff", ArrayOf(Text("a name"), 1)},
       {"started_at", Text("repair, " + std::string(kTime))},
       {"result", Text("repair, reply")},
       {"confirmation", contact},
       {"process_satisfaction", Enum(satisfaction, "visit")},
       {"result_satisfaction", Enum(satisfaction, "visit")},
       {"reasonable", Boolean("visit")},
       {"mode", Enum({"phone", "face-to-face"}, "visit")},
       {"by_manager", Boolean("visit")},
       {"by_parent", Integer("close: the parent that closed it")},
       {"parent_reply_at", Text("close by a parent, " + std::string(kTime))},
       {"parent_visit_at", Text("close by a parent, " + std::string(kTime))},
       {"actor", Text("who recorded it")},
       {"recorded_at", Text(kTime)},
       {"backdated", Boolean("recorded more than an hour after it happened")}},
      {"seq", "type", "at", "actor", "recorded_at", "backdated"});

  ordered_json detail = head;
  detail["returned"] = Boolean("it was returned once (R-WO-2)");
  detail["children"] = ArrayOf(Integer("a duplicate's id"), 0);
  detail["replied_at"] = Nullable(Text(kTime));
  detail["visited_at"] = Nullable(Text(kTime));
  detail["closed_at"] = Nullable(Text(kTime));
  detail["process_satisfaction"] = Nullable(Enum(satisfaction, "the return visit's"));
  detail["result_satisfaction"] = Nullable(Enum(satisfaction, "the return visit's"));
  detail["reasonable"] = Nullable(Boolean("the return visit found the complaint reasonable"));
  detail["timeline"] = ArrayOf(RefTo("OrderTimelineEntry"), 0);
  schemas["WorkOrderDetail"] = Object(detail, Keys(detail));
  schemas["WorkOrderDetail"]["description"] = "one work order with its timeline";

  schemas["Notification"] =
      Object({{"id", Integer("")},
              {"topic", Text("work-order.received, outage.notice, …")},
              {"order_id", Nullable(Integer("the work order it is about"))},
              {"created_at", Text(kTime)},
              {"fields", {{"type", "object"}, {"additionalProperties", Text("a named text")}}}},
             {"id", "topic", "order_id", "created_at", "fields"});
}

void AddOutageSchemas(ordered_json& schemas) {
  const ordered_json ids = ArrayOf(Integer("a record's id"), 0);
  schemas["OutageScope"] = Object({{"heat_sources", ids},
                                   {"network_sections", ids},
                                   {"substations", ids},
                                   {"buildings", ids}},
                                  {"heat_sources", "network_sections", "substations", "buildings"});
  schemas["OutageObligation"] = Object(
      {{"duty", Enum({"advance", "emergency", "overrun"}, "R-OUT-1 (rules::NoticeDutyName)")},
       {"due", Text(kTime)},
       {"basis", Text("the clause the due time comes from")},
       {"calendar_incomplete", Boolean("a year of the holiday calendar is missing")},
       {"state", Enum({"met", "late", "pending", "overdue"}, "rules::DutyStateName")},
       {"met_at", Nullable(Text(kTime))},
       {"announced_end", Nullable(Text("overrun: the restoration announced and passed"))}},
      {"duty", "due", "basis", "calendar_incomplete", "state", "met_at", "announced_end"});
  schemas["OutageNoticeEntry"] =
      Object({{"seq", Integer("")},
              {"at", Text("when it was published, " + std::string(kTime))},
              {"expected_end", Text("the restoration it announces, " + std::string(kTime))},
              {"text", Text("what else it says")},
              {"actor", Text("")},
              {"recorded_at", Text(kTime)}},
             {"seq", "at", "expected_end", "text", "actor", "recorded_at"});
  ordered_json outage = {
      {"id", Integer("")},
      {"company_id", Integer("")},
      {"kind", Enum({"planned", "emergency"}, "R-OUT-1 (rules::OutageKindName)")},
      {"company_caused", Boolean("the company's cause (R-REFUND-2)")},
      {"cause", Text("")},
      {"scope", RefTo("OutageScope")},
      {"start", Text(kTime)},
      {"expected_end", Text(kTime)},
      {"actual_end", Nullable(Text(kTime))},
      {"road_sections", Text("")},
      {"affected_households", Integer("derived from the scope (R-OUT-2)")},
      {"affected_area_m2", Number("m², two decimals (R-OUT-2)")},
      {"notice_due", Nullable(Text("the first notice's due time; null when none is owed"))},
      {"notice_late", Boolean("an obligation is late or overdue")},
      {"overrun", Boolean("it ran past an announced restoration")},
      {"obligations", ArrayOf(RefTo("OutageObligation"), 0)},
      {"notice_count", Integer("")},
      {"created_by", Text("")},
      {"created_at", Text(kTime)}};
  schemas["Outage"] = Object(outage, Keys(outage));
  schemas["Outage"]["description"] = "a heating stop as GET /api/v1/outages lists it";
  outage["notices"] = ArrayOf(RefTo("OutageNoticeEntry"), 0);
  schemas["OutageDetail"] = Object(outage, Keys(outage));
  schemas["OutageDetail"]["description"] = "a heating stop with its notices";
  // A household's "outage.notice" notification (services/outage_service.cpp, R-OUT-1).
  ordered_json fields = ordered_json::object();
  for (const char* k : {"outage_id", "kind", "cause", "start", "expected_end", "road_sections",
                        "affected_households", "text"}) {
    fields[k] = Text("as text");
  }
  schemas["OutageNoticeFields"] = Object(fields, Keys(fields));
  schemas["OutageNoticeFields"]["description"] =
      "the fields of an outage.notice Notification (R-OUT-1)";
}

void AddFindingSchemas(ordered_json& schemas) {
  const ordered_json state = Enum(
      {"open", "acknowledged", "disputed", "upheld", "rejected", "withdrawn"},
      "rules::FindingStateName");
  const std::vector<std::string> actions = {"acknowledge", "dispute", "uphold", "reject",
                                            "withdraw"};
  std::vector<std::string> history_actions = {"record"};
  history_actions.insert(history_actions.end(), actions.begin(), actions.end());
  schemas["FindingHistoryEntry"] =
      Object({{"action", Enum(history_actions, "record first, then each action")},
              {"state", state},
              {"actor", Text("")},
              {"role", RoleEnum("the actor's role")},
              {"note", Text("may be empty")},
              {"at", Text(kTime)}},
             {"action", "state", "actor", "role", "note", "at"});
  ordered_json finding = {
      {"id", Integer("")},
      {"company_id", Integer("")},
      {"household_id", Integer("")},
      {"kind", Enum({"drain-valve", "vent-valve", "heat-exchanger", "altered-pipes", "pipe-pump",
                     "added-radiators", "own-installation"},
                    "R-REFUND-4")},
      {"description", Text("")},
      {"photos", ArrayOf(Text("a photo's reference"), 0)},
      {"found_by", Text("")},
      {"found_at", Text(kTime)},
      {"valid_from", Text("YYYY-MM-DD")},
      {"valid_to", Text("YYYY-MM-DD, included")},
      {"state", state},
      {"effective", Boolean("it removes the temperature share on its days now")},
      {"actions", ArrayOf(Enum(actions, "what the caller may do now"), 0)},
      {"created_by", Text("")},
      {"created_at", Text(kTime)}};
  std::vector<std::string> required = Keys(finding);
  finding["history"] = ArrayOf(RefTo("FindingHistoryEntry"), 1);
  schemas["Finding"] = Object(finding, required);
  schemas["Finding"]["description"] =
      "a household-caused finding (R-REFUND-4); history is left out of the list's items";
}

void AddClaimSchemas(ordered_json& schemas) {
  const ordered_json state = Enum({"recorded", "insurer-notified", "agreed", "paid", "rejected"},
                                  "rules::ClaimStateName");
  const ordered_json exclusion =
      Enum({"own-installation", "self-altered", "builder-warranty", "indirect-loss"},
           "W 13.6 a–d");
  const std::vector<std::string> events = {"notify-insurer", "agree", "pay", "reject"};
  std::vector<std::string> history_actions = {"record"};
  history_actions.insert(history_actions.end(), events.begin(), events.end());
  schemas["ClaimLoss"] = Object({{"item", Text("what was lost or damaged")},
                                 {"estimate", Nullable(Text("yuan, e.g. \"1200.00\""))},
                                 {"estimate_fen", Nullable(Integer("the estimate in fen"))}},
                                {"item", "estimate", "estimate_fen"});
  schemas["ClaimHistoryEntry"] =
      Object({{"action", Enum(history_actions, "record first, then each event")},
              {"state", state},
              {"actor", Text("")},
              {"role", RoleEnum("the actor's role")},
              {"note", Text("may be empty")},
              {"at", Text(kTime)},
              {"amount", Text("agree: yuan, e.g. \"4280.50\"")},
              {"exclusion", exclusion},
              {"insurer", Text("notify-insurer")},
              {"reference", Text("notify-insurer: the report number; pay: the payment's")}},
             {"action", "state", "actor", "role", "note", "at"});
  ordered_json claim = {
      {"id", Integer("")},
      {"company_id", Integer("")},
      {"household_id", Integer("")},
      {"incident_at", Text(kTime)},
      {"incident", Text("")},
      {"injuries", Boolean("W 13.4")},
      {"photos", ArrayOf(Text("a photo's reference (W 13.3)"), 0)},
      {"losses", ArrayOf(RefTo("ClaimLoss"), 0)},
      {"state", state},
      {"insurer", Nullable(Text(""))},
      {"insurer_reference", Nullable(Text(""))},
      {"notified_at", Nullable(Text(kTime))},
      {"amount", Nullable(Text("yuan, e.g. \"4280.50\""))},
      {"amount_fen", Nullable(Integer(""))},
      {"agreed_at", Nullable(Text(kTime))},
      {"paid_at", Nullable(Text(kTime))},
      {"payment_reference", Nullable(Text(""))},
      {"exclusion", Nullable(exclusion)},
      {"exclusion_clause", Nullable(Text("e.g. W 13.6 b"))},
      {"deadlines", Object({{"notify", RefTo("Deadline")}, {"payout", RefTo("Deadline")}},
                           {})},
      {"actions", ArrayOf(Enum(events, "what the caller may do now"), 0)},
      {"created_by", Text("")},
      {"created_at", Text(kTime)}};
  std::vector<std::string> required = Keys(claim);
  claim["history"] = ArrayOf(RefTo("ClaimHistoryEntry"), 1);
  schemas["Claim"] = Object(claim, required);
  schemas["Claim"]["description"] =
      "an insurance claim (R-INS-1); history is left out of the list's items";
}

}  // namespace

void AddComplaintSchemas(nlohmann::ordered_json& schemas) {
  AddWorkOrderSchemas(schemas);
  AddOutageSchemas(schemas);
  AddFindingSchemas(schemas);
  AddClaimSchemas(schemas);
  ordered_json flag = {
      {"id", Integer("")},
      {"company_id", Integer("")},
      {"community", Text("the community (小区)")},
      {"complaints", Integer("the episode's complaints")},
      {"first_at", Text(kTime)},
      {"reached_at", Text("when the threshold was reached, " + std::string(kTime))},
      {"last_at", Text(kTime)},
      {"reached_order_id", Integer("")},
      {"order_ids", ArrayOf(Integer("a work order's id"), 1)},
      {"threshold", Integer("complaints within window_hours (R-REG-1)")},
      {"window_hours", Integer("")},
      {"policy", Text("the profile it was judged by")},
      {"flagged_at", Text(kTime)}};
  schemas["MassComplaint"] = Object(flag, Keys(flag));
  schemas["MassComplaint"]["description"] = "a community's mass complaint (R-REG-1, Z 3.4)";
}

}  // namespace hearth::app::http

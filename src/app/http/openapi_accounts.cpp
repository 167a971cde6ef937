// The OpenAPI schemas of the answers of bills, arrears, connections, heating changes, meter disputes
// and price notices: app/http/bills.cpp (BillJson, BillingRunJson, the receipt), arrears.cpp
// (ArrearsJson), connections.cpp (ConnectionJson), heating_changes.cpp (HeatingChangeJson),
// meter_disputes.cpp (DisputeJson) and price_notices.cpp (NoticeJson).
#include "app/http/openapi.hpp"
#include "app/http/openapi_schema.hpp"

namespace hearth::app::http {

void AddAccountSchemas(nlohmann::ordered_json& schemas) {
  using schema::ArrayOf;
  using schema::Boolean;
  using schema::Enum;
  using schema::Integer;
  using schema::Nullable;
  using schema::Object;
  using schema::ordered_json;
  using schema::RefTo;
  using schema::Text;
  auto yuan = [](const std::string& what) {
    return Text(what + ", yuan with two decimals (\"4280.50\")");
  };
  auto at = [](const std::string& what) { return Text(what + ", local RFC 3339"); };
  auto day = [](const std::string& what) { return Text(what + ", YYYY-MM-DD"); };
  auto keys = [](const ordered_json& properties) {
    std::vector<std::string> out;
    for (const auto& [k, v] : properties.items()) out.push_back(k);
    return out;
  };
  const ordered_json season = Integer("the year the season starts: 2026 for 2026–2027");

  // ---- Bills and billing runs (R-BILL-1, W 9.2; bills.cpp) ----
  schemas["BillLine"] = Object(
      {{"code", Enum({"area", "base", "heat", "change", "relief", "offset"},
                     "the area fee, a two-part tariff's base and heat parts, an approved 增减停复 "
                     "(R-ACCT-1), a relief (W 9.3), an offset refund (R-REFUND-6)")},
       {"text", Text("zh-CN, as printed on the bill")},
       {"amount", yuan("negative for a relief, an offset or a credit")}},
      {"code", "text", "amount"});
  ordered_json bill = {
      {"id", Integer("the fee record's id")},
      {"company_id", Integer("")},
      {"household_id", Integer("")},
      {"household_code", Text("")},
      {"season", season},
      {"due_on", day("the payment's due day")},
      {"basis", Enum({"area", "meter"}, "as billed (a faulty or unread meter by area, W 10.3)")},
      {"basis_reason", Text("why a meter-billed household was billed by area; \"\" otherwise")},
      {"area", Text("the heated area, m² with two decimals")},
      {"lines", ArrayOf(RefTo("BillLine"), 0)},
      {"total", yuan("the lines' sum")},
      {"unapplied_offset", yuan("what the offset could not take")},
      {"paid", yuan("the fee's payments")},
      {"paid_back", yuan("paid back so far (R-ACCT-1)")},
      {"outstanding", yuan("the total less what was paid net of paybacks, never below 0")},
      {"overpaid", yuan("paid beyond the total and not yet paid back")},
      {"run_id", Integer("the billing run that issued it")},
      {"issued_at", at("")},
      {"issued_by", Text("")}};
  schemas["Bill"] = Object(bill, keys(bill));
  ordered_json run = {
      {"id", Integer("")},
      {"company_id", Integer("")},
      {"season", season},
      {"due_on", day("the bills' due day")},
      {"finished", Boolean("false while writing or stopped halfway (run it again to resume)")},
      {"issued", Integer("bills issued")},
      {"already_billed", Integer("households with a fee for the season before the run")},
      {"not_heated", Integer("stopped households, not billed")},
      {"meter_by_area", Integer("meter-billed households billed by area (fault or no reading)")},
      {"offsets", yuan("refunds offset against the bills (R-REFUND-6)")},
      {"total", yuan("the bills' totals")},
      {"run_by", Text("")},
      {"run_at", at("")}};
  schemas["BillingRun"] = Object(run, keys(run));
  ordered_json receipt = {
      {"number", Text("the receipt's number")},
      {"payment_id", Integer("")},
      {"company_code", Text("")},
      {"company_name", Text("")},
      {"licence_no", Nullable(Text("the company's licence"))},
      {"household_id", Integer("")},
      {"household_code", Text("")},
      {"address", Nullable(Text(""))},
      {"season", season},
      {"fee_id", Nullable(Integer("the fee paid towards"))},
      {"fee", Nullable(yuan("that fee"))},
      {"amount", yuan("the amount paid")},
      {"amount_capitals", Text("the amount in Chinese capitals (大写), e.g. 壹仟元整")},
      {"paid_at", Text("RFC 3339, as recorded")},
      {"method", Enum({"cash", "bank", "wechat", "alipay", "offset"}, "the payment's channel")},
      {"reference", Text("the channel's reference; \"\" for none")},
      {"outstanding", Nullable(yuan("what is left of the fee after this payment"))}};
  schemas["Receipt"] = Object(receipt, keys(receipt));

  // ---- Arrears and reminders (R-BILL-1, W 9.2.2; arrears.cpp) ----
  ordered_json reminder = {
      {"id", Integer("")},
      {"channel", Enum({"notice", "sms", "wechat", "letter"},
                       "张贴告知, 短信, 微信 or 催费函 (rules::ReminderChannelName)")},
      {"sent_at", at("when posted, or handed to the outbox")},
      {"sent_by", Text("")},
      {"content", Text("")},
      {"proof", Nullable(Text("a notice's or letter's proof of delivery; null for sms, wechat"))},
      {"delivery", Enum({"recorded", "pending", "delivered", "failed"},
                        "recorded: a notice or letter; pending, delivered or failed: the gateway's")},
      {"delivered_at", Nullable(at(""))},
      {"attempts", Integer("the gateway's attempts so far")},
      {"last_error", Nullable(Text("the gateway's last refusal"))},
      {"proven", Boolean("counts towards the steps before a stop")}};
  schemas["ArrearsReminder"] = Object(reminder, keys(reminder));
  ordered_json arrears = {
      {"fee_id", Integer("")},
      {"company_id", Integer("")},
      {"household_id", Integer("")},
      {"household_code", Text("")},
      {"address", Nullable(Text(""))},
      {"season", season},
      {"due_on", day("")},
      {"amount", yuan("the fee")},
      {"paid", yuan("")},
      {"outstanding", yuan("\"0.00\" once paid")},
      {"days_overdue", Integer("0 when not overdue")},
      {"heating_status", Enum({"heated", "stopped"}, "the household's heating")},
      {"reminders_proven", Integer("proven reminders on distinct days")},
      {"reminders_needed", Integer("proven reminders the contract asks before a stop")},
      {"notice_days", Integer("days from the last proven reminder before a stop")},
      {"last_reminded_on", Nullable(day("the last proven reminder's day"))},
      {"may_stop_from", Nullable(day("the first day a stop may take effect"))},
      {"stop_heating_change_id", Nullable(Integer("the stop decided for these arrears"))},
      {"actions", ArrayOf(Enum({"remind", "stop"}, "what the caller may do now"), 0)},
      {"reminders", ArrayOf(RefTo("ArrearsReminder"), 0)}};
  schemas["Arrears"] = Object(arrears, keys(arrears));

  // ---- Connection applications (R-CONN-1, Z 2.3 (三), W 9.1.4; connections.cpp) ----
  const ordered_json conn_state =
      Enum({"received", "approved", "refused"}, "rules::ConnectionStateName");
  const ordered_json conn_document =
      Enum({"application-form", "drawings", "retrofit-record", "owners-decision"},
           "rules::ConnectionDocumentName");
  const std::vector<std::string> conn_events = {"supply-documents", "approve", "refuse", "visit"};
  schemas["ConnectionHistoryEntry"] = Object(
      {{"action", Enum({"apply", "supply-documents", "approve", "refuse", "visit"}, "")},
       {"state", conn_state},
       {"actor", Text("")},
       {"role", Text("")},
       {"note", Text("")},
       {"at", at("")},
       {"documents", ArrayOf(conn_document, 1)},
       {"reason", Text("")},
       {"suggestion", Text("")},
       {"satisfied", Boolean("a return visit's")}},
      {"action", "state", "actor", "role", "note", "at"});
  ordered_json connection = {
      {"id", Integer("")},
      {"company_id", Integer("")},
      {"building_id", Integer("")},
      {"household_id", Nullable(Integer(""))},
      {"applicant", Text("")},
      {"phone", Nullable(Text("masked (138****1234) for a reader without the need"))},
      {"new_building", Boolean("")},
      {"outside_works", Boolean("")},
      {"received_at", at("")},
      {"season", Integer("the year the season it catches starts")},
      {"next_season", Boolean("a new building after the profile's date (Z 2.3 (三))")},
      {"notice", Nullable(Text("what the applicant is told of the next season"))},
      {"documents", ArrayOf(conn_document, 0)},
      {"missing", ArrayOf(conn_document, 0)},
      {"state", conn_state},
      {"decided_at", Nullable(at(""))},
      {"reason", Nullable(Text(""))},
      {"suggestion", Nullable(Text(""))},
      {"visited_at", Nullable(at(""))},
      {"satisfied", Nullable(Boolean(""))},
      {"visit_note", Nullable(Text(""))},
      {"deadlines", Object({{"decision", RefTo("Deadline")}}, {"decision"})},
      {"actions", ArrayOf(Enum(conn_events, "what the caller may do now"), 0)},
      {"created_by", Text("")},
      {"created_at", at("")}};
  std::vector<std::string> connection_keys = keys(connection);
  connection["history"] = ArrayOf(RefTo("ConnectionHistoryEntry"), 1);
  connection["history"]["description"] = "one application and the POST answers: apply, then each";
  schemas["Connection"] = Object(connection, connection_keys);

  // ---- Heating changes (R-ACCT-1, 增减停复, W 9.1.8; heating_changes.cpp) ----
  schemas["HeatingChangeSettlement"] = Object(
      {{"amount", yuan("negative a credit (停热, 减少面积), positive a charge")},
       {"area", Text("the area settled, m² with two decimals")},
       {"days", Integer("the season's official days from the effective day")},
       {"season_days", Integer("all of them")},
       {"season", season},
       {"price", yuan("per m² for the season (the area tariff)")}},
      {"amount", "area", "days", "season_days", "season", "price"});
  const ordered_json change_document =
      Enum({"application-form", "identity", "property-proof", "area-survey"},
           "rules::HeatingChangeDocumentName");
  // A $ref ignores its siblings: a null settlement or bill needs a oneOf to be nullable.
  ordered_json settled_bill = {{"oneOf", ordered_json::array({RefTo("Bill")})},
                               {"nullable", true},
                               {"description", "the season's bill, settled again"}};
  ordered_json change = {
      {"id", Integer("")},
      {"company_id", Integer("")},
      {"household_id", Integer("")},
      {"applicant", Text("")},
      {"kind", Enum({"increase", "decrease", "stop", "resume"}, "rules::HeatingChangeKindName")},
      {"received_at", at("")},
      {"effective", day("")},
      {"heated", Boolean("the household's heating when received")},
      {"area_before", Text("m² with two decimals, when received")},
      {"area_after", Text("m² with two decimals, asked for")},
      {"billing", Enum({"area", "meter"}, "by meter: settled by its meter, no settlement")},
      {"documents", ArrayOf(change_document, 0)},
      {"missing", ArrayOf(change_document, 0)},
      {"note", Nullable(Text(""))},
      {"state", Enum({"received", "approved", "refused"}, "rules::HeatingChangeStateName")},
      {"decided_at", Nullable(at(""))},
      {"decided_by", Nullable(Text(""))},
      {"reason", Nullable(Text(""))},
      {"decision_note", Nullable(Text(""))},
      {"settlement", {{"oneOf", ordered_json::array({RefTo("HeatingChangeSettlement")})},
                      {"nullable", true},
                      {"description", "once approved, by area"}}},
      {"arrears_fee_id", Nullable(Integer("a stop for arrears: the fee's id"))},
      {"bill", settled_bill},
      {"actions", ArrayOf(Enum({"supply-documents", "approve", "refuse"},
                               "what the caller may do now"),
                          0)},
      {"created_by", Text("")},
      {"created_at", at("")}};
  schemas["HeatingChange"] = Object(change, keys(change));

  // ---- Heat-meter disputes (R-METER-1, W 10.3; meter_disputes.cpp) ----
  const std::vector<std::string> parties = {"household", "company"};
  ordered_json dispute = {
      {"id", Integer("")},
      {"company_id", Integer("")},
      {"household_id", Integer("")},
      {"raised_by", Enum(parties, "住户 or 供热企业")},
      {"reason", Text("")},
      {"state", Enum({"open", "calibrated", "withdrawn"}, "rules::DisputeStateName")},
      {"result", Nullable(Enum({"passed", "failed"}, "the metrology body's verdict"))},
      {"reference", Nullable(Text("the metrology body's report number"))},
      {"cost", Nullable(yuan("the calibration's cost"))},
      {"cost_fen", Nullable(Integer("the same in fen"))},
      {"payer", Nullable(Enum(parties, "who pays the calibration, once calibrated (W 10.3)"))},
      {"payer_clause", Nullable(Text("W 10.3 (10.3 a) or (10.3 b)"))},
      {"billing", Object({{"by_area", Boolean("billed by area after a failed calibration")},
                          {"reason", Nullable(Text("why, in Chinese; null unless by area"))}},
                         {"by_area", "reason"})},
      {"calibrated_at", Nullable(at(""))},
      {"calibrated_by", Nullable(Text(""))},
      {"withdrawn_at", Nullable(at(""))},
      {"note", Nullable(Text(""))},
      {"actions", ArrayOf(Enum({"calibrate", "withdraw"}, "what the caller may do now"), 0)},
      {"created_by", Text("")},
      {"created_at", at("")}};
  schemas["MeterDispute"] = Object(dispute, keys(dispute));

  // ---- Price notices (W 9.2.1; price_notices.cpp) ----
  ordered_json notice = {
      {"id", Integer("")},
      {"tariff_id", Integer("")},
      {"company_id", Integer("")},
      {"billing", Enum({"area", "meter"}, "the tariff's basis")},
      {"price", yuan("per m² per season by area, per GJ by meter")},
      {"valid_from", day("the tariff's first day")},
      {"text", Text("what the households were told")},
      {"households", Integer("how many were told")},
      {"announced_at", at("")},
      {"announced_by", Text("")},
      {"late", Boolean("told on or after valid_from")}};
  schemas["PriceNotice"] = Object(notice, keys(notice));
}

}  // namespace hearth::app::http

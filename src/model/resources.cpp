#include "model/resources.hpp"

namespace hearth::model {
namespace {

using T = FieldType;

Field F(std::string name, T type, bool required, std::string doc) {
  Field f;
  f.name = std::move(name);
  f.type = type;
  f.required = required;
  f.doc = std::move(doc);
  return f;
}
Field Enum(std::string name, bool required, std::vector<std::string> values, std::string doc) {
  Field f = F(std::move(name), T::kEnum, required, std::move(doc));
  f.values = std::move(values);
  f.filterable = true;
  return f;
}
Field Ref(std::string name, std::string ref, bool required, std::string doc) {
  Field f = F(std::move(name), T::kRef, required, std::move(doc));
  f.ref = std::move(ref);
  f.filterable = true;
  return f;
}
Field Code(std::string doc) {
  Field f = F("code", T::kText, true, std::move(doc));
  f.filterable = true;
  return f;
}
Field IntIn(std::string name, bool required, int64_t min, int64_t max, std::string doc) {
  Field f = F(std::move(name), T::kInt, required, std::move(doc));
  f.min = min;
  f.max = max;
  return f;
}
Field Company() {
  Field f = Ref("company_id", "companies", true, "the heating company");
  f.immutable = true;
  return f;
}
Field Household() {
  Field f = Ref("household_id", "households", true, "the household");
  f.immutable = true;
  return f;
}

// The season, named the same wherever a record, filter or flag means it (issue 11): the year it
// starts, as the refund ledger's `season` and `hearth refunds run --season` take it.
Field Season() {
  Field f = IntIn("season", true, 2000, 2200,
                  "the year the season starts, e.g. 2025 for 2025-11-15 … 2026-03-15");
  f.filterable = true;
  return f;
}

const char* kByCompany = "r.company_id";
const char* kByHousehold = "r.household_id";
const char* kCompanyOfHousehold = "(SELECT h.company_id FROM households h WHERE h.id = r.household_id)";

std::vector<Resource> Build() {
  std::vector<Resource> out;
  out.push_back({"districts", "district", "A city district: it decides its seasons (R-SEASON-1).",
                 {Code("district code"), F("name", T::kText, true, "name"),
                  F("city", T::kText, true, "city"),
                  F("policy", T::kText, true, "policy profile name, e.g. weihai")},
                 {{"code"}}, {}, false});
  out.push_back({"companies", "company", "A licensed heating company.",
                 {Code("company code"), F("name", T::kText, true, "name"),
                  F("policy", T::kText, true, "policy profile name, e.g. weihai"),
                  F("licence_no", T::kText, false, "heating operation licence number")},
                 {{"code"}}, {"r.id", ""}, false});
  out.push_back({"licensed_districts", "licensed district",
                 "A district inside a company's licensed service area (Z 3.4).",
                 {Company(), Ref("district_id", "districts", true, "the district")},
                 {{"company_id", "district_id"}}, {kByCompany, ""}, false});
  out.push_back(
      {"seasons", "season",
       "A district's heating season: official dates, early start and extension (R-SEASON-1).",
       {Ref("district_id", "districts", true, "the district"),
        Season(),
        F("commissioning_start", T::kDate, false, "first commissioning day"),
        F("official_start", T::kDate, true, "first official day (inclusive)"),
        F("official_end", T::kDate, true, "last official day (inclusive)"),
        F("early_start", T::kDate, false, "early start decided by the district, if any"),
        F("extension_end", T::kDate, false, "last day of an extension, if any"),
        F("decision_ref", T::kText, false,
          "the district's decision behind early_start or extension_end (its document number); "
          "required with either")},
       {{"district_id", "season"}}, {}, false});
  out.push_back(
      {"season_announcements", "season announcement",
       "A company's public announcement of a district's season (R-SEASON-1, W 5.2.5, W 6.1.1): "
       "the commissioning, or the start of heating. The district must be licensed to the "
       "company (Z 3.4).",
       {Company(), Ref("district_id", "districts", true, "the district announced for"), Season(),
        Enum("kind", true, {"commissioning", "heating_start"},
             "what is announced: the commissioning (调试) or the start of heating (正式供暖)"),
        F("published_on", T::kDate, true, "the day it was published (+08:00)"),
        Enum("channel", true,
             {"newspaper", "radio", "television", "online", "self_media", "notice_board"},
             "where it was published (W 5.2.5)"),
        F("reference", T::kText, true,
          "the issue, link or notice number, for the regulator to verify")},
       {{"company_id", "district_id", "season", "kind"}}, {kByCompany, ""}, false});
  out.push_back({"heat_sources", "heat source", "A heat source of a company.",
                 {Company(), Code("heat source code"), F("name", T::kText, true, "name"),
                  Enum("kind", true, {"chp", "boiler", "heat-pump", "waste-heat", "other"},
                       "kind of plant")},
                 {{"company_id", "code"}}, {kByCompany, ""}, false});
  out.push_back({"network_sections", "network section", "A section of the primary network.",
                 {Company(), Ref("heat_source_id", "heat_sources", true, "feeding heat source"),
                  Code("section code"), F("name", T::kText, true, "name")},
                 {{"company_id", "code"}}, {kByCompany, ""}, false});
  out.push_back({"substations", "substation", "A heat-exchange substation (换热站).",
                 {Company(), Ref("network_section_id", "network_sections", true, "its section"),
                  Code("substation code"), F("name", T::kText, true, "name")},
                 {{"company_id", "code"}}, {kByCompany, ""}, false});
  {
    Field community = F("community", T::kText, true, "community (小区)");
    community.filterable = true;
    out.push_back(
        {"buildings", "building", "A building served by a substation.",
         {Company(), Ref("district_id", "districts", true, "district"),
          Ref("substation_id", "substations", true, "substation"), Code("building code"),
          community, F("address", T::kText, false, "address"),
          IntIn("floors", true, 1, 120, "number of floors"),
          IntIn("built_year", false, 1900, 2200, "year built"),
          IntIn("pipe_distance_m", false, 0, 100000, "pipe distance to the substation (m)"),
          Enum("network_position", false, {"near", "middle", "far"},
               "position on the secondary network (R-SAMPLE-2)")},
         {{"company_id", "code"}}, {kByCompany, ""}, false});
  }
  out.push_back({"partitions", "partition", "A heating partition (unit) of a building (R-TEMP-2).",
                 {Company(), Ref("building_id", "buildings", true, "building"),
                  Code("partition code"), F("name", T::kText, false, "name")},
                 {{"building_id", "code"}}, {kByCompany, ""}, false});
  {
    Field area = F("area_m2", T::kCenti, true, "heated area (m², 2 decimals)");
    area.min = 1;
    area.max = 100000000;
    Field agreed = F("agreed_temp", T::kTenths, false, "temperature agreed in the contract (°C)");
    agreed.min = 50;
    agreed.max = 300;
    Field phone = F("phone", T::kText, false, "phone number");
    phone.sensitive = true;
    Field id_number = F("id_number", T::kText, false, "ID card number");
    id_number.sensitive = true;
    out.push_back(
        {"households", "household", "A household: its dwelling, contract and contacts.",
         {Company(), Ref("partition_id", "partitions", true, "heating partition (unit)"),
          Code("household number"), F("address", T::kText, false, "room / address"),
          area, IntIn("floor", true, -5, 120, "floor"),
          Enum("orientation", true, {"shade", "sun"}, "orientation"),
          Enum("floor_tier", false, {"upper", "middle", "lower"},
               "explicit floor tier (R-SAMPLE-2), else derived"),
          Enum("billing", true, {"area", "meter"}, "billing by area or by heat meter"),
          agreed, Enum("heating_status", true, {"heated", "stopped"}, "heating status"),
          F("contract", T::kJson, false,
            "contract terms (W 9.1.7): quality, fee standard, breach, maintenance, free services"),
          phone, id_number,
          Enum("assistance", false, {"minimum-living", "extreme-poverty", "entitled-group"},
               "the class a government relief may name (W 9.3): 低保, 特困 or 优抚; none if "
               "empty")},
         {{"company_id", "code"}}, {kByCompany, "r.id"}, true});
    out.push_back(
        {"contract_versions", "contract version",
         "A household's contract terms as they held until they were changed (R-ACCT-1): a past "
         "day is judged and billed on the terms valid then. Kept by Hearth on every change.",
         {Household(), F("valid_until", T::kDate, true, "the last day these terms held"), agreed,
          Enum("billing", true, {"area", "meter"}, "billing by area or by heat meter"),
          F("contract", T::kJson, false, "the contract terms (W 9.1.7)")},
         {}, {kCompanyOfHousehold, kByHousehold}, true});
  }
  out.push_back({"rooms", "room", "A room of a household (R-TEMP-3: bedrooms and living rooms "
                                  "are guaranteed).",
                 {Household(), F("name", T::kText, true, "name"),
                  Enum("kind", true, {"bedroom", "living", "other"}, "kind of room")},
                 {{"household_id", "name"}}, {kCompanyOfHousehold, kByHousehold}, true});
  out.push_back(
      {"sensors", "sensor", "A room-temperature sensor bound to a room.",
       {Code("device id, as in MQTT topics hearth/v1/readings/<code>"),
        Ref("room_id", "rooms", true, "the room it measures"),
        F("model", T::kText, false, "device model"),
        F("installed_on", T::kDate, false, "installation date")},
       {{"code"}},
       {"(SELECT h.company_id FROM rooms m JOIN households h ON h.id = m.household_id "
        "WHERE m.id = r.room_id)",
        "(SELECT m.household_id FROM rooms m WHERE m.id = r.room_id)"},
       true});
  {
    Field price = F("price", T::kCenti, true, "approved price (yuan per m² per season, or per GJ)");
    price.min = 0;
    Field base = F("base_price", T::kCenti, false,
                   "by meter: the fixed part, yuan per m² for the season (W 9.2.1; none if empty)");
    base.min = 0;
    out.push_back({"tariffs", "tariff", "An approved price (R-BILL-1).",
                   {Company(), F("name", T::kText, true, "name"),
                    Enum("billing", true, {"area", "meter"}, "by area or by heat"), price,
                    F("valid_from", T::kDate, true, "first day"),
                    F("valid_to", T::kDate, false, "last day"),
                    F("approval", T::kText, false, "price approval document"), base},
                   {{"company_id", "name", "valid_from"}}, {kByCompany, ""}, false});
  }
  out.push_back(
      {"service_contacts", "service contact",
       "A company's published service number or service hall (R-INFO-1, W 4.5, W 12.2 c, d, i): "
       "shown on its public page (/public/{company code}).",
       {Company(),
        Enum("kind", true, {"hotline", "repair", "supervision", "hall"},
             "客服热线 (W 12.2 c), 抢修电话 (W 12.2 i), 监督电话 (W 4.5), or a service hall "
             "(服务场所, W 12.2 d)"),
        F("name", T::kText, true, "what the public sees, e.g. 24小时客服热线 or 文登营业厅"),
        F("phone", T::kText, true, "the number"),
        F("address", T::kText, false, "where a service hall is"),
        F("hours", T::kText, false, "when it answers or opens, e.g. 8:30-17:30 or 24小时")},
       {{"company_id", "kind", "name"}}, {kByCompany, ""}, false});
  {
    // At most 1,000,000.00 yuan (issue 11): a household's season fee is a few thousand yuan, and
    // even a large non-residential customer (20,000 m² at 40 yuan/m²) stays below it; a larger
    // figure is a typing slip (yuan typed as fen, a duplicated digit), not a fee or a payment.
    constexpr int64_t kMaxAmountFen = 100'000'000;
    Field amount = F("amount", T::kCenti, true, "yuan, at most 1000000.00");
    amount.min = 0;
    amount.max = kMaxAmountFen;
    out.push_back({"fees", "fee", "A household's fee for a season (R-BILL-1).",
                   {Household(), Season(), amount,
                    F("due_on", T::kDate, true, "payment due date")},
                   {{"household_id", "season"}}, {kCompanyOfHousehold, kByHousehold},
                   true});
    Field paid = amount;
    paid.doc = "yuan, at most 1000000.00; with a fee_id, the fee's payments may not add up to more "
               "than the fee";
    Field paid_at = F("paid_at", T::kText, true, "RFC 3339 time with offset");
    paid_at.timestamp = true;
    out.push_back({"payments", "payment", "A payment received from a household.",
                   {Household(),
                    Ref("fee_id", "fees", false, "the fee it pays: a fee of the same household"),
                    paid, paid_at,
                    Enum("method", true, {"cash", "bank", "wechat", "alipay", "offset"},
                         "how it was paid"),
                    F("reference", T::kText, false,
                      "the channel's reference: a bank slip, WeChat or Alipay transaction number "
                      "(R-BILL-1)")},
                   {}, {kCompanyOfHousehold, kByHousehold}, true});
  }
  Field sent_at = F("sent_at", T::kText, true, "RFC 3339 time with offset");
  sent_at.timestamp = true;
  out.push_back({"reminders", "reminder", "An arrears reminder, with its proof (W 9.2.2).",
                 {Household(), sent_at,
                  Enum("channel", true, {"notice", "sms", "wechat", "letter"}, "how"),
                  F("proof", T::kText, true, "proof kept of the reminder")},
                 {}, {kCompanyOfHousehold, kByHousehold}, true});
  {
    Field heat = F("heat", T::kCenti, true, "heat used in the season (GJ, 2 decimals)");
    heat.min = 0;
    heat.max = 100'000'000;
    out.push_back(
        {"meter_readings", "meter reading",
         "A meter-billed household's heat used in a season (R-METER-1): a fault, or no reading, "
         "bills the season by area (W 10.3 (10.3 c)).",
         {Household(), Season(), heat, F("read_on", T::kDate, true, "the day it was read"),
          Enum("fault", true,
               {"none", "data-missing", "data-distorted", "damaged", "unfiled-replacement"},
               "the meter's fault found (W 10.3 (10.3 c)), or none")},
         {{"household_id", "season"}}, {kCompanyOfHousehold, kByHousehold}, true});
  }
  {
    Field percent = F("percent", T::kCenti, false,
                      "a percentage of the season's charges, pro rata by the days of its period "
                      "within the season (2 decimals; or an amount)");
    percent.min = 1;
    percent.max = 10000;
    Field amount = F("amount", T::kCenti, false, "an amount per household, yuan (or a percentage)");
    amount.min = 1;
    amount.max = 100'000'000;
    out.push_back(
        {"reliefs", "relief",
         "A temporary relief the government published (R-BILL-1, W 9.3), applied by the billing "
         "run to the bills of the households it names: a percentage or an amount, over a period.",
         {Company(), F("name", T::kText, true, "what it is called, e.g. 低保户供热费减免"),
          F("reference", T::kText, true, "the government's document, e.g. 威政办发〔2026〕12号"),
          Enum("applies_to", true, {"all", "minimum-living", "extreme-poverty", "entitled-group"},
               "every household, or those of a class (the households' assistance)"),
          percent, amount, F("valid_from", T::kDate, true, "first day"),
          F("valid_to", T::kDate, true, "last day")},
         {{"company_id", "reference", "applies_to"}}, {kByCompany, ""}, false});
  }
  {
    // R-SAMPLE-3 [W 5.4.4]: a season's adopted sampling plan and its points, written by
    // services/sample_plan_adoption.hpp only (rules/access.cpp: kWrittenByHearth).
    Field adopted_at = F("adopted_at", T::kText, true, "RFC 3339 time with offset");
    adopted_at.timestamp = true;
    out.push_back(
        {"sample_plans", "sample plan",
         "A company's season sampling plan as adopted (R-SAMPLE-1..3): drawn from its heated "
         "households with a seed, its points scheduled over a collection window.",
         {Company(), Season(), F("seed", T::kText, true, "the draw's seed (text: it may pass 2^53)"),
          F("policy", T::kText, true, "the profile whose sampling rules were used"),
          F("collect_from", T::kDate, true, "first day of the collection window"),
          F("collect_to", T::kDate, true, "last day of the collection window"),
          IntIn("heated_households", true, 0, 100'000'000, "heated households when adopted"),
          IntIn("required", true, 0, 100'000'000, "points required (R-SAMPLE-1)"),
          F("summary", T::kJson, true,
            "the plan as drawn: quotas, achieved and shortfalls (R-SAMPLE-2, R-SAMPLE-3)"),
          F("adopted_by", T::kText, true, "who adopted it"), adopted_at},
         {{"company_id", "season"}}, {kByCompany, ""}, false});
    Field staff = F("staff", T::kText, false,
                    "username of the technician who collects it; none for a remote point");
    staff.filterable = true;
    Field collect_on = F("collect_on", T::kDate, true,
                         "the day it is to be collected (a remote point: the window's first)");
    collect_on.filterable = true;
    Field plan = Ref("plan_id", "sample_plans", true, "the plan");
    plan.immutable = true;
    out.push_back(
        {"sample_points", "sample point",
         "A household of an adopted sampling plan, with its collection day and staff "
         "(R-SAMPLE-3).",
         {plan, Household(),
          Enum("method", true, {"remote", "manual"}, "a remote sensor, or a visit (R-TEMP-4)"),
          Enum("network_position", true, {"near", "middle", "far"}, "R-SAMPLE-2"),
          Enum("orientation", true, {"shade", "sun"}, "R-SAMPLE-2"),
          Enum("floor_tier", true, {"upper", "middle", "lower"}, "R-SAMPLE-2"), collect_on, staff},
         {{"plan_id", "household_id"}}, {kCompanyOfHousehold, ""}, false});
  }
  return out;
}

}  // namespace

const Field* Resource::Find(const std::string& field) const {
  for (const auto& f : fields) {
    if (f.name == field) return &f;
  }
  return nullptr;
}

const std::vector<Resource>& Resources() {
  static const std::vector<Resource> resources = Build();
  return resources;
}

const Resource* FindResource(const std::string& name) {
  for (const auto& r : Resources()) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

}  // namespace hearth::model

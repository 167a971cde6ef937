// Season bills end to end, in process (AddApiRoutes over a real SQLite database, and over a real
// PostgreSQL one; issue 16, R-BILL-1, R-METER-1): a manager's run refused without an approved
// tariff, then billing its company's households (by area; a meter without a reading by area,
// saying why; by meter with its reading); running it again bills nobody twice; who may run and
// read what; the government's reliefs (W 9.3) as lines of the bills they name; and the field
// named in every refusal.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "core/decimal.hpp"
#include "model/resources.hpp"
#include "support/test_in_process_api.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::json;

class BillApi : public support::InProcessApi {
 protected:
  int64_t Make(const char* resource, const ports::Fields& fields) {
    auto r = rt_->db->records.Create(*model::FindResource(resource), fields, {}, "setup");
    EXPECT_TRUE(r.ok()) << resource << ": " << r.error().message << " " << r.error().detail;
    return r.ok() ? r->id : 0;
  }
  int64_t AddTariff(const char* billing, int64_t price, std::optional<int64_t> base = {}) {
    ports::Fields f = {{"company_id", a_.company_id}, {"name", std::string("居民") + billing},
                       {"billing", billing},          {"price", price},
                       {"valid_from", "2020-01-01"},  {"approval", "威价〔2020〕1号"}};
    if (base) f["base_price"] = *base;
    return Make("tariffs", f);
  }
  int64_t MeteredHousehold() {
    auto h = rt_->db->records.Get(*model::FindResource("households"), a_.household_id, {});
    EXPECT_TRUE(h.ok());
    return Make("households", {{"company_id", a_.company_id},
                               {"partition_id", *h->Int("partition_id")},
                               {"code", "H-102"},
                               {"area_m2", int64_t{10000}},
                               {"floor", int64_t{2}},
                               {"orientation", "sun"},
                               {"billing", "meter"},
                               {"heating_status", "heated"}});
  }
  json Items(const std::string& user, const std::string& path) {
    auto r = Call(user, "GET", path);
    EXPECT_EQ(r.status, 200u) << r.body;
    json page = json::parse(r.body);
    return page["items"];
  }
};

TEST_P(BillApi, AManagersRunBillsItsHouseholdsOnce) {
  const json run = {{"season", 2026}};
  auto refused = Call("li", "POST", "/api/v1/billing-runs", run.dump());
  EXPECT_EQ(refused.status, 409u) << refused.body;
  EXPECT_EQ(Field(refused), "tariff");
  EXPECT_TRUE(Items("li", "/api/v1/billing-runs").empty());  // nothing written
  AddTariff("area", 2600);
  auto first = Call("li", "POST", "/api/v1/billing-runs", run.dump());
  ASSERT_EQ(first.status, 201u) << first.body;
  json r = json::parse(first.body);
  EXPECT_EQ(r["company_id"], a_.company_id);
  EXPECT_EQ(r["due_on"], "2026-11-15");  // Weihai's season starts 11-15
  EXPECT_EQ(r["issued"], 1);
  EXPECT_EQ(r["already_billed"], 0);
  EXPECT_EQ(r["total"], "2224.30");  // 85.55 m² × 26.00
  EXPECT_EQ(r["run_by"], "li");
  EXPECT_EQ(r["finished"], true);

  const json mine = Items("home", "/api/v1/bills");
  ASSERT_EQ(mine.size(), 1u);
  const json bill = mine[0];
  EXPECT_EQ(bill["household_code"], "H-101");
  EXPECT_EQ(bill["basis"], "area");
  EXPECT_EQ(bill["basis_reason"], "");
  EXPECT_EQ(bill["area"], "85.55");
  EXPECT_EQ(bill["total"], "2224.30");
  EXPECT_EQ(bill["paid"], "0.00");
  EXPECT_EQ(bill["outstanding"], "2224.30");
  ASSERT_EQ(bill["lines"].size(), 1u);
  EXPECT_EQ(bill["lines"][0]["code"], "area");
  EXPECT_EQ(bill["lines"][0]["amount"], "2224.30");
  const std::string path = "/api/v1/bills/" + std::to_string(bill["id"].get<int64_t>());
  EXPECT_EQ(Call("home", "GET", path).status, 200u);
  EXPECT_EQ(Call("other", "GET", path).status, 404u);
  EXPECT_EQ(Call("liu", "GET", path).status, 404u);
  EXPECT_EQ(Call("gov", "GET", path).status, 200u);
  EXPECT_TRUE(Items("other", "/api/v1/bills").empty());
  EXPECT_TRUE(Items("liu", "/api/v1/bills").empty());
  EXPECT_TRUE(Items("home", "/api/v1/billing-runs").empty());
  EXPECT_EQ(Items("wang", "/api/v1/bills?season=2026").size(), 1u);
  EXPECT_TRUE(Items("wang", "/api/v1/bills?season=2027").empty());
  // The fee it issued is the one payments read.
  Make("payments", {{"household_id", a_.household_id},
                    {"fee_id", bill["id"].get<int64_t>()},
                    {"amount", int64_t{100000}},
                    {"paid_at", "2026-11-10T10:00:00+08:00"},
                    {"method", "wechat"}});
  json paid = json::parse(Call("home", "GET", path).body);
  EXPECT_EQ(paid["paid"], "1000.00");
  EXPECT_EQ(paid["outstanding"], "1224.30");

  // Again: nobody is billed twice.
  auto again = Call("root", "POST", "/api/v1/billing-runs",
                    json{{"company_id", a_.company_id}, {"season", 2026}}.dump());
  ASSERT_EQ(again.status, 201u) << again.body;
  EXPECT_EQ(json::parse(again.body)["issued"], 0);
  EXPECT_EQ(json::parse(again.body)["already_billed"], 1);
  EXPECT_EQ(Items("li", "/api/v1/billing-runs").size(), 2u);
}

// R-BILL-1: payments by channel with their reference, partial payments, and a receipt for each:
// its number, the amount in figures and in capitals, what is left of the fee after it.
TEST_P(BillApi, EachPaymentHasItsReceipt) {
  AddTariff("area", 2600);
  ASSERT_EQ(Call("li", "POST", "/api/v1/billing-runs", json{{"season", 2026}}.dump()).status, 201u);
  const json bill = Items("home", "/api/v1/bills")[0];  // 2224.30
  const int64_t fee = bill["id"];
  auto pay = [&](const char* user, int64_t fen, const char* method, const char* reference) {
    json body = {{"household_id", a_.household_id},
                 {"fee_id", fee},
                 {"amount", FormatFen(fen)},
                 {"paid_at", "2026-11-10T10:00:00+08:00"},
                 {"method", method}};
    if (reference) body["reference"] = reference;
    auto r = Call(user, "POST", "/api/v1/payments", body.dump());
    EXPECT_EQ(r.status, 201u) << r.body;
    return json::parse(r.body)["id"].get<int64_t>();
  };
  const int64_t first = pay("wang", 100000, "wechat", "4200001234202611101234567890");
  const int64_t second = pay("wang", 122430, "cash", nullptr);
  auto receipt = [&](const char* user, int64_t id) {
    return Call(user, "GET", "/api/v1/payments/" + std::to_string(id) + "/receipt");
  };
  auto r1 = receipt("home", first);
  ASSERT_EQ(r1.status, 200u) << r1.body;
  const json one = json::parse(r1.body);
  char number[64];
  std::snprintf(number, sizeof number, "a-2026-%08lld", static_cast<long long>(first));
  EXPECT_EQ(one["number"], number);
  EXPECT_EQ(one["company_code"], "a");
  EXPECT_EQ(one["household_code"], "H-101");
  EXPECT_EQ(one["season"], 2026);
  EXPECT_EQ(one["fee_id"], fee);
  EXPECT_EQ(one["fee"], "2224.30");
  EXPECT_EQ(one["amount"], "1000.00");
  EXPECT_EQ(one["amount_capitals"], "壹仟元整");
  EXPECT_EQ(one["method"], "wechat");
  EXPECT_EQ(one["reference"], "4200001234202611101234567890");
  EXPECT_EQ(one["outstanding"], "1224.30");  // a partial payment
  const json two = json::parse(receipt("li", second).body);
  EXPECT_EQ(two["amount_capitals"], "壹仟贰佰贰拾肆元叁角");
  EXPECT_EQ(two["reference"], "");
  EXPECT_EQ(two["outstanding"], "0.00");
  EXPECT_EQ(receipt("gov", first).status, 200u);
  EXPECT_EQ(receipt("other", first).status, 404u);  // another household
  EXPECT_EQ(receipt("liu", first).status, 404u);    // another company
  EXPECT_EQ(receipt("home", 999999).status, 404u);
  EXPECT_EQ(receipt("", first).status, 401u);
}

TEST_P(BillApi, AMeterWithoutAReadingIsBilledByAreaSayingWhy) {
  const int64_t metered = MeteredHousehold();
  AddTariff("area", 2600);
  const json run = {{"season", 2026}, {"due_on", "2026-12-01"}};
  auto refused = Call("li", "POST", "/api/v1/billing-runs", run.dump());
  EXPECT_EQ(refused.status, 409u) << refused.body;  // a household billed by meter, no price
  EXPECT_EQ(Field(refused), "tariff");
  AddTariff("meter", 4500, 1000);  // 45.00 yuan per GJ and 10.00 per m²
  auto first = Call("li", "POST", "/api/v1/billing-runs", run.dump());
  ASSERT_EQ(first.status, 201u) << first.body;
  json r = json::parse(first.body);
  EXPECT_EQ(r["issued"], 2);
  EXPECT_EQ(r["meter_by_area"], 1);
  EXPECT_EQ(r["due_on"], "2026-12-01");
  json bills = Items("li", "/api/v1/bills?household=" + std::to_string(metered));
  ASSERT_EQ(bills.size(), 1u);
  EXPECT_EQ(bills[0]["basis"], "area");
  EXPECT_NE(bills[0]["basis_reason"].get<std::string>().find("W 10.3"), std::string::npos);
  EXPECT_EQ(bills[0]["total"], "2600.00");  // 100.00 m² × 26.00

  // With the next season's reading it is billed by meter: 10.00 × 100 m² + 12.34 GJ × 45.00.
  Make("meter_readings", {{"household_id", metered},
                          {"season", int64_t{2027}},
                          {"heat", int64_t{1234}},
                          {"read_on", "2028-03-16"},
                          {"fault", "none"}});
  auto next = Call("li", "POST", "/api/v1/billing-runs", json{{"season", 2027}}.dump());
  ASSERT_EQ(next.status, 201u) << next.body;
  EXPECT_EQ(json::parse(next.body)["meter_by_area"], 0);
  bills = Items("li", "/api/v1/bills?season=2027&household=" + std::to_string(metered));
  ASSERT_EQ(bills.size(), 1u);
  EXPECT_EQ(bills[0]["basis"], "meter");
  EXPECT_EQ(bills[0]["total"], "1555.30");
  ASSERT_EQ(bills[0]["lines"].size(), 2u);
  EXPECT_EQ(bills[0]["lines"][0]["code"], "base");
  EXPECT_EQ(bills[0]["lines"][1]["code"], "heat");
}

// R-ACCT-1 (contract versions): a household that changes from area to meter today is billed by
// area for the season that began before the change, by meter for a season after it. The terms
// before are kept as a contract version, which no one writes through the record API.
TEST_P(BillApi, AChangeOfBasisAppliesFromTheNextSeason) {
  AddTariff("area", 2600);
  AddTariff("meter", 4500, 1000);
  const std::string household = "/api/v1/households/" + std::to_string(a_.household_id);
  auto changed = Call("li", "PATCH", household, json{{"billing", "meter"}}.dump());
  ASSERT_EQ(changed.status, 200u) << changed.body;
  json kept =
      Items("li", "/api/v1/contract_versions?household_id=" + std::to_string(a_.household_id));
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0]["billing"], "area");
  EXPECT_EQ(kept[0]["valid_until"], FormatDate(LocalDate(rt_->clock.Now())));
  for (const char* user : {"root", "li"}) {
    auto typed = Call(
        user, "POST", "/api/v1/contract_versions",
        json{{"household_id", a_.household_id}, {"valid_until", "2020-01-01"}, {"billing", "meter"}}
            .dump());
    EXPECT_EQ(typed.status, 403u) << user << ": " << typed.body;
  }
  Make("meter_readings", {{"household_id", a_.household_id},
                          {"season", int64_t{2030}},
                          {"heat", int64_t{1000}},
                          {"read_on", "2031-03-16"},
                          {"fault", "none"}});
  // Season 2026 began on 2026-11-15, before the change (this test runs later than that).
  ASSERT_EQ(Call("li", "POST", "/api/v1/billing-runs", json{{"season", 2026}}.dump()).status, 201u);
  ASSERT_EQ(Call("li", "POST", "/api/v1/billing-runs", json{{"season", 2030}}.dump()).status, 201u);
  const std::string of = "&household=" + std::to_string(a_.household_id);
  json before = Items("li", "/api/v1/bills?season=2026" + of);
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0]["basis"], "area");
  EXPECT_EQ(before[0]["total"], "2224.30");  // 85.55 m² × 26.00
  json after = Items("li", "/api/v1/bills?season=2030" + of);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0]["basis"], "meter");
  EXPECT_EQ(after[0]["total"], "1305.50");  // 85.55 m² × 10.00 + 10.00 GJ × 45.00
}

// R-ACCT-1: a run needs the tariff of the basis each household's contract held on the season's
// first day, not the one it holds now. A household moved from area to meter within the season
// needs no meter tariff; one moved from meter to area does, and is refused rather than billed by
// area "for want of a reading" when what is wanting is the price.
TEST_P(BillApi, TheRunNeedsTheTariffOfTheBasisAtTheSeasonsStart) {
  AddTariff("area", 2600);
  const auto move_to = [&](int64_t household, const char* billing) {
    auto r = Call("li", "PATCH", "/api/v1/households/" + std::to_string(household),
                  json{{"billing", billing}}.dump());
    EXPECT_EQ(r.status, 200u) << r.body;
  };
  const auto bills_of = [&](int64_t household) {
    return Items("li", "/api/v1/bills?season=2026&household=" + std::to_string(household));
  };
  const json run = {{"season", 2026}};  // began on 2026-11-15, before this test runs
  move_to(a_.household_id, "meter");
  auto first = Call("li", "POST", "/api/v1/billing-runs", run.dump());
  ASSERT_EQ(first.status, 201u) << first.body;
  EXPECT_EQ(json::parse(first.body)["issued"], 1);
  json bills = bills_of(a_.household_id);
  ASSERT_EQ(bills.size(), 1u);
  EXPECT_EQ(bills[0]["basis"], "area");

  const int64_t metered = MeteredHousehold();
  move_to(metered, "area");
  auto refused = Call("li", "POST", "/api/v1/billing-runs", run.dump());
  EXPECT_EQ(refused.status, 409u) << refused.body;
  EXPECT_EQ(Field(refused), "tariff");
  EXPECT_TRUE(bills_of(metered).empty());
  const int64_t by_meter = AddTariff("meter", 4500, 1000);
  Make("meter_readings", {{"household_id", metered},
                          {"season", int64_t{2026}},
                          {"heat", int64_t{1234}},
                          {"read_on", "2027-03-16"},
                          {"fault", "none"}});
  auto second = Call("li", "POST", "/api/v1/billing-runs", run.dump());
  ASSERT_EQ(second.status, 201u) << second.body;
  EXPECT_EQ(json::parse(second.body)["issued"], 1);
  bills = bills_of(metered);
  ASSERT_EQ(bills.size(), 1u);
  EXPECT_EQ(bills[0]["basis"], "meter");
  EXPECT_EQ(bills[0]["total"], "1555.30");  // 10.00 × 100 m² + 12.34 GJ × 45.00

  // Settled again once the meter tariff no longer covers the season: refused, not re-billed.
  auto moved = Call("li", "PATCH", "/api/v1/tariffs/" + std::to_string(by_meter),
                    json{{"valid_from", "2027-01-01"}}.dump());
  ASSERT_EQ(moved.status, 200u) << moved.body;
  auto again = Call("li", "POST",
                    "/api/v1/bills/" + std::to_string(bills[0]["id"].get<int64_t>()) + "/resettle");
  EXPECT_EQ(again.status, 409u) << again.body;
  EXPECT_EQ(Field(again), "tariff");
  EXPECT_EQ(bills_of(metered)[0]["total"], "1555.30");
}

// R-BILL-1, R-METER-1: a fee the run issued, and the meter reading its bill was computed from,
// can be neither changed nor deleted through the records API; a fee typed in by hand and a
// reading of a season not billed yet can.
TEST_P(BillApi, BilledFeesAndMeterReadingsAreKeptAsBilled) {
  const int64_t metered = MeteredHousehold();
  AddTariff("area", 2600);
  AddTariff("meter", 4500, 1000);
  const int64_t reading = Make("meter_readings", {{"household_id", metered},
                                                  {"season", int64_t{2026}},
                                                  {"heat", int64_t{1234}},
                                                  {"read_on", "2027-03-16"},
                                                  {"fault", "none"}});
  const int64_t next_reading = Make("meter_readings", {{"household_id", metered},
                                                       {"season", int64_t{2027}},
                                                       {"heat", int64_t{1000}},
                                                       {"read_on", "2028-03-16"},
                                                       {"fault", "none"}});
  const int64_t by_hand = Make("fees", {{"household_id", a_.household_id},
                                        {"season", int64_t{2025}},
                                        {"amount", int64_t{200000}},
                                        {"due_on", "2025-11-15"}});
  ASSERT_EQ(Call("li", "POST", "/api/v1/billing-runs", json{{"season", 2026}}.dump()).status, 201u);
  const json bill = Items("li", "/api/v1/bills?household=" + std::to_string(metered))[0];
  const std::string fee = "/api/v1/fees/" + std::to_string(bill["id"].get<int64_t>());
  const json issued = json::parse(Call("li", "GET", fee).body);
  for (const char* user : {"li", "root"}) {
    auto changed = Call(user, "PATCH", fee, json{{"amount", 1}}.dump());
    EXPECT_EQ(changed.status, 409u) << changed.body;
    EXPECT_NE(changed.body.find("billing run"), std::string::npos) << changed.body;
    EXPECT_EQ(Call(user, "DELETE", fee).status, 409u);
    const std::string read = "/api/v1/meter_readings/" + std::to_string(reading);
    auto reread = Call(user, "PATCH", read, json{{"fault", "damaged"}}.dump());
    EXPECT_EQ(reread.status, 409u) << reread.body;
    EXPECT_NE(reread.body.find("R-METER-1"), std::string::npos) << reread.body;
    EXPECT_EQ(Call(user, "DELETE", read).status, 409u);
  }
  EXPECT_EQ(json::parse(Call("li", "GET", fee).body), issued);  // unchanged
  // Not billed: changed as before.
  EXPECT_EQ(Call("li", "PATCH", "/api/v1/meter_readings/" + std::to_string(next_reading),
                 json{{"heat", 11}}.dump())
                .status,
            200u);
  EXPECT_EQ(
      Call("li", "PATCH", "/api/v1/fees/" + std::to_string(by_hand), json{{"amount", 2100}}.dump())
          .status,
      200u);
  EXPECT_EQ(Call("li", "DELETE", "/api/v1/fees/" + std::to_string(by_hand)).status, 204u);
}

// R-BILL-1, W 9.3: the government's reliefs that overlap the season are lines of the bills of the
// households they name, each with its reference, in the order entered; one outside the season
// does nothing. Written by the manager through the records API, with its checks.
TEST_P(BillApi, TheGovernmentsReliefsAreLinesOfTheBillsTheyName) {
  AddTariff("area", 2600);
  auto h = rt_->db->records.Get(*model::FindResource("households"), a_.household_id, {});
  ASSERT_TRUE(h.ok());
  Make("households", {{"company_id", a_.company_id},
                      {"partition_id", *h->Int("partition_id")},
                      {"code", "H-103"},
                      {"area_m2", int64_t{10000}},
                      {"floor", int64_t{3}},
                      {"orientation", "sun"},
                      {"billing", "area"},
                      {"heating_status", "heated"},
                      {"assistance", "minimum-living"}});
  auto relief = [this](json body) {
    body["company_id"] = a_.company_id;
    return Call("li", "POST", "/api/v1/reliefs", body.dump());
  };
  const json all = {{"name", "供热费减免"},       {"reference", "威政办发〔2026〕1号"},
                    {"applies_to", "all"},        {"amount", "100"},
                    {"valid_from", "2026-11-15"}, {"valid_to", "2027-03-15"}};
  ASSERT_EQ(relief(all).status, 201u);
  json half = {{"name", "低保户减半"},           {"reference", "威民发〔2026〕2号"},
               {"applies_to", "minimum-living"}, {"percent", "50"},
               {"valid_from", "2026-11-15"},     {"valid_to", "2027-03-15"}};
  ASSERT_EQ(relief(half).status, 201u);
  json last_year = all;
  last_year["reference"] = "威政办发〔2025〕9号";
  last_year["valid_from"] = "2025-11-15";
  last_year["valid_to"] = "2026-03-15";
  ASSERT_EQ(relief(last_year).status, 201u);
  // The record's own checks: a percentage or an amount, and a period in order.
  json both = half;
  both["reference"] = "x";
  both["amount"] = "10";
  EXPECT_EQ(Field(relief(both)), "amount");
  json backwards = half;
  backwards["reference"] = "y";
  backwards["valid_to"] = "2026-11-01";
  EXPECT_EQ(Field(relief(backwards)), "valid_to");
  EXPECT_EQ(Call("wang", "POST", "/api/v1/reliefs", all.dump()).status, 403u);

  auto run = Call("li", "POST", "/api/v1/billing-runs", json{{"season", 2026}}.dump());
  ASSERT_EQ(run.status, 201u) << run.body;
  EXPECT_EQ(json::parse(run.body)["issued"], 2);
  std::map<std::string, json> bills;
  for (const json& b : Items("li", "/api/v1/bills?season=2026")) bills[b["household_code"]] = b;
  ASSERT_EQ(bills.size(), 2u);
  // 85.55 m² × 26.00 = 2224.30, less 100.00.
  const json& plain = bills["H-101"];
  EXPECT_EQ(plain["total"], "2124.30");
  ASSERT_EQ(plain["lines"].size(), 2u);
  EXPECT_EQ(plain["lines"][1]["code"], "relief");
  EXPECT_EQ(plain["lines"][1]["amount"], "-100.00");
  EXPECT_NE(plain["lines"][1]["text"].get<std::string>().find("威政办发〔2026〕1号"),
            std::string::npos);
  // 100.00 m² × 26.00 = 2600.00, less 100.00, less half of 2600.00 over the whole season.
  const json& assisted = bills["H-103"];
  EXPECT_EQ(assisted["total"], "1200.00");
  ASSERT_EQ(assisted["lines"].size(), 3u);
  EXPECT_EQ(assisted["lines"][1]["amount"], "-100.00");
  EXPECT_EQ(assisted["lines"][2]["amount"], "-1300.00");
  EXPECT_NE(assisted["lines"][2]["text"].get<std::string>().find("威民发〔2026〕2号"),
            std::string::npos);
}

// Stopped households are not billed, so a company with none heated needs no tariff to run.
TEST_P(BillApi, ACompanyWithNoneHeatedRunsWithoutATariff) {
  ASSERT_TRUE(rt_->db->records
                  .Update(*model::FindResource("households"), a_.household_id,
                          {{"heating_status", std::string("stopped")}}, {}, "setup")
                  .ok());
  auto r = Call("li", "POST", "/api/v1/billing-runs", json{{"season", 2026}}.dump());
  ASSERT_EQ(r.status, 201u) << r.body;
  EXPECT_EQ(json::parse(r.body)["issued"], 0);
  EXPECT_EQ(json::parse(r.body)["not_heated"], 1);
}

TEST_P(BillApi, EveryRefusalNamesItsField) {
  AddTariff("area", 2600);
  struct Case {
    const char* name;
    const char* user;
    json body;
    unsigned status;
    const char* field;
  };
  const Case cases[] = {
      {"an agent", "wang", {{"season", 2026}}, 403u, ""},
      {"the regulator", "gov", {{"season", 2026}}, 403u, ""},
      {"a household", "home", {{"season", 2026}}, 403u, ""},
      {"the admin without a company", "root", {{"season", 2026}}, 400u, "company_id"},
      {"another company",
       "li",
       {{"season", 2026}, {"company_id", b_.company_id}},
       404u,
       "company_id"},
      {"no season", "li", json::object(), 400u, "season"},
      {"a season as text", "li", {{"season", "2026"}}, 400u, "season"},
      {"a season out of range", "li", {{"season", 1999}}, 400u, "season"},
      {"a bad day", "li", {{"season", 2026}, {"due_on", "2026-13-01"}}, 400u, "due_on"},
      {"a day a year after the season",
       "li",
       {{"season", 2026}, {"due_on", "2028-03-17"}},
       400u,
       "due_on"},
      {"an unknown key", "li", {{"season", 2026}, {"amount", 1}}, 400u, "amount"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = Call(c.user, "POST", "/api/v1/billing-runs", c.body.dump());
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_EQ(Field(r), c.field) << r.body;
  }
  EXPECT_TRUE(Items("root", "/api/v1/billing-runs").empty());
  for (const char* q : {"season=x", "household=x", "color=red", "limit=0"}) {
    EXPECT_EQ(Call("li", "GET", std::string("/api/v1/bills?") + q).status, 400u) << q;
  }
  EXPECT_EQ(Call("li", "GET", "/api/v1/bills/x").status, 400u);
  EXPECT_EQ(Call("li", "GET", "/api/v1/bills/999").status, 404u);
}

INSTANTIATE_TEST_SUITE_P(Engines, BillApi, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& engine) {
                           return engine.param;
                         });

}  // namespace
}  // namespace hearth::app::http

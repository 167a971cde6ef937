// ctest-labels: e2e pg
// Records that are not checked, and finding a caller (issue 11), end to end on a real `hearth
// serve`, on SQLite and on PostgreSQL: each of the seven bad records is refused with 400
// naming its field (403 for the licence) by the role that may write it, on POST and on PATCH,
// and nothing of it is stored; each company role trying to build outside its licence is refused;
// GET /api/v1/households/search finds a caller by phone, address or household number, masked
// and scoped per role.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "adapters/storage/record_store_sql.hpp"
#include "support/test_api.hpp"

namespace hearth::e2e {
namespace {

using nlohmann::json;
using support::Fetch;
using support::TempDir;
using Reply = support::TestResponse;

class RecordChecksApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = support::MigratedDatabase(GetParam(), dir_);
    {
      auto conn = adapters::storage::Connect(db_);
      ASSERT_TRUE(conn.ok());
      adapters::storage::SqlRecordStore records(std::move(*conn));
      weihai_ = MakeCompany(records, "weihai-heat", "13812345678");
      zibo_ = MakeCompany(records, "zibo-heat", "13987654321");
    }
    api_ = std::make_unique<support::ApiServer>(
        db_, std::vector<support::ApiUser>{
                 {"root", "admin", "", ""},
                 {"gov", "regulator", "", ""},
                 {"li", "manager", "weihai-heat", ""},
                 {"wang", "agent", "weihai-heat", ""},
                 {"zhao", "technician", "weihai-heat", ""},
                 {"home", "household", "", std::to_string(weihai_.households[0])}});
    ASSERT_TRUE(api_->started());
    port_ = api_->port();
  }

  struct Company {
    int64_t id = 0, district = 0, substation = 0, building = 0;
    std::vector<int64_t> households, fees;
  };
  // A company licensed for a district of its own, with a building, two households with a fee
  // each, and the season 2025 of its district.
  static Company MakeCompany(adapters::storage::SqlRecordStore& records, const std::string& code,
                             const std::string& phone) {
    auto make = [&](const char* resource, const ports::Fields& fields) {
      auto rec = records.Create(*model::FindResource(resource), fields, {}, "setup");
      if (!rec.ok()) throw std::runtime_error(std::string(resource) + ": " + rec.error().message);
      return rec->id;
    };
    Company c;
    c.district = make(
        "districts",
        {{"code", "d-" + code}, {"name", "区 " + code}, {"city", "威海市"}, {"policy", "weihai"}});
    c.id = make("companies", {{"code", code}, {"name", code}, {"policy", "weihai"}});
    make("licensed_districts", {{"company_id", c.id}, {"district_id", c.district}});
    make("seasons", {{"district_id", c.district},
                     {"season", int64_t{2025}},
                     {"official_start", "2025-11-15"},
                     {"official_end", "2026-03-15"}});
    int64_t src = make("heat_sources",
                       {{"company_id", c.id}, {"code", "hs"}, {"name", "p"}, {"kind", "chp"}});
    int64_t sec =
        make("network_sections",
             {{"company_id", c.id}, {"heat_source_id", src}, {"code", "n"}, {"name", "n"}});
    c.substation =
        make("substations",
             {{"company_id", c.id}, {"network_section_id", sec}, {"code", "s"}, {"name", "s"}});
    c.building = make("buildings", {{"company_id", c.id},
                                    {"district_id", c.district},
                                    {"substation_id", c.substation},
                                    {"code", "B-01"},
                                    {"community", "阳光小区"},
                                    {"address", "海滨北路 7号"},
                                    {"floors", int64_t{6}}});
    int64_t p =
        make("partitions", {{"company_id", c.id}, {"building_id", c.building}, {"code", "U1"}});
    for (const char* room : {"101", "102"}) {
      int64_t h = make("households", {{"company_id", c.id},
                                      {"partition_id", p},
                                      {"code", code + "-" + room},
                                      {"address", std::string("1单元") + room},
                                      {"area_m2", int64_t{8800}},
                                      {"floor", int64_t{1}},
                                      {"orientation", "sun"},
                                      {"billing", "area"},
                                      {"heating_status", "heated"},
                                      {"phone", phone.substr(0, 8) + room}});
      c.households.push_back(h);
      c.fees.push_back(make("fees", {{"household_id", h},
                                     {"season", int64_t{2025}},
                                     {"amount", int64_t{264000}},
                                     {"due_on", "2025-11-30"}}));
    }
    return c;
  }

  Reply Call(const std::string& user, const std::string& method, const std::string& target,
             const std::string& body = "") {
    return api_->Call(user, method, target, body);
  }
  // The answer's error, after checking the status.
  json Refusal(const Reply& r, unsigned status) {
    EXPECT_EQ(r.status, status) << r.body;
    json j = json::parse(r.body, nullptr, false);
    if (j.is_discarded() || !j.contains("error")) return json{{"code", ""}, {"field", ""}};
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
    return j["error"];
  }
  size_t Count(const std::string& target) {
    auto r = Call("root", "GET", target);
    EXPECT_EQ(r.status, 200u) << r.body;
    return r.Json()["items"].size();
  }

  TempDir dir_;
  std::string db_;
  std::unique_ptr<support::ApiServer> api_;
  uint16_t port_ = 0;
  Company weihai_, zibo_;
};

json Payment(int64_t household, int64_t fee, const json& amount, const std::string& paid_at) {
  return {{"household_id", household},
          {"fee_id", fee},
          {"amount", amount},
          {"paid_at", paid_at},
          {"method", "wechat"}};
}

// The seven records, each by the role that may write it: 400 naming the field, or 403
// for the licence; nothing is stored.
TEST_P(RecordChecksApiTest, TheSevenBadRecordsAreRefusedNamingTheField) {
  const int64_t home = weihai_.households[0];
  const json season = {{"district_id", weihai_.district},
                       {"season", 2026},
                       {"official_start", "2026-11-15"},
                       {"official_end", "2027-03-15"}};
  json ends_early = season, short_extension = season;
  ends_early["official_end"] = "2026-11-01";
  short_extension["extension_end"] = "2027-03-01";
  struct Case {
    const char* name;
    const char* user;
    std::string target;
    json body;
    unsigned status;
    const char* code;
    const char* field;
  };
  const Case cases[] = {
      {"a season whose official end is before its start", "gov", "/api/v1/seasons", ends_early, 400,
       "invalid_argument", "official_end"},
      {"an extension that ends before the official end", "gov", "/api/v1/seasons", short_extension,
       400, "invalid_argument", "extension_end"},
      {"a payment paid 'yesterday'", "wang", "/api/v1/payments",
       Payment(home, weihai_.fees[0], 100, "yesterday"), 400, "invalid_argument", "paid_at"},
      {"a payment against another household's fee", "wang", "/api/v1/payments",
       Payment(home, weihai_.fees[1], 100, "2025-11-20T10:00:00+08:00"), 400, "invalid_argument",
       "fee_id"},
      {"a payment of 99,999,999 yuan", "wang", "/api/v1/payments",
       Payment(home, weihai_.fees[0], 99999999, "2025-11-20T10:00:00+08:00"), 400,
       "invalid_argument", "amount"},
      {"a building of weihai-heat in a district licensed to zibo-heat", "li", "/api/v1/buildings",
       json{{"company_id", weihai_.id},
            {"district_id", zibo_.district},
            {"substation_id", weihai_.substation},
            {"code", "B-99"},
            {"community", "越界小区"},
            {"floors", 6}},
       403, "permission_denied", "district_id"},
      // Reminders are the arrears service's alone (rules/access.hpp): a payment's reference.
      {"text with an embedded NUL", "wang", "/api/v1/payments",
       [&] {
         json p = Payment(home, weihai_.fees[0], 100, "2025-11-20T10:00:00+08:00");
         p["reference"] = std::string("微信\0流水", 13);
         return p;
       }(),
       400, "invalid_argument", "reference"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    json e = Refusal(Call(c.user, "POST", c.target, c.body.dump()), c.status);
    EXPECT_EQ(e["code"], c.code);
    EXPECT_EQ(e["field"], c.field);
  }
  EXPECT_EQ(Count("/api/v1/seasons"), 2u);
  EXPECT_EQ(Count("/api/v1/payments"), 0u);
  EXPECT_EQ(Count("/api/v1/reminders"), 0u);
  EXPECT_EQ(Count("/api/v1/buildings"), 2u);

  // The same mistakes made by PATCH on stored records, checked with the stored fields.
  const std::string stored_season = "/api/v1/seasons/" + std::to_string(1);
  const std::string household = "/api/v1/households/" + std::to_string(home);
  const std::string building = "/api/v1/buildings/" + std::to_string(weihai_.building);
  auto paid = Call("wang", "POST", "/api/v1/payments",
                   Payment(home, weihai_.fees[0], 100, "2025-11-20T10:00:00+08:00").dump());
  ASSERT_EQ(paid.status, 201u) << paid.body;
  const std::string payment = "/api/v1/payments/" + std::to_string(paid.Json()["id"].get<int>());
  const Case patches[] = {
      {"an official end before the stored start",
       "gov",
       stored_season,
       {{"official_end", "2025-11-01"}},
       400,
       "invalid_argument",
       "official_end"},
      {"an extension before the stored end",
       "gov",
       stored_season,
       {{"extension_end", "2026-03-01"}},
       400,
       "invalid_argument",
       "extension_end"},
      {"an extension without the district's decision (R-SEASON-1)",
       "gov",
       stored_season,
       {{"extension_end", "2026-03-31"}},
       400,
       "invalid_argument",
       "decision_ref"},
      {"paid 'yesterday'",
       "wang",
       payment,
       {{"paid_at", "yesterday"}},
       400,
       "invalid_argument",
       "paid_at"},
      {"another household's fee",
       "wang",
       payment,
       {{"fee_id", weihai_.fees[1]}},
       400,
       "invalid_argument",
       "fee_id"},
      {"more than the fee",
       "wang",
       payment,
       {{"amount", 2640.01}},
       400,
       "invalid_argument",
       "amount"},
      {"moved into zibo-heat's district",
       "li",
       building,
       {{"district_id", zibo_.district}},
       403,
       "permission_denied",
       "district_id"},
      {"a NUL in the address",
       "wang",
       household,
       {{"address", std::string("1单元\0"
                                "101",
                                11)}},
       400,
       "invalid_argument",
       "address"},
  };
  for (const auto& c : patches) {
    SCOPED_TRACE(std::string("PATCH: ") + c.name);
    json e = Refusal(Call(c.user, "PATCH", c.target, c.body.dump()), c.status);
    EXPECT_EQ(e["code"], c.code);
    EXPECT_EQ(e["field"], c.field);
  }
  auto s = Call("root", "GET", stored_season).Json();
  EXPECT_EQ(s["official_end"], "2026-03-15");
  EXPECT_EQ(s["extension_end"], nullptr);
  EXPECT_EQ(Call("root", "GET", payment).Json()["amount"], 100.0);
  EXPECT_EQ(Call("root", "GET", building).Json()["district_id"], weihai_.district);
  EXPECT_EQ(Call("root", "GET", household).Json()["address"], "1单元101");
  // A good extension, and the rest of the fee, are taken.
  EXPECT_EQ(
      Call("gov", "PATCH", stored_season,
           json{{"extension_end", "2026-03-31"}, {"decision_ref", "威政字〔2026〕3号"}}.dump())
          .status,
      200u);
  EXPECT_EQ(Call("wang", "POST", "/api/v1/payments",
                 Payment(home, weihai_.fees[0], 2540, "2025-11-21T09:30:00+08:00").dump())
                .status,
            201u);
}

// Each company role of weihai-heat trying to build in zibo-heat's district: the manager, who
// writes buildings, is refused by the licence (403 naming district_id); agent and technician
// write no buildings at all (403).
TEST_P(RecordChecksApiTest, NoCompanyRoleBuildsOutsideItsLicence) {
  const json outside = {{"company_id", weihai_.id},
                        {"district_id", zibo_.district},
                        {"substation_id", weihai_.substation},
                        {"code", "B-98"},
                        {"community", "c"},
                        {"floors", 5}};
  for (const char* user : {"li", "wang", "zhao"}) {
    SCOPED_TRACE(user);
    json e = Refusal(Call(user, "POST", "/api/v1/buildings", outside.dump()), 403);
    EXPECT_EQ(e["code"], "permission_denied");
    if (std::string(user) == "li") {
      EXPECT_EQ(e["field"], "district_id");
    }
  }
  // Once the regulator licenses the district to weihai-heat, its manager may build there.
  ASSERT_EQ(Call("gov", "POST", "/api/v1/licensed_districts",
                 json{{"company_id", weihai_.id}, {"district_id", zibo_.district}}.dump())
                .status,
            201u);
  auto built = Call("li", "POST", "/api/v1/buildings", outside.dump());
  EXPECT_EQ(built.status, 201u) << built.body;
}

TEST_P(RecordChecksApiTest, FindACaller) {
  auto codes = [](const Reply& r) {
    std::vector<std::string> out;
    EXPECT_EQ(r.status, 200u) << r.body;
    if (r.status != 200u) return out;
    const json body = r.Json();
    for (const auto& h : body["items"]) out.push_back(h["code"]);
    return out;
  };
  using V = std::vector<std::string>;
  const std::string search = "/api/v1/households/search?q=";
  // The agent: by part of the phone, the address or the household number, in its company only.
  EXPECT_EQ(codes(Call("wang", "GET", search + "12345")),
            (V{"weihai-heat-101", "weihai-heat-102"}));
  EXPECT_EQ(codes(Call("wang", "GET", search + "2345102")), (V{"weihai-heat-102"}));
  EXPECT_EQ(codes(Call("wang", "GET", search + "%E6%B5%B7%E6%BB%A8%E5%8C%97%E8%B7%AF+101")),
            (V{"weihai-heat-101"}))
      << "海滨北路 101";
  EXPECT_EQ(codes(Call("wang", "GET", search + "ZIBO")), V{});
  auto agent = Call("wang", "GET", search + "weihai-heat-101");
  EXPECT_EQ(codes(agent), V{"weihai-heat-101"});
  EXPECT_EQ(agent.Json()["items"][0]["phone"], "13812345101");
  EXPECT_EQ(agent.Json()["next_cursor"], nullptr);
  // The admin: every company; pages.
  auto page = Call("root", "GET", search + "heat&limit=3");
  EXPECT_EQ(codes(page).size(), 3u);
  ASSERT_TRUE(page.Json()["next_cursor"].is_string()) << page.body;
  auto rest = Call("root", "GET",
                   search + "heat&limit=3&cursor=" + page.Json()["next_cursor"].get<std::string>());
  EXPECT_EQ(codes(rest), V{"zibo-heat-102"});
  // The regulator sees phones masked, so it does not search them; addresses, masked.
  EXPECT_EQ(codes(Call("gov", "GET", search + "12345")), V{});
  auto regulator = Call("gov", "GET", search + "1%E5%8D%95%E5%85%83101");  // 1单元101
  EXPECT_EQ(codes(regulator), (V{"weihai-heat-101", "zibo-heat-101"}));
  EXPECT_EQ(regulator.Json()["items"][0]["phone"], "138****5101") << regulator.body;
  // '%' and '_' are plain characters.
  EXPECT_EQ(codes(Call("root", "GET", search + "%25%25")), V{});
  EXPECT_EQ(codes(Call("root", "GET", search + "heat_101")), V{});
  // Refusals.
  EXPECT_EQ(Refusal(Call("home", "GET", search + "101"), 403)["code"], "permission_denied");
  EXPECT_EQ(Refusal(Call("wang", "GET", search + "1"), 400)["field"], "q");
  EXPECT_EQ(Refusal(Call("wang", "GET", "/api/v1/households/search"), 400)["field"], "q");
  EXPECT_EQ(Refusal(Call("wang", "GET", search + "101&colour=red"), 400)["field"], "colour");
  EXPECT_EQ(Fetch(port_, "GET", search + "101").status, 401u);
  // The record route behind it still answers ids.
  EXPECT_EQ(
      Call("wang", "GET", "/api/v1/households/" + std::to_string(weihai_.households[0])).status,
      200u);
  auto doc = Fetch(port_, "GET", "/api/openapi.json").Json();
  EXPECT_TRUE(doc["paths"]["/api/v1/households/search"].contains("get"));
}

INSTANTIATE_TEST_SUITE_P(Engines, RecordChecksApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& engine) {
                           return engine.param;
                         });

}  // namespace
}  // namespace hearth::e2e

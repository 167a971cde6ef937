// A company's public service information, in process (AddApiRoutes over a real SQLite database,
// and over a real PostgreSQL one; issue 16, R-INFO-1): answered without signing in; the manager's
// service numbers and halls, the prices valid today (not an expired one), the season's dates of
// each licensed district (the district's record, else the profile's), and the procedures, the
// standards and the rights with the numbers of the company's profile (weihai), each citing its
// clause; nothing of a household; 404 naming the code.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "rules/season.hpp"
#include "services/public_info.hpp"
#include "support/test_in_process_api.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::json;
using std::chrono::days;

Date Today() {
  return LocalDate(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

class PublicInfoApi : public support::InProcessApi {
 protected:
  void Make(const char* user, const std::string& resource, const json& body) {
    auto r = Call(user, "POST", "/api/v1/" + resource, body.dump());
    ASSERT_EQ(r.status, 201u) << resource << ": " << r.body;
  }
  static std::map<std::string, json> ByKey(const json& items) {
    std::map<std::string, json> out;
    for (const auto& i : items) out[i["key"].get<std::string>()] = i;
    return out;
  }
};

TEST_P(PublicInfoApi, WhatTheCompanyPublishes) {
  const Date today = Today();
  Make("li", "service_contacts",
       {{"company_id", a_.company_id},
        {"kind", "hotline"},
        {"name", "24小时客服热线"},
        {"phone", "0631-5201234"},
        {"hours", "24小时"}});
  Make("li", "service_contacts",
       {{"company_id", a_.company_id},
        {"kind", "hall"},
        {"name", "文登营业厅"},
        {"phone", "0631-8451234"},
        {"address", "文登区米山路 88 号"},
        {"hours", "8:30-17:30"}});
  Make("li", "tariffs",
       {{"company_id", a_.company_id},
        {"name", "居民按面积"},
        {"billing", "area"},
        {"price", "22.50"},
        {"valid_from", FormatDate(today - days{30})},
        {"approval", "威价发〔2025〕12号"}});
  Make("li", "tariffs",
       {{"company_id", a_.company_id},
        {"name", "旧价"},
        {"billing", "area"},
        {"price", "20.00"},
        {"valid_from", FormatDate(today - days{400})},
        {"valid_to", FormatDate(today - days{31})}});
  // The regulator licenses the district and decides its season.
  auto districts = json::parse(Call("root", "GET", "/api/v1/districts?code=d-a").body)["items"];
  ASSERT_EQ(districts.size(), 1u);
  const int64_t district = districts[0]["id"];
  Make("gov", "licensed_districts", {{"company_id", a_.company_id}, {"district_id", district}});
  const int season = rules::SeasonYearOf(today);
  const std::string start = std::to_string(season) + "-11-10";
  Make("gov", "seasons",
       {{"district_id", district},
        {"season", season},
        {"official_start", start},
        {"official_end", std::to_string(season + 1) + "-03-20"}});
  // Another company's contacts are not this one's.
  Make("liu", "service_contacts",
       {{"company_id", b_.company_id}, {"kind", "hotline"}, {"name", "B 热线"}, {"phone", "1"}});

  auto r = Call("", "GET", "/api/v1/public/companies/a");
  ASSERT_EQ(r.status, 200u) << r.body;
  const json info = json::parse(r.body);
  EXPECT_EQ(info["company"]["code"], "a");
  ASSERT_EQ(info["contacts"].size(), 2u) << info["contacts"].dump();
  EXPECT_EQ(info["contacts"][1]["address"], "文登区米山路 88 号");
  ASSERT_EQ(info["prices"].size(), 1u) << info["prices"].dump();
  EXPECT_EQ(info["prices"][0]["price"], "22.50");
  EXPECT_EQ(info["prices"][0]["unit"], "元/平方米·采暖季");
  EXPECT_EQ(info["prices"][0]["approval"], "威价发〔2025〕12号");
  EXPECT_EQ(info["season"], season);
  ASSERT_EQ(info["seasons"].size(), 1u);
  EXPECT_EQ(info["seasons"][0]["official_start"], start);
  EXPECT_EQ(info["seasons"][0]["decided"], true);
  EXPECT_EQ(info["payment_methods"].size(), 4u);  // cash, bank, WeChat, Alipay; not an offset

  // The profile's numbers (policies/weihai.toml), each with its clause.
  auto procedures = ByKey(info["procedures"]);
  EXPECT_EQ(procedures["insurance-payout"]["text"], "双方就赔偿数额达成一致后30个工作日内支付");
  EXPECT_EQ(procedures["insurance-payout"]["basis"], "W 13.5");
  EXPECT_EQ(procedures["connection-decision.outside-works"]["text"], "3个工作日内");
  EXPECT_EQ(procedures["leak"]["text"], "1小时内开始处置");
  EXPECT_EQ(procedures["return-visit"]["basis"], "W 10.1.6");
  EXPECT_EQ(ByKey(info["standards"])["guarantee"]["basis"], "W 5.1");
  EXPECT_EQ(
      ByKey(info["rights"])["refund.tier-1"]["text"],
      "按面积收费的住户，因企业原因室温在16.0 °C（含）至18.0 °C之间的日子，退还当日热费的20%");
  EXPECT_EQ(ByKey(info["rights"])["refund.meter"]["basis"], "Z 2.4");
  for (const char* part : {"procedures", "standards", "rights", "duties"}) {
    for (const auto& item : info[part]) EXPECT_FALSE(item["basis"].get<std::string>().empty());
  }
  // Nothing of a household.
  EXPECT_EQ(r.body.find("H-101"), std::string::npos);
  EXPECT_EQ(r.body.find("B 热线"), std::string::npos);

  // A licensed district without a season record: the profile's default dates.
  auto other = json::parse(Call("root", "GET", "/api/v1/districts?code=d-b").body)["items"];
  ASSERT_EQ(other.size(), 1u);
  Make("gov", "licensed_districts",
       {{"company_id", b_.company_id}, {"district_id", other[0]["id"]}});
  auto b = json::parse(Call("", "GET", "/api/v1/public/companies/b").body);
  ASSERT_EQ(b["seasons"].size(), 1u) << b.dump();
  EXPECT_EQ(b["seasons"][0]["decided"], false);
  EXPECT_EQ(b["seasons"][0]["official_start"], std::to_string(season) + "-11-15");
  EXPECT_TRUE(b["prices"].empty());
}

TEST_P(PublicInfoApi, RefusalsNameTheirField) {
  auto missing = Call("", "GET", "/api/v1/public/companies/nobody");
  EXPECT_EQ(missing.status, 404u) << missing.body;
  EXPECT_EQ(Field(missing), "code");
  auto extra = Call("", "GET", "/api/v1/public/companies/a?household=1");
  EXPECT_EQ(extra.status, 400u) << extra.body;
  EXPECT_EQ(Field(extra), "household");
  // Only the company's manager (or the admin) writes its numbers.
  const json contact = {
      {"company_id", a_.company_id}, {"kind", "repair"}, {"name", "抢修"}, {"phone", "0631-1"}};
  EXPECT_EQ(Call("zhao", "POST", "/api/v1/service_contacts", contact.dump()).status, 403u);
  EXPECT_EQ(Call("liu", "POST", "/api/v1/service_contacts", contact.dump()).status, 403u);
  auto bad = Call(
      "li", "POST", "/api/v1/service_contacts",
      json{{"company_id", a_.company_id}, {"kind", "fax"}, {"name", "x"}, {"phone", "1"}}.dump());
  EXPECT_EQ(bad.status, 400u) << bad.body;
  EXPECT_EQ(Field(bad), "kind");
}

INSTANTIATE_TEST_SUITE_P(Engines, PublicInfoApi, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& engine) {
                           return engine.param;
                         });

}  // namespace
}  // namespace hearth::app::http

// Price-change notices end to end, in process (AddApiRoutes over a real SQLite database, and over
// a real PostgreSQL one; issue 16, R-BILL-1, W 9.2.1 热费价格调整时，应及时告知热用户): the
// manager announces next season's price, and the household is told the new price, the old one
// and the first day; once only; a notice after the first day is late; who may announce and see.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "model/resources.hpp"
#include "support/test_in_process_api.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::json;

class PriceNoticeApi : public support::InProcessApi {
 protected:
  int64_t Tariff(const std::string& from, int64_t price, const char* approval = nullptr) {
    ports::Fields f = {{"company_id", a_.company_id},
                       {"name", "居民按面积"},
                       {"billing", "area"},
                       {"price", price},
                       {"valid_from", from}};
    if (approval) f["approval"] = std::string(approval);
    auto t = rt_->db->records.Create(*model::FindResource("tariffs"), f, {}, "setup");
    EXPECT_TRUE(t.ok()) << t.error().message;
    return t.ok() ? t->id : 0;
  }
  static std::string Path(int64_t tariff) {
    return "/api/v1/tariffs/" + std::to_string(tariff) + "/notice";
  }
};

TEST_P(PriceNoticeApi, TheHouseholdIsToldBeforeThePriceApplies) {
  Tariff("2020-01-01", 2600);
  const int64_t next = Tariff("2030-11-15", 2800, "威价〔2030〕5号");
  EXPECT_EQ(Call("li", "GET", Path(next)).status, 404u);  // not announced yet
  EXPECT_EQ(Call("wang", "POST", Path(next)).status, 403u);
  EXPECT_EQ(Call("liu", "POST", Path(next)).status, 404u);  // another company's manager
  auto r = Call("li", "POST", Path(next));
  ASSERT_EQ(r.status, 201u) << r.body;
  const json n = json::parse(r.body);
  EXPECT_EQ(n["tariff_id"], next);
  EXPECT_EQ(n["billing"], "area");
  EXPECT_EQ(n["price"], "28.00");
  EXPECT_EQ(n["valid_from"], "2030-11-15");
  EXPECT_EQ(n["households"], 1);
  EXPECT_EQ(n["late"], false);
  EXPECT_EQ(n["announced_by"], "li");
  EXPECT_EQ(n["text"],
            "热费价格调整通知：自 2030-11-15 起，居民按面积由 26.00 元/m²（采暖季）调整为 28.00 "
            "元/m²（采暖季）（威价〔2030〕5号）。");
  auto told = Call("home", "GET", "/api/v1/notifications");
  ASSERT_EQ(told.status, 200u);
  EXPECT_NE(told.body.find("tariff.changed"), std::string::npos) << told.body;
  EXPECT_NE(told.body.find("28.00"), std::string::npos) << told.body;
  EXPECT_EQ(Call("other", "GET", "/api/v1/notifications").body.find("tariff.changed"),
            std::string::npos);

  auto again = Call("li", "POST", Path(next));
  EXPECT_EQ(again.status, 409u) << again.body;
  EXPECT_EQ(Field(again), "tariff");
  EXPECT_EQ(json::parse(Call("li", "GET", Path(next)).body)["id"], n["id"]);
  EXPECT_EQ(json::parse(Call("gov", "GET", "/api/v1/price-notices").body)["items"].size(), 1u);
  EXPECT_EQ(json::parse(Call("liu", "GET", "/api/v1/price-notices").body)["items"].size(), 0u);
  EXPECT_EQ(Call("liu", "GET", Path(next)).status, 404u);
  EXPECT_EQ(json::parse(Call("home", "GET", "/api/v1/price-notices").body)["items"].size(), 0u);
}

TEST_P(PriceNoticeApi, ANoticeAfterThePriceAppliesIsLate) {
  const int64_t first = Tariff("2021-01-01", 2600);
  auto r = Call("li", "POST", Path(first));
  ASSERT_EQ(r.status, 201u) << r.body;
  const json n = json::parse(r.body);
  EXPECT_EQ(n["late"], true);
  EXPECT_EQ(n["text"], "热费价格通知：自 2021-01-01 起执行居民按面积 26.00 元/m²（采暖季）。");
  EXPECT_EQ(Call("li", "POST", "/api/v1/tariffs/999999/notice").status, 404u);
  EXPECT_EQ(Call("li", "POST", "/api/v1/tariffs/x/notice").status, 400u);
}

INSTANTIATE_TEST_SUITE_P(Engines, PriceNoticeApi, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& engine) {
                           return engine.param;
                         });

}  // namespace
}  // namespace hearth::app::http

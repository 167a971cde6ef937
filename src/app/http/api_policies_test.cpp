// GET /api/v1/policies in process (AddApiRoutes over a real SQLite database): every signed-in
// user reads the profiles in force, each number with its clause, in the file's order (issue 14,
// the console's 政策参数 page).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/http/api.hpp"
#include "support/openapi_check.hpp"
#include "support/test_process.hpp"
#include "support/test_sensors.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::json;

class PoliciesApi : public ::testing::Test {
 protected:
  void SetUp() override {
    auto rt = runtime::Runtime::Open({dir_ / "h.db", std::string(HEARTH_SOURCE_DIR) + "/policies",
                                      runtime::DbMode::kRequired, {1, 1024, 1}});
    ASSERT_TRUE(rt.ok()) << rt.error().message;
    rt_ = std::move(*rt);
    AddApiRoutes(router_, *rt_);
    support::CheckAnswers(router_);  // every answer against the OpenAPI document
    auto city = support::MakeSensorCity(rt_->db->records, "a", 0, "A-");
    ASSERT_TRUE(rt_->db->auth
                    .AddUser({"home", "api-test-password", "household", std::nullopt,
                              city.household_id})
                    .ok());
    token_ = rt_->db->auth.Login("home", "api-test-password")->token;
  }

  adapters::http::Response Get(const std::string& path, bool signed_in = true) {
    adapters::http::Request req;
    req.method = "GET";
    req.path = path;
    if (signed_in) req.headers["authorization"] = "Bearer " + token_;
    return router_.Handle(req);
  }

  support::TempDir dir_;
  std::unique_ptr<runtime::Runtime> rt_;
  adapters::http::Router router_;
  std::string token_;
};

TEST_F(PoliciesApi, EverySignedInUserReadsTheProfilesInForce) {
  EXPECT_EQ(Get("/api/v1/policies", false).status, 401u);
  auto list = Get("/api/v1/policies");
  ASSERT_EQ(list.status, 200u) << list.body;
  // Parsed into a named value: a range-for over a member of a temporary would dangle (C++20).
  const json policies = json::parse(list.body)["policies"];
  json names = json::array();
  for (const auto& p : policies) names.push_back(p["name"]);
  EXPECT_EQ(names, json({"weihai", "zibo"}));
  EXPECT_EQ(policies[0]["city"], "威海市 Weihai");
}

TEST_F(PoliciesApi, EachNumberComesWithItsClauseInTheFilesOrder) {
  auto r = Get("/api/v1/policies/weihai");
  ASSERT_EQ(r.status, 200u) << r.body;
  auto profile = nlohmann::ordered_json::parse(r.body)["profile"];
  // The file's order, not the alphabet's: [profile], then [season], then [deadlines].
  auto key = profile.begin();
  EXPECT_EQ(key.key(), "profile");
  EXPECT_EQ((++key).key(), "season");
  EXPECT_EQ((++key).key(), "deadlines");
  const auto& ret = profile["deadlines"]["return"]["city-hotline"];
  EXPECT_EQ(ret["working-days"], 2);
  EXPECT_EQ(ret["source"], "W 10.1.3");
  const auto& start = profile["season"]["official-start"];
  EXPECT_EQ(start["date"], "11-15");
  EXPECT_EQ(start["default"], true);  // a platform default, marked as the file marks it
  EXPECT_FALSE(start["note"].get<std::string>().empty());
}

TEST_F(PoliciesApi, AnUnknownProfileIsNotFoundNamingTheKnownOnes) {
  auto r = Get("/api/v1/policies/atlantis");
  EXPECT_EQ(r.status, 404u);
  auto e = json::parse(r.body)["error"];
  EXPECT_EQ(e["field"], "name");
  EXPECT_NE(e["message"].get<std::string>().find("weihai, zibo"), std::string::npos);
  EXPECT_EQ(Get("/api/v1/policies/..%2Fweihai").status, 404u);
}

}  // namespace
}  // namespace hearth::app::http

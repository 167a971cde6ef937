// The API in process (AddApiRoutes over a real runtime) for one engine, "sqlite" or "postgres"
// (the test's parameter): two companies built by MakeSensorCity ("a" with one sensor "A-0" in
// its household's room, "b" with none), and these users, logged in:
//   root admin · gov regulator · li manager (a) · zhao technician (a) · wang agent (a) ·
//   liu manager (b) · home household (a's) · other household (b's).
// Shared by the API tests whose cases need only that city (api_outages_test,
// api_findings_test, api_energy_test, api_indicators_test). The runtime runs on the system clock.
// Every answer is checked against the OpenAPI document (support/openapi_check.hpp).
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "app/http/api.hpp"
#include "support/openapi_check.hpp"
#include "support/test_postgres.hpp"
#include "support/test_process.hpp"
#include "support/test_sensors.hpp"

namespace hearth::support {

class InProcessApi : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const std::string db = GetParam() == "postgres"
                               ? PostgresCluster::Shared().CreateDatabase()
                               : std::string(dir_ / "h.db");
    auto rt = app::runtime::Runtime::Open({db, std::string(HEARTH_SOURCE_DIR) + "/policies",
                                           app::runtime::DbMode::kRequired, {1, 1024, 1}});
    ASSERT_TRUE(rt.ok()) << rt.error().message;
    rt_ = std::move(*rt);
    app::http::AddApiRoutes(router_, *rt_);
    CheckAnswers(router_);
    a_ = MakeSensorCity(rt_->db->records, "a", 1, "A-");
    b_ = MakeSensorCity(rt_->db->records, "b", 0, "B-");
    struct User {
      const char* name;
      const char* role;
      std::optional<int64_t> company, household;
    };
    const User users[] = {{"root", "admin", {}, {}},
                          {"gov", "regulator", {}, {}},
                          {"li", "manager", a_.company_id, {}},
                          {"zhao", "technician", a_.company_id, {}},
                          {"wang", "agent", a_.company_id, {}},
                          {"liu", "manager", b_.company_id, {}},
                          {"home", "household", {}, a_.household_id},
                          {"other", "household", {}, b_.household_id}};
    for (const auto& u : users) {
      ASSERT_TRUE(
          rt_->db->auth.AddUser({u.name, "api-test-password", u.role, u.company, u.household})
              .ok());
      tokens_[u.name] = rt_->db->auth.Login(u.name, "api-test-password")->token;
    }
  }

  /// A request as `user` ("" for none).
  adapters::http::Response Call(const std::string& user, const std::string& method,
                                const std::string& target, const std::string& body = "") {
    adapters::http::Request req;
    req.method = method;
    size_t q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string::npos) req.query = *adapters::http::ParseQuery(target.substr(q + 1));
    if (!user.empty()) req.headers["authorization"] = "Bearer " + tokens_[user];
    req.body = body;
    return router_.Handle(req);
  }

  /// The field an error answer names ("" when none).
  static std::string Field(const adapters::http::Response& r) {
    return nlohmann::json::parse(r.body)["error"].value("field", "");
  }

  TempDir dir_;
  std::unique_ptr<app::runtime::Runtime> rt_;
  adapters::http::Router router_;
  std::map<std::string, std::string> tokens_;
  SensorCity a_, b_;
};

}  // namespace hearth::support

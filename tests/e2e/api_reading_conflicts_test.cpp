// ctest-labels: e2e security
// Issue 12: a second reading for a (sensor, ts) with another value is counted `conflicting` in
// POST /api/v1/readings's answer, not `duplicate`, and GET /api/v1/sensors/{code}/conflicts shows
// it for review (paged; another company's staff get 404), while the first value stays.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "adapters/storage/migrations.hpp"
#include "support/test_client.hpp"
#include "support/test_process.hpp"
#include "support/test_sensors.hpp"

namespace hearth::e2e {
namespace {

using nlohmann::json;
using support::Bearer;
using support::Fetch;

TEST(ReadingConflictsApi, CountedAndKeptForReview) {
  support::TempDir dir;
  const std::string db = dir / "h.db";
  {
    auto conn = adapters::storage::Connect(db);
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(adapters::storage::Migrate(**conn).ok());
    adapters::storage::SqlRecordStore records(std::move(*conn));
    support::MakeSensorCity(records, "c1", 1, "A-");
    support::MakeSensorCity(records, "c2", 1, "B-");
  }
  for (auto [user, role, company] : {std::tuple{"root", "admin", ""},
                                     std::tuple{"li", "manager", "c1"},
                                     std::tuple{"wang", "manager", "c2"}}) {
    auto add = support::AddUser(db, user, role, company, "");
    ASSERT_EQ(add.exit_code, 0) << add.err;
  }
  const uint16_t port = support::FreePort();
  support::ServerProcess server(support::ServeArgs(db, port));
  ASSERT_TRUE(support::WaitForHealthz(port));
  auto login = [&](const std::string& user) {
    auto r = Fetch(port, "POST", "/api/v1/auth/login",
                   json{{"username", user}, {"password", "s3cret-pass-24"}}.dump());
    EXPECT_EQ(r.status, 200u) << r.body;
    return r.status == 200 ? r.Json()["token"].get<std::string>() : "";
  };
  const std::string root = login("root");
  auto post = [&](const std::string& value) {
    return Fetch(port, "POST", "/api/v1/readings",
                 R"([{"sensor":"A-0","ts":"2025-12-01T08:00:00+08:00","value":)" + value + "}]",
                 Bearer(root), "application/json");
  };
  auto first = post("18.2");
  ASSERT_EQ(first.status, 200u) << first.body;
  EXPECT_EQ(first.body, R"({"accepted":1,"duplicate":0,"conflicting":0,"quarantined":0,"rejected":[]})");
  EXPECT_EQ(post("18.2").body, R"({"accepted":0,"duplicate":1,"conflicting":0,"quarantined":0,"rejected":[]})");
  EXPECT_EQ(post("35").body, R"({"accepted":0,"duplicate":0,"conflicting":1,"quarantined":0,"rejected":[]})");
  EXPECT_EQ(post("19").body, R"({"accepted":0,"duplicate":0,"conflicting":1,"quarantined":0,"rejected":[]})");

  auto conflicts = [&](const std::string& token, const std::string& query) {
    return Fetch(port, "GET", "/api/v1/sensors/A-0/conflicts" + query, "", Bearer(token));
  };
  auto page = conflicts(login("li"), "?limit=1");
  ASSERT_EQ(page.status, 200u) << page.body;
  json j = page.Json();
  ASSERT_EQ(j["items"].size(), 1u);
  EXPECT_EQ(j["items"][0]["ts"], "2025-12-01T08:00:00+08:00");
  EXPECT_EQ(j["items"][0]["stored_value"], 18.2);
  EXPECT_EQ(j["items"][0]["value"], 35);
  EXPECT_EQ(j["items"][0]["source"], "http");
  EXPECT_TRUE(j["items"][0]["received_at"].is_string());
  ASSERT_FALSE(j["next_cursor"].is_null());
  auto next = conflicts(root, "?limit=1&cursor=" + j["next_cursor"].get<std::string>());
  ASSERT_EQ(next.status, 200u) << next.body;
  ASSERT_EQ(next.Json()["items"].size(), 1u);
  EXPECT_EQ(next.Json()["items"][0]["value"], 19);
  EXPECT_TRUE(next.Json()["next_cursor"].is_null());

  EXPECT_EQ(conflicts(login("wang"), "").status, 404u);  // another company's sensor
  auto readings = Fetch(port, "GET",
                        "/api/v1/sensors/A-0/readings?from=2025-12-01T00:00:00%2B08:00", "",
                        Bearer(root));
  ASSERT_EQ(readings.status, 200u) << readings.body;
  EXPECT_EQ(readings.Json()["items"][0]["value"], 18.2);  // the first value stays
}

}  // namespace
}  // namespace hearth::e2e

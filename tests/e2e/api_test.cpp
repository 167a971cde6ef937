// ctest-labels: e2e pg
// `hearth serve` end to end: a real server process on loopback, driven over HTTP.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/test_client.hpp"
#include "support/test_postgres.hpp"
#include "support/test_process.hpp"

namespace hearth::e2e {
namespace {

using support::RunHearth;
using support::ServerProcess;
using support::TempDir;
using support::TestClient;

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override { Start(dir_ / "h.db"); }

  void Start(const std::string& db) {
    db_ = db;
    port_ = support::FreePort();
    server_ = std::make_unique<ServerProcess>(std::vector<std::string>{
        "serve", "--init", "--db", db, "--listen", "127.0.0.1:" + std::to_string(port_), "--policies",
        std::string(HEARTH_SOURCE_DIR) + "/policies"});
    // Wait (bounded) for the server to accept connections.
    for (int i = 0; i < 200 && !client_; ++i) {
      try {
        client_ = std::make_unique<TestClient>(port_);
      } catch (const std::exception&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
    ASSERT_TRUE(client_) << "hearth serve did not start";
  }

  void CheckImportWithoutRestart();

  nlohmann::json Get(const std::string& target, unsigned expected_status) {
    auto r = client_->Get(target);
    EXPECT_EQ(r.status, expected_status) << target << " -> " << r.body;
    return nlohmann::json::parse(r.body);
  }

  TempDir dir_;
  std::string db_;
  uint16_t port_ = 0;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<TestClient> client_;
};

TEST_F(ServeTest, HealthzAndDeadline) {
  auto health = Get("/healthz", 200);
  EXPECT_EQ(health["status"], "ok");
  EXPECT_EQ(health["calendar"]["years"].front(), 2019);

  auto r = client_->Get(
      "/api/v1/calc/deadline?policy=weihai&rule=reply&channel=city-hotline"
      "&from=2024-09-27T16:00:00%2B08:00");
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(
      r.body,
      R"({"rule":"reply","channel":"city-hotline","from":"2024-09-27T16:00:00+08:00",)"
      R"("deadline":"2024-10-10T23:59:59+08:00","calendar_incomplete":false,"basis":"W 10.1.4"})");
  // An unencoded '+' arrives as a space and is still read as the offset sign.
  auto plus =
      Get("/api/v1/calc/deadline?policy=weihai&rule=reply&channel=city-hotline"
          "&from=2024-09-27T16:00:00+08:00",
          200);
  EXPECT_EQ(plus["deadline"], "2024-10-10T23:59:59+08:00");
  auto cd =
      Get("/api/v1/calc/deadline?policy=zibo&rule=connection-decision&outside_works=true"
          "&from=2024-09-27T16:00:00Z",
          200);
  // From Sat 2024-09-28 local: 3 working days are 09-29 (make-up Sunday), 09-30, 10-08.
  EXPECT_EQ(cd["deadline"], "2024-10-08T23:59:59+08:00");
}

TEST_F(ServeTest, BadInputGets400NamingTheField) {
  struct Case {
    std::string query;
    std::string field;
  };
  const Case cases[] = {
      {"policy=weihai&rule=nope&from=2024-01-01T00:00:00Z", "rule"},
      {"policy=weihai&rule=reply&channel=fax&from=2024-01-01T00:00:00Z", "channel"},
      {"policy=weihai&rule=reply&from=2024-01-01T00:00:00Z", "channel"},
      {"policy=weihai&rule=leak&channel=urgent&from=2024-01-01T00:00:00Z", "channel"},
      {"policy=weihai&rule=reply&channel=urgent&from=yesterday", "from"},
      {"policy=weihai&rule=reply&channel=urgent", "from"},
      {"policy=atlantis&rule=leak&from=2024-01-01T00:00:00Z", "policy"},
      {"policy=../../etc/passwd&rule=leak&from=2024-01-01T00:00:00Z", "policy"},
      {"policy=weihai&rule=leak&from=2024-01-01T00:00:00Z&outside_works=maybe", "outside_works"},
      {"policy=weihai&rule=leak&from=2024-01-01T00:00:00Z&colour=red", "colour"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query);
    auto j = Get("/api/v1/calc/deadline?" + c.query, 400);
    EXPECT_EQ(j["error"]["code"], "invalid_argument");
    EXPECT_EQ(j["error"]["field"], c.field);
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
  }
}

class ServePostgresTest : public ServeTest {
 protected:
  void SetUp() override { Start(support::PostgresCluster::Shared().CreateDatabase()); }
};

TEST_F(ServeTest, ImportedYearIsUsedWithoutRestart) { CheckImportWithoutRestart(); }

// The same, with the server and the import sharing a PostgreSQL database.
TEST_F(ServePostgresTest, ImportedYearIsUsedWithoutRestart) { CheckImportWithoutRestart(); }

void ServeTest::CheckImportWithoutRestart() {
  const std::string target =
      "/api/v1/calc/deadline?policy=weihai&rule=return&channel=city-hotline"
      "&from=2026-12-31T10:00:00%2B08:00";
  EXPECT_EQ(Get(target, 200)["calendar_incomplete"], true);
  auto health = Get("/healthz", 200);
  EXPECT_NE(health["calendar"]["missing_years"].dump().find("2027"), std::string::npos);

  std::ofstream(dir_ / "2027.json") << R"({"years": {"2027": [
      {"date": "2027-01-01", "name": "元旦", "off": true},
      {"date": "2027-01-04", "name": "test holiday", "off": true}]}})";
  auto imp = RunHearth({"calendar", "import", dir_ / "2027.json", "--db", db_});
  ASSERT_EQ(imp.exit_code, 0) << imp.err;

  // The server re-reads the calendar when its version changes (checked about once a second).
  nlohmann::json j;
  for (int i = 0; i < 100; ++i) {
    j = Get(target, 200);
    if (j["calendar_incomplete"] == false) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(j["calendar_incomplete"], false);
  EXPECT_EQ(j["deadline"], "2027-01-06T23:59:59+08:00");
  EXPECT_EQ(Get("/healthz", 200)["calendar"]["missing_years"].dump().find("2027"),
            std::string::npos);
}

}  // namespace
}  // namespace hearth::e2e

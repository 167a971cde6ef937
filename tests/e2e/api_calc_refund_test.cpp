// ctest-labels: e2e
// POST /api/v1/calc/refund end to end (R-REFUND-1..4, R-SEASON-1): a real `hearth serve` on
// loopback; the same JSON as the CLI, errors as 400 naming the field.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/test_client.hpp"
#include "support/test_process.hpp"

namespace hearth::e2e {
namespace {

using support::TestClient;
using support::RunHearth;
using support::ServerProcess;
using support::TempDir;

const std::string kHeader = "date,value,guarantee,outdoor_mean,unheated_hours,excluded\n";

class RefundApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    port_ = support::FreePort();
    server_ = std::make_unique<ServerProcess>(std::vector<std::string>{
        "serve", "--init", "--db", dir_ / "h.db", "--listen", "127.0.0.1:" + std::to_string(port_),
        "--policies", std::string(HEARTH_SOURCE_DIR) + "/policies"});
    for (int i = 0; i < 200 && !client_; ++i) {
      try {
        client_ = std::make_unique<TestClient>(port_, "text/csv");
      } catch (const std::exception&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
    ASSERT_TRUE(client_) << "hearth serve did not start";
  }

  TempDir dir_;
  uint16_t port_ = 0;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<TestClient> client_;
};

TEST_F(RefundApiTest, SameJsonAsTheCli) {
  const std::string days = kHeader +
                           "2025-12-01,17.5,,,,\n"
                           "2025-12-02,17.95,,,,\n"
                           "2025-12-05,,,,14,\n"
                           "2025-12-06,11.0,,-6.0,,\n"
                           "2026-03-16,5,,,24,\n";
  auto r = client_->Send("POST", "/api/v1/calc/refund?policy=weihai&season=2025&fee=2640.00", days);
  EXPECT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(r.body,
            R"({"season":"2025-2026","official_days":121,"fee_fen":264000,"refund_fen":2618,)"
            R"("days":[{"date":"2025-12-01","share_percent":20,)"
            R"j("reason":"unqualified: 17.5 °C against 18.0 °C guaranteed (20 %)"},)j"
            R"({"date":"2025-12-05","share_percent":100,)"
            R"j("reason":"not heated: company outage 14 h ≥ 12 h (100 %)"}]})j");

  // The CLI prints the same document for the same file.
  std::ofstream(dir_ / "days.csv", std::ios::binary) << days;
  auto cli = RunHearth({"calc", "refund", "--policy", "weihai", "--season", "2025", "--fee",
                        "2640.00", "--days", dir_ / "days.csv"});
  EXPECT_EQ(cli.out, r.body + "\n");

  // A leap season (R-SEASON-1) under the other profile.
  auto leap = client_->Send("POST", "/api/v1/calc/refund?policy=zibo&season=2023&fee=2640",
                            "date,value\n2024-02-29,11.9\n");
  EXPECT_EQ(leap.status, 200u) << leap.body;
  auto j = nlohmann::json::parse(leap.body);
  EXPECT_EQ(j["official_days"], 122);
  EXPECT_EQ(j["refund_fen"], 2164);  // 264000 / 122 = 2163.93
}

TEST_F(RefundApiTest, BadInputGets400NamingTheField) {
  struct Case {
    std::string query;
    std::string body;
    std::string field;
    std::string needle;
  };
  const std::string ok = kHeader + "2025-12-01,17,,,,\n";
  const Case cases[] = {
      {"policy=weihai&season=2025", ok, "fee", "missing query parameter fee"},
      {"season=2025&fee=1", ok, "policy", "missing query parameter policy"},
      {"policy=weihai&fee=1", ok, "season", "missing query parameter season"},
      {"policy=weihai&season=2025&fee=1&days=x", ok, "days", "days"},
      {"policy=atlantis&season=2025&fee=1", ok, "policy", "unknown policy 'atlantis'"},
      {"policy=../../etc/passwd&season=2025&fee=1", ok, "policy", "unknown policy"},
      {"policy=weihai&season=twenty&fee=1", ok, "season", "got 'twenty'"},
      {"policy=weihai&season=2025&fee=1.005", ok, "fee", "more than 2 decimals"},
      {"policy=weihai&season=2025&fee=-3", ok, "fee", "not more than 0"},
      {"policy=weihai&season=2025&fee=1", "", "line 1", "line 1, column 1: the file is empty"},
      {"policy=weihai&season=2025&fee=1", kHeader + "2025-12-01,17,,,,\n2025-12-01,17,,,,\n",
       "line 3", "line 3, column 1 (date): 2025-12-01 is given twice (first on line 2)"},
      {"policy=weihai&season=2025&fee=1", kHeader + "2025-12-01,,,,,maybe\n", "line 2",
       "line 2, column 6 (excluded)"},
      {"policy=weihai&season=2025&fee=1", "date,value\n2025-12-01,99\n", "line 2",
       "line 2, column 2 (value): 99 °C is outside the valid range"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query + " | " + c.body);
    auto r = client_->Send("POST", "/api/v1/calc/refund?" + c.query, c.body);
    EXPECT_EQ(r.status, 400u) << r.body;
    auto j = nlohmann::json::parse(r.body);
    EXPECT_EQ(j["error"]["code"], "invalid_argument");
    EXPECT_EQ(j["error"]["field"], c.field);
    EXPECT_NE(j["error"]["message"].get<std::string>().find(c.needle), std::string::npos)
        << j["error"]["message"];
  }
}

}  // namespace
}  // namespace hearth::e2e

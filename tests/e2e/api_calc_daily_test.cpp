// ctest-labels: e2e
// POST /api/v1/calc/daily end to end (R-TEMP-3): a real `hearth serve` on loopback; the same
// JSON as the CLI, and 400 naming the line and column of a malformed body.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "support/test_client.hpp"
#include "support/test_process.hpp"

namespace hearth::e2e {
namespace {

using support::TestClient;
using support::ServerProcess;
using support::TempDir;

const std::string kSource = HEARTH_SOURCE_DIR;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class CalcDailyApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    port_ = support::FreePort();
    server_ = std::make_unique<ServerProcess>(std::vector<std::string>{
        "serve", "--init", "--db", dir_ / "h.db", "--listen", "127.0.0.1:" + std::to_string(port_),
        "--policies", kSource + "/policies"});
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

// 20 hourly readings of `value` in b1 from 2025-12-01 00:00 local.
std::string TwentyHours(const std::string& value) {
  std::string csv = "room,kind,ts,value\n";
  for (int h = 0; h < 20; ++h) {
    std::string hh = (h < 10 ? "0" : "") + std::to_string(h);
    csv += "b1,bedroom,2025-12-01T" + hh + ":00:00+08:00," + value + "\n";
  }
  return csv;
}

TEST_F(CalcDailyApiTest, GoldenHouseholdMatchesTheCli) {
  const std::string golden = kSource + "/tests/golden/calc-daily/";
  auto r = client_->Send("POST", "/api/v1/calc/daily", Slurp(golden + "household.csv"));
  EXPECT_EQ(r.status, 200u) << r.body;
  std::string expected = Slurp(golden + "household.json");
  EXPECT_EQ(r.body + "\n", expected);
}

TEST_F(CalcDailyApiTest, PolicyIsAnOptionalQueryParameter) {
  for (const char* target : {"/api/v1/calc/daily", "/api/v1/calc/daily?policy=weihai",
                             "/api/v1/calc/daily?policy=zibo"}) {
    SCOPED_TRACE(target);
    auto r = client_->Send("POST", target, TwentyHours("17.95"));
    EXPECT_EQ(r.status, 200u) << r.body;
    EXPECT_EQ(r.body, R"({"days":[{"date":"2025-12-01","value":18.0}]})");
  }
  auto empty = client_->Send("POST", "/api/v1/calc/daily", "room,kind,ts,value\n");
  EXPECT_EQ(empty.status, 200u);
  EXPECT_EQ(empty.body, R"({"days":[]})");
}

TEST_F(CalcDailyApiTest, BadRequestsGet400NamingTheProblem) {
  struct Case {
    const char* name;
    std::string query;
    std::string body;
    std::string field;
    std::string message;
  };
  const std::string head = "room,kind,ts,value\n";
  const std::string ok = "b1,bedroom,2025-12-01T00:00:00Z,18.0\n";
  const Case cases[] = {
      {"bad header", "", "room,kind,time,value\n" + ok, "line 1",
       "line 1, column 3 (time): unknown column; expected room,kind,ts,value"},
      {"bad kind", "", head + ok + "b2,hall,2025-12-01T00:00:00Z,18.0\n", "line 3",
       "line 3, column 2 (kind): 'hall' is not a room kind; expected bedroom, living or other"},
      {"bad time", "", head + "b1,bedroom,2025-02-30T00:00:00Z,18.0\n", "line 2",
       "line 2, column 3 (ts): '2025-02-30T00:00:00Z' is not an RFC 3339 time (day 30 does not "
       "exist in that month); expected e.g. 2024-09-27T16:00:00+08:00"},
      {"bad value", "", head + ok + ok + ok + "b1,bedroom,2025-12-01T00:00:00Z,eighteen\n",
       "line 5", "line 5, column 4 (value): 'eighteen' is not a decimal number (unexpected 'e')"},
      {"empty body", "", "", "line 1",
       "line 1, column 1: the file is empty; expected the header room,kind,ts,value"},
      {"unknown parameter", "?colour=red", head + ok, "colour", ""},
      {"unknown policy", "?policy=atlantis", head + ok, "policy", ""},
      {"no policy files over HTTP", "?policy=" + kSource + "/policies/zibo.toml", head + ok,
       "policy", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = client_->Send("POST", "/api/v1/calc/daily" + c.query, c.body);
    EXPECT_EQ(r.status, 400u) << r.body;
    auto j = nlohmann::json::parse(r.body);
    EXPECT_EQ(j["error"]["code"], "invalid_argument");
    EXPECT_EQ(j["error"]["field"], c.field);
    if (!c.message.empty()) {
      EXPECT_EQ(j["error"]["message"], c.message);
    }
  }
}

TEST_F(CalcDailyApiTest, OnlyPost) {
  auto r = client_->Send("GET", "/api/v1/calc/daily");
  EXPECT_EQ(r.status, 405u) << r.body;
}

}  // namespace
}  // namespace hearth::e2e

// ctest-labels: e2e
// POST /api/v1/calc/sample-plan end to end (R-SAMPLE-1..3): a real `hearth serve` on loopback;
// the same JSON as the CLI, errors as 400 naming the field (the file's by "line L").
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/test_client.hpp"
#include "support/test_process.hpp"

namespace hearth::e2e {
namespace {

using support::RunHearth;
using support::ServerProcess;
using support::TempDir;
using support::TestClient;

const std::string kHeader =
    "id,building,substation,floor,floors,position,orientation,area_m2,has_sensor\n";

class SamplePlanApiTest : public ::testing::Test {
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

std::string Households() {
  std::string text = kHeader;
  const char* positions[] = {"near", "middle", "far"};
  for (int i = 0; i < 300; ++i) {
    text += "H" + std::to_string(i) + ",B" + std::to_string(i / 25) + ",S" +
            std::to_string(i / 100) + "," + std::to_string(i % 6 + 1) + ",6," +
            positions[(i / 7) % 3] + "," + ((i / 3) % 5 < 3 ? "shade" : "sun") + ",90.5," +
            (i % 2 == 0 ? "1" : "0") + "\n";
  }
  return text;
}

TEST_F(SamplePlanApiTest, SameJsonAsTheCli) {
  const std::string csv = Households();
  std::ofstream(dir_ / "h.csv", std::ios::binary) << csv;
  for (const char* seed : {"", "&seed=0", "&seed=99"}) {
    SCOPED_TRACE(seed);
    auto r =
        client_->Send("POST", std::string("/api/v1/calc/sample-plan?policy=weihai") + seed, csv);
    EXPECT_EQ(r.status, 200u) << r.body;
    std::vector<std::string> args = {"calc",   "sample-plan",  "--policy",
                                     "weihai", "--households", dir_ / "h.csv"};
    if (std::string(seed) == "&seed=99") {
      args.push_back("--seed");
      args.push_back("99");
    }
    auto cli = RunHearth(args);
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    EXPECT_EQ(r.body + "\n", cli.out);
    auto j = nlohmann::json::parse(r.body);
    EXPECT_EQ(j["households"], 300);
    EXPECT_EQ(j["required"], 9);  // 3 % of 300
    EXPECT_EQ(j["achieved"], j["quotas"]);
    EXPECT_EQ(j["selected"].size(), 9u);
  }
}

TEST_F(SamplePlanApiTest, BadInputGets400NamingTheField) {
  struct Case {
    std::string query;
    std::string body;
    std::string field;
    std::string needle;
  };
  const std::string good = kHeader + "H1,B1,S1,1,6,near,shade,80,1\n";
  const Case cases[] = {
      {"policy=weihai&seed=abc", good, "seed", "seed must be a whole number"},
      {"policy=weihai&colour=red", good, "colour", "colour"},
      {"seed=1", good, "policy", "missing query parameter policy"},
      {"policy=atlantis", good, "policy", "atlantis"},
      {"policy=..%2F..%2Fetc%2Fpasswd", good, "policy", ""},
      {"policy=weihai", "", "line 1", "line 1, column 1: the file is empty"},
      {"policy=weihai", good + "H2,B1,S1,1,6,nearby,shade,80,1\n", "line 3",
       "line 3, column 6 (position): position must be near, middle or far, got 'nearby'"},
      {"policy=weihai", good + "H3,B1,S1,1,6,near,shade,80,maybe\n", "line 3",
       "line 3, column 9 (has_sensor): has_sensor must be 0 or 1, got 'maybe'"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query);
    auto r = client_->Send("POST", "/api/v1/calc/sample-plan?" + c.query, c.body);
    EXPECT_EQ(r.status, 400u) << r.body;
    auto j = nlohmann::json::parse(r.body);
    EXPECT_EQ(j["error"]["code"], "invalid_argument");
    EXPECT_EQ(j["error"]["field"], c.field);
    EXPECT_NE(j["error"]["message"].get<std::string>().find(c.needle), std::string::npos)
        << j["error"]["message"];
  }
  auto get = client_->Send("GET", "/api/v1/calc/sample-plan?policy=weihai");
  EXPECT_EQ(get.status, 405u);
}

}  // namespace
}  // namespace hearth::e2e

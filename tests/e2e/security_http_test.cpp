// ctest-labels: e2e security
// Issue 12's findings on the HTTP side, against a real `hearth serve` on SQLite: each test
// reproduces a finding as the issue reported it and shows the server holding.
//   1  a JSON body nested 100,000 levels deep (it crashed the server);
//   5  unfinished large bodies before login (they held 433 MB);
//   6  the database deleted under the server (it kept answering 201 and `ok`), and serve creating
//      an empty database at restart;
//   9  a filter that is not a number (500);
//   2  (its HTTP side) a device or gateway posting readings with a token of its own, limited to
//      its sensors;
//   10 a sensor code of another company (its existence told by a different answer);
//   11 headers: nosniff, no-store, HEAD, two Authorization headers, media types, repeated keys;
//      the access log and /metrics.
#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "adapters/storage/record_store_sql.hpp"
#include "support/test_api.hpp"
#include "support/test_sensors.hpp"

namespace hearth::e2e {
namespace {

using support::Fetch;
using support::TempDir;

class SecurityHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = support::MigratedDatabase("sqlite", dir_);
    {
      auto conn = adapters::storage::Connect(db_);
      ASSERT_TRUE(conn.ok());
      adapters::storage::SqlRecordStore records(std::move(*conn));
      ASSERT_TRUE(records
                      .Create(*model::FindResource("companies"),
                              {{"code", "c1"}, {"name", "C"}, {"policy", "weihai"}}, {}, "setup")
                      .ok());
    }
    api_ = std::make_unique<support::ApiServer>(
        db_, std::vector<support::ApiUser>{{"wu", "agent", "c1", ""}},
        std::vector<std::string>{"--access-log", dir_ / "access.log"});
    ASSERT_TRUE(api_->started());
  }

  uint16_t port() const { return api_->port(); }
  support::TestResponse Agent(const std::string& method, const std::string& target,
                              const std::string& body = "") {
    return api_->Call("wu", method, target, body);
  }
  bool Alive() { return Fetch(port(), "GET", "/healthz").status == 200u; }

  TempDir dir_;
  std::string db_;
  std::unique_ptr<support::ApiServer> api_;
};

std::string DeepContract(int depth) {
  std::string contract;
  for (int i = 0; i < depth; ++i) contract += R"({"a":)";
  contract += "1";
  contract += std::string(static_cast<size_t>(depth), '}');
  return R"({"partition_id": 1, "code": "H-1", "area_m2": 80, "contract": )" + contract + "}";
}

// Finding 1: 100,000 and 75,000 levels crashed `hearth serve` (a stack overflow).
TEST_F(SecurityHttpTest, DeeplyNestedBodiesAreRefusedAndTheServerStaysUp) {
  for (int depth : {100'000, 75'000, 33}) {
    SCOPED_TRACE(depth);
    auto r = Agent("POST", "/api/v1/households", DeepContract(depth));
    EXPECT_EQ(r.status, 400u) << r.body.substr(0, 300);
    EXPECT_EQ(r.Json()["error"]["message"], "the body nests deeper than 32 levels");
    ASSERT_TRUE(Alive());
  }
  // Every JSON route is covered, whatever parses its body (readings go through simdjson).
  const std::string deep_array = std::string(50'000, '[') + std::string(50'000, ']');
  for (const char* target : {"/api/v1/readings", "/api/v1/auth/login", "/api/v1/weather/daily"}) {
    SCOPED_TRACE(target);
    auto r = Agent("POST", target, deep_array);
    EXPECT_EQ(r.status, 400u) << r.body.substr(0, 300);
    ASSERT_TRUE(Alive());
  }
  // Within the limit, the body reaches the handler (which names what is wrong with it).
  auto within = Agent("POST", "/api/v1/households", DeepContract(5));
  EXPECT_EQ(within.status, 400u) << within.body;
  EXPECT_EQ(within.Json()["error"]["message"], "company_id: is required");
}

// Finding 11: an object naming a key twice could be read two ways.
TEST_F(SecurityHttpTest, RepeatedKeysAreRefused) {
  auto r = Agent("POST", "/api/v1/households",
                 R"({"partition_id": 1, "code": "H-1", "area_m2": 80, "code": "H-2"})");
  EXPECT_EQ(r.status, 400u) << r.body;
  EXPECT_EQ(r.Json()["error"]["field"], "code");
  auto login = Fetch(port(), "POST", "/api/v1/auth/login",
                     R"({"username": "wu", "password": "x", "username": "root"})");
  EXPECT_EQ(login.status, 400u) << login.body;
  EXPECT_EQ(login.Json()["error"]["field"], "username");
}

// Finding 9: `stoll` threw on "-" (500).
TEST_F(SecurityHttpTest, FiltersThatAreNotNumbersAre400) {
  for (const char* value : {"-", "--1", "1-2", "9999999999999999999999"}) {
    SCOPED_TRACE(value);
    auto r = Agent("GET", std::string("/api/v1/households?company_id=") + value);
    EXPECT_EQ(r.status, 400u) << r.body;
    EXPECT_EQ(r.Json()["error"]["field"], "company_id");
  }
}

// Finding 11.
TEST_F(SecurityHttpTest, HeadersMediaTypesAndHead) {
  auto me = Agent("GET", "/api/v1/auth/me");
  EXPECT_EQ(me.headers["Cache-Control"], "no-store");
  EXPECT_EQ(me.headers["X-Content-Type-Options"], "nosniff");

  auto text = Fetch(port(), "POST", "/api/v1/households", R"({"code": "H-1"})",
                    support::Bearer(api_->token("wu")), "text/plain");
  EXPECT_EQ(text.status, 415u) << text.body;
  EXPECT_EQ(text.Json()["error"]["code"], "unsupported_media_type");

  support::TestClient head(port());
  std::string raw = head.SendRawUntilClosed(
      "HEAD /api/v1/auth/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer " +
      api_->token("wu") + "\r\n\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << raw;
  EXPECT_EQ(raw.size(), raw.find("\r\n\r\n") + 4) << raw;

  support::TestClient twice(port());
  auto r = twice.SendRaw("GET /api/v1/auth/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                         api_->token("wu") + "\r\nAuthorization: Bearer other\r\n\r\n");
  EXPECT_EQ(r.status, 400u) << r.body;
  EXPECT_EQ(r.Json()["error"]["field"], "authorization");
}

// Finding 11: an access log (without the query, which may hold personal data) and Prometheus
// metrics by route and status.
TEST_F(SecurityHttpTest, AccessLogAndMetrics) {
  ASSERT_EQ(Agent("GET", "/api/v1/households?code=13800000000").status, 200u);
  ASSERT_EQ(Agent("GET", "/api/v1/households/999999").status, 404u);
  auto metrics = Fetch(port(), "GET", "/metrics");
  ASSERT_EQ(metrics.status, 200u) << metrics.body;
  EXPECT_EQ(metrics.headers["Content-Type"], "text/plain; version=0.0.4; charset=utf-8");
  for (const char* line :
       {R"(hearth_http_requests_total{method="GET",route="/api/v1/households",status="200"} 1)",
        R"(hearth_http_requests_total{method="GET",route="/api/v1/households/{id}",status="404"} 1)",
        R"(hearth_http_request_duration_seconds_count{method="GET",route="/api/v1/households"} 1)",
        "# TYPE hearth_http_request_duration_seconds histogram", "hearth_database_up 1",
        R"(hearth_readings_total{outcome="stored"} 0)", "hearth_rollup_backlog 0",
        R"(hearth_http_errors_total{code="not_found"} 1)"}) {
    EXPECT_NE(metrics.body.find(line), std::string::npos) << line << "\n" << metrics.body;
  }
  std::ifstream in(dir_ / "access.log");
  std::stringstream log;
  log << in.rdbuf();
  EXPECT_NE(log.str().find("GET /api/v1/households 200 "), std::string::npos) << log.str();
  EXPECT_NE(log.str().find("GET /api/v1/households/999999 404 "), std::string::npos) << log.str();
  EXPECT_EQ(log.str().find("13800000000"), std::string::npos) << "the query is not logged";
  EXPECT_NE(log.str().find(" user=1 from=127.0.0.1"), std::string::npos) << log.str();
}

// Finding 10: sensor codes stay unique across companies, because a code is a device's identity on
// the broker and in its topic (hearth/v1/readings/<code>, docs/broker.md). So the answers may not
// tell whose a code is: creating a sensor with a code taken by another company answers exactly
// as with one's own, and reading it finds nothing, as for a code that does not exist.
TEST(SecurityHttp, ASensorCodeOfAnotherCompanyIsAnsweredLikeOnesOwn) {
  TempDir dir;
  const std::string db = support::MigratedDatabase("sqlite", dir);
  {
    auto conn = adapters::storage::Connect(db);
    ASSERT_TRUE(conn.ok());
    adapters::storage::SqlRecordStore records(std::move(*conn));
    support::MakeSensorCity(records, "c1", 1, "A-");
    support::MakeSensorCity(records, "c2", 1, "B-");
  }
  support::ApiServer api(db, {{"wu", "agent", "c1", ""}, {"zhao", "technician", "c2", ""}});
  ASSERT_TRUE(api.started());
  auto rooms = api.Call("zhao", "GET", "/api/v1/rooms");
  ASSERT_EQ(rooms.status, 200u) << rooms.body;
  const int64_t room = rooms.Json()["items"][0]["id"].get<int64_t>();
  auto create = [&](const std::string& code) {
    return api.Call("zhao", "POST", "/api/v1/sensors",
                    nlohmann::json{{"code", code}, {"room_id", room}}.dump());
  };
  auto theirs = create("A-0");
  auto own = create("B-0");
  EXPECT_EQ(theirs.status, 409u) << theirs.body;
  EXPECT_EQ(theirs.status, own.status);
  EXPECT_EQ(theirs.body, own.body);
  auto lookup = api.Call("zhao", "GET", "/api/v1/sensors?code=A-0");
  ASSERT_EQ(lookup.status, 200u) << lookup.body;
  EXPECT_TRUE(lookup.Json()["items"].empty());
  EXPECT_EQ(api.Call("zhao", "GET", "/api/v1/sensors?code=NONE").body, lookup.body);
}

// Finding 2, over HTTP: a gateway's token (hearth devices http-token) sends readings for its own
// sensors only (another sensor is an unknown one), opens no other route, stops working when
// revoked, and counts as authenticated for the body limit.
TEST(SecurityHttp, ADeviceTokenSendsForItsOwnSensorsOnly) {
  TempDir dir;
  const std::string db = support::MigratedDatabase("sqlite", dir);
  {
    auto conn = adapters::storage::Connect(db);
    ASSERT_TRUE(conn.ok());
    adapters::storage::SqlRecordStore records(std::move(*conn));
    support::MakeSensorCity(records, "c1", 2, "G-");
  }
  auto issued = support::RunHearth({"devices", "http-token", "--db", db, "--name", "gw-1",
                                    "--sensor", "G-0"});
  ASSERT_EQ(issued.exit_code, 0) << issued.err;
  std::string token = issued.out;
  while (!token.empty() && token.back() == '\n') token.pop_back();
  ASSERT_EQ(token.rfind("hdt_", 0), 0u) << token;

  support::ApiServer api(db, {});
  ASSERT_TRUE(api.started());
  const std::string ts = "2025-12-01T08:00:00+08:00";
  auto post = Fetch(api.port(), "POST", "/api/v1/readings",
                    R"([{"sensor":"G-0","ts":")" + ts + R"(","value":18.5},)" +
                        R"({"sensor":"G-1","ts":")" + ts + R"(","value":18.5}])",
                    support::Bearer(token));
  ASSERT_EQ(post.status, 200u) << post.body;
  EXPECT_EQ(post.Json()["accepted"], 1);
  ASSERT_EQ(post.Json()["rejected"].size(), 1u);
  EXPECT_EQ(post.Json()["rejected"][0]["sensor"], "G-1");
  EXPECT_EQ(post.Json()["rejected"][0]["reason"], "unknown sensor");

  EXPECT_EQ(Fetch(api.port(), "GET", "/api/v1/households", "", support::Bearer(token)).status,
            401u);
  EXPECT_EQ(Fetch(api.port(), "GET", "/api/v1/auth/me", "", support::Bearer(token)).status, 401u);
  // A body past the unauthenticated limit is read: the token authenticates.
  std::string big = "[";
  for (int i = 0; i < 2000; ++i) {
    big += std::string(i ? "," : "") + R"({"sensor":"G-0","ts":"2025-12-01T09:)" +
           (i / 60 < 10 ? "0" : "") + std::to_string(i / 60 % 60) + ":" +
           (i % 60 < 10 ? "0" : "") + std::to_string(i % 60) + R"(+08:00","value":18.5})";
  }
  big += "]";
  ASSERT_GT(big.size(), 64u * 1024);
  auto large = Fetch(api.port(), "POST", "/api/v1/readings", big, support::Bearer(token));
  EXPECT_EQ(large.status, 200u) << large.body.substr(0, 300);

  auto revoked = support::RunHearth({"devices", "revoke-http-token", "--db", db, "--name", "gw-1"});
  ASSERT_EQ(revoked.exit_code, 0) << revoked.err;
  auto after = Fetch(api.port(), "POST", "/api/v1/readings",
                     R"([{"sensor":"G-0","ts":")" + ts + R"(","value":18.5}])",
                     support::Bearer(token));
  EXPECT_EQ(after.status, 401u) << after.body;
}

// The server's resident memory, from /proc.
size_t RssKiB(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoul(line.substr(6));
  }
  return 0;
}

// Finding 5: 50 unfinished 8 MiB bodies to /auth/login took the server from 20 MB to 433 MB. Now
// a body without authentication stops at 64 KiB (413), and a token's body is read in full.
TEST_F(SecurityHttpTest, UnauthenticatedBodiesAreSmall) {
  const size_t before = RssKiB(api_->pid());
  ASSERT_GT(before, 0u);
  {
    boost::asio::io_context io;
    std::vector<std::unique_ptr<boost::asio::ip::tcp::socket>> sockets;
    const std::string chunk(1 << 20, 'x');
    for (int i = 0; i < 50; ++i) {
      auto s = std::make_unique<boost::asio::ip::tcp::socket>(io);
      s->connect({boost::asio::ip::make_address("127.0.0.1"), port()});
      boost::system::error_code ec;
      boost::asio::write(*s, boost::asio::buffer(std::string(
                                 "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                 "application/json\r\nContent-Length: 8388608\r\n\r\n")),
                         ec);
      for (int mb = 0; mb < 8 && !ec; ++mb) boost::asio::write(*s, boost::asio::buffer(chunk), ec);
      sockets.push_back(std::move(s));  // left unfinished (or closed by the server)
    }
    const size_t during = RssKiB(api_->pid());
    EXPECT_LT(during, before + 64 * 1024) << "before " << before << " KiB, during " << during;
  }
  ASSERT_TRUE(Alive());
  auto big = Fetch(port(), "POST", "/api/v1/auth/login", std::string(100'000, ' '));
  EXPECT_EQ(big.status, 413u) << big.body;
  EXPECT_NE(big.body.find("the limit before authentication"), std::string::npos) << big.body;
  // With a token, a large body is read (and then refused for what it is, not for its size).
  auto read = Agent("POST", "/api/v1/households", std::string(100'000, ' ') + "[]");
  EXPECT_EQ(read.status, 400u) << read.body;
  EXPECT_EQ(read.body.find("larger than"), std::string::npos) << read.body;
}

// Finding 6: after `rm` of the database files the server answered 201 and `/healthz` said ok;
// at restart, serve made a new empty database.
TEST_F(SecurityHttpTest, ADeletedDatabaseStopsTheServiceAndIsNeverRecreated) {
  ASSERT_EQ(Agent("GET", "/api/v1/households").status, 200u);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_ + suffix);

  auto health = Fetch(port(), "GET", "/healthz");
  EXPECT_EQ(health.status, 503u) << health.body;
  EXPECT_EQ(health.Json()["status"], "unavailable");
  EXPECT_EQ(health.Json()["database"]["message"],
            "the database file was deleted; nothing is stored until it is restored and hearth "
            "restarted");
  for (const auto& [method, target, body] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"GET", "/api/v1/households", ""},
           {"POST", "/api/v1/companies", R"({"code": "c2", "name": "D", "policy": "weihai"})"},
           {"POST", "/api/v1/auth/logout", ""}}) {
    SCOPED_TRACE(method + " " + target);
    auto r = Agent(method, target, body);
    EXPECT_EQ(r.status, 503u) << r.body;
    EXPECT_NE(r.body.find("the database file was deleted"), std::string::npos) << r.body;
  }
  auto login = Fetch(port(), "POST", "/api/v1/auth/login",
                     nlohmann::json{{"username", "wu"}, {"password", support::kTestPassword}}.dump());
  EXPECT_EQ(login.status, 503u) << login.body;

  // Without --init, serve creates no database; the error names the way to make one.
  auto serve = support::RunHearth({"serve", "--db", db_, "--listen", "127.0.0.1:0", "--policies",
                                   std::string(HEARTH_SOURCE_DIR) + "/policies"});
  EXPECT_NE(serve.exit_code, 0);
  EXPECT_NE(serve.err.find("no database at"), std::string::npos) << serve.err;
  EXPECT_NE(serve.err.find("--init"), std::string::npos) << serve.err;
  EXPECT_FALSE(std::filesystem::exists(db_));
}

}  // namespace
}  // namespace hearth::e2e

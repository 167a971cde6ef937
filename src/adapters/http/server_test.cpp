// The HTTP server on a real loopback socket: routing, keep-alive, error shapes and limits.
#include "adapters/http/server.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_client.hpp"

namespace hearth::adapters::http {
namespace {

using support::TestClient;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add("GET", "/ping", [](const Request&) { return Json(200, {{"pong", true}}); });
    router_.Add("GET", "/items/{id}", [](const Request& r) {
      return Json(200,
                  {{"id", r.params.at("id")}, {"q", r.query.count("q") ? r.query.at("q") : ""}});
    });
    router_.Add("POST", "/echo", [](const Request& r) {
      return Response{200, "text/plain", r.body, {}};
    });
    router_.Add("GET", "/boom",
                [](const Request&) -> Response { throw std::runtime_error("secret detail"); });
    ServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.max_body_bytes = 1024;
    server_ = std::make_unique<Server>(options, router_);
    ASSERT_TRUE(server_->Start().ok());
  }
  void TearDown() override { server_->Stop(); }

  Router router_;
  std::unique_ptr<Server> server_;
};

nlohmann::json Body(const support::TestResponse& r) { return nlohmann::json::parse(r.body); }

TEST_F(ServerTest, RoutesAndKeepsAlive) {
  TestClient client(server_->port());
  for (int i = 0; i < 3; ++i) {  // three requests on one connection
    auto r = client.Get("/ping");
    EXPECT_EQ(r.status, 200u);
    EXPECT_TRUE(r.keep_alive);
    EXPECT_EQ(Body(r)["pong"], true);
  }
  auto r = client.Get("/items/h-42?q=a%2Bb+c");
  EXPECT_EQ(Body(r)["id"], "h-42");
  EXPECT_EQ(Body(r)["q"], "a+b c");
}

TEST_F(ServerTest, ErrorsHaveOneShape) {
  struct Case {
    std::string method, target;
    unsigned status;
    std::string code;
  };
  const Case cases[] = {
      {"GET", "/nope", 404, "not_found"},
      {"POST", "/ping", 405, "method_not_allowed"},
      {"GET", "/items/1?bad=%zz", 400, "invalid_argument"},
      {"GET", "/boom", 500, "internal"},
  };
  TestClient client(server_->port());
  for (const auto& c : cases) {
    SCOPED_TRACE(c.method + " " + c.target);
    auto r = client.Send(c.method, c.target);
    EXPECT_EQ(r.status, c.status);
    auto body = Body(r);
    EXPECT_EQ(body["error"]["code"], c.code);
    EXPECT_TRUE(body["error"]["message"].is_string());
    EXPECT_EQ(r.body.find("secret detail"), std::string::npos) << "internal detail leaked";
  }
}

// 405 names the path's methods, in the body and in the Allow header (RFC 9110 §15.5.6).
TEST_F(ServerTest, MethodNotAllowedNamesTheAllowedMethods) {
  TestClient client(server_->port());
  auto r = client.Send("DELETE", "/ping");
  EXPECT_EQ(r.status, 405u);
  EXPECT_EQ(Body(r)["error"]["message"], "method DELETE is not allowed here; allowed: GET");
  EXPECT_EQ(r.headers["Allow"], "GET");
}

TEST_F(ServerTest, OversizedBodyGets413) {
  TestClient client(server_->port());
  auto ok = client.Send("POST", "/echo", std::string(1000, 'x'));
  EXPECT_EQ(ok.status, 200u);
  EXPECT_EQ(ok.body.size(), 1000u);
  TestClient other(server_->port());
  auto r = other.Send("POST", "/echo", std::string(5000, 'x'));
  EXPECT_EQ(r.status, 413u);
  EXPECT_EQ(Body(r)["error"]["code"], "invalid_argument");
}

TEST_F(ServerTest, MalformedRequestGets400) {
  TestClient client(server_->port());
  auto r = client.SendRaw("GET /ping HTTP/1.1\r\nHost: x\r\nContent-Length: zz\r\n\r\n");
  EXPECT_EQ(r.status, 400u);
}

// The figure: the server holds 1,000 concurrent keep-alive connections. All are opened
// first and stay open; then each is used twice, so none was closed in between. (Server::Start
// raised this process's open-file limit, which the 2,000 descriptors here also need.)
TEST_F(ServerTest, ThousandConcurrentKeepAliveConnections) {
  constexpr int kConnections = 1000;
  std::vector<std::unique_ptr<TestClient>> clients;
  for (int i = 0; i < kConnections; ++i) {
    clients.push_back(std::make_unique<TestClient>(server_->port()));
  }
  for (int round = 0; round < 2; ++round) {
    int ok = 0;
    for (auto& c : clients) {
      auto r = c->Get("/ping");
      ok += r.status == 200u && r.keep_alive;
    }
    EXPECT_EQ(ok, kConnections) << "round " << round;
  }
}

TEST(ParseListen, Table) {
  struct Case {
    std::string text;
    bool ok;
    std::string host;
    uint16_t port;
  };
  const Case cases[] = {
      {"127.0.0.1:8080", true, "127.0.0.1", 8080},
      {"[::1]:9000", true, "::1", 9000},
      {"127.0.0.1:0", true, "127.0.0.1", 0},
      {"127.0.0.1", false, "", 0},
      {":8080", false, "", 0},
      {"127.0.0.1:99999", false, "", 0},
      {"127.0.0.1:80a", false, "", 0},
      {"127.0.0.1:", false, "", 0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto r = ParseListen(c.text);
    ASSERT_EQ(r.ok(), c.ok);
    if (c.ok) {
      EXPECT_EQ(r->first, c.host);
      EXPECT_EQ(r->second, c.port);
    } else {
      EXPECT_EQ(r.error().field, "listen");
    }
  }
}

}  // namespace
}  // namespace hearth::adapters::http

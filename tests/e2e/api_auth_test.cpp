// ctest-labels: e2e pg
// /api/v1/auth end to end: users added with `hearth user add`, a real `hearth serve` process on
// loopback, on SQLite and on PostgreSQL (where two server processes share the throttle).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/civil_time.hpp"
#include "support/test_client.hpp"
#include "support/test_postgres.hpp"
#include "support/test_process.hpp"

namespace hearth::e2e {
namespace {

using support::ServerProcess;
using support::TempDir;

using support::Fetch;
using Reply = support::TestResponse;

std::string Credentials(const std::string& user, const std::string& password) {
  return nlohmann::json{{"username", user}, {"password", password}}.dump();
}

class AuthApiTest : public ::testing::Test {
 protected:
  void SetUp() override { Init(dir_ / "h.db"); }

  void Init(const std::string& db) {
    db_ = db;
    auto add = support::AddUser(db_, "root", "admin");
    ASSERT_EQ(add.exit_code, 0) << add.err;
    port_ = StartServer();
  }

  // Starts one more `hearth serve` on the database; returns its port once it accepts.
  uint16_t StartServer() {
    uint16_t port = support::FreePort();
    servers_.push_back(std::make_unique<ServerProcess>(support::ServeArgs(db_, port)));
    if (!support::WaitForHealthz(port)) ADD_FAILURE() << "hearth serve did not start";
    return port;
  }

  std::string Login(uint16_t port) {
    auto r = Fetch(port, "POST", "/api/v1/auth/login", Credentials("root", "s3cret-pass-24"));
    EXPECT_EQ(r.status, 200u) << r.body;
    return r.status == 200 ? r.Json()["token"].get<std::string>() : "";
  }

  void CheckLoginMeLogout(uint16_t port);
  void CheckThrottle(const std::vector<uint16_t>& ports);

  TempDir dir_;
  std::string db_;
  uint16_t port_ = 0;
  std::vector<std::unique_ptr<ServerProcess>> servers_;
};

void AuthApiTest::CheckLoginMeLogout(uint16_t port) {
  auto login = Fetch(port, "POST", "/api/v1/auth/login", Credentials("root", "s3cret-pass-24"));
  ASSERT_EQ(login.status, 200u) << login.body;
  auto j = login.Json();
  ASSERT_EQ(j.size(), 2u) << login.body;
  std::string token = j["token"];
  EXPECT_EQ(token.size(), 43u);
  EXPECT_TRUE(ParseRfc3339(j["expires_at"].get<std::string>()).ok()) << login.body;
  EXPECT_EQ(login.headers["Cache-Control"], "no-store");

  auto me = Fetch(port, "GET", "/api/v1/auth/me", "", "Bearer " + token);
  ASSERT_EQ(me.status, 200u) << me.body;
  EXPECT_EQ(
      me.body,
      R"({"user_id":1,"username":"root","role":"admin","company_id":null,"household_id":null})");
  EXPECT_EQ(Fetch(port, "GET", "/api/v1/auth/me", "", "bearer  " + token + " ").status, 200u)
      << "the scheme in any case, spaces around the token";

  auto out = Fetch(port, "POST", "/api/v1/auth/logout", "", "Bearer " + token);
  EXPECT_EQ(out.status, 204u) << out.body;
  EXPECT_EQ(out.body, "");

  auto refused = Fetch(port, "GET", "/api/v1/auth/me", "", "Bearer " + token);
  EXPECT_EQ(refused.status, 401u);
  EXPECT_EQ(refused.Json()["error"]["code"], "unauthenticated");
  EXPECT_EQ(refused.Json()["error"]["message"], "the token was revoked (logged out)");
  EXPECT_EQ(refused.headers["WWW-Authenticate"], R"(Bearer realm="hearth")");
  EXPECT_EQ(Fetch(port, "POST", "/api/v1/auth/logout", "", "Bearer " + token).status, 401u);
}

TEST_F(AuthApiTest, LoginMeLogout) { CheckLoginMeLogout(port_); }

TEST_F(AuthApiTest, MissingOrBadTokens) {
  struct Case {
    const char* name;
    std::string authorization;
    std::string message;
  };
  const Case cases[] = {
      {"no header", "", "missing bearer token (send Authorization: Bearer <token>)"},
      {"basic", "Basic cm9vdDpzM2NyZXQ=", "the Authorization header is not a bearer token"},
      {"scheme only", "Bearer", "the Authorization header is not a bearer token"},
      {"garbage", "Bearer not-a-token", "invalid token"},
      {"unknown", "Bearer " + std::string(43, 'A'), "invalid token"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    for (const char* method_target : {"GET /api/v1/auth/me", "POST /api/v1/auth/logout"}) {
      std::string mt = method_target;
      auto r = Fetch(port_, mt.substr(0, mt.find(' ')), mt.substr(mt.find(' ') + 1), "",
                     c.authorization);
      EXPECT_EQ(r.status, 401u) << mt;
      EXPECT_EQ(r.Json()["error"]["code"], "unauthenticated");
      EXPECT_EQ(r.Json()["error"]["message"], c.message);
      EXPECT_EQ(r.headers["WWW-Authenticate"], R"(Bearer realm="hearth")");
    }
  }
}

// The answer does not tell whether the user exists.
TEST_F(AuthApiTest, BadCredentialsAreOne401) {
  auto unknown = Fetch(port_, "POST", "/api/v1/auth/login", Credentials("nobody", "s3cret-pass-24"));
  auto wrong = Fetch(port_, "POST", "/api/v1/auth/login", Credentials("root", "wrong-pass"));
  EXPECT_EQ(unknown.status, 401u);
  EXPECT_EQ(wrong.status, 401u);
  EXPECT_EQ(unknown.body,
            R"({"error":{"code":"unauthenticated","message":"wrong username or password"}})");
  EXPECT_EQ(wrong.body, unknown.body);
}

TEST_F(AuthApiTest, MalformedLoginBodiesName400) {
  struct Case {
    std::string target, body;
    const char* field;  // "" when the error names none
  };
  const Case cases[] = {
      {"/api/v1/auth/login", "", "body"},
      {"/api/v1/auth/login", "{\"username\":", "body"},
      {"/api/v1/auth/login", "[\"root\", \"s3cret-pass-24\"]", ""},
      {"/api/v1/auth/login", R"({"username":"root"})", "password"},
      {"/api/v1/auth/login", R"({"password":"s3cret-pass-24"})", "username"},
      {"/api/v1/auth/login", R"({"username":1,"password":"s3cret-pass-24"})", "username"},
      {"/api/v1/auth/login", R"({"username":"root","password":null})", "password"},
      {"/api/v1/auth/login", R"({"username":"root","password":"s3cret-pass-24","remember":true})",
       "remember"},
      {"/api/v1/auth/login?next=/", R"({"username":"root","password":"s3cret-pass-24"})", "next"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.target + " " + c.body);
    auto r = Fetch(port_, "POST", c.target, c.body);
    ASSERT_EQ(r.status, 400u) << r.body;
    auto e = r.Json()["error"];
    EXPECT_EQ(e["code"], "invalid_argument");
    if (std::string(c.field).empty()) {
      EXPECT_FALSE(e.contains("field")) << r.body;
    } else {
      EXPECT_EQ(e["field"], c.field);
    }
    EXPECT_EQ(r.body.find("s3cret"), std::string::npos) << "the password is never echoed";
  }
}

void AuthApiTest::CheckThrottle(const std::vector<uint16_t>& ports) {
  // Five failures from one address, spread over the servers, lock the (address, username) pair
  // for 30 s on all of them (login_security_test.cpp: other addresses still get in).
  for (int i = 0; i < 5; ++i) {
    auto r = Fetch(ports[static_cast<size_t>(i) % ports.size()], "POST", "/api/v1/auth/login",
                   Credentials("root", "wrong-pass"));
    EXPECT_EQ(r.status, 401u) << i << ": " << r.body;
  }
  for (uint16_t port : ports) {
    auto r = Fetch(port, "POST", "/api/v1/auth/login", Credentials("root", "s3cret-pass-24"));
    EXPECT_EQ(r.status, 429u) << r.body;
    EXPECT_EQ(r.Json()["error"]["code"], "too_many_requests");
    EXPECT_EQ(r.Json()["error"]["message"].get<std::string>().rfind(
                  "too many failed logins from this address for this username; try again in ",
                  0),
              0u)
        << r.body;
    EXPECT_TRUE(r.headers.count("Retry-After")) << "issue 12: 503 came without Retry-After";
  }
}

TEST_F(AuthApiTest, RepeatedFailuresAreRefused) { CheckThrottle({port_}); }

class AuthApiPostgresTest : public AuthApiTest {
 protected:
  void SetUp() override { Init(support::PostgresCluster::Shared().CreateDatabase()); }
};

TEST_F(AuthApiPostgresTest, LoginMeLogout) { CheckLoginMeLogout(port_); }

// Two server processes on one database throttle together, and each accepts the other's tokens.
TEST_F(AuthApiPostgresTest, ServersShareSessionsAndThrottle) {
  uint16_t second = StartServer();
  std::string token = Login(port_);
  EXPECT_EQ(Fetch(second, "GET", "/api/v1/auth/me", "", "Bearer " + token).status, 200u);
  EXPECT_EQ(Fetch(second, "POST", "/api/v1/auth/logout", "", "Bearer " + token).status, 204u);
  EXPECT_EQ(Fetch(port_, "GET", "/api/v1/auth/me", "", "Bearer " + token).status, 401u);
  CheckThrottle({port_, second});
}

}  // namespace
}  // namespace hearth::e2e

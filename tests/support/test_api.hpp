// A real `hearth serve` with logged-in users, for the API's end-to-end tests: the database of a
// test (SQLite in its temporary directory, or a fresh PostgreSQL database), migrated; the users
// added with `hearth user add`; the server started; each user logged in.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "adapters/storage/migrations.hpp"
#include "support/test_client.hpp"
#include "support/test_postgres.hpp"
#include "support/test_process.hpp"

namespace hearth::support {

/// A migrated database for `engine` ("sqlite" or "postgres"): a file in `dir`, or a new
/// PostgreSQL database of the shared test cluster.
inline std::string MigratedDatabase(const std::string& engine, const TempDir& dir) {
  std::string db = engine == "postgres" ? PostgresCluster::Shared().CreateDatabase()
                                        : std::string(dir / "h.db");
  auto conn = adapters::storage::Connect(db);
  EXPECT_TRUE(conn.ok()) << conn.error().message;
  if (conn.ok()) {
    auto migrated = adapters::storage::Migrate(**conn);
    EXPECT_TRUE(migrated.ok()) << (migrated.ok() ? "" : migrated.error().message);
  }
  return db;
}

struct ApiUser {
  std::string name, role;
  std::string company;    ///< a company code, for company roles
  std::string household;  ///< a household id, for the household role
};

/// `hearth serve` over `db` with `users` added and logged in; stopped on destruction. Failures
/// are test failures; started() says whether the server answers.
class ApiServer {
 public:
  /// `extra`: more flags of `hearth serve`.
  ApiServer(const std::string& db, const std::vector<ApiUser>& users,
            const std::vector<std::string>& extra = {}) {
    for (const ApiUser& u : users) {
      auto add = AddUser(db, u.name, u.role, u.company, u.household);
      EXPECT_EQ(add.exit_code, 0) << u.name << ": " << add.err;
    }
    port_ = FreePort();
    auto args = ServeArgs(db, port_);
    args.insert(args.end(), extra.begin(), extra.end());
    server_ = std::make_unique<ServerProcess>(args);
    started_ = WaitForHealthz(port_);
    EXPECT_TRUE(started_) << "hearth serve did not start";
    if (!started_) return;
    for (const ApiUser& u : users) {
      auto r = Fetch(port_, "POST", "/api/v1/auth/login",
                     nlohmann::json{{"username", u.name}, {"password", kTestPassword}}.dump());
      EXPECT_EQ(r.status, 200u) << u.name << ": " << r.body;
      if (r.status == 200u) tokens_[u.name] = r.Json()["token"].get<std::string>();
    }
  }

  bool started() const { return started_ && !::testing::Test::HasFailure(); }
  uint16_t port() const { return port_; }
  pid_t pid() const { return server_ ? server_->pid() : -1; }
  const std::string& token(const std::string& user) const { return tokens_.at(user); }

  /// A request as `user` ("" for none).
  TestResponse Call(const std::string& user, const std::string& method, const std::string& target,
                    const std::string& body = "") const {
    return Fetch(port_, method, target, body, user.empty() ? "" : Bearer(tokens_.at(user)));
  }

 private:
  uint16_t port_ = 0;
  std::unique_ptr<ServerProcess> server_;
  bool started_ = false;
  std::map<std::string, std::string> tokens_;
};

}  // namespace hearth::support

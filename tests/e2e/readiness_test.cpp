// ctest-labels: e2e
// Issue 18, item 2: GET /readyz checks what /healthz does not (a query on the database, the room
// on a SQLite database's disk) and says what is wrong, with Retry-After; /healthz stays the
// cheap liveness answer. PostgreSQL and the broker: tests/e2e/pg_restart_test.cpp and
// broker_crash_test.cpp.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_client.hpp"
#include "support/test_process.hpp"

namespace hearth::e2e {
namespace {

using support::TempDir;

support::TestResponse ReadyAfterStart(const std::string& db, uint16_t port,
                                      std::vector<std::string> extra,
                                      std::unique_ptr<support::ServerProcess>& server) {
  auto args = support::ServeArgs(db, port);
  args.insert(args.end(), extra.begin(), extra.end());
  server = std::make_unique<support::ServerProcess>(args);
  EXPECT_TRUE(support::WaitForHealthz(port));
  return support::Fetch(port, "GET", "/readyz");
}

TEST(Readiness, ReadyWhenTheDatabaseAnswersAndItsDiskHasRoom) {
  TempDir dir;
  const uint16_t port = support::FreePort();
  std::unique_ptr<support::ServerProcess> server;
  auto r = ReadyAfterStart(dir / "h.db", port, {}, server);
  EXPECT_EQ(r.status, 200u) << r.body;
  auto j = r.Json();
  EXPECT_EQ(j["status"], "ready");
  EXPECT_TRUE(j["checks"]["database"]["ok"].get<bool>());
  EXPECT_TRUE(j["checks"]["disk"]["ok"].get<bool>());
  EXPECT_FALSE(j["checks"].contains("mqtt"));  // no --mqtt: nothing to check
}

TEST(Readiness, ADiskWithTooLittleRoomIsNamed) {
  TempDir dir;
  const uint16_t port = support::FreePort();
  std::unique_ptr<support::ServerProcess> server;
  // More than any test machine has: the check must fail, and say how much is left.
  auto r = ReadyAfterStart(dir / "h.db", port, {"--ready-min-free-mb", "1048576"}, server);
  EXPECT_EQ(r.status, 503u) << r.body;
  EXPECT_EQ(r.headers["Retry-After"], "1");
  auto j = r.Json();
  EXPECT_EQ(j["status"], "unavailable");
  EXPECT_FALSE(j["checks"]["disk"]["ok"].get<bool>());
  EXPECT_TRUE(j["checks"]["database"]["ok"].get<bool>());
  EXPECT_NE(j["message"].get<std::string>().find("MiB free, less than the 1048576 MiB required"),
            std::string::npos)
      << r.body;
  // Liveness is not readiness: the process is fine.
  EXPECT_EQ(support::Fetch(port, "GET", "/healthz").status, 200u);
}

TEST(Readiness, ADeletedDatabaseFileFailsReadiness) {
  TempDir dir;
  const std::string db = dir / "h.db";
  const uint16_t port = support::FreePort();
  std::unique_ptr<support::ServerProcess> server;
  ASSERT_EQ(ReadyAfterStart(db, port, {}, server).status, 200u);
  std::filesystem::remove(db);
  auto r = support::Fetch(port, "GET", "/readyz");
  EXPECT_EQ(r.status, 503u) << r.body;
  EXPECT_FALSE(r.Json()["checks"]["database"]["ok"].get<bool>());
  EXPECT_NE(r.Json()["message"].get<std::string>().find("deleted"), std::string::npos) << r.body;
  EXPECT_FALSE(r.headers["Retry-After"].empty());
}

TEST(Readiness, TheFlagIsChecked) {
  TempDir dir;
  auto run = support::RunHearth({"serve", "--init", "--db", dir / "h.db", "--ready-min-free-mb",
                                 "-5"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.err.find("--ready-min-free-mb"), std::string::npos) << run.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "h.db"));
}

}  // namespace
}  // namespace hearth::e2e

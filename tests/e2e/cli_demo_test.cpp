// ctest-labels: e2e
// `hearth demo` end to end: an empty database gets the demo city (20,000+ households) and its
// users, whose logins are printed and work; a database with companies is served as it is.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "adapters/storage/sql.hpp"
#include "core/civil_time.hpp"
#include "support/test_client.hpp"
#include "support/test_process.hpp"

namespace hearth::e2e {
namespace {

using support::TempDir;

using support::Bearer;
using support::Fetch;

// `hearth demo …` in the background with its stdout in a file; stopped with SIGTERM.
class DemoProcess {
 public:
  DemoProcess(const std::string& db, uint64_t seed, const TempDir& dir, const std::string& name,
              bool simulate = true)
      : port_(support::FreePort()), out_path_(dir / name) {
    int out = open(out_path_.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
    int err = dup(out);  // the log too: tests look for its lines
    std::vector<std::string> args{HEARTH_BINARY, "demo",
                                  "--db",        db,
                                  "--listen",    "127.0.0.1:" + std::to_string(port_),
                                  "--seed",      std::to_string(seed),
                                  "--policies",  std::string(HEARTH_SOURCE_DIR) + "/policies"};
    if (!simulate) args.push_back("--no-simulate");
    pid_ = support::Spawn(args, out, err);
    close(out);
    close(err);
  }
  ~DemoProcess() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }

  /// Waits until it serves (the city is generated before); false if it exited first.
  bool WaitUntilServing() {
    for (;;) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) return false;
      try {
        if (Fetch(port_, "GET", "/healthz").status == 200) return true;
      } catch (const std::exception&) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  std::string Out() const {
    std::ifstream in(out_path_);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  uint16_t port() const { return port_; }

 private:
  uint16_t port_;
  std::string out_path_;
  pid_t pid_ = 0;
};

int64_t Count(const std::string& db, const std::string& table) {
  auto conn = adapters::storage::Connect(db, false);
  return (*conn)->Query("SELECT COUNT(*) FROM " + table)->Int(0, 0);
}

TEST(DemoCli, GeneratesTheCityOnceAndItsLoginsWork) {
  TempDir dir;
  const std::string db = dir / "demo.db";
  int64_t households = 0;
  {
    DemoProcess demo(db, 5, dir, "first.txt");
    ASSERT_TRUE(demo.WaitUntilServing()) << demo.Out();
    const std::string out = demo.Out();
    std::smatch m;
    ASSERT_TRUE(std::regex_search(out, m,
                                  std::regex("Generated the demo city \\(seed 5\\): 2 "
                                             "companies, 6 districts, 18 seasons, .* ([0-9]+) "
                                             "households, ")))
        << out;
    households = std::stoll(m[1]);
    EXPECT_GE(households, 20000);
    EXPECT_EQ(Count(db, "households"), households);
    for (const char* role : {"admin", "regulator", "manager", "agent", "technician", "household"}) {
      const std::string line = std::string("  demo-") + role + " / hearth-demo  (" + role + ", ";
      EXPECT_NE(out.find(line), std::string::npos) << role << "\n" << out;
    }
    // The printed logins log in; the household user sees its own household only.
    auto login = Fetch(demo.port(), "POST", "/api/v1/auth/login",
                       R"({"username":"demo-household","password":"hearth-demo"})");
    ASSERT_EQ(login.status, 200u) << login.body;
    std::string token = nlohmann::json::parse(login.body)["token"];
    auto mine = Fetch(demo.port(), "GET", "/api/v1/households", "", Bearer(token));
    ASSERT_EQ(mine.status, 200u) << mine.body;
    EXPECT_EQ(nlohmann::json::parse(mine.body)["items"].size(), 1u);
    // The season simulator feeds the sensors' readings from the season's start (issue 5). Polled:
    // the backfill runs beside the server.
    int64_t readings = 0;
    for (int i = 0; i < 600 && readings == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      readings = Count(db, "readings");
    }
    EXPECT_GT(readings, 0);
  }
  {
    // Started again, the simulator resumes at the start of the newest day with readings instead
    // of sending the season again from its first day.
    auto conn = adapters::storage::Connect(db, false);
    const int64_t newest = (*conn)->Query("SELECT MAX(ts) FROM readings")->Int(0, 0);
    const std::string expected =
        "simulator: sending from " +
        FormatLocal(StartOfLocalDay(LocalDate(Instant{std::chrono::seconds{newest}})));
    DemoProcess demo(db, 5, dir, "resumed.txt");
    ASSERT_TRUE(demo.WaitUntilServing()) << demo.Out();
    // The simulator starts beside the server, so its line may come after the first answer.
    bool logged = false;
    for (int i = 0; i < 300 && !logged; ++i) {
      logged = demo.Out().find(expected) != std::string::npos;
      if (!logged) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_TRUE(logged) << expected << "\n" << demo.Out();
  }
  {
    // A database with companies is served as it is: nothing generated, nothing printed of it.
    DemoProcess demo(db, 6, dir, "second.txt", /*simulate=*/false);
    ASSERT_TRUE(demo.WaitUntilServing()) << demo.Out();
    EXPECT_EQ(demo.Out().find("Generated"), std::string::npos) << demo.Out();
    EXPECT_EQ(Count(db, "households"), households);
    EXPECT_EQ(Count(db, "users"), 6);
  }
}

}  // namespace
}  // namespace hearth::e2e

// ctest-labels: e2e
// SIGTERM during a large upload (issue 18, item 6): a gateway sends a batch of readings of
// several MB to a real `hearth serve`, slowly, and the server gets SIGTERM halfway through the
// body. The server stops accepting at once, reads the rest of the upload, stores it and answers
// 200 with `Connection: close`; an idle keep-alive connection is closed cleanly (end of stream,
// not a reset); the process exits 0 well within --drain-seconds, and the readings are in the
// database afterwards.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <chrono>
#include <csignal>
#include <nlohmann/json.hpp>
#include <thread>

#include "adapters/storage/migrations.hpp"
#include "core/civil_time.hpp"
#include "support/test_process.hpp"
#include "support/test_raw_connection.hpp"
#include "support/test_sensors.hpp"

namespace hearth::e2e {
namespace {

using namespace std::chrono_literals;
using support::RawConnection;
using support::TempDir;

constexpr int kSensors = 50;
constexpr int kRows = 100'000;       // about 3.7 MB of CSV
constexpr int64_t kT0 = 1764547200;  // 2025-12-01T08:00:00+08:00
constexpr int kDrainSeconds = 60;    // a debug build with sanitizers stores 100,000 readings slowly

std::string UploadCsv() {
  std::string csv = "sensor,ts,value\n";
  csv.reserve(static_cast<size_t>(kRows) * 40);
  for (int i = 0; i < kRows; ++i) {
    csv += "S-" + std::to_string(i % kSensors) + ",";
    csv += FormatLocal(Instant{std::chrono::seconds{kT0 + (i / kSensors) * 60}}) + ",";
    csv += std::to_string(15 + i % 10) + "." + std::to_string(i % 100 / 10) + "0\n";
  }
  return csv;
}

// Sends `bytes` in chunks of 64 KiB, pausing between them: a gateway on a slow link.
void SendSlowly(RawConnection& conn, const std::string& bytes) {
  constexpr size_t kChunk = 64 * 1024;
  for (size_t at = 0; at < bytes.size(); at += kChunk) {
    conn.Write(bytes.substr(at, kChunk));
    std::this_thread::sleep_for(5ms);
  }
}

// `hearth serve` with its output in a file; killed at the end of the test unless it has exited
// and been reaped (Reaped()).
class Serve {
 public:
  Serve(const std::vector<std::string>& args, std::string log) : log_(std::move(log)) {
    int out = open(log_.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
    pid_ = support::Spawn(args, out, out);
    close(out);
  }
  ~Serve() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  Serve(const Serve&) = delete;
  Serve& operator=(const Serve&) = delete;
  pid_t pid() const { return pid_; }
  void Reaped() { pid_ = -1; }
  std::string Log() const {
    std::ifstream in(log_);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

 private:
  std::string log_;
  pid_t pid_ = -1;
};

int64_t CountReadings(const std::string& db) {
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return -1;
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> conn(raw, sqlite3_close);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(raw, "SELECT COUNT(*) FROM readings", -1, &stmt, nullptr) != SQLITE_OK) {
    return -1;
  }
  int64_t n = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
  sqlite3_finalize(stmt);
  return n;
}

TEST(ServeDrain, SigtermDuringALargeUploadAnswersItAndExitsCleanly) {
  TempDir dir;
  const std::string db = dir / "h.db";
  {
    auto conn = adapters::storage::Connect(db);
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(adapters::storage::Migrate(**conn).ok());
    adapters::storage::SqlRecordStore records(std::move(*conn));
    support::MakeSensorCity(records, "c1", kSensors, "S-");
  }
  auto add = support::AddUser(db, "gw", "technician", "c1");
  ASSERT_EQ(add.exit_code, 0) << add.err;

  const uint16_t port = support::FreePort();
  std::vector<std::string> args{HEARTH_BINARY};
  for (auto& a : support::ServeArgs(db, port)) args.push_back(a);
  args.insert(args.end(), {"--drain-seconds", std::to_string(kDrainSeconds)});
  Serve server(args, dir / "serve.log");
  ASSERT_TRUE(support::WaitForHealthz(port)) << server.Log();
  auto login = support::Fetch(port, "POST", "/api/v1/auth/login",
                              R"({"username":"gw","password":"s3cret-pass-24"})");
  ASSERT_EQ(login.status, 200u) << login.body;
  const std::string token = login.Json()["token"];

  // An idle keep-alive connection, answered before the signal.
  RawConnection idle(port);
  idle.Write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

  const std::string body = UploadCsv();
  ASSERT_GT(body.size(), 3'000'000u);
  RawConnection upload(port);
  upload.Write(
      "POST /api/v1/readings HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
      "\r\nContent-Type: text/csv\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n");
  const size_t half = body.size() / 2;
  SendSlowly(upload, body.substr(0, half));

  const auto signalled = std::chrono::steady_clock::now();
  ASSERT_EQ(kill(server.pid(), SIGTERM), 0);
  // The listener closes first: new connections are refused while the upload is still half sent.
  bool refused = false;
  for (int i = 0; i < 100 && !refused; ++i) {
    refused = support::ConnectionRefused(port);
    if (!refused) std::this_thread::sleep_for(20ms);
  }
  EXPECT_TRUE(refused) << "still accepting after SIGTERM\n" << server.Log();

  boost::system::error_code end;
  const std::string idle_rest = idle.ReadToEnd(end);
  EXPECT_EQ(end, boost::asio::error::eof) << "idle connection: " << end.message();
  EXPECT_EQ(idle_rest.rfind("HTTP/1.1 200", 0), 0u) << idle_rest;

  SendSlowly(upload, body.substr(half));
  const std::string answer = upload.ReadToEnd(end);
  EXPECT_EQ(end, boost::asio::error::eof) << "upload: " << end.message();
  ASSERT_EQ(answer.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << answer.substr(0, 500) << server.Log();
  EXPECT_NE(answer.find("Connection: close\r\n"), std::string::npos) << answer.substr(0, 500);
  const auto report = nlohmann::json::parse(answer.substr(answer.find("\r\n\r\n") + 4));
  EXPECT_EQ(report["accepted"], kRows) << report.dump();

  int status = -1;
  bool exited = false;
  while (std::chrono::steady_clock::now() - signalled < std::chrono::seconds(kDrainSeconds + 5)) {
    if (waitpid(server.pid(), &status, WNOHANG) == server.pid()) {
      exited = true;
      break;
    }
    std::this_thread::sleep_for(20ms);
  }
  const auto took = std::chrono::steady_clock::now() - signalled;
  ASSERT_TRUE(exited) << "hearth serve did not exit\n" << server.Log();
  server.Reaped();
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status << "\n" << server.Log();
  EXPECT_LT(took, std::chrono::seconds(kDrainSeconds)) << "the drain ran into its deadline";
  const std::string log = server.Log();
  EXPECT_NE(log.find("HTTP drain done"), std::string::npos) << log;
  EXPECT_NE(log.find("no deadline reached"), std::string::npos) << log;

  EXPECT_EQ(CountReadings(db), kRows);
}

// --drain-seconds is 0..300, checked before anything is opened or created.
TEST(ServeDrain, DrainSecondsIsChecked) {
  TempDir dir;
  const std::string db = dir / "h.db";
  for (const char* value : {"301", "-1"}) {
    SCOPED_TRACE(value);
    auto args = support::ServeArgs(db, support::FreePort());
    args.insert(args.end(), {"--drain-seconds", value});
    auto r = support::RunHearth(args);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("--drain-seconds: Value " + std::string(value) + " not in range 0 to 300"),
              std::string::npos)
        << r.err;
    EXPECT_FALSE(std::filesystem::exists(db)) << "the database was created";
  }
}

}  // namespace
}  // namespace hearth::e2e

// ctest-labels: e2e pg mqtt security
// Issue 12, forged readings and silent loss at the broker, end to end with the real mosquitto:
//  - device accounts from `hearth devices credentials` and `export-mosquitto` work on the real
//    broker: a device publishes to its own sensor's topic, never to another's; a wrong password,
//    a replaced one, a revoked account and an anonymous client are refused; `hearth serve` logs
//    in as the exported service account, through a shared subscription, and never logs its
//    password;
//  - a second reading for a (sensor, ts) with another value is counted conflicting and kept, on
//    SQLite and PostgreSQL;
//  - a broker with a small max_queued_messages is reported at start, by the queue probe.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "adapters/storage/migrations.hpp"
#include "adapters/storage/reading_store_sql.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "core/civil_time.hpp"
#include "support/test_mqtt.hpp"
#include "support/test_postgres.hpp"
#include "support/test_process.hpp"
#include "support/test_sensors.hpp"

namespace hearth::e2e {
namespace {

using support::Mosquitto;
using support::Publisher;
using support::TempDir;
using support::UniqueName;
using support::WaitFor;

constexpr int64_t kT0 = 1764547200;  // 2025-12-01T08:00:00+08:00

std::string Payload(int64_t minutes, const std::string& value) {
  return R"({"ts":")" + FormatLocal(Instant{std::chrono::seconds{kT0 + minutes * 60}}) +
         R"(","value":)" + value + "}";
}

std::string Topic(const std::string& sensor) { return "hearth/v1/readings/" + sensor; }

using support::MakeSensorCodes;

size_t Count(const std::string& db, const std::string& sql) {
  auto conn = adapters::storage::Connect(db, false);
  EXPECT_TRUE(conn.ok());
  if (!conn.ok()) return 0;
  auto n = (*conn)->Query(sql);
  EXPECT_TRUE(n.ok()) << (n.ok() ? "" : n.error().detail);
  return n.ok() ? static_cast<size_t>(n->Int(0, 0)) : 0;
}

// `hearth serve --db DB --mqtt URL EXTRA…` with its log in a file.
class Server : public support::LoggedProcess {
 public:
  Server(const std::string& db, const std::string& url, const TempDir& dir,
         std::vector<std::string> extra = {})
      : LoggedProcess(Args(db, url, std::move(extra)), dir / (UniqueName("serve") + ".log")) {}
  bool WaitFor(const std::string& text) {
    return support::WaitFor([&] { return Log().find(text) != std::string::npos; });
  }

 private:
  static std::vector<std::string> Args(const std::string& db, const std::string& url,
                                       std::vector<std::string> extra) {
    std::vector<std::string> args{HEARTH_BINARY,
                                  "serve",
                                  "--db",
                                  db,
                                  "--listen",
                                  "127.0.0.1:" + std::to_string(support::FreePort()),
                                  "--policies",
                                  std::string(HEARTH_SOURCE_DIR) + "/policies",
                                  "--mqtt",
                                  url,
                                  "--mqtt-client-id",
                                  UniqueName("hearth")};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  }
};

// The password `hearth devices credentials ARGS` prints (stdout's one line).
std::string Issue(const std::string& db, const std::vector<std::string>& args) {
  std::vector<std::string> full{"devices", "credentials", "--db", db};
  full.insert(full.end(), args.begin(), args.end());
  auto r = support::RunHearth(full);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::string pw = r.out;
  while (!pw.empty() && pw.back() == '\n') pw.pop_back();
  return pw;
}

void Export(const std::string& db, const std::string& dir) {
  auto r = support::RunHearth({"devices", "export-mosquitto", dir, "--db", db});
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

// Makes the broker read its password_file and acl_file again (as an operator would).
void Reload(const Mosquitto& broker, const std::string& auth_dir) {
  for (const char* f : {"password_file", "acl_file"}) {
    std::filesystem::copy_file(auth_dir + "/" + f, broker.dir() + "/" + f,
                               std::filesystem::copy_options::overwrite_existing);
  }
  int pid = 0;
  std::ifstream(broker.dir() + "/mosquitto.pid") >> pid;
  ASSERT_GT(pid, 0);
  kill(pid, SIGHUP);
}

TEST(MqttSecurity, DevicesPublishOnlyToTheirOwnTopicOnTheRealBroker) {
  TempDir dir;
  const std::string db = dir / "h.db";
  auto ids = MakeSensorCodes(db, "D-", 2);
  const std::string pw0 = Issue(db, {"--sensor", "D-0"});
  const std::string pw1 = Issue(db, {"--sensor", "D-1"});
  const std::string service_pw = Issue(db, {"--service", "hearth"});
  ASSERT_EQ(pw0.size(), 43u);
  const std::string auth = dir / "auth";
  Export(db, auth);

  Mosquitto broker(
      Mosquitto::Env{{"MOSQUITTO_AUTH_DIR", auth}});  // hearth's own files, nothing else
  const std::string at = broker.anonymous_url().substr(std::string("mqtt://").size());
  auto as = [&](const std::string& user, const std::string& pw) {
    return "mqtt://" + user + ":" + pw + "@" + at;
  };
  std::ofstream(dir / "service.pw") << service_pw << "\n";
  Server server(db, "mqtt://hearth@" + at, dir,
                {"--mqtt-password-file", dir / "service.pw", "--mqtt-shared"});
  ASSERT_TRUE(server.WaitFor("mqtt: subscribed to $share/hearth/")) << server.Log();

  {
    Publisher d0(as("D-0", pw0));
    d0.Publish(Topic("D-1"), Payload(0, "99"));  // forged: another sensor's topic
    d0.Publish(Topic("D-0"), Payload(0, "20"));
  }
  Publisher(as("D-1", pw1)).Publish(Topic("D-1"), Payload(1, "21"));  // after the forged one
  auto readings = adapters::storage::OpenReadingStore(db);
  ASSERT_TRUE(readings.ok());
  auto of = [&](const char* code) {
    auto r = (*readings)->Range(ids.at(code), 0, kT0 * 2, 100);
    return r.ok() ? r->size() : 0u;
  };
  ASSERT_TRUE(WaitFor([&] { return of("D-0") == 1 && of("D-1") == 1; })) << server.Log();
  auto d1 = (*readings)->Range(ids.at("D-1"), 0, kT0 * 2, 100);
  ASSERT_EQ(d1->size(), 1u);
  EXPECT_EQ(d1->front().centi, 2100);  // the forged 99 never arrived

  // Refused: anonymous, a wrong password, another device's password.
  EXPECT_TRUE(Publisher::Refused(broker.anonymous_url()));
  EXPECT_TRUE(Publisher::Refused(as("D-0", "wrong")));
  EXPECT_TRUE(Publisher::Refused(as("D-0", pw1)));

  // Re-issued: the old password stops working once the broker reloads; revoked: refused.
  const std::string new0 = Issue(db, {"--sensor", "D-0"});
  ASSERT_EQ(support::RunHearth({"devices", "revoke", "--username", "D-1", "--db", db}).exit_code,
            0);
  Export(db, auth);
  Reload(broker, auth);
  EXPECT_TRUE(WaitFor([&] { return Publisher::Refused(as("D-0", pw0)); }));
  EXPECT_FALSE(Publisher::Refused(as("D-0", new0)));
  EXPECT_TRUE(Publisher::Refused(as("D-1", pw1)));

  // The probe ran on the service account's ACL, and no password reached the log.
  ASSERT_TRUE(server.WaitFor("mqtt: broker queue probe: 2000 of 2000")) << server.Log();
  server.Stop();
  const std::string log = server.Log();
  for (const std::string& secret : {service_pw, pw0, pw1, new0}) {
    EXPECT_EQ(log.find(secret), std::string::npos) << log;
  }
  EXPECT_NE(log.find("user hearth"), std::string::npos) << log;

  // Every change audited: 3 issued, 1 re-issued, 1 revoked.
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM audit_log WHERE resource = 'device_credentials'"), 5u);
}

class MqttConflicts : public ::testing::TestWithParam<std::string> {};

TEST_P(MqttConflicts, ASecondValueForTheSameTimeIsCountedAndKept) {
  TempDir dir;
  const std::string db =
      GetParam() == "postgres" ? support::PostgresCluster::Shared().CreateDatabase() : dir / "h.db";
  const std::string p = UniqueName("C") + "-";
  auto ids = MakeSensorCodes(db, p, 1);
  Server server(db, Mosquitto::Shared().url(), dir);
  ASSERT_TRUE(server.WaitFor("mqtt: subscribed to")) << server.Log();
  Publisher pub(Mosquitto::Shared().publisher_url());
  pub.Publish(Topic(p + "0"), Payload(0, "20"));
  pub.Publish(Topic(p + "0"), Payload(0, "25"));  // another value: conflicting
  pub.Publish(Topic(p + "0"), Payload(0, "20"));  // the same again: duplicate
  pub.Publish(Topic(p + "0"), Payload(1, "21"));
  ASSERT_TRUE(WaitFor([&] {
    return Count(db, "SELECT COUNT(*) FROM readings WHERE ts = " + std::to_string(kT0 + 60)) == 1;
  })) << server.Log();
  server.Stop();
  const std::string log = server.Log();
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      log, m,
      std::regex(R"((\d+) messages: (\d+) readings stored, (\d+) duplicate, (\d+) conflicting, )")))
      << log;
  EXPECT_EQ(m[2], "2") << log;
  EXPECT_EQ(m[3], "1") << log;
  EXPECT_EQ(m[4], "1") << log;
  const std::string sensor = std::to_string(ids.begin()->second);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM reading_conflicts WHERE sensor_id = " + sensor +
                          " AND ts = " + std::to_string(kT0) +
                          " AND stored_centi = 2000 AND centi = 2500 AND source = 'mqtt'"),
            1u);
  EXPECT_EQ(Count(db, "SELECT centi FROM readings WHERE sensor_id = " + sensor +
                          " AND ts = " + std::to_string(kT0)),
            2000u);
}

INSTANTIATE_TEST_SUITE_P(Engines, MqttConflicts, ::testing::Values("sqlite", "postgres"));

TEST(MqttSecurity, ABrokerThatDropsQueuedMessagesIsReportedAtStart) {
  TempDir dir;
  const std::string db = dir / "h.db";
  MakeSensorCodes(db, UniqueName("Q") + "-", 1);
  Mosquitto small(Mosquitto::Env{{"MOSQUITTO_MAX_QUEUED", "10"}});
  Server server(db, small.url(), dir, {"--mqtt-probe-messages", "100"});
  ASSERT_TRUE(server.WaitFor("mqtt: the broker LOST")) << server.Log();
  const std::string log = server.Log();
  EXPECT_NE(log.find("of 100 messages queued for a disconnected session"), std::string::npos)
      << log;
  EXPECT_NE(log.find("max_queued_messages"), std::string::npos) << log;
  // The probe does not keep hearth from ingesting.
  EXPECT_NE(log.find("mqtt: subscribed to"), std::string::npos) << log;
}

}  // namespace
}  // namespace hearth::e2e

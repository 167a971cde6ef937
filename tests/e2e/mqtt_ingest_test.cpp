// ctest-labels: e2e pg mqtt
// `hearth serve --mqtt` end to end, on the test run's mosquitto (CTest fixture) with paho
// publishers in the role of sensors: readings stored exactly once, a bad message not stopping
// ingest, the persistent session across a restart, 20 SIGKILLs during ingest on SQLite and on
// PostgreSQL, and three instances on one PostgreSQL sharing the subscription while one of them is
// killed with SIGKILL.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <map>
#include <random>
#include <regex>
#include <sstream>
#include <thread>

#include "core/civil_time.hpp"
#include "support/test_mqtt.hpp"
#include "adapters/storage/migrations.hpp"
#include "adapters/storage/reading_store_sql.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "support/test_postgres.hpp"
#include "support/test_process.hpp"
#include "support/test_sensors.hpp"

namespace hearth::e2e {
namespace {

using support::Mosquitto;
using support::Publisher;
using support::UniqueName;
using support::WaitFor;
using support::TempDir;

constexpr int64_t kT0 = 1764547200;  // 2025-12-01T08:00:00+08:00

// RFC 3339 in UTC+08:00 for kT0 + minutes.
std::string Ts(int64_t minutes) {
  return FormatLocal(Instant{std::chrono::seconds{kT0 + minutes * 60}});
}

std::string Payload(int64_t minutes, const std::string& value) {
  return R"({"ts":")" + Ts(minutes) + R"(","value":)" + value + "}";
}

std::string Topic(const std::string& sensor) { return "hearth/v1/readings/" + sensor; }

using support::MakeSensorCodes;

// What the database holds, read through the reading store (as the server wrote it).
class Stored {
 public:
  Stored(const std::string& url, std::map<std::string, int64_t> ids) : ids_(std::move(ids)) {
    auto store = adapters::storage::OpenReadingStore(url);
    EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().detail);
    if (store.ok()) store_ = std::move(*store);
    auto conn = adapters::storage::Connect(url, false);
    EXPECT_TRUE(conn.ok());
    if (conn.ok()) conn_ = std::move(*conn);
  }
  std::vector<ports::Reading> Of(const std::string& code) {
    auto rows = store_->Range(ids_.at(code), 0, kT0 * 2, 1'000'000);
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? *rows : std::vector<ports::Reading>{};
  }
  size_t Count() {
    auto n = conn_->Query("SELECT COUNT(*) FROM readings");
    EXPECT_TRUE(n.ok());
    return n.ok() ? static_cast<size_t>(n->Int(0, 0)) : 0;
  }

 private:
  std::map<std::string, int64_t> ids_;
  std::unique_ptr<ports::ReadingStore> store_;
  std::unique_ptr<adapters::storage::Connection> conn_;
};

// `hearth serve --mqtt …` with its log in a file, so that tests can wait for "subscribed".
class MqttServer : public support::LoggedProcess {
 public:
  MqttServer(const std::string& db, const std::string& client_id, bool shared, const TempDir& dir)
      : LoggedProcess(Args(db, client_id, shared),
                      dir / (client_id + "-" + std::to_string(++starts_) + ".log")) {}
  bool WaitSubscribed() {
    return WaitFor([&] { return Log().find("mqtt: subscribed to") != std::string::npos; });
  }
  /// Connected to a session the broker kept, with its subscription: the SUBACK of the new
  /// SUBSCRIBE comes after the messages the broker held for it, which may be thousands.
  bool WaitResumed() {
    return WaitFor([&] { return Log().find("(session resumed)") != std::string::npos; });
  }

 private:
  static std::vector<std::string> Args(const std::string& db, const std::string& client_id,
                                       bool shared) {
    std::vector<std::string> args{HEARTH_BINARY,
                                  "serve",
                                  "--db",
                                  db,
                                  "--listen",
                                  "127.0.0.1:" + std::to_string(support::FreePort()),
                                  "--policies",
                                  std::string(HEARTH_SOURCE_DIR) + "/policies",
                                  "--mqtt",
                                  Mosquitto::Shared().url(),
                                  "--mqtt-client-id",
                                  client_id};
    if (shared) args.push_back("--mqtt-shared");
    return args;
  }
  static inline int starts_ = 0;
};

// Every test codes its sensors with a prefix of its own: the tests share the broker and may run
// at once (ctest -j), and every instance subscribes to all sensors' topics, so another test's
// readings reach this test's server as readings of sensors it does not know (rejected).
TEST(MqttIngest, StoresReadingsOnceAndSurvivesBadMessages) {
  TempDir dir;
  const std::string db = dir / "h.db";
  const std::string p = UniqueName("T") + "-";
  auto ids = MakeSensorCodes(db, p, 2);
  MqttServer server(db, UniqueName("hearth"), false, dir);
  ASSERT_TRUE(server.WaitSubscribed()) << server.Log();

  Publisher pub(Mosquitto::Shared().publisher_url());
  std::vector<std::pair<std::string, std::string>> ms;
  for (int i = 0; i < 100; ++i) {
    ms.emplace_back(Topic(p + "0"), Payload(i, std::to_string(18 + i % 5) + ".25"));
  }
  ms.emplace_back(Topic(p + "0"), "{not json");                           // malformed
  ms.emplace_back(Topic(p + "0"), R"({"ts":"x","value":1,"unit":"C"})");  // unknown field
  ms.emplace_back(Topic("NO-SUCH"), Payload(0, "20"));                  // unknown sensor
  ms.emplace_back(Topic(p + "1"), Payload(0, "99999"));                   // out of range
  std::string array = "[";
  for (int i = 0; i < 10; ++i) array += (i ? "," : "") + Payload(i, "20.1");
  ms.emplace_back(Topic(p + "1"), array + "]");
  // Re-sent with other values: conflicting (issue 12), kept for review, the first value stays.
  for (int i = 0; i < 20; ++i) ms.emplace_back(Topic(p + "0"), Payload(i, "30"));
  for (int i = 0; i < 5; ++i) {  // re-sent as they were: duplicates
    ms.emplace_back(Topic(p + "0"), Payload(i, std::to_string(18 + i % 5) + ".25"));
  }
  pub.PublishAll(ms);
  pub.Publish(Topic(p + "1"), Payload(500, "19"));  // the last one: everything before is handled

  Stored stored(db, ids);
  ASSERT_TRUE(WaitFor([&] { return stored.Of(p + "1").size() == 11; })) << server.Log();
  auto t1 = stored.Of(p + "0");
  ASSERT_EQ(t1.size(), 100u);
  for (int i = 0; i < 100; ++i) {
    EXPECT_EQ(t1[static_cast<size_t>(i)].ts, kT0 + i * 60);
    // The first value stays: a re-sent reading is never a second one or an update.
    EXPECT_EQ(t1[static_cast<size_t>(i)].centi, (18 + i % 5) * 100 + 25);
  }
  auto t2 = stored.Of(p + "1");
  EXPECT_EQ(t2.front().centi, 2010);
  EXPECT_EQ(t2.back().ts, kT0 + 500 * 60);
  EXPECT_EQ(t2.back().centi, 1900);
  ASSERT_TRUE(WaitFor([&] { return server.Log().find("mqtt: broker queue probe") != std::string::npos; }))
      << server.Log();

  server.Stop(SIGTERM);
  std::string log = server.Log();
  EXPECT_NE(log.find("payload: malformed JSON"), std::string::npos) << log;
  EXPECT_NE(log.find("unknown field \"unit\""), std::string::npos) << log;
  EXPECT_NE(log.find("unknown sensor"), std::string::npos) << log;
  EXPECT_NE(log.find("value out of range"), std::string::npos) << log;
  // This test's 131 messages: 111 stored, 5 duplicates, 20 conflicting, 2 rejected, 2 invalid.
  // Other tests' messages count as more messages and more rejected readings, never as stored.
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      log, m,
      std::regex(R"((\d+) messages: (\d+) readings stored, (\d+) duplicate, (\d+) conflicting, )"
                 R"((\d+) rejected, (\d+) invalid)")))
      << log;
  const int foreign = std::stoi(m[1]) - 131;
  EXPECT_GE(foreign, 0) << log;
  EXPECT_EQ(std::stoi(m[2]), 111) << log;
  EXPECT_EQ(std::stoi(m[3]), 5) << log;
  EXPECT_EQ(std::stoi(m[4]), 20) << log;
  EXPECT_GE(std::stoi(m[5]), 2 + foreign) << log;  // a foreign message may carry several
  if (foreign == 0) {
    EXPECT_EQ(std::stoi(m[5]), 2) << log;
  }
  EXPECT_EQ(std::stoi(m[6]), 2) << log;
  // Issue 12: the start-up probe found the test broker's queue large enough.
  EXPECT_NE(log.find("broker queue probe: 2000 of 2000 messages"), std::string::npos) << log;
  EXPECT_EQ(log.find("LOST"), std::string::npos) << log;
}

TEST(MqttIngest, ReadingsPublishedWhileTheServerIsDownArriveAfterItsRestart) {
  TempDir dir;
  const std::string db = dir / "h.db";
  const std::string p = UniqueName("R") + "-";
  auto ids = MakeSensorCodes(db, p, 1);
  const std::string id = UniqueName("hearth");
  Stored stored(db, ids);
  {
    MqttServer server(db, id, false, dir);
    ASSERT_TRUE(server.WaitSubscribed()) << server.Log();
    Publisher(Mosquitto::Shared().publisher_url()).Publish(Topic(p + "0"), Payload(0, "20"));
    ASSERT_TRUE(WaitFor([&] { return stored.Count() == 1; })) << server.Log();
  }  // stopped (SIGTERM)

  Publisher pub(Mosquitto::Shared().publisher_url());
  for (int i = 1; i <= 50; ++i) pub.Publish(Topic(p + "0"), Payload(i, "21.5"));

  MqttServer again(db, id, false, dir);  // the same client id: the same session
  ASSERT_TRUE(WaitFor([&] { return stored.Count() == 51; })) << again.Log();
  auto t1 = stored.Of(p + "0");
  EXPECT_EQ(t1.back().ts, kT0 + 50 * 60);
  EXPECT_EQ(t1.back().centi, 2150);
}

// Issues 5 and 17: three instances on one PostgreSQL with one broker, sharing the MQTT
// subscription (the scale-out of docs/scaling.md), one of them killed (SIGKILL) during ingest and
// started again under its client id: nothing lost, nothing doubled, and the two that lived on
// both took their share.
TEST(MqttIngest, ThreeInstancesSharingTheSubscriptionLoseNothingWhenOneIsKilled) {
  TempDir dir;
  const std::string db = support::PostgresCluster::Shared().CreateDatabase();
  const std::string p = UniqueName("S") + "-";
  const std::vector<std::string> sensors = {p + "0", p + "1", p + "2", p + "3"};
  auto ids = MakeSensorCodes(db, p, 4);
  const std::string id_a = UniqueName("hearth-a");
  auto a = std::make_unique<MqttServer>(db, id_a, true, dir);
  MqttServer b(db, UniqueName("hearth-b"), true, dir);
  MqttServer c(db, UniqueName("hearth-c"), true, dir);
  ASSERT_TRUE(a->WaitSubscribed()) << a->Log();
  ASSERT_TRUE(b.WaitSubscribed()) << b.Log();
  ASSERT_TRUE(c.WaitSubscribed()) << c.Log();

  constexpr int kN = 3000;
  Stored stored(db, ids);
  std::atomic<int> published{0};
  std::thread publisher([&] {
    Publisher pub(Mosquitto::Shared().publisher_url());
    std::vector<std::pair<std::string, std::string>> chunk;
    for (int i = 0; i < kN; ++i) {
      chunk.emplace_back(Topic(sensors[static_cast<size_t>(i) % 4]), Payload(i / 4, "19.5"));
      if (chunk.size() == 50) {
        pub.PublishAll(chunk);
        published += static_cast<int>(chunk.size());
        chunk.clear();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    }
    pub.PublishAll(chunk);
    published += static_cast<int>(chunk.size());
  });
  // Midway: once a third is published and some readings are stored, kill A outright.
  ASSERT_TRUE(WaitFor([&] { return published >= kN / 3 && stored.Count() > 0; }));
  a->Stop(SIGKILL);
  publisher.join();
  // Started again under its id, A takes back what it had not acknowledged.
  a = std::make_unique<MqttServer>(db, id_a, true, dir);

  ASSERT_TRUE(WaitFor([&] { return stored.Count() >= kN; }, std::chrono::seconds(60)))
      << stored.Count() << "\n"
      << a->Log() << b.Log() << c.Log();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // anything late would show
  EXPECT_EQ(stored.Count(), static_cast<size_t>(kN));
  for (size_t s = 0; s < sensors.size(); ++s) {
    auto rows = stored.Of(sensors[s]);
    ASSERT_EQ(rows.size(), static_cast<size_t>(kN / 4)) << sensors[s];
    for (size_t i = 0; i < rows.size(); ++i) {
      EXPECT_EQ(rows[i].ts, kT0 + static_cast<int64_t>(i) * 60);
      EXPECT_EQ(rows[i].centi, 1950);
    }
  }
  // B and C both took part (each log's count, at its normal stop), and neither took it all.
  for (MqttServer* server : {&b, &c}) {
    server->Stop(SIGTERM);
    std::smatch m;
    std::string log = server->Log();
    ASSERT_TRUE(std::regex_search(log, m, std::regex(R"(messages: (\d+) readings stored)")))
        << log;
    EXPECT_GT(std::stoi(m[1]), 0);
    EXPECT_LT(std::stoi(m[1]), kN);
  }
}

// Issue 5: 20 `kill -9`s during MQTT ingest. A publisher sends without pause, across the kills
// and the restarts (the broker queues for the offline persistent session what arrives meanwhile).
// A message the broker handed to Hearth and Hearth acknowledged (PUBACK) is gone from the
// broker; had Hearth acknowledged before its commit, the kill would lose it. So: every message
// the broker accepted is stored at the end, with its values, exactly once; and the database's own
// integrity check passes (SQLite integrity_check; PostgreSQL amcheck on the readings' key).
class MqttCrash : public ::testing::TestWithParam<std::string> {};

TEST_P(MqttCrash, TwentyKill9sDuringIngestLoseNoAcknowledgedReading) {
  constexpr int kKills = 20;
  constexpr int kSensors = 8;
  constexpr int kPerMessage = 5;  // each message an array of consecutive minutes of one sensor
  TempDir dir;
  const std::string db = GetParam() == "postgres"
                             ? support::PostgresCluster::Shared().CreateDatabase()
                             : dir / "h.db";
  // Codes of this test alone: the tests share the broker and may run at once (ctest -j), and
  // every instance subscribes to all sensors' topics.
  const std::string prefix = UniqueName("K") + "-";
  auto ids = MakeSensorCodes(db, prefix, kSensors);
  const std::string id = UniqueName("hearth-crash");
  Stored stored(db, ids);

  // Message m: sensor m % kSensors, minutes (m / kSensors) * kPerMessage + 0..kPerMessage-1,
  // values derived from m.
  auto value = [](int m, int j) { return 1500 + (m * 7 + j) % 800; };
  auto message = [&](int m) {
    std::string body = "[";
    for (int j = 0; j < kPerMessage; ++j) {
      int centi = value(m, j);
      body += (j ? "," : "") + Payload(static_cast<int64_t>(m / kSensors) * kPerMessage + j,
                                       std::to_string(centi / 100) + "." +
                                           std::to_string(centi % 100 / 10) +
                                           std::to_string(centi % 10));
    }
    return std::pair{Topic(prefix + std::to_string(m % kSensors)), body + "]"};
  };
  std::atomic<bool> stop{false};
  std::atomic<int> published{0};  // messages the broker accepted (its PUBACK to the publisher)
  auto publish = [&] {
    Publisher pub(Mosquitto::Shared().publisher_url());
    while (!stop) {
      std::vector<std::pair<std::string, std::string>> chunk;
      for (int i = 0; i < 50; ++i) chunk.push_back(message(published + i));
      pub.PublishAll(chunk);
      published += static_cast<int>(chunk.size());
    }
  };
  std::thread publisher;  // starts once the session exists (its first subscription)
  // Stopped and joined however the test ends: a failed ASSERT returns early, and a joinable
  // std::thread's destructor aborts the whole binary.
  struct JoinAtExit {
    std::atomic<bool>& stop;
    std::thread& thread;
    ~JoinAtExit() {
      stop = true;
      if (thread.joinable()) thread.join();
    }
  } join_at_exit{stop, publisher};

  std::mt19937 rng(20251201);
  for (int round = 0; round < kKills; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    MqttServer server(db, id, false, dir);
    // The first start makes the session and subscribes; the later ones resume it.
    ASSERT_TRUE(round == 0 ? server.WaitSubscribed() : server.WaitResumed()) << server.Log();
    if (!publisher.joinable()) publisher = std::thread(publish);
    // Kill during ingest: once this instance has stored something, a random while later.
    const size_t before = stored.Count();
    ASSERT_TRUE(WaitFor([&] { return stored.Count() > before; })) << server.Log();
    std::this_thread::sleep_for(
        std::chrono::milliseconds(std::uniform_int_distribution<>(0, 120)(rng)));
    server.Stop(SIGKILL);
  }
  stop = true;
  publisher.join();

  // A last start takes what the broker still holds for the session.
  MqttServer last(db, id, false, dir);
  const size_t expected = static_cast<size_t>(published) * kPerMessage;
  ASSERT_TRUE(WaitFor([&] { return stored.Count() >= expected; }, std::chrono::seconds(60)))
      << stored.Count() << " of " << expected << "\n"
      << last.Log();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // anything late would show
  EXPECT_EQ(stored.Count(), expected);
  size_t wrong = 0;
  for (int s = 0; s < kSensors; ++s) {
    auto rows = stored.Of(prefix + std::to_string(s));
    for (size_t i = 0; i < rows.size(); ++i) {
      const int m = static_cast<int>(i / kPerMessage) * kSensors + s;
      const int j = static_cast<int>(i % kPerMessage);
      if (rows[i].ts != kT0 + static_cast<int64_t>(i) * 60 || rows[i].centi != value(m, j)) {
        ++wrong;
      }
    }
  }
  EXPECT_EQ(wrong, 0u);
  last.Stop(SIGTERM);

  auto conn = adapters::storage::Connect(db);
  ASSERT_TRUE(conn.ok());
  if (GetParam() == "postgres") {
    ASSERT_TRUE((*conn)->Query("CREATE EXTENSION IF NOT EXISTS amcheck").ok());
    // The key of every monthly partition (migration 26); the partitioned index has no pages.
    auto check = (*conn)->Query(
        "SELECT COUNT(bt_index_check(i.indexrelid, true)) FROM pg_index i "
        "JOIN pg_inherits p ON p.inhrelid = i.indrelid "
        "WHERE p.inhparent = 'readings'::regclass AND i.indisprimary");
    ASSERT_TRUE(check.ok()) << check.error().detail;
    EXPECT_GT(check->Int(0, 0), 0);
  } else {
    auto check = (*conn)->Query("PRAGMA integrity_check");
    ASSERT_TRUE(check.ok());
    EXPECT_EQ(check->Text(0, 0), "ok");
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, MqttCrash, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& engine) {
                           return engine.param;
                         });

}  // namespace
}  // namespace hearth::e2e

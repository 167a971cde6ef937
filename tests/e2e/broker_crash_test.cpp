// ctest-labels: e2e mqtt
// Issue 18, item 3: the broker crashes (SIGKILL) in the middle of a stream of readings, under the
// configuration `make demo` and docs/broker.md give (scripts/test-mosquitto.sh: persistence saved
// at every change). A device publishes 3,000 readings one at a time at QoS 1, reconnecting as
// soon as it can, before hearth does, and sending again what was not acknowledged: the case
// that lost 636 readings when the broker saved its state only every 30 minutes. Afterwards every
// reading the broker acknowledged to the device is counted against what hearth stored. hearth
// subscribes plainly, as `make demo` does: mosquitto 2.0.11 restores a shared subscription too,
// but queues nothing for it until its client is back (docs/broker.md).
//
// The second test is the counter-proof: without the save at every change, the broker comes back
// without hearth's session; hearth says so (a warning naming the lost session, and
// hearth_mqtt_sessions_lost_total in /metrics).
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "adapters/storage/sql.hpp"
#include "core/civil_time.hpp"
#include "support/test_client.hpp"
#include "support/test_mqtt.hpp"
#include "support/test_process.hpp"
#include "support/test_sensors.hpp"

namespace hearth::e2e {
namespace {

using support::Mosquitto;
using support::TempDir;
using support::UniqueName;
using support::WaitFor;

constexpr int kReadings = 3000;
constexpr int kSensors = 10;
constexpr int64_t kT0 = 1764547200;  // 2025-12-01T08:00:00+08:00

std::string Payload(int i) {
  return R"({"ts":")" + FormatLocal(Instant{std::chrono::seconds{kT0 + (i / kSensors) * 60}}) +
         R"(","value":)" + std::to_string(18 + i % 5) + "}";
}

// A device that keeps one reading in flight, reconnects at once when the broker goes, and sends
// again what was not acknowledged (at least once, as MQTT devices do).
class Device {
 public:
  explicit Device(std::string url) : url_(std::move(url)) {}
  ~Device() { Drop(); }
  /// Publishes reading i to its sensor's topic; true once the broker acknowledged it.
  bool Publish(const std::string& topic, const std::string& payload) {
    try {
      if (!client_ || !client_->is_connected()) Connect();
      auto token = client_->publish(topic, payload.data(), payload.size(), 1, false);
      if (token->wait_for(std::chrono::seconds(2))) return token->get_return_code() == 0;
    } catch (const ::mqtt::exception&) {
    }
    Drop();  // a broken connection: a new one for the next attempt
    return false;
  }

 private:
  // paho frees a client's state only after a disconnect, even of a broken connection.
  void Drop() {
    if (!client_) return;
    try {
      client_->disconnect(0)->wait_for(std::chrono::seconds(1));
    } catch (const ::mqtt::exception&) {
    }
    client_.reset();
  }

  void Connect() {
    Drop();
    auto parsed = *adapters::mqtt::ParseMqttUrl(url_);
    auto c = std::make_unique<::mqtt::async_client>(support::Publisher::PahoUrl(url_),
                                                    UniqueName("device"));
    auto opts = ::mqtt::connect_options_builder()
                    .clean_session(true)
                    .connect_timeout(std::chrono::seconds(1))
                    .finalize();
    opts.set_user_name(*parsed.username);
    opts.set_password(*parsed.password);
    c->connect(opts)->wait();
    client_ = std::move(c);
  }

  std::string url_;
  std::unique_ptr<::mqtt::async_client> client_;
};

std::vector<std::string> Serve(const std::string& db, uint16_t port, const std::string& mqtt,
                               const std::string& client_id) {
  return {HEARTH_BINARY, "serve", "--db", db, "--listen", "127.0.0.1:" + std::to_string(port),
          "--policies", std::string(HEARTH_SOURCE_DIR) + "/policies", "--mqtt", mqtt,
          "--mqtt-client-id", client_id, "--mqtt-probe-messages", "0"};
}

bool Ready(uint16_t port) {
  try {
    return support::Fetch(port, "GET", "/readyz").status == 200;
  } catch (const std::exception&) {
    return false;
  }
}

int64_t Metric(uint16_t port, const std::string& name) {
  std::string text = support::Fetch(port, "GET", "/metrics").body;
  auto at = text.find("\n" + name + " ");
  return at == std::string::npos ? -1 : std::stoll(text.substr(at + name.size() + 2));
}

TEST(BrokerCrash, Kill9UnderTheDemoConfigurationLosesNoAcknowledgedReading) {
  Mosquitto broker(Mosquitto::Env{});
  TempDir dir;
  const std::string db = dir / "h.db";
  const std::string prefix = UniqueName("K") + "-";
  auto ids = support::MakeSensorCodes(db, prefix, kSensors);
  const uint16_t port = support::FreePort();
  support::LoggedProcess server(Serve(db, port, broker.url(), UniqueName("hearth")),
                                dir / "serve.log");
  ASSERT_TRUE(WaitFor([&] { return Ready(port); })) << server.Log();

  // The device publishes; a thread kills the broker once a third is through, and starts it
  // again a moment later.
  // Each reading's fate: acknowledged at all, and by the restarted broker (its successful
  // attempt began once the restart was done) or by the one that was killed.
  std::vector<bool> acknowledged(kReadings, false), by_new_broker(kReadings, false);
  std::atomic<int> through{0};
  std::atomic<bool> restarted{false};
  std::thread killer([&] {
    WaitFor([&] { return through.load() >= kReadings / 3; }, std::chrono::seconds(120));
    broker.Kill();
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    broker.Restart();
    restarted = true;
  });
  Device device(broker.publisher_url());
  int resent = 0;
  for (int i = 0; i < kReadings; ++i) {
    const std::string topic = "hearth/v1/readings/" + prefix + std::to_string(i % kSensors);
    bool after_restart = restarted.load();
    while (!device.Publish(topic, Payload(i))) {
      ++resent;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      after_restart = restarted.load();
    }
    acknowledged[static_cast<size_t>(i)] = true;
    by_new_broker[static_cast<size_t>(i)] = after_restart;
    through = i + 1;
  }
  killer.join();
  EXPECT_GT(resent, 0) << "the kill did not fall in the stream";

  // What hearth stored, once it caught up (or after a minute).
  auto conn = adapters::storage::Connect(db, false);
  ASSERT_TRUE(conn.ok());
  auto count = [&] {
    auto n = (*conn)->Query("SELECT COUNT(*) FROM readings");
    return n.ok() ? n->Int(0, 0) : -1;
  };
  WaitFor([&] { return count() == kReadings; }, std::chrono::seconds(60));
  auto rows = (*conn)->Query("SELECT sensor_id, ts FROM readings");
  ASSERT_TRUE(rows.ok());
  std::map<int64_t, int> sensor_index;
  for (const auto& [code, id] : ids) sensor_index[id] = std::stoi(code.substr(prefix.size()));
  std::set<int> stored;
  for (size_t r = 0; r < rows->rows.size(); ++r) {
    int i = static_cast<int>((rows->Int(r, 1) - kT0) / 60) * kSensors +
            sensor_index.at(rows->Int(r, 0));
    stored.insert(i);
  }
  int lost_before = 0, lost_after = 0, first_after = kReadings;
  std::string lost;
  for (int i = 0; i < kReadings; ++i) {
    if (by_new_broker[static_cast<size_t>(i)]) first_after = std::min(first_after, i);
    if (!acknowledged[static_cast<size_t>(i)] || stored.count(i)) continue;
    (by_new_broker[static_cast<size_t>(i)] ? lost_after : lost_before)++;
    lost += " " + std::to_string(i);
  }
  std::cout << "[ measured ] broker killed after about " << kReadings / 3 << " of " << kReadings
            << " readings, the first acknowledged by the restarted broker is #" << first_after
            << "; " << resent << " publish attempts failed and were sent again; acknowledged "
            << "but not stored: " << lost_before << " by the killed broker, " << lost_after
            << " by the restarted one (#" << lost << " ); stored " << stored.size() << "\n";
  // The loss of the issue: readings published after the broker came back, before hearth had
  // subscribed again. The session (and its shared subscription) was saved, so they waited.
  EXPECT_EQ(lost_after, 0) << server.Log();
  // At the kill itself, mosquitto may have acknowledged the one reading in flight before saving
  // it: that window is what a broker without durable sessions cannot close (docs/broker.md).
  EXPECT_LE(lost_before, 1);
  EXPECT_EQ(server.Log().find("did not resume"), std::string::npos) << server.Log();
  EXPECT_EQ(Metric(port, "hearth_mqtt_sessions_lost_total"), 0);
}

TEST(BrokerCrash, ASessionTheBrokerLostIsAWarningAndAMetric) {
  // autosave_interval of a million changes: the broker saves nothing before the kill.
  Mosquitto broker(Mosquitto::Env{{"MOSQUITTO_AUTOSAVE", "1000000"}});
  TempDir dir;
  const std::string db = dir / "h.db";
  support::MakeSensorCodes(db, UniqueName("L") + "-", 1);
  const uint16_t port = support::FreePort();
  const std::string client_id = UniqueName("hearth");
  support::LoggedProcess server(Serve(db, port, broker.url(), client_id), dir / "serve.log");
  ASSERT_TRUE(WaitFor([&] { return Ready(port); })) << server.Log();
  EXPECT_EQ(Metric(port, "hearth_mqtt_sessions_lost_total"), 0);

  broker.Kill();
  // Readiness names the broker while it is down.
  ASSERT_TRUE(WaitFor([&] { return !Ready(port); })) << server.Log();
  auto down = support::Fetch(port, "GET", "/readyz");
  EXPECT_EQ(down.status, 503u);
  EXPECT_EQ(down.headers["Retry-After"], "1");
  EXPECT_FALSE(down.Json()["checks"]["mqtt"]["ok"].get<bool>()) << down.body;
  EXPECT_TRUE(down.Json()["checks"]["database"]["ok"].get<bool>()) << down.body;

  broker.Restart();
  ASSERT_TRUE(WaitFor([&] { return Ready(port); })) << server.Log();
  EXPECT_EQ(Metric(port, "hearth_mqtt_sessions_lost_total"), 1);
  EXPECT_NE(server.Log().find("did not resume session " + client_id), std::string::npos)
      << server.Log();
}

}  // namespace
}  // namespace hearth::e2e

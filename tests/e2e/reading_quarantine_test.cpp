// ctest-labels: e2e mqtt
// Issue 18, item 5, end to end: a device whose clock runs fast publishes over MQTT to a real
// `hearth serve --mqtt` (the test run's mosquitto). Its reading timed an hour ahead is not lost:
// it is acknowledged only once kept in quarantine, GET /api/v1/sensors/{code}/quarantine shows it
// with its reason, the alerts show the sensor as "clock-skew" (to its company's staff only), and
// a redelivery keeps nothing twice. Its good readings are stored as ever.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "adapters/storage/sql.hpp"
#include "core/civil_time.hpp"
#include "support/test_client.hpp"
#include "support/test_mqtt.hpp"
#include "support/test_process.hpp"
#include "support/test_sensors.hpp"

namespace hearth::e2e {
namespace {

using nlohmann::json;
using support::Fetch;
using support::Mosquitto;
using support::UniqueName;
using support::WaitFor;

std::string Payload(Instant ts, const std::string& value) {
  return R"({"ts":")" + FormatLocal(ts) + R"(","value":)" + value + "}";
}

int64_t Count(const std::string& db, const std::string& sql) {
  auto conn = adapters::storage::Connect(db, false);
  if (!conn.ok()) return -1;
  auto rows = (*conn)->Query(sql);
  return rows.ok() ? rows->Int(0, 0) : -1;
}

TEST(ReadingQuarantine, AFutureReadingOverMqttIsQuarantinedAndAlerted) {
  support::TempDir dir;
  const std::string db = dir / "h.db";
  // A prefix of its own: the tests share the broker, and every instance hears every sensor.
  const std::string p = UniqueName("Q") + "-";
  support::MakeSensorCodes(db, p, 2);  // company c1
  {
    auto conn = adapters::storage::Connect(db);
    ASSERT_TRUE(conn.ok());
    adapters::storage::SqlRecordStore records(std::move(*conn));
    support::MakeSensorCity(records, "c2", 1, p + "other-");
  }
  for (auto [user, role, company] : {std::tuple{"root", "admin", ""},
                                     std::tuple{"li", "manager", "c1"},
                                     std::tuple{"wang", "manager", "c2"}}) {
    auto add = support::AddUser(db, user, role, company);
    ASSERT_EQ(add.exit_code, 0) << add.err;
  }
  const uint16_t port = support::FreePort();
  std::vector<std::string> args{HEARTH_BINARY};
  for (auto& a : support::ServeArgs(db, port)) args.push_back(a);
  args.insert(args.end(), {"--mqtt", Mosquitto::Shared().url(), "--mqtt-client-id",
                           UniqueName("hearth")});
  support::LoggedProcess server(args, dir / "serve.log");
  ASSERT_TRUE(WaitFor([&] { return server.Log().find("mqtt: subscribed to") != std::string::npos; }))
      << server.Log();
  auto login = [&](const std::string& user) {
    auto r = Fetch(port, "POST", "/api/v1/auth/login",
                   json{{"username", user}, {"password", support::kTestPassword}}.dump());
    EXPECT_EQ(r.status, 200u) << r.body;
    return r.status == 200 ? support::Bearer(r.Json()["token"].get<std::string>()) : "";
  };
  const std::string root = login("root");

  const Instant now =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  const Instant ahead = now + std::chrono::hours(1);
  const std::string fast = "hearth/v1/readings/" + p + "0";
  support::Publisher pub(Mosquitto::Shared().publisher_url());
  pub.Publish(fast, Payload(ahead, "18.5"));              // the clock runs an hour fast
  pub.Publish(fast, Payload(now - std::chrono::minutes(1), "19"));  // a good one
  pub.Publish("hearth/v1/readings/" + p + "1", Payload(now, "20"));

  auto quarantine = [&](const std::string& auth, const std::string& code) {
    return Fetch(port, "GET", "/api/v1/sensors/" + code + "/quarantine", "", auth);
  };
  ASSERT_TRUE(WaitFor([&] {
    auto r = quarantine(root, p + "0");
    return r.status == 200 && r.Json()["items"].size() == 1 &&
           Count(db, "SELECT COUNT(*) FROM readings") == 2;
  })) << server.Log();
  json item = quarantine(root, p + "0").Json()["items"][0];
  EXPECT_EQ(item["ts"], FormatLocal(ahead));
  EXPECT_EQ(item["value"], 18.5);
  EXPECT_EQ(item["reason"], "time in the future");
  EXPECT_EQ(item["source"], "mqtt");
  EXPECT_GT(item["ahead_seconds"].get<int64_t>(), 3000);
  EXPECT_LE(item["ahead_seconds"].get<int64_t>(), 3600);
  EXPECT_NE(server.Log().find("time in the future, kept in quarantine"), std::string::npos)
      << server.Log();

  // The alerts: the sensor with a clock problem, to its company's staff, not to another's.
  auto skewed = [&](const std::string& auth) {
    auto r = Fetch(port, "GET", "/api/v1/alerts", "", auth);
    EXPECT_EQ(r.status, 200u) << r.body;
    const json body = r.Json();
    std::vector<json> out;
    for (const json& a : body["items"]) {
      if (a["kind"] == "clock-skew") out.push_back(a);
    }
    return out;
  };
  auto alerts = skewed(login("li"));
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0]["sensor"], p + "0");
  EXPECT_EQ(alerts[0]["household"], "H-101");
  EXPECT_EQ(alerts[0]["details"]["quarantined"], 1);
  EXPECT_EQ(alerts[0]["details"]["latest_quarantined"], FormatLocal(ahead));
  EXPECT_EQ(alerts[0]["details"]["reason"], "time in the future");
  EXPECT_FALSE(alerts[0]["details"]["last_reading"].is_null());  // its good reading
  EXPECT_NE(alerts[0]["details"]["message"].get<std::string>().find("check the device's clock"),
            std::string::npos);
  EXPECT_TRUE(skewed(login("wang")).empty());
  EXPECT_EQ(quarantine(login("wang"), p + "0").status, 404u);

  // Sent again (a redelivery, or the device retrying): kept once.
  pub.Publish(fast, Payload(ahead, "18.5"));
  pub.Publish("hearth/v1/readings/" + p + "1", Payload(now + std::chrono::seconds(1), "20"));
  ASSERT_TRUE(WaitFor([&] { return Count(db, "SELECT COUNT(*) FROM readings") == 3; }))
      << server.Log();
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM reading_quarantine"), 1);
  EXPECT_EQ(skewed(root).size(), 1u);
}

}  // namespace
}  // namespace hearth::e2e

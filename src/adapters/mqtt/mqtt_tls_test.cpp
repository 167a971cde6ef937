// ctest-labels: mqtt security
// mqtts:// (issue 12): the subscriber logs in over TLS to the test broker's TLS listener, whose
// certificate a throwaway CA signed (scripts/test-mosquitto.sh); without that CA it does not
// trust the broker and never subscribes. And the broker refuses anonymous clients.
#include <gtest/gtest.h>

#include <mutex>

#include "adapters/mqtt/mqtt_subscriber.hpp"
#include "support/test_mqtt.hpp"

namespace hearth::adapters::mqtt {
namespace {

using support::Mosquitto;
using support::Publisher;
using support::UniqueName;
using support::WaitFor;

SubscriberOptions Tls(const std::string& topic, const std::string& ca_file) {
  SubscriberOptions o;
  o.url = Mosquitto::Shared().tls_url();
  o.ca_file = ca_file;
  o.client_id = UniqueName("tls");
  o.topic_filter = topic;
  o.min_backoff = std::chrono::milliseconds(50);
  o.max_backoff = std::chrono::milliseconds(200);
  return o;
}

TEST(MqttTls, SubscribesOverTlsWithTheBrokersCa) {
  const std::string topic = "test/" + UniqueName("tls");
  std::mutex mutex;
  std::vector<std::string> got;
  Subscriber sub(Tls(topic, Mosquitto::Shared().ca_file()), [&](std::span<const Message> batch) {
    std::lock_guard lock(mutex);
    for (const auto& m : batch) got.push_back(m.payload);
    return OkStatus();
  });
  ASSERT_TRUE(sub.Start().ok());
  ASSERT_TRUE(WaitFor([&] { return sub.subscribed(); }));
  Publisher(Mosquitto::Shared().publisher_url()).Publish(topic, "over tls");
  ASSERT_TRUE(WaitFor([&] {
    std::lock_guard lock(mutex);
    return !got.empty();
  }));
  EXPECT_EQ(got.front(), "over tls");
  EXPECT_EQ(sub.stats().acknowledged, 1);
}

TEST(MqttTls, DoesNotTrustABrokerItsCaFileDoesNotVouchFor) {
  // The system's trust store does not know the test run's throwaway CA.
  Subscriber sub(Tls("test/x", ""), [](std::span<const Message>) { return OkStatus(); });
  ASSERT_TRUE(sub.Start().ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_FALSE(sub.subscribed());
  EXPECT_EQ(sub.stats().sessions, 0);
  sub.Stop();

  auto o = Tls("test/x", "/nonexistent/ca.crt");
  Subscriber bad(o, [](std::span<const Message>) { return OkStatus(); });
  auto s = bad.Start();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "mqtt-ca-file");
}

TEST(MqttBroker, RefusesAnonymousClientsAndWrongPasswords) {
  EXPECT_TRUE(Publisher::Refused(Mosquitto::Shared().anonymous_url()));
  auto url = *ParseMqttUrl(Mosquitto::Shared().publisher_url());
  const std::string wrong =
      "mqtt://" + *url.username + ":wrong@" + url.host + ":" + std::to_string(url.port);
  EXPECT_TRUE(Publisher::Refused(wrong));
  EXPECT_FALSE(Publisher::Refused(Mosquitto::Shared().publisher_url()));

  // Our subscriber, anonymous: the broker refuses it and it never subscribes.
  SubscriberOptions o;
  o.url = Mosquitto::Shared().anonymous_url();
  o.client_id = UniqueName("anon");
  o.topic_filter = "test/#";
  Subscriber sub(o, [](std::span<const Message>) { return OkStatus(); });
  ASSERT_TRUE(sub.Start().ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_FALSE(sub.subscribed());
  EXPECT_EQ(sub.stats().sessions, 0);
}

}  // namespace
}  // namespace hearth::adapters::mqtt

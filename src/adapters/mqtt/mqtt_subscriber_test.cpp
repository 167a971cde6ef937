// ctest-labels: mqtt
// The subscriber against a real mosquitto (the CTest fixture): acknowledgement only after the
// handler's ok, redelivery after a failed batch, the persistent session, shared subscriptions.
#include "adapters/mqtt/mqtt_subscriber.hpp"

#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <set>

#include "support/test_mqtt.hpp"

namespace hearth::adapters::mqtt {
namespace {

using support::Mosquitto;
using support::Publisher;
using support::UniqueName;
using support::WaitFor;

// Records every message handed to it; fails the batches `fail_next` says to.
class Recorder {
 public:
  Status Handle(std::span<const Message> batch) {
    std::lock_guard lock(mutex_);
    ++batches_;
    if (fail_next_ > 0) {
      --fail_next_;
      for (const auto& m : batch) failed_.push_back(m);
      return Error::Unavailable("storage down (test)");
    }
    for (const auto& m : batch) taken_.push_back(m);
    return OkStatus();
  }
  BatchHandler handler() {
    return [this](std::span<const Message> b) { return Handle(b); };
  }
  void FailNext(int n) {
    std::lock_guard lock(mutex_);
    fail_next_ = n;
  }
  std::vector<Message> taken() {
    std::lock_guard lock(mutex_);
    return taken_;
  }
  std::vector<Message> failed() {
    std::lock_guard lock(mutex_);
    return failed_;
  }
  size_t count() {
    std::lock_guard lock(mutex_);
    return taken_.size();
  }

 private:
  std::mutex mutex_;
  int fail_next_ = 0;
  int batches_ = 0;
  std::vector<Message> taken_, failed_;
};

SubscriberOptions Options(const std::string& client_id, const std::string& filter) {
  SubscriberOptions o;
  o.url = Mosquitto::Shared().url();
  o.client_id = client_id;
  o.topic_filter = filter;
  o.min_backoff = std::chrono::milliseconds(50);
  o.max_backoff = std::chrono::milliseconds(200);
  return o;
}

std::set<std::string> Payloads(const std::vector<Message>& ms) {
  std::set<std::string> s;
  for (const auto& m : ms) s.insert(m.payload);
  return s;
}

TEST(Subscriber, HandsOverMessagesAndAcknowledgesThem) {
  const std::string topic = "test/" + UniqueName("t");
  const std::string id = UniqueName("sub");
  Recorder rec;
  {
    Subscriber sub(Options(id, topic + "/+"), rec.handler());
    ASSERT_TRUE(sub.Start().ok());
    ASSERT_TRUE(WaitFor([&] { return sub.subscribed(); }));
    Publisher pub(Mosquitto::Shared().publisher_url());
    std::vector<std::pair<std::string, std::string>> ms;
    for (int i = 0; i < 300; ++i)
      ms.emplace_back(topic + "/s" + std::to_string(i % 7), "m" + std::to_string(i));
    pub.PublishAll(ms);
    ASSERT_TRUE(WaitFor([&] { return rec.count() >= 300; }));
    ASSERT_TRUE(WaitFor([&] { return sub.stats().acknowledged == 300; }));
    auto st = sub.stats();
    EXPECT_EQ(st.messages, 300);
    EXPECT_EQ(st.failed_batches, 0);
    EXPECT_EQ(st.sessions, 1);
    EXPECT_LE(st.batches, 300);
    sub.Stop();
  }
  auto taken = rec.taken();
  ASSERT_EQ(taken.size(), 300u);
  for (int i = 0; i < 300; ++i) {  // one publisher, one topic filter: in order
    EXPECT_EQ(taken[static_cast<size_t>(i)].payload, "m" + std::to_string(i));
    EXPECT_EQ(taken[static_cast<size_t>(i)].qos, 1);
  }
  EXPECT_EQ(taken[5].topic, topic + "/s5");

  // Everything was acknowledged: the session resumed under the same id holds nothing more.
  Recorder again;
  Subscriber sub2(Options(id, topic + "/+"), again.handler());
  ASSERT_TRUE(sub2.Start().ok());
  ASSERT_TRUE(WaitFor([&] { return sub2.subscribed(); }));
  Publisher(Mosquitto::Shared().publisher_url()).Publish(topic + "/end", "end");
  ASSERT_TRUE(WaitFor([&] { return again.count() >= 1; }));
  EXPECT_EQ(Payloads(again.taken()), std::set<std::string>{"end"});
}

TEST(Subscriber, AFailedBatchIsNotAcknowledgedAndIsTriedAgainOnTheSameConnection) {
  const std::string topic = "test/" + UniqueName("t");
  Recorder rec;
  rec.FailNext(2);  // the first two batches fail: storage is down
  Subscriber sub(Options(UniqueName("sub"), topic + "/+"), rec.handler());
  ASSERT_TRUE(sub.Start().ok());
  ASSERT_TRUE(WaitFor([&] { return sub.subscribed(); }));
  Publisher pub(Mosquitto::Shared().publisher_url());
  for (int i = 0; i < 5; ++i) pub.Publish(topic + "/a", "r" + std::to_string(i));

  ASSERT_TRUE(WaitFor([&] { return rec.count() >= 5; }));
  EXPECT_EQ(Payloads(rec.taken()), (std::set<std::string>{"r0", "r1", "r2", "r3", "r4"}));
  auto failed = rec.failed();
  ASSERT_FALSE(failed.empty());
  EXPECT_TRUE(WaitFor([&] { return sub.stats().acknowledged == 5; }));
  auto st = sub.stats();
  EXPECT_EQ(st.failed_batches, 2);
  // Issue 18, item 4: a storage failure is no reason to leave the broker: the batch was tried
  // again on the one connection, and what failed was taken in the end.
  EXPECT_EQ(st.sessions, 1);
  EXPECT_EQ(st.sessions_lost, 0);
  std::set<std::string> taken = Payloads(rec.taken());
  for (const auto& m : failed) EXPECT_TRUE(taken.count(m.payload)) << m.payload;
}

TEST(Subscriber, PersistentSessionKeepsWhatIsPublishedWhileAway) {
  const std::string topic = "test/" + UniqueName("t");
  const std::string id = UniqueName("sub");
  {
    Recorder rec;
    Subscriber sub(Options(id, topic + "/+"), rec.handler());
    ASSERT_TRUE(sub.Start().ok());
    ASSERT_TRUE(WaitFor([&] { return sub.subscribed(); }));
  }  // stopped: a normal DISCONNECT, the session stays on the broker
  Publisher pub(Mosquitto::Shared().publisher_url());
  for (int i = 0; i < 50; ++i) pub.Publish(topic + "/x", "away" + std::to_string(i));

  Recorder rec;
  Subscriber sub(Options(id, topic + "/+"), rec.handler());
  ASSERT_TRUE(sub.Start().ok());
  ASSERT_TRUE(WaitFor([&] { return rec.count() >= 50; }));
  EXPECT_EQ(Payloads(rec.taken()).size(), 50u);
}

TEST(Subscriber, SharedSubscriptionSplitsTheMessages) {
  const std::string topic = "test/" + UniqueName("t");
  const std::string filter = "$share/" + UniqueName("g") + "/" + topic + "/#";
  Recorder a, b;
  Subscriber sa(Options(UniqueName("sa"), filter), a.handler());
  Subscriber sb(Options(UniqueName("sb"), filter), b.handler());
  ASSERT_TRUE(sa.Start().ok());
  ASSERT_TRUE(sb.Start().ok());
  ASSERT_TRUE(WaitFor([&] { return sa.subscribed() && sb.subscribed(); }));
  Publisher pub(Mosquitto::Shared().publisher_url());
  for (int i = 0; i < 40; ++i) pub.Publish(topic + "/s", "m" + std::to_string(i));
  ASSERT_TRUE(WaitFor([&] { return a.count() + b.count() >= 40; }));
  std::set<std::string> all = Payloads(a.taken());
  for (const auto& p : Payloads(b.taken())) EXPECT_TRUE(all.insert(p).second) << "both got " << p;
  EXPECT_EQ(all.size(), 40u);
  EXPECT_GT(a.count(), 0u);
  EXPECT_GT(b.count(), 0u);
}

TEST(Subscriber, RetriesAnUnreachableBrokerUntilStopped) {
  auto o = Options(UniqueName("sub"), "x/+");
  o.url = "mqtt://127.0.0.1:1";  // nothing listens there
  Recorder rec;
  Subscriber sub(o, rec.handler());
  ASSERT_TRUE(sub.Start().ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_FALSE(sub.subscribed());
  EXPECT_EQ(sub.stats().sessions, 0);
  sub.Stop();  // returns although the broker never answered

  o.url = "https://x";
  Subscriber bad(o, rec.handler());
  auto s = bad.Start();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "mqtt");
}

}  // namespace
}  // namespace hearth::adapters::mqtt

// An MQTT 5.0 subscriber that acknowledges a message only when its handler has taken it for good.
//
// One background thread holds one connection to the broker: CONNECT with a stable client id and
// clean start off (a persistent session that never expires, so messages published while we are
// away wait for us), SUBSCRIBE at QoS 1, then a loop that reads PUBLISH packets. Messages that
// arrive together form a batch (at most `max_in_flight`, the Receive Maximum we give the broker);
// the handler decides the batch's fate:
//   - ok: every message of the batch is acknowledged (PUBACK, in arrival order), after the
//     handler returned. A handler that commits to storage before returning ok therefore gets
//     "acknowledged => stored", which is the point of this class (see mqtt_codec.hpp for why no
//     client library could give it).
//   - an error: none is acknowledged; the connection is kept (and served: keep alive, new
//     messages join the batch) and the batch is handed over again after a backoff (min_backoff
//     doubling up to max_backoff), until the handler takes it (issue 18, item 4). A connection
//     lost meanwhile makes the broker deliver the unacknowledged messages again (flagged dup).
//     The handler must be idempotent. A connection that breaks while messages are held hands
//     them over once more before it is made again (a broker that crashed may have lost them).
// A message the handler can never take (a malformed payload) must be answered ok by the handler,
// or it would come back forever.
//
// Lost connections, refused CONNECTs and refused SUBSCRIBEs are retried at once the first time,
// then with exponential backoff (min_backoff doubling up to max_backoff; reset once subscribed):
// the sooner we subscribe again after a broker restart, the less a broker that lost our session
// drops (issue 18, item 3). A session the broker did not resume, after this process had one, is
// logged as a warning and counted (SubscriberStats::sessions_lost). Keep alive: PINGREQ when
// nothing was sent for keep_alive_s; no PINGRESP within keep_alive_s drops the connection.
// Logs through spdlog, never a password. Plain TCP or TLS (mqtt_url.hpp, mqtt_transport.hpp), with
// a user name and password when the URL or `password` gives them (issue 12).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

#include "adapters/mqtt/mqtt_url.hpp"
#include "core/result.hpp"

namespace hearth::adapters::mqtt {

/// One received application message. QoS 0 messages are handed over too (nothing to acknowledge).
struct Message {
  std::string topic;
  std::string payload;
  int qos = 1;
  bool dup = false;  ///< the broker sent it before (our earlier connection did not acknowledge it)
};

/// Called on the subscriber's thread, one batch at a time. See the header comment for what its
/// result means. It may block (a database commit); the connection is not served meanwhile.
using BatchHandler = std::function<Status(std::span<const Message> batch)>;

struct SubscriberOptions {
  std::string url;  ///< mqtt[s]://[USER[:PASSWORD]@]HOST[:PORT] (mqtt_url.hpp)
  std::optional<std::string> password;  ///< overrides the URL's (ResolveMqttPassword)
  std::string ca_file;                  ///< mqtts://: trusted CAs (PEM); empty: the system's
  std::string client_id;     ///< stable across restarts: it names the persistent session
  std::string topic_filter;  ///< e.g. hearth/v1/readings/+ or $share/hearth/hearth/v1/readings/#
  uint16_t keep_alive_s = 30;
  uint16_t max_in_flight = 1000;  ///< Receive Maximum: unacknowledged messages, the largest batch
  uint32_t max_packet_bytes = 1u << 20;  ///< larger messages are dropped by the broker
  std::chrono::milliseconds min_backoff{100};
  std::chrono::milliseconds max_backoff{2'000};
  std::chrono::milliseconds connect_timeout{10'000};  ///< TCP connect, then CONNACK
};

/// Counters since Start(); each read is atomic, the set is not a snapshot.
struct SubscriberStats {
  int64_t sessions = 0;      ///< successful CONNACKs
  int64_t messages = 0;      ///< handed to the handler (redeliveries included)
  int64_t acknowledged = 0;  ///< PUBACKs sent
  int64_t batches = 0;
  int64_t failed_batches = 0;  ///< the handler returned an error: nothing acknowledged
  /// CONNACKs without the session after this process had one: the broker lost it.
  int64_t sessions_lost = 0;
  bool subscribed = false;  ///< now
};

class Subscriber {
 public:
  /// `handler` is called on the subscriber's thread only.
  Subscriber(SubscriberOptions options, BatchHandler handler);
  ~Subscriber();  ///< Stop()
  Subscriber(const Subscriber&) = delete;
  Subscriber& operator=(const Subscriber&) = delete;

  /// Checks the options (invalid_argument: the URL, the CA file, an empty client id or filter)
  /// and starts the
  /// thread. Does not wait for the broker: the first connection, like every reconnection, is
  /// made in the background.
  Status Start();
  /// Ends the session's connection (a normal DISCONNECT: the broker keeps the session) and joins
  /// the thread, after the handler's current batch if one is running. Idempotent.
  void Stop();

  /// Connected and subscribed (SUBACK received).
  bool subscribed() const { return subscribed_.load(); }
  SubscriberStats stats() const;

 private:
  void Run();
  Status RunSession();
  /// Hands the batch to the handler, counting it (and a failure).
  Status Handle(std::span<const Message> batch);

  SubscriberOptions options_;
  BatchHandler handler_;
  MqttUrl url_;
  int wake_fd_ = -1;  ///< eventfd: Stop() wakes the thread from poll() and backoff sleeps
  std::atomic<bool> stopping_{false};
  std::atomic<bool> subscribed_{false};
  std::atomic<int64_t> sessions_{0}, messages_{0}, acknowledged_{0}, batches_{0},
      failed_batches_{0}, sessions_lost_{0};
  std::thread thread_;
};

}  // namespace hearth::adapters::mqtt

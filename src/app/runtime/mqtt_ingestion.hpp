// `hearth serve --mqtt URL [--mqtt-shared] [--mqtt-client-id ID]`: readings ingested from the
// broker (issue 5), beside the HTTP API.
//
// The subscription is `hearth/v1/readings/+` at QoS 1 in a persistent session named by the
// client id; with --mqtt-shared it is `$share/hearth/hearth/v1/readings/#`, so that several
// instances split the readings between them. The default client id is hearth-<host>-<HTTP port>:
// stable across restarts of one instance, different between instances on one host. Readings
// published while the instance is down wait in its session; an instance that is killed gets its
// unacknowledged readings back when it comes back under the same id. With a shared subscription,
// mosquitto keeps handing a stopped instance its share (they queue in its session until it comes
// back): an instance retired for good leaves its session to be ended on the broker.
//
// Issue 12: the broker is logged in to with a user name and password (the URL's, else
// --mqtt-password-file, else $HEARTH_MQTT_PASSWORD), over TLS with mqtts:// (--mqtt-ca-file), and
// at start a probe checks that the broker keeps what is published while Hearth is away
// (--mqtt-probe-messages; docs/broker.md). Logs show the URL without its password.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "adapters/mqtt/mqtt_subscriber.hpp"
#include "adapters/mqtt/queue_probe.hpp"
#include "adapters/mqtt/reading_payload.hpp"
#include "app/runtime/runtime.hpp"
#include "core/result.hpp"
#include "app/runtime/mqtt_batches.hpp"

namespace hearth::app::runtime {

struct MqttFlags {
  std::string url;  ///< empty: no MQTT ingest; mqtt[s]://[USER[:PASSWORD]@]HOST[:PORT]
  bool shared = false;
  std::string client_id;      ///< empty: hearth-<host>-<http port>
  std::string password_file;  ///< the password's file; else $HEARTH_MQTT_PASSWORD
  std::string ca_file;        ///< mqtts://: the CAs to trust (PEM); empty: the system's
  int probe_messages = 2000;  ///< the start-up queue probe's messages; 0: no probe
};

/// The topic filter of the flags: the shared subscription or the plain one.
std::string MqttTopicFilter(bool shared);

/// The running ingest: stops (and logs its counters) on destruction, which must come before the
/// runtime's.
class MqttIngestion {
 public:
  /// `durable`: as MqttIngest's (the database watch), or empty.
  MqttIngestion(services::IngestService& ingest, adapters::mqtt::SubscriberOptions options,
                std::function<Status()> durable = {});
  ~MqttIngestion();
  Status Start();
  /// Readiness (issue 18, item 2): ok while subscribed to the broker; else unavailable, saying
  /// so (readings wait in the broker meanwhile).
  Status Ready() const;
  /// The subscriber's counters, for /metrics.
  adapters::mqtt::SubscriberStats stats() const { return subscriber_.stats(); }
  /// Runs the broker queue probe (adapters/mqtt/queue_probe.hpp) in the background and logs
  /// its verdict: a warning naming max_queued_messages when the broker lost queued messages.
  Status StartProbe(adapters::mqtt::QueueProbeOptions options);

 private:
  app::runtime::MqttIngest ingest_;
  adapters::mqtt::Subscriber subscriber_;
  bool started_ = false;
  int probe_wake_fd_ = -1;  ///< eventfd: ends the probe early at stop
  std::thread probe_;
};

/// Logs what the probe found (a warning when the broker lost messages). Separate for its test.
void LogProbeResult(const Result<adapters::mqtt::QueueProbeResult>& result);

/// Checks the flags (invalid_argument naming `mqtt`) and starts subscribing in the background.
/// Precondition: rt.ingest is set (a database is open).
Result<std::unique_ptr<MqttIngestion>> StartMqttIngestion(Runtime& rt, const MqttFlags& flags,
                                                          uint16_t http_port);

}  // namespace hearth::app::runtime

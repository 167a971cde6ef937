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
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "adapters/mqtt/mqtt_subscriber.hpp"
#include "adapters/mqtt/reading_payload.hpp"
#include "app/runtime/runtime.hpp"
#include "core/result.hpp"
#include "app/runtime/mqtt_batches.hpp"

namespace hearth::app::runtime {

struct MqttFlags {
  std::string url;  ///< empty: no MQTT ingest
  bool shared = false;
  std::string client_id;  ///< empty: hearth-<host>-<http port>
};

/// The topic filter of the flags: the shared subscription or the plain one.
std::string MqttTopicFilter(bool shared);

/// The running ingest: stops (and logs its counters) on destruction, which must come before the
/// runtime's.
class MqttIngestion {
 public:
  MqttIngestion(services::IngestService& ingest, adapters::mqtt::SubscriberOptions options);
  ~MqttIngestion();
  Status Start();

 private:
  app::runtime::MqttIngest ingest_;
  adapters::mqtt::Subscriber subscriber_;
  bool started_ = false;
};

/// Checks the flags (invalid_argument naming `mqtt`) and starts subscribing in the background.
/// Precondition: rt.ingest is set (a database is open).
Result<std::unique_ptr<MqttIngestion>> StartMqttIngestion(Runtime& rt, const MqttFlags& flags,
                                                          uint16_t http_port);

}  // namespace hearth::app::runtime

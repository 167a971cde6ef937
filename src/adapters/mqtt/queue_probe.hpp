// Does the broker keep what is published while Hearth is away? (issue 12: with mosquitto's
// default max_queued_messages of 1000, a kill -9 of hearth during a 30,000-message burst lost
// 27,563 readings at the broker, and nothing said so.)
//
// The probe asks the broker directly, with the service account of `hearth serve`:
//   1. a throwaway persistent session subscribes at QoS 1 to hearth/v1/probe/<client id> and
//      disconnects (the broker keeps the session, as it keeps Hearth's own);
//   2. a second connection publishes `messages` QoS 1 messages to that topic;
//   3. the first session comes back, takes (and acknowledges) what the broker queued for it, and
//      ends itself.
// Fewer messages back than published means the broker drops queued messages of a disconnected
// session beyond some limit: max_queued_messages (or max_queued_bytes) in mosquitto.
// The account needs `topic readwrite hearth/v1/probe/#` (the acl_file of
// `hearth devices export-mosquitto` grants it to service accounts).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "adapters/mqtt/mqtt_url.hpp"
#include "core/result.hpp"

namespace hearth::adapters::mqtt {

inline constexpr std::string_view kProbeTopicPrefix = "hearth/v1/probe/";

struct QueueProbeOptions {
  MqttUrl url;            ///< password resolved
  std::string ca_file;    ///< mqtts://
  std::string client_id;  ///< the probe's sessions are <client_id>-probe and <client_id>-probe-pub
  int messages = 2000;    ///< 1..65535
  std::chrono::milliseconds timeout{20'000};  ///< for each of the three steps
  std::chrono::milliseconds quiet{1'000};     ///< step 3 ends after this long without a message
};

struct QueueProbeResult {
  int published = 0;  ///< acknowledged by the broker
  int delivered = 0;  ///< came back to the probe's session
};

/// Runs the probe (blocking; a few seconds at most unless the broker is slow). `wake_fd` (an
/// eventfd, or -1) ends it early: unavailable("stopped"). Errors: unavailable (the broker cannot
/// be reached, or refused the login), permission_denied (the ACL refused the probe's topic).
Result<QueueProbeResult> ProbeBrokerQueue(const QueueProbeOptions& options, int wake_fd);

}  // namespace hearth::adapters::mqtt

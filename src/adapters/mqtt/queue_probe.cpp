#include "adapters/mqtt/queue_probe.hpp"

#include <poll.h>

#include <algorithm>
#include <set>

#include "adapters/mqtt/mqtt_codec.hpp"
#include "adapters/mqtt/mqtt_transport.hpp"

namespace hearth::adapters::mqtt {
namespace {

using Clock = Transport::Clock;
using std::chrono::milliseconds;

struct OwnedFrame {
  PacketType type{};
  uint8_t flags = 0;
  std::string body;
};

// The next packet, or nullopt when none came before `deadline`; an error when the connection
// broke or the wake fd fired.
Result<std::optional<OwnedFrame>> NextPacket(Transport& t, Clock::time_point deadline) {
  for (;;) {
    auto f = NextFrame(t.in, 1u << 20);
    if (!f.ok()) return f.error();
    if (f->has_value()) {
      OwnedFrame out{(*f)->type, (*f)->flags, std::string((*f)->body)};
      t.in.erase(0, (*f)->size);
      return std::optional<OwnedFrame>(std::move(out));
    }
    int ready = t.Wait(POLLIN, deadline);
    if (ready < 0) return Error::Unavailable("mqtt: probe stopped");
    if (ready == 0) return std::optional<OwnedFrame>();
    auto n = t.ReadAvailable(1 << 20);
    if (!n.ok()) return n.error();
  }
}

// Connects and returns the broker's CONNACK; unavailable when it refuses.
Result<Connack> Login(Transport& t, const QueueProbeOptions& o, ConnectOptions co) {
  if (auto s = t.Open(o.url.host, o.url.port, o.timeout, TlsOptions{o.url.tls, o.ca_file});
      !s.ok()) {
    return s.error();
  }
  co.username = o.url.username;
  co.password = o.url.password;
  if (auto s = t.Write(EncodeConnect(co), o.timeout); !s.ok()) return s.error();
  auto f = NextPacket(t, Clock::now() + o.timeout);
  if (!f.ok()) return f.error();
  if (!*f || (*f)->type != PacketType::kConnack) {
    return Error::Unavailable("mqtt: probe: no CONNACK from the broker");
  }
  auto connack = DecodeConnack((*f)->body);
  if (!connack.ok()) return connack.error();
  if (connack->reason != 0) {
    return Error::Unavailable("mqtt: probe: the broker refused the login: " +
                              ReasonName(connack->reason));
  }
  return connack;
}

}  // namespace

Result<QueueProbeResult> ProbeBrokerQueue(const QueueProbeOptions& o, int wake_fd) {
  if (o.messages < 1 || o.messages > 65535) {
    return Error::InvalidArgument("--mqtt-probe-messages: 1 to 65535", "mqtt-probe-messages");
  }
  const std::string session = o.client_id + "-probe";
  const std::string topic = std::string(kProbeTopicPrefix) + o.client_id;
  QueueProbeResult result;

  {  // 1. The session subscribes, and goes away.
    Transport t(wake_fd);
    ConnectOptions co;
    co.client_id = session;
    co.clean_start = true;  // nothing left from an earlier probe
    co.session_expiry_s = 600;
    auto connack = Login(t, o, co);
    if (!connack.ok()) return connack.error();
    if (auto s = t.Write(EncodeSubscribe(1, topic, 1), o.timeout); !s.ok()) return s.error();
    auto f = NextPacket(t, Clock::now() + o.timeout);
    if (!f.ok()) return f.error();
    if (!*f || (*f)->type != PacketType::kSuback) {
      return Error::Unavailable("mqtt: probe: no SUBACK from the broker");
    }
    auto suback = DecodeSuback((*f)->body);
    if (!suback.ok()) return suback.error();
    if (suback->reasons.empty() || suback->reasons[0] >= 0x80) {
      return Error::PermissionDenied(
          "mqtt: probe: the broker refused the subscription to " + topic + ": " +
          ReasonName(suback->reasons.empty() ? 0x80 : suback->reasons[0]));
    }
    (void)t.Write(EncodeDisconnect(), o.timeout);
  }

  {  // 2. Messages are published while it is away.
    Transport t(wake_fd);
    ConnectOptions co;
    co.client_id = session + "-pub";
    co.clean_start = true;
    co.session_expiry_s = 0;
    auto connack = Login(t, o, co);
    if (!connack.ok()) return connack.error();
    const int window = std::max<int>(1, connack->receive_maximum.value_or(65535));
    auto deadline = Clock::now() + o.timeout;
    int sent = 0, acked = 0;
    while (acked < o.messages) {
      std::string out;
      while (sent < o.messages && sent - acked < window) {
        ++sent;
        out += EncodePublish(topic, std::to_string(sent), 1, static_cast<uint16_t>(sent));
      }
      if (!out.empty()) {
        if (auto s = t.Write(out, o.timeout); !s.ok()) return s.error();
      }
      auto f = NextPacket(t, deadline);
      if (!f.ok()) return f.error();
      if (!*f) return Error::Unavailable("mqtt: probe: the broker did not acknowledge in time");
      if ((*f)->type != PacketType::kPuback) continue;
      auto ack = DecodePuback((*f)->body);
      if (!ack.ok()) return ack.error();
      if (ack->reason >= 0x80) {
        return Error::PermissionDenied("mqtt: probe: the broker refused a publish to " + topic +
                                       ": " + ReasonName(ack->reason));
      }
      ++acked;
    }
    result.published = acked;
    (void)t.Write(EncodeDisconnect(), o.timeout);
  }

  {  // 3. The session comes back for what the broker kept, and ends.
    Transport t(wake_fd);
    ConnectOptions co;
    co.client_id = session;
    co.clean_start = false;
    co.session_expiry_s = 0;  // ends with this connection
    auto connack = Login(t, o, co);
    if (!connack.ok()) return connack.error();
    std::set<std::string> seen;
    auto deadline = Clock::now() + o.timeout;
    while (static_cast<int>(seen.size()) < result.published && Clock::now() < deadline) {
      auto f = NextPacket(t, std::min(deadline, Clock::now() + o.quiet));
      if (!f.ok()) return f.error();
      if (!*f) break;  // quiet: the broker has nothing more
      if ((*f)->type != PacketType::kPublish) continue;
      auto p = DecodePublish((*f)->flags, (*f)->body);
      if (!p.ok()) return p.error();
      if (p->topic == topic) seen.insert(std::string(p->payload));
      if (p->qos == 1) {
        if (auto s = t.Write(EncodePuback(p->packet_id), o.timeout); !s.ok()) return s.error();
      }
    }
    result.delivered = static_cast<int>(seen.size());
    (void)t.Write(EncodeDisconnect(), o.timeout);
  }
  return result;
}

}  // namespace hearth::adapters::mqtt

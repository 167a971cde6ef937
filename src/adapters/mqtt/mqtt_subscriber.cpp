#include "adapters/mqtt/mqtt_subscriber.hpp"

#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <vector>

#include "adapters/mqtt/mqtt_codec.hpp"
#include "adapters/mqtt/mqtt_transport.hpp"

namespace hearth::adapters::mqtt {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

Error Lost(std::string what) { return Error::Unavailable("mqtt: " + what); }

std::string Errno(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

}  // namespace

Subscriber::Subscriber(SubscriberOptions options, BatchHandler handler)
    : options_(std::move(options)), handler_(std::move(handler)) {}

Subscriber::~Subscriber() {
  Stop();
  if (wake_fd_ >= 0) close(wake_fd_);
}

Status Subscriber::Start() {
  auto url = ParseMqttUrl(options_.url);
  if (!url.ok()) return url.error();
  if (options_.password) url->password = options_.password;
  if (url->password && !url->username) {
    return Error::InvalidArgument("--mqtt: a password needs a user name (mqtt://USER@HOST)", "mqtt");
  }
  if (auto s = CheckCaFile(options_.ca_file); !s.ok()) return s;
  if (options_.client_id.empty() || options_.client_id.size() > 65535) {
    return Error::InvalidArgument("--mqtt-client-id: must not be empty", "mqtt-client-id");
  }
  if (options_.topic_filter.empty()) return Error::InvalidArgument("mqtt: empty topic filter");
  if (thread_.joinable()) return Error::FailedPrecondition("mqtt: the subscriber is running");
  url_ = std::move(*url);
  if (wake_fd_ < 0) wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (wake_fd_ < 0) return Error::Internal(Errno("eventfd"));
  stopping_ = false;
  thread_ = std::thread([this] { Run(); });
  return OkStatus();
}

void Subscriber::Stop() {
  if (!thread_.joinable()) return;
  stopping_ = true;
  uint64_t one = 1;
  [[maybe_unused]] ssize_t n = write(wake_fd_, &one, sizeof one);
  thread_.join();
  subscribed_ = false;
}

SubscriberStats Subscriber::stats() const {
  return {sessions_.load(),   messages_.load(),       acknowledged_.load(),
          batches_.load(),    failed_batches_.load(), sessions_lost_.load(),
          subscribed_.load()};
}

void Subscriber::Run() {
  // The first attempt after a session ends is immediate: a broker that restarted is usually
  // back, and every moment without our subscription is a moment in which a broker that lost our
  // session drops what devices publish (issue 18, item 3). Backoff only when attempts keep
  // failing.
  milliseconds backoff{0};
  while (!stopping_) {
    Status s = RunSession();
    bool was_subscribed = subscribed_.exchange(false);
    if (stopping_) break;
    if (was_subscribed) backoff = milliseconds{0};
    const Error& e = s.ok() ? Error::Unavailable("mqtt: session ended") : s.error();
    spdlog::warn("{}{}{}; reconnecting to {} {}", e.message, e.detail.empty() ? "" : ": ",
                 e.detail, MaskMqttUrl(options_.url),
                 backoff.count() == 0 ? std::string("now")
                                      : "in " + std::to_string(backoff.count()) + " ms");
    pollfd wake{wake_fd_, POLLIN, 0};
    if (backoff.count() > 0) poll(&wake, 1, static_cast<int>(backoff.count()));
    backoff = backoff.count() == 0 ? options_.min_backoff
                                   : std::min(backoff * 2, options_.max_backoff);
  }
}

Status Subscriber::Handle(std::span<const Message> batch) {
  messages_ += static_cast<int64_t>(batch.size());
  ++batches_;
  Status handled = Error::Internal("handler threw");
  try {
    handled = handler_(batch);
  } catch (const std::exception& e) {
    handled = Error::Internal(std::string("mqtt handler threw: ") + e.what());
  }
  if (!handled.ok()) ++failed_batches_;
  return handled;
}

Status Subscriber::RunSession() {
  Transport c(wake_fd_);
  if (auto s = c.Open(url_.host, url_.port, options_.connect_timeout,
                      TlsOptions{url_.tls, options_.ca_file});
      !s.ok()) {
    return s;
  }
  const milliseconds write_timeout = options_.connect_timeout;
  // The broker may send a packet of max_packet_bytes; its fixed header adds at most five.
  const uint32_t max_frame = options_.max_packet_bytes;

  ConnectOptions co;
  co.client_id = options_.client_id;
  co.keep_alive_s = options_.keep_alive_s;
  co.receive_maximum = options_.max_in_flight;
  co.maximum_packet_size = options_.max_packet_bytes + 5;
  co.username = url_.username;
  co.password = url_.password;
  if (auto s = c.Write(EncodeConnect(co), write_timeout); !s.ok()) return s;

  // CONNACK is the first packet the broker sends.
  auto deadline = Clock::now() + options_.connect_timeout;
  std::optional<Frame> first;
  for (;;) {
    auto f = NextFrame(c.in, max_frame);
    if (!f.ok()) return f.error();
    if (f->has_value()) {
      first = **f;
      break;
    }
    int ready = c.Wait(POLLIN, deadline);
    if (ready < 0) return OkStatus();
    if (ready == 0) return Lost("no CONNACK from the broker");
    auto n = c.ReadAvailable(1 << 20);
    if (!n.ok()) return n.error();
  }
  if (first->type != PacketType::kConnack) return Lost("the broker's first packet is not CONNACK");
  auto connack = DecodeConnack(first->body);
  if (!connack.ok()) return connack.error();
  c.in.erase(0, first->size);
  if (connack->reason != 0) {
    return Lost("the broker refused the connection: " + ReasonName(connack->reason) +
                (connack->reason_string.empty() ? "" : " " + connack->reason_string));
  }
  const auto keep_alive =
      std::chrono::seconds(connack->server_keep_alive.value_or(options_.keep_alive_s));
  // Once this process has had a session, every later one should resume it: a new one means the
  // broker lost it (a crash before it saved its state, or an expiry), and with it whatever it
  // had queued for us and whatever devices published before we subscribed again.
  if (!connack->session_present && sessions_.load() > 0) {
    ++sessions_lost_;
    spdlog::warn(
        "mqtt: the broker at {} did not resume session {}: it lost the session (a crash or "
        "restart without persistence?); messages queued for it, and any published before this "
        "subscription, are gone (docs/broker.md)",
        MaskMqttUrl(options_.url), options_.client_id);
  } else {
    spdlog::info("mqtt: connected to {} as {} (session {})", MaskMqttUrl(options_.url),
                 options_.client_id, connack->session_present ? "resumed" : "new");
  }
  ++sessions_;

  // Subscribing again on a resumed session is harmless, and covers a session the broker lost.
  constexpr uint16_t kSubscribeId = 1;
  if (auto s = c.Write(EncodeSubscribe(kSubscribeId, options_.topic_filter, 1), write_timeout);
      !s.ok()) {
    return s;
  }
  auto last_send = Clock::now();
  std::optional<Clock::time_point> ping_sent;

  std::vector<Message> batch;
  std::vector<uint16_t> acks;  // packet ids of the batch's QoS 1 messages, in arrival order
  milliseconds retry_delay{0};  // after the batch failed: the wait before trying it again
  Clock::time_point retry_at{};
  for (;;) {
    if (stopping_) {
      (void)c.Write(EncodeDisconnect(), milliseconds(1000));
      return OkStatus();
    }
    auto read = c.ReadAvailable(4u << 20);
    // A connection that broke still delivered what it read before: parsed below, and stored.
    std::optional<Error> broken;
    if (!read.ok()) broken = read.error();
    bool progressed = read.ok() && *read > 0;
    size_t consumed = 0;
    while (batch.size() < options_.max_in_flight) {
      auto f = NextFrame(std::string_view(c.in).substr(consumed), max_frame);
      if (!f.ok()) return f.error();
      if (!f->has_value()) break;
      const Frame& frame = **f;
      consumed += frame.size;
      progressed = true;
      switch (frame.type) {
        case PacketType::kPublish: {
          auto p = DecodePublish(frame.flags, frame.body);
          if (!p.ok()) return p.error();
          if (p->qos > 1) return Lost("a QoS 2 PUBLISH on a QoS 1 subscription");
          batch.push_back({std::string(p->topic), std::string(p->payload), p->qos, p->dup});
          if (p->qos == 1) acks.push_back(p->packet_id);
          break;
        }
        case PacketType::kSuback: {
          auto s = DecodeSuback(frame.body);
          if (!s.ok()) return s.error();
          if (s->packet_id != kSubscribeId || s->reasons[0] >= 0x80) {
            return Lost("the broker refused the subscription to " + options_.topic_filter + ": " +
                        ReasonName(s->reasons[0]));
          }
          subscribed_ = true;
          spdlog::info("mqtt: subscribed to {} (QoS {})", options_.topic_filter, s->reasons[0]);
          break;
        }
        case PacketType::kPingresp:
          ping_sent.reset();
          break;
        case PacketType::kDisconnect: {
          auto d = DecodeDisconnect(frame.body);
          return Lost("the broker disconnected: " +
                      (d.ok() ? ReasonName(d->reason) + " " + d->reason_string : "malformed"));
        }
        default:
          return Lost("unexpected packet type " + std::to_string(static_cast<int>(frame.type)));
      }
    }
    c.in.erase(0, consumed);
    if (broken) {
      // The messages we hold cannot be acknowledged any more, and a broker that crashed may
      // have lost them with its state (docs/broker.md): store them now, once, so that what
      // reached us is not lost with it. Redelivered after all, they are duplicates.
      if (!batch.empty()) (void)Handle(batch);
      return *broken;
    }

    // After reading, so that a PINGRESP that came while the handler ran is seen first.
    if (auto now = Clock::now(); keep_alive.count() > 0) {
      if (ping_sent && now - *ping_sent >= keep_alive) return Lost("no PINGRESP from the broker");
      if (!ping_sent && now - last_send >= keep_alive) {
        if (auto s = c.Write(EncodePingreq(), write_timeout); !s.ok()) return s;
        ping_sent = last_send = now;
      }
    }

    if (!batch.empty() && Clock::now() >= retry_at) {
      Status handled = Handle(batch);
      if (!handled.ok()) {
        // Nothing of this batch is acknowledged. The connection is fine: keep it, keep serving
        // it (PINGREQ, new messages join the batch) and try the batch again after a short
        // backoff, so that ingest resumes within one retry of storage coming back (issue 18,
        // item 4).
        retry_delay = retry_delay.count() == 0 ? options_.min_backoff
                                               : std::min(retry_delay * 2, options_.max_backoff);
        retry_at = Clock::now() + retry_delay;
        spdlog::warn("mqtt: a batch of {} messages was not stored ({}{}{}); nothing acknowledged, "
                     "trying again in {} ms",
                     batch.size(), handled.error().message,
                     handled.error().detail.empty() ? "" : ": ", handled.error().detail,
                     retry_delay.count());
        continue;
      }
      retry_delay = milliseconds{0};
      if (!acks.empty()) {
        std::string out;
        out.reserve(acks.size() * 4);
        for (uint16_t id : acks) out += EncodePuback(id);
        if (auto s = c.Write(out, write_timeout); !s.ok()) return s;
        acknowledged_ += static_cast<int64_t>(acks.size());
        last_send = Clock::now();
      }
      batch.clear();
      acks.clear();
      continue;
    }
    if (progressed) continue;

    // Idle: sleep until data, Stop(), the next keep-alive duty or the failed batch's retry.
    auto next = Clock::now() + std::chrono::seconds(60);
    if (keep_alive.count() > 0) next = (ping_sent ? *ping_sent : last_send) + keep_alive;
    if (!batch.empty()) next = std::min(next, retry_at);
    if (c.Wait(POLLIN, next) < 0) continue;  // Stop(): handled at the top of the loop
  }
}

}  // namespace hearth::adapters::mqtt

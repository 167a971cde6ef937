#include "app/runtime/mqtt_ingestion.hpp"

#include <spdlog/spdlog.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cstdlib>

namespace hearth::app::runtime {

std::string MqttTopicFilter(bool shared) {
  return shared ? "$share/hearth/hearth/v1/readings/#"
                : std::string(adapters::mqtt::kReadingsTopicPrefix) + "+";
}

MqttIngestion::MqttIngestion(services::IngestService& ingest,
                             adapters::mqtt::SubscriberOptions options,
                             std::function<Status()> durable)
    : ingest_(ingest, std::move(durable)),
      subscriber_(std::move(options), [this](std::span<const adapters::mqtt::Message> batch) {
        return ingest_.HandleBatch(batch);
      }) {}

Status MqttIngestion::Start() {
  auto s = subscriber_.Start();
  started_ = s.ok();
  return s;
}

MqttIngestion::~MqttIngestion() {
  if (probe_.joinable()) {
    uint64_t one = 1;
    [[maybe_unused]] ssize_t n = write(probe_wake_fd_, &one, sizeof one);
    probe_.join();
  }
  if (probe_wake_fd_ >= 0) close(probe_wake_fd_);
  subscriber_.Stop();
  if (!started_) return;
  auto s = ingest_.stats();
  spdlog::info(
      "mqtt: stopped after {} messages: {} readings stored, {} duplicate, {} conflicting, {} "
      "rejected, {} invalid messages, {} failed batches",
      s.messages, s.accepted, s.duplicate, s.conflicting, s.rejected, s.invalid_messages,
      s.storage_errors);
}

Status MqttIngestion::Ready() const {
  if (subscriber_.subscribed()) return OkStatus();
  return Error::Unavailable("not connected to the MQTT broker: readings published meanwhile wait "
                            "in the broker");
}

Status MqttIngestion::StartProbe(adapters::mqtt::QueueProbeOptions options) {
  probe_wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (probe_wake_fd_ < 0) return Error::Internal("eventfd failed");
  probe_ = std::thread([this, o = std::move(options)] {
    LogProbeResult(adapters::mqtt::ProbeBrokerQueue(o, probe_wake_fd_));
  });
  return OkStatus();
}

void LogProbeResult(const Result<adapters::mqtt::QueueProbeResult>& r) {
  if (!r.ok()) {
    if (r.error().message == "mqtt: probe stopped") return;
    spdlog::warn(
        "mqtt: could not check that the broker keeps messages queued while hearth is away: {} "
        "(docs/broker.md)",
        r.error().message);
    return;
  }
  if (r->delivered < r->published) {
    spdlog::warn(
        "mqtt: the broker LOST {} of {} messages queued for a disconnected session: readings "
        "published while hearth is stopped or behind will be dropped. Raise mosquitto's "
        "max_queued_messages (default 1000; 0 is unlimited) and max_queued_bytes (docs/broker.md)",
        r->published - r->delivered, r->published);
    return;
  }
  spdlog::info("mqtt: broker queue probe: {} of {} messages queued for a disconnected session came "
               "back",
               r->delivered, r->published);
}

Result<std::unique_ptr<MqttIngestion>> StartMqttIngestion(Runtime& rt, const MqttFlags& flags,
                                                          uint16_t http_port) {
  if (!rt.db) return Error::FailedPrecondition("--mqtt needs a database");
  auto url = adapters::mqtt::ParseMqttUrl(flags.url);
  if (!url.ok()) return url.error();
  if (auto s = adapters::mqtt::ResolveMqttPassword(*url, flags.password_file,
                                                   std::getenv("HEARTH_MQTT_PASSWORD"));
      !s.ok()) {
    return s.error();
  }
  if (flags.probe_messages < 0 || flags.probe_messages > 65535) {
    return Error::InvalidArgument("--mqtt-probe-messages: 0 (no probe) to 65535",
                                  "mqtt-probe-messages");
  }
  adapters::mqtt::SubscriberOptions o;
  o.url = flags.url;
  o.password = url->password;
  o.ca_file = flags.ca_file;
  o.client_id = flags.client_id;
  if (o.client_id.empty()) {
    char host[256] = {};
    bool named = gethostname(host, sizeof host - 1) == 0 && host[0] != '\0';
    o.client_id = "hearth-" + std::string(named ? host : "host") + "-" + std::to_string(http_port);
  }
  o.topic_filter = MqttTopicFilter(flags.shared);
  const std::string client_id = o.client_id;
  auto ingestion = std::make_unique<MqttIngestion>(rt.db->ingest, std::move(o),
                                                   [&rt] { return rt.db->watch.Check(); });
  if (auto s = ingestion->Start(); !s.ok()) return s.error();
  spdlog::info("mqtt: ingesting readings from {} ({}, client id {}{})",
               adapters::mqtt::MaskMqttUrl(flags.url), MqttTopicFilter(flags.shared), client_id,
               url->username ? ", user " + *url->username : std::string(", anonymous"));
  if (flags.probe_messages > 0) {
    adapters::mqtt::QueueProbeOptions probe;
    probe.url = *url;
    probe.ca_file = flags.ca_file;
    probe.client_id = client_id;
    probe.messages = flags.probe_messages;
    if (auto s = ingestion->StartProbe(std::move(probe)); !s.ok()) return s.error();
  }
  return ingestion;
}

}  // namespace hearth::app::runtime

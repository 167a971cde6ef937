#include "app/runtime/mqtt_ingestion.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

namespace hearth::app::runtime {

std::string MqttTopicFilter(bool shared) {
  return shared ? "$share/hearth/hearth/v1/readings/#"
                : std::string(adapters::mqtt::kReadingsTopicPrefix) + "+";
}

MqttIngestion::MqttIngestion(services::IngestService& ingest,
                             adapters::mqtt::SubscriberOptions options)
    : ingest_(ingest),
      subscriber_(std::move(options), [this](std::span<const adapters::mqtt::Message> batch) {
        return ingest_.HandleBatch(batch);
      }) {}

Status MqttIngestion::Start() {
  auto s = subscriber_.Start();
  started_ = s.ok();
  return s;
}

MqttIngestion::~MqttIngestion() {
  subscriber_.Stop();
  if (!started_) return;
  auto s = ingest_.stats();
  spdlog::info(
      "mqtt: stopped after {} messages: {} readings stored, {} duplicate, {} rejected, {} invalid "
      "messages, {} failed batches",
      s.messages, s.accepted, s.duplicate, s.rejected, s.invalid_messages, s.storage_errors);
}

Result<std::unique_ptr<MqttIngestion>> StartMqttIngestion(Runtime& rt, const MqttFlags& flags,
                                                          uint16_t http_port) {
  if (!rt.db) return Error::FailedPrecondition("--mqtt needs a database");
  adapters::mqtt::SubscriberOptions o;
  o.url = flags.url;
  o.client_id = flags.client_id;
  if (o.client_id.empty()) {
    char host[256] = {};
    bool named = gethostname(host, sizeof host - 1) == 0 && host[0] != '\0';
    o.client_id = "hearth-" + std::string(named ? host : "host") + "-" + std::to_string(http_port);
  }
  o.topic_filter = MqttTopicFilter(flags.shared);
  const std::string client_id = o.client_id;
  auto ingestion = std::make_unique<MqttIngestion>(rt.db->ingest, std::move(o));
  if (auto s = ingestion->Start(); !s.ok()) return s.error();
  spdlog::info("mqtt: ingesting readings from {} ({}, client id {})", flags.url,
               MqttTopicFilter(flags.shared), client_id);
  return ingestion;
}

}  // namespace hearth::app::runtime

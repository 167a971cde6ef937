// MQTT ingest: what the subscriber (adapters/mqtt/mqtt_subscriber.hpp) does with a batch of
// messages. Every message is decoded (adapters/mqtt/reading_payload.hpp), and the readings of the
// whole batch go to services::IngestService in one call, so one database commit covers every
// message of the batch and the PUBACKs follow it.
//
//   - a message that cannot be decoded (wrong topic, malformed payload) is logged and counted,
//     and acknowledged: sent again it would be just as wrong;
//   - a reading services::IngestService rejects (unknown sensor, malformed time, out of range,
//   future) is
//     counted and logged, and its message acknowledged, for the same reason;
//   - a storage error fails the batch: nothing is acknowledged, and the broker redelivers it.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <span>

#include "adapters/mqtt/mqtt_subscriber.hpp"
#include "core/result.hpp"
#include "services/ingest_service.hpp"

namespace hearth::app::runtime {

/// Counters since construction (each read is atomic; the set is not a snapshot).
struct MqttIngestStats {
  int64_t messages = 0;          ///< handled, redeliveries included
  int64_t invalid_messages = 0;  ///< undecodable: dropped (and acknowledged)
  int64_t accepted = 0;          ///< readings stored
  int64_t duplicate = 0;         ///< readings already stored under their (sensor, ts), same value
  int64_t conflicting = 0;       ///< … with another value: kept for review
  int64_t rejected = 0;          ///< readings services::IngestService refused
  int64_t storage_errors = 0;    ///< failed batches: not acknowledged, to be redelivered
};

/// Thread-safe. `ingest` is not owned and must outlive this. `durable`, when given, says whether
/// what is stored stays stored (the database watch: issue 12, finding 6); it is asked before a
/// batch and again before the batch is acknowledged, and a batch is acknowledged only if it holds.
class MqttIngest {
 public:
  explicit MqttIngest(services::IngestService& ingest, std::function<Status()> durable = {})
      : ingest_(ingest), durable_(std::move(durable)) {}

  /// The subscriber's BatchHandler: ok when every reading of the batch is durably stored or will
  /// never be (invalid); the store's error otherwise.
  Status HandleBatch(std::span<const adapters::mqtt::Message> batch);

  MqttIngestStats stats() const;

 private:
  services::IngestService& ingest_;
  std::function<Status()> durable_;
  std::atomic<int64_t> messages_{0}, invalid_messages_{0}, accepted_{0}, duplicate_{0},
      conflicting_{0}, rejected_{0}, storage_errors_{0};
};

}  // namespace hearth::app::runtime

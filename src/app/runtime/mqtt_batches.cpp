#include "app/runtime/mqtt_batches.hpp"

#include <spdlog/spdlog.h>

#include <map>
#include <string_view>
#include <vector>

#include "adapters/mqtt/reading_payload.hpp"

namespace hearth::app::runtime {

Status MqttIngest::HandleBatch(std::span<const adapters::mqtt::Message> batch) {
  std::vector<services::IncomingReading> readings;
  for (const adapters::mqtt::Message& m : batch) {
    auto decoded = adapters::mqtt::DecodeMqttReading(m.topic, m.payload);
    if (!decoded.ok()) {
      ++invalid_messages_;
      spdlog::warn("mqtt: dropped a message on {}: {}", m.topic, decoded.error().message);
      continue;
    }
    for (auto& r : *decoded) readings.push_back(std::move(r));
  }
  messages_ += static_cast<int64_t>(batch.size());
  if (readings.empty()) return OkStatus();

  if (durable_) {
    if (auto s = durable_(); !s.ok()) {
      ++storage_errors_;
      return s;
    }
  }
  auto report = ingest_.Ingest(readings, {}, "mqtt");
  if (report.ok() && durable_) {
    if (auto s = durable_(); !s.ok()) report = s.error();  // committed to a file that is gone
  }
  if (!report.ok()) {
    ++storage_errors_;
    return report.error();
  }
  accepted_ += report->accepted;
  duplicate_ += report->duplicate;
  conflicting_ += report->conflicting;
  if (!report->rejected.empty()) {
    rejected_ += static_cast<int64_t>(report->rejected.size());
    // One line per reason and batch, with one example: a misconfigured fleet must not flood the
    // log, and every kind of problem still shows.
    std::map<std::string_view, std::pair<int64_t, const services::Rejection*>> by_reason;
    for (const services::Rejection& x : report->rejected) {
      auto& [count, example] = by_reason[x.reason];
      if (count++ == 0) example = &x;
      spdlog::debug("mqtt: rejected sensor {} reading {}: {}", x.sensor, x.index, x.reason);
    }
    for (const auto& [reason, entry] : by_reason) {
      const services::Rejection& x = *entry.second;
      // Quarantined readings (issue 18, item 5) were committed with the batch: the alerts show
      // their sensors as clock-skew.
      spdlog::warn("mqtt: {} of {} readings rejected: {}{} (e.g. sensor {} at {})", entry.first,
                   readings.size(), reason, x.quarantined ? ", kept in quarantine" : "", x.sensor,
                   readings[static_cast<size_t>(x.index)].ts);
    }
  }
  return OkStatus();
}

MqttIngestStats MqttIngest::stats() const {
  return {messages_.load(),    invalid_messages_.load(), accepted_.load(), duplicate_.load(),
          conflicting_.load(), rejected_.load(),         storage_errors_.load()};
}

}  // namespace hearth::app::runtime

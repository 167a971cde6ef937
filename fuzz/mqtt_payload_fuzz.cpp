// Fuzz target: an MQTT reading message (topic hearth/v1/readings/<sensor>, JSON payload). The
// first byte is the topic's length. Properties: no crash or sanitizer report; a refusal says what
// is wrong; every reading decoded carries the topic's sensor.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/mqtt/reading_payload.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const size_t topic_size = std::min<size_t>(data[0], size - 1);
  std::string_view topic(reinterpret_cast<const char*>(data + 1), topic_size);
  std::string_view payload(reinterpret_cast<const char*>(data + 1 + topic_size),
                           size - 1 - topic_size);
  auto readings = hearth::adapters::mqtt::DecodeMqttReading(topic, payload);
  if (!readings.ok()) {
    if (readings.error().message.empty()) std::abort();
    return 0;
  }
  for (const auto& r : *readings) {
    if (r.sensor.empty() || topic.substr(topic.rfind('/') + 1) != r.sensor) std::abort();
  }
  return 0;
}

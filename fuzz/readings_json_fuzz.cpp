// Fuzz target: POST /api/v1/readings with a JSON array (simdjson). Properties: no crash or
// sanitizer report; a refusal says what is wrong; an accepted reading names its sensor.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/json/readings_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  auto readings = hearth::adapters::json::DecodeReadingsJson(body);
  if (!readings.ok()) {
    if (readings.error().message.empty()) std::abort();
    return 0;
  }
  for (const auto& r : *readings) {
    if (r.value.empty()) std::abort();
  }
  return 0;
}

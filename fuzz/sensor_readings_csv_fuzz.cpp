// Fuzz target: POST /api/v1/readings with text/csv (sensor,ts,value). Properties: no crash or
// sanitizer report; a refusal says what is wrong.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/csv/sensor_readings_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  auto readings = hearth::adapters::csv::DecodeSensorReadingsCsv(body);
  if (!readings.ok() && readings.error().message.empty()) std::abort();
  return 0;
}

// Fuzz target: the monitoring bodies: POST /api/v1/weather/daily (JSON or CSV) and
// POST /api/v1/measurements (JSON). The first byte picks the decoder. Properties: no crash or
// sanitizer report; a refusal says what is wrong.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/csv/weather_csv.hpp"
#include "adapters/json/measurement_json.hpp"
#include "adapters/json/weather_json.hpp"

namespace adapters = hearth::adapters;

template <typename R>
void Check(const R& r) {
  if (!r.ok() && r.error().message.empty()) std::abort();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  switch (data[0] % 3) {
    case 0: Check(adapters::json::ParseWeatherJson(body)); break;
    case 1: Check(adapters::csv::ParseWeatherCsv(body)); break;
    default: Check(adapters::json::ParseMeasurementJson(body)); break;
  }
  return 0;
}

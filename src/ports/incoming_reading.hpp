// One room-temperature reading as received, still text: what the payload decoders (adapters/json,
// adapters/csv, adapters/mqtt) produce and services::IngestService judges. It lives with the
// ports so that the adapters can produce it without depending on the services layer above them.
#pragma once

#include <string>

namespace hearth::ports {

struct IncomingReading {
  std::string sensor;  ///< device code
  std::string ts;      ///< RFC 3339
  std::string value;   ///< °C as decimal text, e.g. "18.2" (JSON's "1.82e1" is accepted too)
};

}  // namespace hearth::ports

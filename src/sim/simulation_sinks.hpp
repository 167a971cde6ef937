// Where `hearth simulate` and `hearth demo` send simulated readings (sim/simulation.hpp):
//   - MqttSink: publishes as sensors do, one message per sensor and window on
//     hearth/v1/readings/<sensor> at QoS 1 (a JSON array), waiting for the broker's PUBACKs;
//   - HttpSink: POST /api/v1/readings in batches, logged in as a company user or admin;
//   - InProcessSink: straight into the ingest service (hearth demo without a broker).
// Outdoor daily means go into the monitoring store in every case: the simulator runs beside the
// city's database, and a weather service has no MQTT topic here.
#pragma once

#include <memory>
#include <string>

#include "ports/monitoring_store.hpp"
#include "services/ingest_service.hpp"
#include "sim/simulation.hpp"

namespace hearth::sim {

class InProcessSink final : public sim::SimulationSink {
 public:
  InProcessSink(services::IngestService& ingest, ports::MonitoringStore& monitoring)
      : ingest_(ingest), monitoring_(monitoring) {}
  Status SendReadings(const std::vector<ports::IncomingReading>& readings) override;
  Status SendOutdoorMeans(const std::vector<ports::OutdoorMean>& means) override;

 private:
  services::IngestService& ingest_;
  ports::MonitoringStore& monitoring_;
};

/// Publishes as a gateway would, to mqtt[s]://[USER[:PASSWORD]@]HOST[:PORT] (adapters/mqtt/
/// mqtt_url.hpp; the password also from $HEARTH_MQTT_PASSWORD); mqtts:// trusts `ca_file` (empty:
/// the system's CAs). Connects on creation: invalid_argument for a bad URL, unavailable when the
/// broker cannot be reached or refuses the login.
Result<std::unique_ptr<sim::SimulationSink>> MakeMqttSink(const std::string& url,
                                                               const std::string& ca_file,
                                                               ports::MonitoringStore& monitoring);

/// Logs in on creation: unauthenticated or unavailable when that fails.
Result<std::unique_ptr<sim::SimulationSink>> MakeHttpSink(const std::string& base_url,
                                                               const std::string& username,
                                                               const std::string& password,
                                                               ports::MonitoringStore& monitoring);

}  // namespace hearth::sim

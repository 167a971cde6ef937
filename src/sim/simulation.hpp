// Running the season simulator over a city's records (hearth simulate, hearth demo): loads the
// sensors with what makes their rooms warm or cold (building, floor, orientation), builds one
// SeasonSimulator per policy profile (its season dates and design outdoor temperature), and feeds
// readings and outdoor daily means to a sink: over MQTT, over HTTP, or into the ingest service in
// process (the sinks live in app/, this knows none of them).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "ports/incoming_reading.hpp"
#include "ports/monitoring_store.hpp"
#include "ports/record_store.hpp"
#include "services/policy_registry.hpp"
#include "sim/season_simulator.hpp"

namespace hearth::sim {

/// Where simulated data goes. Send* return only once the data was accepted (for MQTT: the broker
/// acknowledged; for HTTP and in process: the server committed it).
class SimulationSink {
 public:
  virtual ~SimulationSink() = default;
  /// Readings of one window, grouped by sensor (the MQTT sink publishes one message per sensor).
  virtual Status SendReadings(const std::vector<ports::IncomingReading>& readings) = 0;
  virtual Status SendOutdoorMeans(const std::vector<ports::OutdoorMean>& means) = 0;
};

/// One simulated group of sensors: those of companies under one profile.
struct SimulatedCity {
  std::string policy;
  std::vector<int64_t> district_ids;  ///< of the buildings with sensors
  std::unique_ptr<SeasonSimulator> simulator;
};

struct SimulationCounts {
  int64_t readings = 0;
  int64_t outdoor_means = 0;
};

class Simulation {
 public:
  /// Loads every sensor of the records (or of one company) and the season that starts in
  /// `season_start_year` under each company's profile. failed_precondition when there is no
  /// sensor; the stores' errors.
  static Result<Simulation> Load(ports::RecordStore& records,
                                 const services::PolicyRegistry& policies, int season_start_year,
                                 SimOptions options);

  int64_t sensors() const;
  /// The first and the last day of the simulated seasons (the official periods).
  Date first_day() const { return first_; }
  Date last_day() const { return last_; }

  /// Sends every reading with from <= at < to, in windows of `window` (grouped by sensor within
  /// a window), and the outdoor means of the days from..to touches. Stops at the first error.
  Result<SimulationCounts> Run(SimulationSink& sink, Instant from, Instant to,
                               std::chrono::seconds window = std::chrono::hours{24}) const;

 private:
  std::vector<SimulatedCity> cities_;
  Date first_{}, last_{};
};

}  // namespace hearth::sim

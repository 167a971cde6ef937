// The demo city's heating stops (issue 15, R-OUT-1, R-OUT-2, R-REFUND-2), recorded through
// OutageService so that every notice obligation comes from the rules, as for real stops.
//
// What it makes, deterministic for (seed, now, the city), over options.season (whole) and the
// season after it (up to now):
//   - the season simulator's building stops (SimulatedOutage, the same seed: the readings of
//     those buildings cool at the same hours), each an emergency with the building as scope,
//     announced within the hour in most cases and late in about a quarter; about a third
//     overrun the restoration first announced, and are announced again (a few late);
//   - per company, one planned stop of its first substation, 36 h: the first company's starts
//     3 days after now, announced now (met); the others' ran 10 days before now and were
//     announced 30 h before their start (late: 48 h are owed);
//   - per company, one roadworks stop of 8 h that is not the company's (no refund, R-REFUND-2),
//     ended.
// Nothing is recorded after options.now: a stop still going at now is left going.
#pragma once

#include <cstdint>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/record_store.hpp"
#include "services/outage_service.hpp"
#include "services/policy_registry.hpp"
#include "sim/season_simulator.hpp"

namespace hearth::sim {

struct DemoOutageOptions {
  SimOptions sim;   ///< the seed and outage rate the season simulator uses
  int season = 2025;  ///< the first season recorded, whole
  Instant now;
};

struct DemoOutageSummary {
  int64_t stops = 0, notices = 0;
  int64_t late = 0;      ///< stops with a notice obligation met late or overdue
  int64_t overruns = 0;  ///< stops that ran past an announced restoration
};

/// Records the stops through `service`, as each company's demo manager
/// (demo-<company code>-manager). The service's errors stop the generation (a generated stop
/// the rules refuse is a bug here).
Result<DemoOutageSummary> GenerateDemoOutages(ports::RecordStore& records,
                                              const services::PolicyRegistry& policies,
                                              const services::OutageService& service,
                                              const DemoOutageOptions& options);

}  // namespace hearth::sim

// The demo city's daily dispatch reports of fuel (issue 15, R-ENERGY-1), filed through
// EnergyService as a company's dispatcher files them.
//
// What it makes, deterministic for (season, now, the city): per company, a coal report (and for
// every second company a gas report too) for each reporting day of options.season (whole) and of
// the season after it up to yesterday (the profile's commissioning start to official end), with
// about 38 days of reserve; in each season the reserve falls to 24..27 days on its 31st to 34th
// reporting days (a low spell), and the 16th reporting day has no report (a gap).
#pragma once

#include <cstdint>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/record_store.hpp"
#include "services/energy_service.hpp"
#include "services/policy_registry.hpp"

namespace hearth::sim {

struct DemoEnergyOptions {
  int season = 2025;  ///< the first season filed, whole
  Instant now;
};

struct DemoEnergySummary {
  int64_t reports = 0, gaps = 0, low_days = 0;
};

Result<DemoEnergySummary> GenerateDemoEnergy(ports::RecordStore& records,
                                             const services::PolicyRegistry& policies,
                                             const services::EnergyService& service,
                                             const DemoEnergyOptions& options);

}  // namespace hearth::sim

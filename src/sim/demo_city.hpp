// The demo city of `hearth demo`: a realistic, deterministic data set written through the record
// store, so that every screen and report has something to show.
//
// Two heating companies, one under each policy profile (weihai, zibo), each licensed in its
// city's three districts; seasons options.season - 1 to + 1 per district with the profile's dates
// (R-SEASON-1), one district with an early start and one with an extension in options.season;
// per company three heat sources, six network sections, and substations of 8-14 buildings each,
// whose network position is derived from the pipe distance by thirds within the substation
// (R-SAMPLE-2); buildings of 2-33 floors in 1-4 units (partitions, R-TEMP-2) with sun and shade
// households on every floor; bedrooms and a living room per household (R-TEMP-3); area and
// heat-meter tariffs at Shandong prices; each season's fee of every heated household billed by
// area (R-BILL-1); a sensor in a bedroom of 5% of the households; and, when accounts are
// available, the demo users: an admin, a regulator, a manager, an agent and a technician of each
// company (so that one complaint can be followed across the roles), and a household with a
// sensor whose building has an indoor cold spell in the simulated seasons (sim/season_simulator:
// its days show unqualified ones, the basis of a refund).
//
// The same seed gives the same city (a SplitMix64 stream of our own, not the standard library's
// distributions, which differ between implementations).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "ports/record_store.hpp"
#include "services/auth_service.hpp"
#include "services/policy_registry.hpp"

namespace hearth::sim {

struct DemoOptions {
  uint64_t seed = 1;
  /// The season the demo shows (the year it starts): the city has it, the one before and the one
  /// after, each with its fees; `hearth demo` gives the season its simulator runs.
  int season = 2025;
  int64_t min_households = 20000;  ///< at least this many households in total
  std::string actor = "demo";      ///< in the audit log
  /// The demo users' password (the same for each; the demo prints it).
  std::string password = "hearth-demo-city";
};

struct DemoLogin {
  std::string username;
  std::string password;
  std::string role;
  std::string scope;  ///< "all companies", "company weihai-heat", "household WH-…"
};

struct DemoSummary {
  int64_t companies = 0, districts = 0, seasons = 0, substations = 0, buildings = 0, partitions = 0,
          households = 0, rooms = 0, sensors = 0, tariffs = 0, fees = 0,
          payments = 0;
  std::vector<DemoLogin> logins;  ///< the users created (see GenerateDemoCity)
};

/// Whether the store has no company yet: the demo generates its city only into such a database.
Result<bool> HasNoCompanies(ports::RecordStore& store);

/// Writes the city in one transaction (nothing when it fails), then, when `auth` is not null,
/// adds the demo users through it, audited by options.actor (a username already taken is left
/// as it is and not listed). invalid_argument when min_households is below 1.
/// `policies` must hold the profiles weihai and zibo (failed_precondition otherwise). Precondition:
/// the store has no companies (the city's codes would clash: already_exists).
Result<DemoSummary> GenerateDemoCity(ports::RecordStore& store,
                                     const services::PolicyRegistry& policies,
                                     services::AuthService* auth, const DemoOptions& options);

}  // namespace hearth::sim

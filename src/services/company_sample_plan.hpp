// A company's season sampling plan from its stored records (R-SAMPLE-1..3, issue 14: the
// console's 采样方案, where the calculator needed a households CSV assembled by hand). The server
// reads the company's heated households with their partitions, buildings and sensors, and plans
// as rules::PlanSample does for the CSV (same seed, same plan).
//
// How a stored household becomes a rules::SampleHousehold:
// - building and substation: its partition's building and that building's substation;
// - floor tier: the household's floor_tier when set; else by thirds of the building's floors
//   (TierOfFloor). **Decision:** a floor below 1 (a basement) is the lower tier; a floor above the
//   building's floors is a data error: failed_precondition naming the household (field "floor").
// - network position: the building's network_position when set; else derived from its
//   pipe_distance_m by thirds within its substation (rules::PositionsByDistance, R-SAMPLE-2). A
//   building with neither is failed_precondition naming it (field "network_position"): the plan
//   cannot place its households.
// - area: area_m2; has_sensor: a sensor is bound to one of its rooms.
// Households that are not heated are not sampled (R-SAMPLE-1 counts the heated households).
// Thread-safe (the store is).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/record_store.hpp"
#include "ports/record_views.hpp"
#include "rules/sampling.hpp"
#include "services/policy_registry.hpp"

namespace hearth::services {

/// What the plan's households are in the records, parallel to CompanySamplePlan::households.
struct SampledHouseholdRef {
  int64_t household_id = 0;
  std::string code;
  std::optional<std::string> address;
  int64_t building_id = 0;
  std::string building_code;
  std::string community;
  int64_t area_m2_centi = 0;
  bool position_derived = false;  ///< from the pipe distance, not set on the building
};

struct CompanySamplePlan {
  ports::CompanyView company;
  uint64_t seed = 0;
  Instant generated_at;
  std::vector<rules::SampleHousehold> households;  ///< id: the household's id, in id order
  std::vector<SampledHouseholdRef> refs;           ///< parallel to households
  rules::SamplePlan plan;                          ///< selected indexes into households
};

class CompanySamplePlanService {
 public:
  /// None is owned; all must outlive the service.
  CompanySamplePlanService(ports::RecordStore& records, const PolicyRegistry& policies,
                           const ports::Clock& clock)
      : records_(records), policies_(policies), clock_(clock) {}

  /// The plan of `company` drawn with `seed`. not_found (field "company") for no such company
  /// within `scope`; failed_precondition for the data errors above, or a profile not loaded.
  Result<CompanySamplePlan> Plan(int64_t company, uint64_t seed, const ports::Scope& scope) const;

 private:
  ports::RecordStore& records_;
  const PolicyRegistry& policies_;
  const ports::Clock& clock_;
};

}  // namespace hearth::services

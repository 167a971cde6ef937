// R-SAMPLE-1..3: the season's plan of room-temperature collection points (W 5.4.2–5.4.4).
//
//   R-SAMPLE-1  how many households: the company's total heating area (the sum of its households'
//               areas) picks a band of policy.sampling.bands; the band's percent of the households,
//               rounded UP to a whole household (exact integer arithmetic).
//   R-SAMPLE-2  how they spread: each dimension (network position, orientation, floor tier) has
//               its shares; a quota is the share of the required count rounded by largest
//               remainder, so every dimension sums to the required count.
//   R-SAMPLE-3  which households: the plan names them, meets the three quotas at once when the
//               households allow it (sampling_assignment.hpp), and otherwise says which quota is
//               missed and by how much — while still naming the required count.
//
// Pure and thread-safe; every number comes from the Policy.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.hpp"
#include "rules/policy.hpp"

namespace hearth::rules {

/// Position on the secondary network, in the order of SamplingPolicy::position.
enum class NetworkPosition { kNear, kMiddle, kFar };
/// In the order of SamplingPolicy::orientation.
enum class Orientation { kShade, kSun };
/// In the order of SamplingPolicy::floor.
enum class FloorTier { kUpper, kMiddle, kLower };

inline constexpr size_t kPositions = 3;
inline constexpr size_t kOrientations = 2;
inline constexpr size_t kTiers = 3;

/// The wire names: "near"/"middle"/"far", "shade"/"sun", "upper"/"middle"/"lower".
std::string_view PositionName(NetworkPosition p);
std::string_view OrientationName(Orientation o);
std::string_view TierName(FloorTier t);
std::optional<NetworkPosition> ParsePosition(std::string_view text);
std::optional<Orientation> ParseOrientation(std::string_view text);
std::optional<FloorTier> ParseTier(std::string_view text);

/// Areas are held exactly as integer units of 10^-9 m² (every decimal the CSV accepts fits).
using AreaUnits = Int128;
inline constexpr int64_t kAreaUnitsPerM2 = 1'000'000'000;

/// R-SAMPLE-1 for a company.
struct SampleSize {
  int percent = 0;        ///< the band's percent
  size_t band = 0;        ///< index into policy.bands
  int64_t required = 0;   ///< ceil(households × percent / 100)
};

/// R-SAMPLE-1: the first band whose max_area_m2 is >= `total_area` (bounds are inclusive: exactly
/// 1,000,000 m² is in the first band of the shipped profiles), else the last band.
/// `required` = ceil(households × percent / 100). It can never exceed `households` (percent <= 100,
/// enforced by the policy loader), and is capped there anyway: a plan cannot name more households
/// than the company has. Precondition: policy.bands is non-empty; households >= 0.
SampleSize RequiredSample(const SamplingPolicy& policy, AreaUnits total_area, int64_t households);

/// R-SAMPLE-2: `total` split by `shares` (any non-negative integers with a positive sum), each part
/// floor(total × share / Σshares), the leftover units going one each to the largest remainders.
/// Ties between equal remainders go to the larger share, then to the value listed first (so with
/// upper/middle/lower 30/30/40 and 2 households the quotas are 1/0/1). Deterministic; the parts sum
/// to `total`. Precondition: total >= 0.
std::vector<int64_t> LargestRemainder(int64_t total, std::span<const int> shares);

/// Counts per value of each dimension, in the orders of the enums above.
struct DimensionCounts {
  std::array<int64_t, kPositions> position{};
  std::array<int64_t, kOrientations> orientation{};
  std::array<int64_t, kTiers> floor{};
  bool operator==(const DimensionCounts&) const = default;
};

/// R-SAMPLE-2: the quotas of `required` households by policy.position/orientation/floor shares.
DimensionCounts SampleQuotas(const SamplingPolicy& policy, int64_t required);

/// R-SAMPLE-2: the tier of floor `floor` (1-based) of a building with `floors` floors: lower if
/// 3(f-1) < F, upper if 3(f-1) >= 2F, middle otherwise. Precondition: 1 <= floor <= floors.
FloorTier TierOfFloor(int floor, int floors);

/// A building as PositionsByDistance sees it: its substation and pipe distance to it.
struct BuildingDistance {
  int64_t substation = 0;
  int64_t distance_m = 0;
};

/// R-SAMPLE-2 (network position derived from pipe distance, by thirds within the substation):
/// each building's position, in input order. The buildings of one substation are ranked by
/// distance, equal distances sharing the lowest rank; rank r of n is near if 3r < n, far if
/// 3r >= 2n, middle otherwise (TierOfFloor's thirds, nearest first).
std::vector<NetworkPosition> PositionsByDistance(std::span<const BuildingDistance> buildings);

/// One household as the sampling plan sees it.
struct SampleHousehold {
  std::string id;
  uint32_t building = 0;    ///< dense index: households of one building share it
  uint32_t substation = 0;  ///< dense index of the heat substation
  int floor = 1;            ///< 1..floors
  int floors = 1;
  std::optional<FloorTier> tier;  ///< explicit tier from the data; wins over floor/floors
  NetworkPosition position = NetworkPosition::kNear;
  Orientation orientation = Orientation::kShade;
  int64_t area = 0;         ///< AreaUnits, > 0
  bool has_sensor = false;  ///< has a remote room-temperature sensor
};

/// The explicit tier, else TierOfFloor(floor, floors).
FloorTier TierOf(const SampleHousehold& h);

enum class SampleDimension { kPosition, kOrientation, kFloor };
std::string_view DimensionName(SampleDimension d);  ///< "position", "orientation", "floor"
/// The name of value `value` (an enum's index) of dimension `d`.
std::string_view ValueName(SampleDimension d, size_t value);

/// R-SAMPLE-3: a quota the plan misses.
struct SampleShortfall {
  SampleDimension dimension = SampleDimension::kPosition;
  size_t value = 0;     ///< index of the value in its dimension
  int64_t missing = 0;  ///< quota - achieved, > 0
  bool operator==(const SampleShortfall&) const = default;
};

struct SamplePlan {
  int64_t households = 0;
  AreaUnits total_area = 0;
  SampleSize size;
  DimensionCounts quotas;
  DimensionCounts achieved;
  std::vector<size_t> selected;  ///< indices into the input, ascending; size() == size.required
  std::vector<SampleShortfall> shortfalls;  ///< dimension order, then value order
};

/// R-SAMPLE-1..3: the season's plan.
///
/// Which cells: the counts per (position, orientation, tier) cell meet all three quotas at once
/// when the households allow it, else miss them by the least possible total (AssignCells in
/// sampling_assignment.hpp); the required count is always reached.
/// Which households in a cell: one pick at a time, cells taken in turn, each pick the household
/// whose substation, then building, has the fewest picks so far in the whole plan (spread), then
/// one with a sensor, then the first in a random order drawn from `seed` (std::mt19937_64 over the
/// input order). The same input and seed give the same plan on every platform.
SamplePlan PlanSample(const SamplingPolicy& policy, std::span<const SampleHousehold> households,
                      uint64_t seed);

}  // namespace hearth::rules

// The households file of the sampling-plan calculator (`hearth calc sample-plan --households
// FILE.csv`, POST /api/v1/calc/sample-plan), R-SAMPLE-1..3:
//
//   id,building,substation,floor,floors,position,orientation,area_m2,has_sensor[,tier]
//   H-0001,B-12,SS-3,5,6,far,sun,86.40,1
//   H-0002,B-12,SS-3,1,6,far,shade,72.5,0,upper
//
// Columns may come in any order; `tier` may be left out of the header. Each field:
//   id           non-empty, unique in the file
//   building     non-empty; households with the same text are one building
//   substation   non-empty; likewise
//   floor        whole number 1..floors
//   floors       whole number 1..kMaxFloors
//   position     near, middle or far (on the secondary network)
//   orientation  shade or sun
//   area_m2      a decimal more than 0, read exactly (at most 9 decimals, below 10^9)
//   has_sensor   0 or 1
//   tier         empty (the floor's tier by R-SAMPLE-2), or upper, middle or lower (wins)
// The first problem — by line, then by column — is the error: "line L, column C (NAME): …".
#pragma once

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "rules/sampling.hpp"

namespace hearth::adapters::csv {

/// A plausibility bound on a building's floors.
inline constexpr int kMaxFloors = 300;

/// The households in file order, with building and substation texts numbered densely in order of
/// first appearance. Errors: invalid_argument located as above (field "line L").
Result<std::vector<rules::SampleHousehold>> ParseHouseholdsCsv(std::string_view text);

}  // namespace hearth::adapters::csv

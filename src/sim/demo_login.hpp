// The demo's household login (sim/demo_city.hpp): which household it signs in as. Internal to
// the demo city; split out to keep demo_city.cpp small.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/season_simulator.hpp"

namespace hearth::sim::demo {

// A household that may get a sensor: its first bedroom, and what the demo's household login
// needs to know of it.
struct Sensored {
  int64_t room_id = 0;  ///< the first bedroom
  size_t company_index = 0;
  int64_t household_id = 0, building_id = 0;
  std::string household_code;
  bool with_fee = false;  ///< heated and billed by area: it has a fee each season
};

// The household of the demo's household login: one with a fee, in a building whose heating has
// a cold spell in the simulated seasons (so its days show unqualified ones, a refund basis),
// preferably of the first company; else the first with a fee. Its index in `bedrooms`.
size_t LoginHousehold(const std::vector<Sensored>& bedrooms, const SimOptions& sim);

}  // namespace hearth::sim::demo

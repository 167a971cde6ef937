// Mass complaints (R-REG-1, issue 15): many complaints from one community in a short time.
//
// R-REG-1 [Z 3.4]: mass complaints are flagged to the regulator and the company at once. Z 3.4
// names them without a number; the platform default is ≥ 20 complaints from one community
// within 24 h (profile: other.mass-complaint-count, other.mass-complaint-window-hours).
//
// Decisions (the platform's):
// - "Within 24 h" is inclusive: complaints received at t and at t + 24 h are within it.
// - A complaint is "hot" when the window that ends at its reception (the complaints received in
//   [t − window, t]) holds at least `count`. The complaint that first makes a window hold `count`
//   *reaches* the threshold: that is the moment to flag.
// - One episode is one flag: a hot complaint whose window reaches back into the episode before it
//   extends that episode instead of starting another, so a community that keeps complaining all
//   day is flagged once, with every complaint of the episode.
// - Which complaints count (orders from households, their duplicates left out) and what a
//   community is (the building's 小区 within one company) is the caller's business.
//
// Pure; thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <vector>

#include "core/civil_time.hpp"

namespace hearth::rules {

struct ReceivedComplaint {
  int64_t order_id = 0;
  Instant received_at;
};

struct MassComplaint {
  std::vector<int64_t> order_ids;  ///< every complaint of the episode, by time then id
  int64_t reached_order_id = 0;    ///< the complaint that first made a window hold `count`
  Instant first_at, reached_at, last_at;
};

/// The episodes of one community's complaints, given in any order, earliest first. `count` >= 1
/// and `window` >= 0 (the profile's loader checks both).
std::vector<MassComplaint> FindMassComplaints(std::span<const ReceivedComplaint> complaints,
                                              int count, std::chrono::seconds window);

}  // namespace hearth::rules

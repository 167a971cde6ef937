// R-SAMPLE-2/3, internal to AssignCells (sampling_assignment.hpp): the problem's data, and what
// fixed group counts m decide on their own. Group g = (position, orientation), m[g] = Σ_t n[g, t].
// For an integer m the rest is a bipartite transportation problem (groups × tiers), so its least
// shortfall S(m) has a closed form and a max-flow attains it.
//
// Not part of the rules API. Pure and thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "rules/sampling_assignment.hpp"

namespace hearth::rules::assignment_internal {

inline constexpr size_t kGroups = kPositions * kOrientations;  // (position, orientation) pairs
inline constexpr size_t kValues = kPositions + kOrientations + kTiers;

using GroupCounts = std::array<int64_t, kGroups>;
using TierCaps = std::array<std::array<int64_t, kTiers>, kGroups>;

inline size_t GroupOf(size_t p, size_t o) { return p * kOrientations + o; }

/// Throws std::logic_error("sampling assignment: " + what): a broken precondition or invariant.
[[noreturn]] void Broken(const std::string& what);

/// The quota of value v: 0..2 positions, 3..4 orientations, 5..7 tiers.
int64_t QuotaOf(const DimensionCounts& q, size_t v);

struct Problem {
  TierCaps cap{};           ///< available households per cell, capped at `required`
  GroupCounts group_cap{};  ///< Σ over tiers, capped at `required`
  DimensionCounts quotas;
  int64_t required = 0;
};

/// S(m): the least total shortfall of any table whose group counts are m. Precondition:
/// Placeable(pr, m).
int64_t ShortfallOf(const Problem& pr, const GroupCounts& m);

/// 0 <= m[g] <= group_cap[g] and Σ m == required.
bool Placeable(const Problem& pr, const GroupCounts& m);

/// A table with group counts m and total shortfall S(m): households routed to tiers by a max-flow
/// (Edmonds–Karp). Precondition: Placeable(pr, m).
CellTable RouteTiers(const Problem& pr, const GroupCounts& m);

}  // namespace hearth::rules::assignment_internal

// R-SAMPLE-2/3, internal to AssignCells (sampling_assignment.hpp): the branch-and-bound node and
// its two questions, both answered exactly (solver/exact_lp.hpp, solver/lattice_split.hpp):
//  * Relax: the node's LP relaxation over real cell counts: its least shortfall and group counts;
//  * LatticeBranch: whether the node's points of shortfall <= t hold no integer table at all, and
//    if so the disjunction that excludes them from both children.
//
// Not part of the rules API. Pure and thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "core/decimal.hpp"
#include "rules/sampling_groups.hpp"
#include "rules/solver/exact_lp.hpp"

namespace hearth::rules::assignment_internal {

/// The primary variables a cut is written over: the 18 cells (g × 3 + t), then the shortfall s[v]
/// and the surplus e[v] of each of the 8 values.
inline constexpr size_t kCellCount = kGroups * kTiers;
inline constexpr size_t kPrimary = kCellCount + 2 * kValues;

/// A valid inequality a·primary {<=, >=} rhs.
struct Cut {
  std::array<int64_t, kPrimary> a{};
  solver::Sense sense = solver::Sense::kLe;
  int64_t rhs = 0;
};

/// A node: lo <= m <= hi and the cuts of the lattice branches above it.
struct Box {
  GroupCounts lo{};
  GroupCounts hi{};
  std::vector<Cut> cuts;
};

/// The optimum of a node's LP relaxation, exactly, as numerators over den (> 0).
struct Relaxation {
  bool feasible = false;
  Int128 den = 1;
  Int128 objective = 0;
  std::array<Int128, kGroups> m{};
};

/// The LP relaxation of the node: real n per cell, lo <= m <= hi, and the node's cuts. Throws what
/// ExactLp throws; std::logic_error when the LP is unbounded (it cannot be: a broken invariant).
Relaxation Relax(const Problem& pr, const Box& box);

/// The disjunction (first side <=, second side >=) that excludes every point of the node with
/// shortfall <= t when those points hold no integer table; nothing when they may, and also when
/// the numbers leave the range the test works in (std::overflow_error is caught: plain branching
/// then does the job). Adds the LPs it solves to stats.lp_solves.
std::optional<std::pair<Cut, Cut>> LatticeBranch(const Problem& pr, const Box& box, int64_t t,
                                                 AssignmentStats& stats);

}  // namespace hearth::rules::assignment_internal

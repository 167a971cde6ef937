// R-SAMPLE-2/3: how many households to take from each (position, orientation, tier) cell so that
// the three quotas are met at once, or missed by the least possible total.
//
// The problem. Cells c = (p, o, t), 3 × 2 × 3 = 18 of them, each with `available` households.
// Choose integers 0 <= n[c] <= available[c] with Σ n = required, minimising the total shortfall
//     Σ_dimensions Σ_values max(0, quota[v] − achieved[v]),
// where achieved[v] is the sum of n over the cells of value v. A table meeting every quota has
// shortfall 0. This is an axial 3-index transportation problem with capacities: its LP relaxation
// is not integral (3-dimensional matching reduces to it), so rounding an LP answer is not enough.
//
// The method (exact). Group the cells by (position, orientation): m[g] = Σ_t n[g, t], 6 groups.
//  * For a fixed integer m the rest is a bipartite transportation problem (groups × tiers, arc
//    capacities available[g, t], tier quotas): totally unimodular, solved exactly by a max-flow.
//    Its shortfall has the closed form max over tier sets T of (quota(T) − Σ_g min(m[g], cap_g(T)))
//    (max-flow = min-cut), so the total shortfall S(m) of any integer m is computed exactly.
//  * The least S over integer m is found by branch and bound on m. A node bounds each m[g] to an
//    interval; its bound is the LP relaxation (over real n) solved exactly by an integer-preserving
//    simplex (solver/exact_lp.hpp: Bareiss/Edmonds pivoting on the integer data, Bland's rule, so
//    no rounding error and no cycling). A node whose LP optimum has integral m is solved: by the
//    unimodularity above its LP value is attained by integers. Otherwise, when the node's points
//    with shortfall <= its bound hold no integer table at all, it branches on a lattice disjunction
//    that excludes them all (solver/lattice_split.hpp); else on a fractional m[g]
//    (m[g] <= floor | m[g] >= ceil). Nodes whose bound, rounded up, cannot beat the incumbent are
//    pruned; the incumbent starts from the groups filled in order and improves by rounding each
//    node's LP m. The search stops as soon as the incumbent equals the root bound rounded up.
//  * Before any search, a capacity-aware north-west-corner table is tried: when it meets every
//    quota (always, when every cell has at least the required count) it is optimal (shortfall 0).
//  Every integer m is either in a pruned node (whose best is no better than the incumbent) or in
//  a solved one, so the answer is optimal. The search space is finite, so it terminates.
//
// Pure and thread-safe.
#pragma once

#include <array>
#include <cstdint>

#include "rules/sampling.hpp"

namespace hearth::rules {

/// Counts per cell, indexed [position][orientation][tier] in the enums' orders.
using CellTable = std::array<std::array<std::array<int64_t, kTiers>, kOrientations>, kPositions>;

/// The counts of each value of each dimension: the table's margins.
DimensionCounts Margins(const CellTable& table);

/// Σ over the three dimensions of max(0, quota − achieved).
int64_t TotalShortfall(const DimensionCounts& quotas, const DimensionCounts& achieved);

/// The quotas `achieved` misses, in dimension order then value order.
std::vector<SampleShortfall> Shortfalls(const DimensionCounts& quotas,
                                        const DimensionCounts& achieved);

/// How much work AssignCells did (for tests and benchmarks).
struct AssignmentStats {
  int nodes = 0;             ///< branch-and-bound nodes visited
  int lp_solves = 0;         ///< LPs solved (relaxations and lattice tests)
  int lattice_branches = 0;  ///< nodes split by a lattice disjunction
  bool fast_path = false;    ///< the north-west-corner table met every quota; no search was needed
};

struct CellAssignment {
  CellTable counts{};        ///< n[c]; Σ == required, n[c] <= available[c]
  DimensionCounts achieved;  ///< Margins(counts)
  int64_t shortfall = 0;     ///< TotalShortfall(quotas, achieved), the least possible
};

/// The table of least total shortfall (see above). Deterministic: the same input gives the same
/// table. Preconditions: available[c] >= 0; 0 <= required <= Σ available; every dimension of
/// `quotas` is non-negative and sums to `required`.
/// Throws std::logic_error (or its subclass std::invalid_argument, from the solvers) when the
/// preconditions after the first are broken, or when an internal invariant fails (a bug, never for
/// valid input). Throws std::overflow_error if the exact LP of a search node would leave 128-bit
/// arithmetic: its numbers are minors of 0/±1 data, the counts and the lattice cuts, so this is
/// not expected for real counts (the lattice test itself catches it and branches plainly instead).
CellAssignment AssignCells(const CellTable& available, const DimensionCounts& quotas,
                           int64_t required, AssignmentStats* stats = nullptr);

}  // namespace hearth::rules

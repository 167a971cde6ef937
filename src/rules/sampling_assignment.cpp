// R-SAMPLE-2/3: the cell table of least total shortfall. The method and why it is exact are in the
// header. This file has the fast path (a north-west-corner table) and the branch and bound over the
// group counts m; the pieces it stands on are S(m) and the max-flow of fixed m
// (sampling_groups.hpp), the node's LP relaxation and lattice test (sampling_relaxation.hpp), and
// the general solvers beneath those (solver/exact_lp.hpp, solver/lattice_split.hpp).
#include "rules/sampling_assignment.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>
#include <vector>

#include "rules/sampling_groups.hpp"
#include "rules/sampling_relaxation.hpp"
#include "rules/solver/checked_int128.hpp"

namespace hearth::rules {
namespace {

using assignment_internal::Box;
using assignment_internal::Broken;
using assignment_internal::GroupCounts;
using assignment_internal::GroupOf;
using assignment_internal::kGroups;
using assignment_internal::LatticeBranch;
using assignment_internal::Placeable;
using assignment_internal::Problem;
using assignment_internal::Relax;
using assignment_internal::Relaxation;
using assignment_internal::RouteTiers;
using assignment_internal::ShortfallOf;
using solver::CeilDiv;

bool BoxFeasible(const Problem& pr, const Box& box) {
  int64_t lo = 0, hi = 0;
  for (size_t g = 0; g < kGroups; ++g) {
    if (box.lo[g] > box.hi[g]) return false;
    lo += box.lo[g];
    hi += box.hi[g];
  }
  return lo <= pr.required && pr.required <= hi;
}

// Rounds a node's LP m to integers within the box summing to `required`: floors, then +1 to the
// largest fractional parts, then to any group with room. Empty when that cannot be done.
std::optional<GroupCounts> Round(const Problem& pr, const Box& box, const Relaxation& r) {
  GroupCounts m{};
  int64_t sum = 0;
  for (size_t g = 0; g < kGroups; ++g) {
    m[g] = std::clamp(static_cast<int64_t>(r.m[g] / r.den), box.lo[g], box.hi[g]);
    sum += m[g];
  }
  std::array<size_t, kGroups> order{};
  for (size_t g = 0; g < kGroups; ++g) order[g] = g;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return r.m[a] % r.den > r.m[b] % r.den; });
  for (size_t g : order) {
    if (sum < pr.required && m[g] < box.hi[g]) {
      ++m[g];
      ++sum;
    }
  }
  for (size_t g = 0; g < kGroups && sum < pr.required; ++g) {
    int64_t add = std::min(pr.required - sum, box.hi[g] - m[g]);
    m[g] += add;
    sum += add;
  }
  if (sum != pr.required || !Placeable(pr, m)) return std::nullopt;
  return m;
}

// A capacity-aware north-west-corner table: cells in order, each taking as much as all three
// remaining quotas and its capacity allow. When every cell is ample it meets every quota (the
// north-west-corner rule solves uncapacitated axial transportation problems).
std::optional<CellTable> NorthWestCorner(const Problem& pr) {
  DimensionCounts left = pr.quotas;
  CellTable n{};
  for (size_t p = 0; p < kPositions; ++p) {
    for (size_t o = 0; o < kOrientations; ++o) {
      for (size_t t = 0; t < kTiers; ++t) {
        int64_t x = std::min(
            {left.position[p], left.orientation[o], left.floor[t], pr.cap[GroupOf(p, o)][t]});
        n[p][o][t] = x;
        left.position[p] -= x;
        left.orientation[o] -= x;
        left.floor[t] -= x;
      }
    }
  }
  if (left == DimensionCounts{}) return n;
  return std::nullopt;
}

}  // namespace

DimensionCounts Margins(const CellTable& table) {
  DimensionCounts d;
  for (size_t p = 0; p < kPositions; ++p) {
    for (size_t o = 0; o < kOrientations; ++o) {
      for (size_t t = 0; t < kTiers; ++t) {
        d.position[p] += table[p][o][t];
        d.orientation[o] += table[p][o][t];
        d.floor[t] += table[p][o][t];
      }
    }
  }
  return d;
}

std::vector<SampleShortfall> Shortfalls(const DimensionCounts& quotas,
                                        const DimensionCounts& achieved) {
  std::vector<SampleShortfall> out;
  auto add = [&](SampleDimension d, const auto& q, const auto& a) {
    for (size_t v = 0; v < q.size(); ++v) {
      if (a[v] < q[v]) out.push_back({d, v, q[v] - a[v]});
    }
  };
  add(SampleDimension::kPosition, quotas.position, achieved.position);
  add(SampleDimension::kOrientation, quotas.orientation, achieved.orientation);
  add(SampleDimension::kFloor, quotas.floor, achieved.floor);
  return out;
}

int64_t TotalShortfall(const DimensionCounts& quotas, const DimensionCounts& achieved) {
  int64_t s = 0;
  for (const auto& f : Shortfalls(quotas, achieved)) s += f.missing;
  return s;
}

CellAssignment AssignCells(const CellTable& available, const DimensionCounts& quotas,
                           int64_t required, AssignmentStats* stats) {
  AssignmentStats local;
  AssignmentStats& st = stats ? *stats : local;
  st = {};
  Problem pr;
  pr.quotas = quotas;
  pr.required = required;
  int64_t total = 0;
  for (size_t p = 0; p < kPositions; ++p) {
    for (size_t o = 0; o < kOrientations; ++o) {
      const size_t g = GroupOf(p, o);
      for (size_t t = 0; t < kTiers; ++t) {
        pr.cap[g][t] = std::min(available[p][o][t], required);
        pr.group_cap[g] += pr.cap[g][t];
        total += available[p][o][t];
      }
      pr.group_cap[g] = std::min(pr.group_cap[g], required);
    }
  }
  if (required < 0 || total < required) Broken("fewer households than required");
  auto sums_to_required = [&](const auto& q) {
    int64_t sum = 0;
    for (int64_t v : q) {
      if (v < 0) return false;
      sum += v;
    }
    return sum == required;
  };
  if (!sums_to_required(quotas.position) || !sums_to_required(quotas.orientation) ||
      !sums_to_required(quotas.floor)) {
    Broken("quotas that do not sum to the required count");
  }

  CellAssignment out;
  if (auto nw = NorthWestCorner(pr)) {
    st.fast_path = true;
    out.counts = *nw;
  } else {
    // The incumbent: groups filled in order (always placeable), improved by every node.
    GroupCounts best_m{};
    int64_t left = required;
    for (size_t g = 0; g < kGroups; ++g) {
      best_m[g] = std::min(left, pr.group_cap[g]);
      left -= best_m[g];
    }
    int64_t best = ShortfallOf(pr, best_m);
    auto consider = [&](const GroupCounts& m) {
      const int64_t v = ShortfallOf(pr, m);
      if (v < best) {
        best = v;
        best_m = m;
      }
    };

    std::vector<Box> stack(1);
    stack[0].hi = pr.group_cap;
    int64_t lower = -1;  // a proven lower bound of the whole problem
    while (!stack.empty() && best > lower) {
      Box box = std::move(stack.back());
      stack.pop_back();
      if (!BoxFeasible(pr, box)) continue;
      const bool root = lower < 0;
      ++st.nodes;
      ++st.lp_solves;
      const Relaxation r = Relax(pr, box);
      if (!r.feasible) continue;
      const auto bound = static_cast<int64_t>(CeilDiv(r.objective, r.den));
      if (root) lower = bound;
      if (bound >= best) continue;
      // Branch on the most fractional group count.
      size_t branch = kGroups;
      Int128 best_dist = 0;
      for (size_t g = 0; g < kGroups; ++g) {
        const Int128 frac = r.m[g] % r.den;
        const Int128 dist = std::min(frac, r.den - frac);
        if (frac != 0 && dist > best_dist) {
          best_dist = dist;
          branch = g;
        }
      }
      if (branch == kGroups) {
        // Integral m: the cells then form a transportation problem (see the header), so S(m),
        // attained by integers, is at most the node's LP value: nothing in the node is better.
        GroupCounts m{};
        for (size_t g = 0; g < kGroups; ++g) m[g] = static_cast<int64_t>(r.m[g] / r.den);
        if (ShortfallOf(pr, m) > bound) Broken("an integral LP optimum above its value");
        consider(m);
        continue;
      }
      if (auto m = Round(pr, box, r)) consider(*m);
      if (bound >= best) continue;
      if (auto split = LatticeBranch(pr, box, bound, st)) {
        ++st.lattice_branches;
        Box low = box, high = box;
        low.cuts.push_back(split->first);
        high.cuts.push_back(split->second);
        stack.push_back(std::move(high));
        stack.push_back(std::move(low));
        continue;
      }
      const auto down = static_cast<int64_t>(r.m[branch] / r.den);
      Box low = box, high = box;
      low.hi[branch] = down;
      high.lo[branch] = down + 1;
      // Depth first, the side the LP leans to first (pushed last).
      if (2 * (r.m[branch] % r.den) >= r.den) {
        stack.push_back(std::move(low));
        stack.push_back(std::move(high));
      } else {
        stack.push_back(std::move(high));
        stack.push_back(std::move(low));
      }
    }
    out.counts = RouteTiers(pr, best_m);
    out.achieved = Margins(out.counts);
    out.shortfall = TotalShortfall(quotas, out.achieved);
    if (out.shortfall != best) Broken("the routed table misses its computed shortfall");
    return out;
  }
  out.achieved = Margins(out.counts);
  out.shortfall = TotalShortfall(quotas, out.achieved);
  return out;
}

}  // namespace hearth::rules

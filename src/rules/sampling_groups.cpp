// R-SAMPLE-2/3: the least shortfall S(m) of fixed group counts m in closed form, and the max-flow
// that turns m into cell counts attaining it.
#include "rules/sampling_groups.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <vector>

namespace hearth::rules::assignment_internal {
namespace {

constexpr int64_t kNoValue = std::numeric_limits<int64_t>::max();

int64_t PositionOrientationShortfall(const Problem& pr, const GroupCounts& m) {
  int64_t s = 0;
  for (size_t p = 0; p < kPositions; ++p) {
    s += std::max<int64_t>(0, pr.quotas.position[p] - m[GroupOf(p, 0)] - m[GroupOf(p, 1)]);
  }
  for (size_t o = 0; o < kOrientations; ++o) {
    int64_t x = 0;
    for (size_t p = 0; p < kPositions; ++p) x += m[GroupOf(p, o)];
    s += std::max<int64_t>(0, pr.quotas.orientation[o] - x);
  }
  return s;
}

// The least tier shortfall when group g places exactly m[g] households: required − max-flow of
// s→g (m[g]), g→t (cap), t→sink (quota), and by max-flow = min-cut that is the largest
// quota(T) − Σ_g min(m[g], cap_g(T)) over tier sets T (T empty gives 0).
int64_t TierShortfall(const Problem& pr, const GroupCounts& m) {
  int64_t worst = 0;
  for (unsigned mask = 1; mask < (1u << kTiers); ++mask) {
    int64_t v = 0;
    for (size_t t = 0; t < kTiers; ++t) {
      if (mask & (1u << t)) v += pr.quotas.floor[t];
    }
    for (size_t g = 0; g < kGroups; ++g) {
      int64_t cap = 0;
      for (size_t t = 0; t < kTiers; ++t) {
        if (mask & (1u << t)) cap += pr.cap[g][t];
      }
      v -= std::min(m[g], cap);
    }
    worst = std::max(worst, v);
  }
  return worst;
}

}  // namespace

void Broken(const std::string& what) { throw std::logic_error("sampling assignment: " + what); }

int64_t QuotaOf(const DimensionCounts& q, size_t v) {
  if (v < kPositions) return q.position[v];
  if (v < kPositions + kOrientations) return q.orientation[v - kPositions];
  return q.floor[v - kPositions - kOrientations];
}

bool Placeable(const Problem& pr, const GroupCounts& m) {
  int64_t sum = 0;
  for (size_t g = 0; g < kGroups; ++g) {
    if (m[g] < 0 || m[g] > pr.group_cap[g]) return false;
    sum += m[g];
  }
  return sum == pr.required;
}

int64_t ShortfallOf(const Problem& pr, const GroupCounts& m) {
  return PositionOrientationShortfall(pr, m) + TierShortfall(pr, m);
}

// s → group g (m[g]) → tier t (cap) → sink (quota t): as much as the quotas take; then the rest of
// every group (always placeable, m[g] <= Σ cap) to tiers with room. Augmenting paths never lower a
// tier's inflow, so the first phase's tier total stands. Edmonds–Karp on 11 nodes.
CellTable RouteTiers(const Problem& pr, const GroupCounts& m) {
  constexpr size_t kSource = 0, kFirstGroup = 1, kFirstTier = kFirstGroup + kGroups,
                   kSink = kFirstTier + kTiers, kNodes = kSink + 1;
  std::array<std::array<int64_t, kNodes>, kNodes> cap{};
  std::array<std::array<int64_t, kNodes>, kNodes> flow{};
  for (size_t g = 0; g < kGroups; ++g) {
    cap[kSource][kFirstGroup + g] = m[g];
    for (size_t t = 0; t < kTiers; ++t) cap[kFirstGroup + g][kFirstTier + t] = pr.cap[g][t];
  }
  for (size_t t = 0; t < kTiers; ++t) cap[kFirstTier + t][kSink] = pr.quotas.floor[t];
  auto augment_all = [&] {
    for (;;) {
      std::array<size_t, kNodes> parent{};
      parent.fill(kNodes);
      parent[kSource] = kSource;
      std::vector<size_t> queue{kSource};
      for (size_t qi = 0; qi < queue.size() && parent[kSink] == kNodes; ++qi) {
        size_t u = queue[qi];
        for (size_t v = 0; v < kNodes; ++v) {
          if (parent[v] == kNodes && cap[u][v] - flow[u][v] > 0) {
            parent[v] = u;
            queue.push_back(v);
          }
        }
      }
      if (parent[kSink] == kNodes) return;
      int64_t push = kNoValue;
      for (size_t v = kSink; v != kSource; v = parent[v]) {
        push = std::min(push, cap[parent[v]][v] - flow[parent[v]][v]);
      }
      for (size_t v = kSink; v != kSource; v = parent[v]) {
        flow[parent[v]][v] += push;
        flow[v][parent[v]] -= push;
      }
    }
  };
  augment_all();
  for (size_t t = 0; t < kTiers; ++t) cap[kFirstTier + t][kSink] = pr.required;
  augment_all();
  CellTable n{};
  for (size_t g = 0; g < kGroups; ++g) {
    for (size_t t = 0; t < kTiers; ++t) {
      n[g / kOrientations][g % kOrientations][t] = flow[kFirstGroup + g][kFirstTier + t];
    }
  }
  return n;
}

}  // namespace hearth::rules::assignment_internal

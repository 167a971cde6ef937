#include "rules/sampling.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>
#include <queue>
#include <random>
#include <tuple>
#include <utility>

#include "rules/sampling_assignment.hpp"

namespace hearth::rules {
namespace {

constexpr std::array<std::string_view, kPositions> kPositionNames = {"near", "middle", "far"};
constexpr std::array<std::string_view, kOrientations> kOrientationNames = {"shade", "sun"};
constexpr std::array<std::string_view, kTiers> kTierNames = {"upper", "middle", "lower"};

template <typename E, size_t N>
std::optional<E> ParseName(const std::array<std::string_view, N>& names, std::string_view text) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<E>(i);
  }
  return std::nullopt;
}

template <typename E>
size_t Index(E e) {
  return static_cast<size_t>(e);
}

// Cells numbered (position × 2 + orientation) × 3 + tier.
int64_t CellAt(const CellTable& t, size_t c) {
  return t[c / (kOrientations * kTiers)][(c / kTiers) % kOrientations][c % kTiers];
}

// Stable counting sort of `idx` by key(i) in [0, range).
template <typename Key>
void CountingSort(std::vector<uint32_t>& idx, std::vector<uint32_t>& tmp, Key key, size_t range) {
  std::vector<size_t> start(range + 1, 0);
  for (uint32_t i : idx) ++start[key(i) + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  tmp.resize(idx.size());
  for (uint32_t i : idx) tmp[start[key(i)]++] = i;
  idx.swap(tmp);
}

// Renumbers `ids` to 0..n-1 (keeping their order) when they are far from dense, so that the
// counting sorts and counters stay proportional to the households.
void Densify(std::vector<uint32_t>& ids, uint32_t& range) {
  if (range <= 2 * ids.size() + 1) return;
  std::vector<uint32_t> values = ids;
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  for (uint32_t& v : ids) {
    v = static_cast<uint32_t>(std::lower_bound(values.begin(), values.end(), v) - values.begin());
  }
  range = static_cast<uint32_t>(values.size());
}

// What the picker reads of each household, in compact arrays (the households themselves are
// large; these stay in cache).
struct Traits {
  std::vector<uint32_t> building;
  std::vector<uint32_t> substation;
  std::vector<uint64_t> priority;  // sensor first (top bit clear), then the seeded random rank
};

// The households of one cell that share a substation and a building.
struct Group {
  uint32_t begin = 0;  // members are order_[begin, end)
  uint32_t end = 0;
  uint32_t next = 0;    // members before `next` are picked
  uint32_t best = 0;    // the best member not yet picked
  bool sorted = false;  // members in pick order (from the first pick on)
};

// Picks households cell by cell (see PlanSample). Two levels of lazy min-heaps per cell: over the
// cell's substations, keyed by (picks of the substation, the key of its best building group), and
// per substation over its building groups, keyed by (picks of the building, priority of the
// group's best member). Keys only grow (counts rise; a group's best member only gets worse), so an
// entry whose stored key equals its current key is the true minimum; a stale one is pushed back
// with its current key. A pick makes at most one substation entry stale per cell, so the work per
// pick stays small however many buildings a cell has.
class Picker {
 public:
  Picker(const Traits& traits, size_t substations, size_t buildings)
      : t_(traits), substation_picks_(substations, 0), building_picks_(buildings, 0) {}

  /// Adds a cell whose members are ordered by (substation, building); returns its number.
  size_t AddCell(std::span<const uint32_t> members) {
    const auto base = static_cast<uint32_t>(order_.size());
    order_.insert(order_.end(), members.begin(), members.end());
    OuterHeap outer;
    for (uint32_t i = 0; i < members.size();) {
      Part part;
      part.substation = t_.substation[members[i]];
      while (i < members.size() && t_.substation[members[i]] == part.substation) {
        Group g{base + i, base + i, base + i, members[i], false};
        for (; g.end < base + members.size() && t_.substation[order_[g.end]] == part.substation &&
               t_.building[order_[g.end]] == t_.building[members[i]];
             ++g.end) {
          if (Better(order_[g.end], g.best)) g.best = order_[g.end];
        }
        i = g.end - base;
        groups_.push_back(g);
        part.heap.push(GroupKey(static_cast<uint32_t>(groups_.size() - 1)));
      }
      parts_.push_back(std::move(part));
      outer.push(PartKey(static_cast<uint32_t>(parts_.size() - 1)));
    }
    cells_.push_back(std::move(outer));
    return cells_.size() - 1;
  }

  /// One household from cell `c`. Precondition: the cell has one left.
  uint32_t Pick(size_t c) {
    OuterHeap& outer = cells_[c];
    for (;;) {
      const OuterKey top = outer.top();
      outer.pop();
      const uint32_t part_id = std::get<2>(top);
      const OuterKey now = PartKey(part_id);
      if (now != top) {
        outer.push(now);
        continue;
      }
      Part& part = parts_[part_id];
      const uint32_t id = std::get<2>(part.heap.top());  // current: PartKey cleaned it
      part.heap.pop();
      Group& g = groups_[id];
      if (!g.sorted) {  // sorted when picking from it starts
        std::sort(order_.begin() + g.begin, order_.begin() + g.end,
                  [&](uint32_t a, uint32_t b) { return Better(a, b); });
        g.sorted = true;
      }
      const uint32_t h = order_[g.next++];
      ++substation_picks_[t_.substation[h]];
      ++building_picks_[t_.building[h]];
      if (g.next < g.end) {
        g.best = order_[g.next];
        part.heap.push(GroupKey(id));
      }
      if (!part.heap.empty()) outer.push(PartKey(part_id));
      return h;
    }
  }

 private:
  using InnerKey = std::tuple<int64_t, uint64_t, uint32_t>;  // building picks, priority, group
  using InnerHeap = std::priority_queue<InnerKey, std::vector<InnerKey>, std::greater<>>;
  using OuterKey = std::tuple<int64_t, InnerKey, uint32_t>;  // substation picks, best, part
  using OuterHeap = std::priority_queue<OuterKey, std::vector<OuterKey>, std::greater<>>;

  // A cell's groups of one substation.
  struct Part {
    uint32_t substation = 0;
    InnerHeap heap;
  };

  bool Better(uint32_t a, uint32_t b) const {
    return std::pair(t_.priority[a], a) < std::pair(t_.priority[b], b);
  }
  InnerKey GroupKey(uint32_t id) const {
    const uint32_t best = groups_[id].best;
    return {building_picks_[t_.building[best]], t_.priority[best], id};
  }
  // The part's current key; cleans stale entries off the top of its heap first.
  OuterKey PartKey(uint32_t id) {
    Part& part = parts_[id];
    for (;;) {
      const InnerKey top = part.heap.top();
      const InnerKey now = GroupKey(std::get<2>(top));
      if (now == top) return {substation_picks_[part.substation], top, id};
      part.heap.pop();
      part.heap.push(now);
    }
  }

  const Traits& t_;
  std::vector<int64_t> substation_picks_;
  std::vector<int64_t> building_picks_;
  std::vector<uint32_t> order_;
  std::vector<Group> groups_;
  std::vector<Part> parts_;
  std::vector<OuterHeap> cells_;
};

}  // namespace

std::string_view PositionName(NetworkPosition p) { return kPositionNames[Index(p)]; }
std::string_view OrientationName(Orientation o) { return kOrientationNames[Index(o)]; }
std::string_view TierName(FloorTier t) { return kTierNames[Index(t)]; }
std::optional<NetworkPosition> ParsePosition(std::string_view text) {
  return ParseName<NetworkPosition>(kPositionNames, text);
}
std::optional<Orientation> ParseOrientation(std::string_view text) {
  return ParseName<Orientation>(kOrientationNames, text);
}
std::optional<FloorTier> ParseTier(std::string_view text) {
  return ParseName<FloorTier>(kTierNames, text);
}

std::string_view DimensionName(SampleDimension d) {
  switch (d) {
    case SampleDimension::kPosition:
      return "position";
    case SampleDimension::kOrientation:
      return "orientation";
    case SampleDimension::kFloor:
      return "floor";
  }
  return "";
}

std::string_view ValueName(SampleDimension d, size_t value) {
  switch (d) {
    case SampleDimension::kPosition:
      return kPositionNames.at(value);
    case SampleDimension::kOrientation:
      return kOrientationNames.at(value);
    case SampleDimension::kFloor:
      return kTierNames.at(value);
  }
  return "";
}

// R-SAMPLE-1
SampleSize RequiredSample(const SamplingPolicy& policy, AreaUnits total_area, int64_t households) {
  SampleSize s;
  s.band = policy.bands.size() - 1;
  for (size_t i = 0; i < policy.bands.size(); ++i) {
    const auto& max = policy.bands[i].max_area_m2;
    if (!max || total_area <= static_cast<AreaUnits>(*max) * kAreaUnitsPerM2) {
      s.band = i;
      break;
    }
  }
  s.percent = policy.bands[s.band].percent;
  const Int128 product = static_cast<Int128>(households) * s.percent;
  s.required = std::min(households, static_cast<int64_t>((product + 99) / 100));
  return s;
}

// R-SAMPLE-2
std::vector<int64_t> LargestRemainder(int64_t total, std::span<const int> shares) {
  const Int128 sum = std::accumulate(shares.begin(), shares.end(), Int128{0});
  std::vector<int64_t> out(shares.size(), 0);
  std::vector<Int128> remainder(shares.size(), 0);
  int64_t given = 0;
  for (size_t i = 0; i < shares.size(); ++i) {
    const Int128 exact = static_cast<Int128>(total) * shares[i];
    out[i] = static_cast<int64_t>(exact / sum);
    remainder[i] = exact % sum;
    given += out[i];
  }
  std::vector<size_t> order(shares.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (remainder[a] != remainder[b]) return remainder[a] > remainder[b];
    return shares[a] > shares[b];  // then the value listed first (stable)
  });
  for (size_t k = 0; given < total; ++k, ++given) ++out[order[k]];
  return out;
}

DimensionCounts SampleQuotas(const SamplingPolicy& policy, int64_t required) {
  DimensionCounts q;
  auto fill = [&](auto& dst, const auto& shares) {
    auto v = LargestRemainder(required, shares);
    std::copy(v.begin(), v.end(), dst.begin());
  };
  fill(q.position, policy.position);
  fill(q.orientation, policy.orientation);
  fill(q.floor, policy.floor);
  return q;
}

FloorTier TierOfFloor(int floor, int floors) {
  const int64_t below = 3 * (static_cast<int64_t>(floor) - 1);
  if (below < floors) return FloorTier::kLower;
  if (below >= 2 * static_cast<int64_t>(floors)) return FloorTier::kUpper;
  return FloorTier::kMiddle;
}

std::vector<NetworkPosition> PositionsByDistance(std::span<const BuildingDistance> buildings) {
  std::map<int64_t, std::vector<int64_t>> distances;  // per substation, sorted
  for (const BuildingDistance& b : buildings) distances[b.substation].push_back(b.distance_m);
  for (auto& [substation, list] : distances) std::sort(list.begin(), list.end());
  std::vector<NetworkPosition> out;
  out.reserve(buildings.size());
  for (const BuildingDistance& b : buildings) {
    const std::vector<int64_t>& list = distances[b.substation];
    const auto n = static_cast<int64_t>(list.size());
    const auto rank = static_cast<int64_t>(
        std::lower_bound(list.begin(), list.end(), b.distance_m) - list.begin());
    if (3 * rank < n) {
      out.push_back(NetworkPosition::kNear);
    } else if (3 * rank >= 2 * n) {
      out.push_back(NetworkPosition::kFar);
    } else {
      out.push_back(NetworkPosition::kMiddle);
    }
  }
  return out;
}

FloorTier TierOf(const SampleHousehold& h) {
  return h.tier ? *h.tier : TierOfFloor(h.floor, h.floors);
}

// R-SAMPLE-1..3
SamplePlan PlanSample(const SamplingPolicy& policy, std::span<const SampleHousehold> households,
                      uint64_t seed) {
  SamplePlan plan;
  plan.households = static_cast<int64_t>(households.size());
  // One pass over the households: the cell table, the area, and what the picker reads.
  CellTable available{};
  std::vector<uint8_t> cell_of(households.size());
  Traits traits;
  traits.building.resize(households.size());
  traits.substation.resize(households.size());
  traits.priority.resize(households.size());
  std::mt19937_64 gen(seed);
  uint32_t substations = 0, buildings = 0;
  for (size_t i = 0; i < households.size(); ++i) {
    const SampleHousehold& h = households[i];
    plan.total_area += h.area;
    const size_t p = Index(h.position), o = Index(h.orientation), t = Index(TierOf(h));
    ++available[p][o][t];
    cell_of[i] = static_cast<uint8_t>((p * kOrientations + o) * kTiers + t);
    traits.building[i] = h.building;
    traits.substation[i] = h.substation;
    traits.priority[i] = (h.has_sensor ? 0 : uint64_t{1} << 63) | (gen() >> 1);
    substations = std::max(substations, h.substation + 1);
    buildings = std::max(buildings, h.building + 1);
  }
  Densify(traits.building, buildings);
  Densify(traits.substation, substations);
  plan.size = RequiredSample(policy, plan.total_area, plan.households);
  plan.quotas = SampleQuotas(policy, plan.size.required);
  const CellAssignment assignment = AssignCells(available, plan.quotas, plan.size.required);
  plan.achieved = assignment.achieved;
  plan.shortfalls = Shortfalls(plan.quotas, plan.achieved);
  if (plan.size.required == 0) return plan;

  // The members of the cells that give households, ordered by (cell, substation, building, input
  // order): three stable counting sorts (the indices are dense).
  std::vector<uint32_t> idx, tmp;
  idx.reserve(households.size());
  for (size_t i = 0; i < households.size(); ++i) {
    if (CellAt(assignment.counts, cell_of[i]) > 0) idx.push_back(static_cast<uint32_t>(i));
  }
  CountingSort(
      idx, tmp, [&](uint32_t i) { return traits.building[i]; }, buildings);
  CountingSort(
      idx, tmp, [&](uint32_t i) { return traits.substation[i]; }, substations);
  CountingSort(
      idx, tmp, [&](uint32_t i) { return cell_of[i]; }, kPositions * kOrientations * kTiers);

  Picker picker(traits, substations, buildings);
  std::vector<int64_t> need;
  for (size_t begin = 0; begin < idx.size();) {
    size_t end = begin;
    while (end < idx.size() && cell_of[idx[end]] == cell_of[idx[begin]]) ++end;
    const size_t c = cell_of[idx[begin]];
    need.push_back(CellAt(assignment.counts, c));
    picker.AddCell(std::span<const uint32_t>(idx).subspan(begin, end - begin));
    begin = end;
  }
  // Cells in turn, one pick each, so that no cell takes all the best-spread households first.
  plan.selected.reserve(static_cast<size_t>(plan.size.required));
  for (bool any = true; any;) {
    any = false;
    for (size_t c = 0; c < need.size(); ++c) {
      if (need[c] == 0) continue;
      --need[c];
      plan.selected.push_back(picker.Pick(c));
      any = true;
    }
  }
  std::sort(plan.selected.begin(), plan.selected.end());
  return plan;
}

}  // namespace hearth::rules

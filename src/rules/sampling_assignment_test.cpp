// R-SAMPLE-2/3: the cell table meets the three quotas at once, or misses them by the least total.
#include "rules/sampling_assignment.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <string>

namespace hearth::rules {
namespace {

constexpr size_t kCells = kPositions * kOrientations * kTiers;

int64_t& At(CellTable& t, size_t c) { return t[c / 6][(c / 3) % 2][c % 3]; }
int64_t At(const CellTable& t, size_t c) { return t[c / 6][(c / 3) % 2][c % 3]; }

std::string Describe(const CellTable& available, const DimensionCounts& q, int64_t k) {
  std::string s = "required " + std::to_string(k) + " available";
  for (size_t c = 0; c < kCells; ++c) s += " " + std::to_string(At(available, c));
  auto list = [&](const char* name, const auto& a) {
    s += std::string(" ") + name;
    for (auto v : a) s += " " + std::to_string(v);
  };
  list("pos", q.position);
  list("ori", q.orientation);
  list("floor", q.floor);
  return s;
}

// The least total shortfall over every table: plain enumeration of the 18 cells.
int64_t BruteForce(const CellTable& available, const DimensionCounts& q, int64_t k) {
  CellTable n{};
  int64_t best = -1;
  std::function<void(size_t, int64_t)> go = [&](size_t c, int64_t left) {
    if (c == kCells) {
      if (left != 0) return;
      const int64_t s = TotalShortfall(q, Margins(n));
      if (best < 0 || s < best) best = s;
      return;
    }
    int64_t room = 0;  // what the later cells can still take
    for (size_t d = c + 1; d < kCells; ++d) room += At(available, d);
    for (int64_t x = std::max<int64_t>(0, left - room); x <= std::min(left, At(available, c)); ++x) {
      At(n, c) = x;
      go(c + 1, left - x);
    }
    At(n, c) = 0;
  };
  go(0, k);
  return best;
}

// Checks the table against the contract and returns its shortfall.
int64_t CheckValid(const CellTable& available, const DimensionCounts& q, int64_t k,
                   const CellAssignment& a) {
  int64_t sum = 0;
  for (size_t c = 0; c < kCells; ++c) {
    EXPECT_GE(At(a.counts, c), 0);
    EXPECT_LE(At(a.counts, c), At(available, c)) << "cell " << c;
    sum += At(a.counts, c);
  }
  EXPECT_EQ(sum, k) << "the required count is always reached";
  EXPECT_EQ(a.achieved, Margins(a.counts));
  EXPECT_EQ(a.shortfall, TotalShortfall(q, a.achieved));
  return a.shortfall;
}

template <size_t N>
std::array<int64_t, N> RandomSplit(std::mt19937_64& gen, int64_t total) {
  std::array<int64_t, N> out{};
  for (int64_t i = 0; i < total; ++i) ++out[gen() % N];
  return out;
}

DimensionCounts RandomQuotas(std::mt19937_64& gen, int64_t k) {
  return {RandomSplit<kPositions>(gen, k), RandomSplit<kOrientations>(gen, k),
          RandomSplit<kTiers>(gen, k)};
}

// R-SAMPLE-2/3: the branch and bound is optimal, against enumeration of every table.
TEST(AssignCells, MatchesBruteForceOnSmallRandomInstances) {
  std::mt19937_64 gen(20240915);
  int searched = 0;
  for (int round = 0; round < 600; ++round) {
    CellTable available{};
    const int64_t max_cap = 1 + static_cast<int64_t>(gen() % 3);
    const unsigned zero_percent = static_cast<unsigned>(gen() % 70);
    int64_t total = 0;
    for (size_t c = 0; c < kCells; ++c) {
      if (gen() % 100 >= zero_percent) At(available, c) = static_cast<int64_t>(gen() % static_cast<uint64_t>(max_cap + 1));
      total += At(available, c);
    }
    const int64_t k = std::min<int64_t>(total, static_cast<int64_t>(gen() % 7));
    const DimensionCounts q = RandomQuotas(gen, k);
    SCOPED_TRACE(Describe(available, q, k));
    AssignmentStats stats;
    const CellAssignment a = AssignCells(available, q, k, &stats);
    EXPECT_EQ(CheckValid(available, q, k, a), BruteForce(available, q, k));
    if (!stats.fast_path) ++searched;
  }
  EXPECT_GT(searched, 300) << "most instances should need the search, not the fast path";
}

// Larger counts on few cells (so enumeration stays small): parity obstacles at scale.
TEST(AssignCells, MatchesBruteForceOnSparseLargerInstances) {
  std::mt19937_64 gen(7);
  for (int round = 0; round < 150; ++round) {
    CellTable available{};
    int64_t total = 0;
    for (int i = 0; i < 6; ++i) {
      At(available, gen() % kCells) = static_cast<int64_t>(gen() % 9);
    }
    for (size_t c = 0; c < kCells; ++c) total += At(available, c);
    const int64_t k = std::min<int64_t>(total, 4 + static_cast<int64_t>(gen() % 12));
    const DimensionCounts q = RandomQuotas(gen, k);
    SCOPED_TRACE(Describe(available, q, k));
    const CellAssignment a = AssignCells(available, q, k);
    EXPECT_EQ(CheckValid(available, q, k, a), BruteForce(available, q, k));
  }
}

// The 3-dimensional-matching gadget: the LP relaxation meets every quota with halves, no integer
// table does when t is odd. Cells (near,shade,upper), (near,sun,middle), (middle,shade,middle),
// (middle,sun,upper), t households each; quotas t/t for near/middle, shade/sun, upper/middle.
TEST(AssignCells, IntegralityGapOfTheMatchingGadget) {
  struct Case {
    int64_t t;
    int64_t shortfall;
  };
  const Case cases[] = {{1, 1}, {2, 0}, {3, 1}, {4, 0}, {51, 1}, {1000, 0}, {100001, 1}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.t);
    CellTable available{};
    available[0][0][0] = c.t;
    available[0][1][1] = c.t;
    available[1][0][1] = c.t;
    available[1][1][0] = c.t;
    const DimensionCounts q{{c.t, c.t, 0}, {c.t, c.t}, {c.t, c.t, 0}};
    const CellAssignment a = AssignCells(available, q, 2 * c.t);
    EXPECT_EQ(CheckValid(available, q, 2 * c.t, a), c.shortfall);
  }
}

// R-SAMPLE-3: quotas that cannot be met are missed by the least amount, the count still reached.
TEST(AssignCells, UnmeetableQuotasReportTheLeastShortfall) {
  struct Case {
    const char* name;
    std::function<void(CellTable&)> fill;
    DimensionCounts quotas;
    int64_t required;
    std::vector<SampleShortfall> shortfalls;
  };
  auto everywhere = [](int64_t n) {
    return [n](CellTable& t) {
      for (auto& a : t) for (auto& b : a) for (auto& c : b) c = n;
    };
  };
  const Case cases[] = {
      {"ample households meet every quota", everywhere(100), {{2, 3, 5}, {6, 4}, {3, 3, 4}}, 10, {}},
      {"no far households",
       [](CellTable& t) {
         for (size_t p = 0; p < 2; ++p) for (auto& b : t[p]) for (auto& c : b) c = 100;
       },
       {{2, 3, 5}, {6, 4}, {3, 3, 4}}, 10,
       {{SampleDimension::kPosition, 2, 5}}},
      {"one upper-floor household",
       [](CellTable& t) {
         for (auto& a : t) for (auto& b : a) b = {0, 100, 100};
         t[2][0][0] = 1;
       },
       {{2, 3, 5}, {6, 4}, {3, 3, 4}}, 10,
       {{SampleDimension::kFloor, 0, 2}}},
      {"sun only on near, upper only far shade",
       [](CellTable& t) {
         t[0][1] = {0, 5, 5};
         t[2][0] = {5, 0, 0};
         t[1][0] = {0, 5, 5};
       },
       {{2, 3, 5}, {6, 4}, {3, 3, 4}}, 10,
       // Far only as far-shade-upper (5), sun only as near-sun: 3 far (the upper quota) and 4
       // near-sun (the sun quota) miss far by 2; every other choice misses more.
       {{SampleDimension::kPosition, 2, 2}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    CellTable available{};
    c.fill(available);
    const CellAssignment a = AssignCells(available, c.quotas, c.required);
    CheckValid(available, c.quotas, c.required, a);
    EXPECT_EQ(Shortfalls(c.quotas, a.achieved), c.shortfalls);
  }
}

TEST(AssignCells, NothingRequired) {
  CellTable available{};
  const CellAssignment a = AssignCells(available, {}, 0);
  EXPECT_EQ(a.counts, CellTable{});
  EXPECT_EQ(a.shortfall, 0);
}

// Large counts with scarce cells: the search stays small (a count, not a time).
TEST(AssignCells, LargeScarceInstancesNeedFewNodes) {
  std::mt19937_64 gen(99);
  int most = 0;
  for (int round = 0; round < 40; ++round) {
    CellTable available{};
    int64_t total = 0;
    for (size_t c = 0; c < kCells; ++c) {
      if (gen() % 3 == 0) At(available, c) = static_cast<int64_t>(gen() % 4000);
      total += At(available, c);
    }
    const int64_t k = std::min<int64_t>(total, 10000);
    const DimensionCounts q = RandomQuotas(gen, k);
    SCOPED_TRACE(Describe(available, q, k));
    AssignmentStats stats;
    const CellAssignment a = AssignCells(available, q, k, &stats);
    CheckValid(available, q, k, a);
    most = std::max(most, stats.nodes);
  }
  EXPECT_LT(most, 200);
}

}  // namespace
}  // namespace hearth::rules

// Lattice splits on their own: parity and other obstructions with their exact splits, systems with
// integer solutions, the support step that finds obstructions hidden by variables forced to 0,
// the errors promised, and random systems checked against the definition of a split.
#include "rules/solver/lattice_split.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <ostream>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace hearth::rules::solver {
namespace {

// The split as plain numbers, for readable comparisons; none for no split.
struct Expected {
  std::vector<int64_t> alpha;
  int64_t num = 0;
  int64_t den = 1;
  bool operator==(const Expected&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Expected& e) {
  os << "alpha";
  for (int64_t a : e.alpha) os << " " << a;
  return os << " beta " << e.num << "/" << e.den;
}

std::optional<Expected> Plain(const std::optional<LatticeSplit>& s) {
  if (!s) return std::nullopt;
  Expected e{{}, static_cast<int64_t>(s->num), static_cast<int64_t>(s->den)};
  for (Int128 a : s->alpha) e.alpha.push_back(static_cast<int64_t>(a));
  return e;
}

// α·x == β for x = x_num / x_den.
bool HoldsAt(const LatticeSplit& s, const std::vector<int64_t>& x_num, int64_t x_den) {
  Int128 lhs = 0;
  for (size_t j = 0; j < x_num.size(); ++j) lhs += s.alpha[j] * x_num[j];
  return lhs * s.den == s.num * x_den;
}

struct Case {
  const char* name;
  EqualitySystem system;
  std::optional<Expected> split;
  std::vector<int64_t> point;  // a rational solution (in P, for FindLatticeSplit) over point_den
  int64_t point_den;
};

TEST(IntegerObstruction, KnownSystems) {
  const Case cases[] = {
      {"2x = 1", {1, {{2}}, {1}}, Expected{{1}, 1, 2}, {1}, 2},
      {"2x + 4y = 3: gcd 2 does not divide 3",
       {2, {{2, 4}}, {3}},
       Expected{{1, 2}, 3, 2},
       {3, 0},
       2},
      {"x + y = 1, x - y = 0", {2, {{1, 1}, {1, -1}}, {1, 0}}, Expected{{-1, 0}, -1, 2}, {1, 1}, 2},
      {"thirds",
       {3, {{1, 1, 1}, {1, -1, 0}, {0, 1, -1}}, {1, 0, 0}},
       Expected{{1, 0, 0}, 1, 3},
       {1, 1, 1},
       3},
      {"2x + 2y = 1, 3y + 3z = 1",
       {3, {{2, 2, 0}, {0, 3, 3}}, {1, 1}},
       Expected{{1, 1, 0}, 1, 2},
       {3, 0, 2},
       6},
      {"a row of zeros after elimination",
       {3, {{0, 2, 1}, {0, 0, 1}}, {1, 0}},
       Expected{{0, -1, 0}, -1, 2},
       {0, 1, 0},
       2},
      {"6x + 10y + 15z = 1: gcd 1, integer solutions",
       {3, {{6, 10, 15}}, {1}},
       std::nullopt,
       {1, 1, -1},
       1},
      {"2y + z = 1, z + w = 0 has integers (0, 1, -1)",
       {3, {{2, 1, 0}, {0, 1, 1}}, {1, 0}},
       std::nullopt,
       {0, 1, -1},
       1},
      {"dependent consistent rows", {2, {{1, 1}, {2, 2}}, {1, 2}}, std::nullopt, {1, 0}, 1},
      {"no rows", {2, {}, {}}, std::nullopt, {0, 0}, 1},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto split = IntegerObstruction(c.system);
    EXPECT_EQ(Plain(split), c.split);
    if (split) {
      EXPECT_TRUE(HoldsAt(*split, c.point, c.point_den));
    }
  }
}

TEST(FindLatticeSplit, KnownPolytopes) {
  struct PCase {
    Case c;
    int lp_solves;
  };
  const PCase cases[] = {
      {{"x + y = 1, x - y = 0: the point (1/2, 1/2)",
        {2, {{1, 1}, {1, -1}}, {1, 0}},
        Expected{{-1, 0}, -1, 2},
        {1, 1},
        2},
       2},
      {{"perfect matchings of a triangle: every edge 1/2",
        {3, {{1, 1, 0}, {0, 1, 1}, {1, 0, 1}}, {1, 1, 1}},
        Expected{{1, 0, 0}, 1, 2},
        {1, 1, 1},
        2},
       2},
      // z, w >= 0 and z + w = 0 force z = w = 0, so 2y = 1, though the equations alone have
      // integer solutions: the support step finds what IntegerObstruction alone cannot.
      {{"a parity hidden by variables forced to zero",
        {3, {{2, 1, 0}, {0, 1, 1}}, {1, 0}},
        Expected{{1, 0, 0}, 1, 2},
        {1, 0, 0},
        2},
       2},
      {{"x + y = 2 holds integers", {2, {{1, 1}}, {2}}, std::nullopt, {}, 1}, 3},
      // No integer point in P, but its affine hull holds (3, -1): no split of this kind exists.
      {{"3x + 5y = 4: P holds no integer, its hull does", {2, {{3, 5}}, {4}}, std::nullopt, {}, 1},
       3},
      {{"x + y = -1: P is empty", {2, {{1, 1}}, {-1}}, std::nullopt, {}, 1}, 1},
      {{"no variables", {0, {}, {}}, std::nullopt, {}, 1}, 1},
  };
  for (const PCase& pc : cases) {
    const Case& c = pc.c;
    SCOPED_TRACE(c.name);
    int lp_solves = 0;
    const auto split = FindLatticeSplit(c.system, &lp_solves);
    EXPECT_EQ(Plain(split), c.split);
    EXPECT_EQ(lp_solves, pc.lp_solves);
    if (split) {
      EXPECT_TRUE(HoldsAt(*split, c.point, c.point_den));
    }
    EXPECT_EQ(Plain(FindLatticeSplit(c.system)), c.split) << "the same without a counter";
  }
}

TEST(LatticeSplit, BrokenPreconditionsThrowInvalidArgument) {
  const EqualitySystem short_row{2, {{1}}, {1}};
  const EqualitySystem missing_rhs{1, {{1}}, {}};
  const EqualitySystem inconsistent{2, {{1, 1}, {1, 1}}, {1, 2}};
  const EqualitySystem unbounded{2, {{1, -1}}, {0}};  // x = y >= 0
  const EqualitySystem zero_columns{0, {{}}, {1}};    // 0 = 1
  for (const auto* s : {&short_row, &missing_rhs}) {
    EXPECT_THROW(IntegerObstruction(*s), std::invalid_argument);
    EXPECT_THROW(FindLatticeSplit(*s), std::invalid_argument);
  }
  EXPECT_THROW(IntegerObstruction(inconsistent), std::invalid_argument);
  EXPECT_THROW(IntegerObstruction(zero_columns), std::invalid_argument);
  EXPECT_THROW(FindLatticeSplit(unbounded), std::invalid_argument);
  EXPECT_THROW(FindLatticeSplit(unbounded), std::logic_error);
}

TEST(LatticeSplit, NumbersBeyond128BitsThrowOverflowError) {
  const int64_t m = 3'000'000'000'000'000'000;
  const EqualitySystem s{
      4,
      {{m, m - 1, m - 7, m - 17}, {m - 3, m, m - 11, m - 19}, {m - 5, m - 13, m, m - 23}},
      {1, 2, 3}};
  EXPECT_THROW(IntegerObstruction(s), std::overflow_error);
}

// ---- Random systems against the definition ------------------------------------------------------

// Rank by fraction-free elimination (small matrices).
size_t Rank(std::vector<std::vector<Int128>> m) {
  size_t rank = 0;
  const size_t cols = m.empty() ? 0 : m[0].size();
  for (size_t c = 0; c < cols && rank < m.size(); ++c) {
    size_t p = rank;
    while (p < m.size() && m[p][c] == 0) ++p;
    if (p == m.size()) continue;
    std::swap(m[p], m[rank]);
    for (size_t r = rank + 1; r < m.size(); ++r) {
      const Int128 f = m[r][c], g = m[rank][c];
      for (size_t j = 0; j < cols; ++j) m[r][j] = m[r][j] * g - m[rank][j] * f;
    }
    ++rank;
  }
  return rank;
}

// A x = b built from a rational x0: every split must hold at x0 (α·x0 = β, β not an integer) and
// be a combination of the rows (so it holds at every rational solution); an integer x0 means no
// split at all.
TEST(IntegerObstruction, RandomSystemsMeetTheDefinition) {
  std::mt19937_64 gen(11);
  int splits = 0, integral = 0;
  for (int round = 0; round < 500; ++round) {
    const size_t n = 1 + static_cast<size_t>(gen() % 4);
    const size_t m = 1 + static_cast<size_t>(gen() % 3);
    const int64_t x_den = 1 + static_cast<int64_t>(gen() % 3);
    std::vector<int64_t> x_num(n);
    for (auto& v : x_num) v = static_cast<int64_t>(gen() % 7) - 3;
    EqualitySystem s{n, std::vector<std::vector<int64_t>>(m, std::vector<int64_t>(n)), {}};
    for (auto& row : s.a) {
      Int128 b = 0;  // b = row·x0 must be an integer: scale the row by x_den when it is not
      for (size_t j = 0; j < n; ++j) b += (row[j] = static_cast<int64_t>(gen() % 7) - 3) * x_num[j];
      if (b % x_den != 0) {
        for (auto& v : row) v *= x_den;
        b *= x_den;
      }
      s.b.push_back(static_cast<int64_t>(b / x_den));
    }
    SCOPED_TRACE("round " + std::to_string(round));
    const auto split = IntegerObstruction(s);
    bool x0_integral = true;
    for (int64_t v : x_num) x0_integral = x0_integral && v % x_den == 0;
    if (x0_integral) {
      EXPECT_FALSE(split.has_value());
      ++integral;
    }
    if (!split) continue;
    ++splits;
    EXPECT_TRUE(split->den >= 2 && split->num % split->den != 0);
    EXPECT_TRUE(HoldsAt(*split, x_num, x_den));
    std::vector<std::vector<Int128>> rows;
    for (const auto& row : s.a) rows.emplace_back(row.begin(), row.end());
    const size_t rank = Rank(rows);
    rows.push_back(split->alpha);
    EXPECT_EQ(Rank(rows), rank) << "alpha is a combination of the rows";
  }
  EXPECT_GT(splits, 50);
  EXPECT_GT(integral, 50);
}

}  // namespace
}  // namespace hearth::rules::solver

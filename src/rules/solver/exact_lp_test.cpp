// The exact LP on its own: small LPs with known optima (exact fractions, not tolerances),
// infeasible and unbounded ones, degenerate ones that cycle without Bland's rule, the errors it
// promises, and random LPs against enumeration of every vertex.
#include "rules/solver/exact_lp.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <ostream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace hearth::rules::solver {
namespace {

// A fraction in lowest terms, den > 0, so that equal values compare equal.
struct Frac {
  int64_t num = 0;
  int64_t den = 1;
  bool operator==(const Frac&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Frac& f) { return os << f.num << "/" << f.den; }

Frac Reduced(Int128 num, Int128 den) {
  if (den < 0) {
    num = -num;
    den = -den;
  }
  Int128 a = num < 0 ? -num : num, b = den;
  while (b != 0) {
    const Int128 t = a % b;
    a = b;
    b = t;
  }
  return {static_cast<int64_t>(num / a), static_cast<int64_t>(den / a)};
}

std::string Name(LpStatus s) {
  if (s == LpStatus::kOptimal) return "optimal";
  return s == LpStatus::kInfeasible ? "infeasible" : "unbounded";
}

struct Row {
  std::vector<int64_t> a;
  Sense sense;
  int64_t b;
};

ExactLp Build(const std::vector<int64_t>& cost, const std::vector<Row>& rows) {
  ExactLp lp(cost);
  for (const Row& r : rows) lp.AddRow(r.a, r.sense, r.b);
  return lp;
}

constexpr Sense kLe = Sense::kLe;
constexpr Sense kEq = Sense::kEq;
constexpr Sense kGe = Sense::kGe;

TEST(ExactLp, KnownOptimaAndOutcomes) {
  struct Case {
    const char* name;
    std::vector<int64_t> cost;
    std::vector<Row> rows;
    LpStatus status;
    Frac objective;       // kOptimal only
    std::vector<Frac> x;  // kOptimal only: the vertex returned
  };
  const Case cases[] = {
      {"max 3x + 2y over a polygon",
       {-3, -2},
       {{{1, 1}, kLe, 4}, {{1, 3}, kLe, 6}, {{1, 0}, kLe, 3}},
       LpStatus::kOptimal, {-11, 1}, {{3, 1}, {1, 1}}},
      {"a fractional vertex is exact",
       {-1, -1},
       {{{2, 1}, kLe, 2}, {{1, 2}, kLe, 2}},
       LpStatus::kOptimal, {-4, 3}, {{2, 3}, {2, 3}}},
      {"= and >= rows need phase 1",
       {2, 3},
       {{{1, 1}, kGe, 2}, {{1, -1}, kEq, 1}},
       LpStatus::kOptimal, {9, 2}, {{3, 2}, {1, 2}}},
      {"unit columns start the basis (no phase 1)",
       {0, 0, -1},
       {{{1, 0, 1}, kEq, 4}, {{0, 1, 1}, kEq, 3}},
       LpStatus::kOptimal, {-3, 1}, {{1, 1}, {0, 1}, {3, 1}}},
      {"a negative right-hand side flips the row: -x <= -3 is x >= 3",
       {1},
       {{{-1}, kLe, -3}},
       LpStatus::kOptimal, {3, 1}, {{3, 1}}},
      {"ties: the lowest index enters (Bland), so x takes it all",
       {-1, -1},
       {{{1, 1}, kLe, 1}},
       LpStatus::kOptimal, {-1, 1}, {{1, 1}, {0, 1}}},
      {"Beale's example, which cycles under Dantzig's rule, scaled to integers",
       {-3, 80, -2, 24},
       {{{1, -32, -4, 36}, kLe, 0}, {{1, -24, -1, 6}, kLe, 0}, {{0, 0, 1, 0}, kLe, 1}},
       LpStatus::kOptimal, {-5, 1}, {{1, 1}, {0, 1}, {1, 1}, {0, 1}}},
      {"degenerate: four rows through the optimal vertex",
       {-1, -1},
       {{{1, 0}, kLe, 1}, {{0, 1}, kLe, 1}, {{1, 1}, kLe, 2}, {{1, -1}, kLe, 0}},
       LpStatus::kOptimal, {-2, 1}, {{1, 1}, {1, 1}}},
      {"no rows, minimise x: the origin",
       {1, 2},
       {},
       LpStatus::kOptimal, {0, 1}, {{0, 1}, {0, 1}}},
      {"x + y <= 1 and x + y >= 2: infeasible", {1, 1},
       {{{1, 1}, kLe, 1}, {{1, 1}, kGe, 2}}, LpStatus::kInfeasible, {}, {}},
      {"x + y = -1 with x, y >= 0: infeasible", {0, 0},
       {{{1, 1}, kEq, -1}}, LpStatus::kInfeasible, {}, {}},
      {"dependent but inconsistent = rows: infeasible, not an error", {0, 0},
       {{{1, 1}, kEq, 1}, {{2, 2}, kEq, 3}}, LpStatus::kInfeasible, {}, {}},
      {"min -x along x - y <= 1: unbounded", {-1, 0},
       {{{1, -1}, kLe, 1}}, LpStatus::kUnbounded, {}, {}},
      {"min -x with no rows: unbounded", {-1}, {}, LpStatus::kUnbounded, {}, {}},
      {"unbounded after phase 1", {0, -1},
       {{{2, -1}, kEq, 2}}, LpStatus::kUnbounded, {}, {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const LpSolution s = Build(c.cost, c.rows).Minimize();
    ASSERT_EQ(Name(s.status), Name(c.status));
    EXPECT_TRUE(s.den > 0);
    if (c.status != LpStatus::kOptimal) {
      EXPECT_TRUE(s.x.empty());
      EXPECT_FALSE(s.optimal());
      continue;
    }
    EXPECT_TRUE(s.optimal());
    EXPECT_EQ(Reduced(s.objective, s.den), c.objective);
    ASSERT_EQ(s.x.size(), c.x.size());
    for (size_t j = 0; j < c.x.size(); ++j) EXPECT_EQ(Reduced(s.x[j], s.den), c.x[j]) << "x" << j;
  }
}

// The denominator is |det B| of the optimal basis: x = 2/3 comes over 3 here.
TEST(ExactLp, DenominatorIsTheBasisDeterminant) {
  const LpSolution s = Build({-1, -1}, {{{2, 1}, kLe, 2}, {{1, 2}, kLe, 2}}).Minimize();
  ASSERT_TRUE(s.optimal());
  EXPECT_TRUE(s.den == 3);
  EXPECT_TRUE(s.x[0] == 2 && s.x[1] == 2 && s.objective == -4);
}

// Bland's rule fixes the path, not only the answer: these counts follow from the lowest index
// entering and ratio ties going to the lowest basic index (the reverse tie rule takes 2 and 2).
TEST(ExactLp, PivotsFollowBlandsRule) {
  struct Case {
    const char* name;
    std::vector<int64_t> cost;
    std::vector<Row> rows;
    int pivots;
  };
  const Case cases[] = {
      {"Beale's example",
       {-3, 80, -2, 24},
       {{{1, -32, -4, 36}, kLe, 0}, {{1, -24, -1, 6}, kLe, 0}, {{0, 0, 1, 0}, kLe, 1}},
       6},
      {"four rows through the optimal vertex",
       {-1, -1},
       {{{1, 0}, kLe, 1}, {{0, 1}, kLe, 1}, {{1, 1}, kLe, 2}, {{1, -1}, kLe, 0}},
       3},
      {"phase 1 then phase 2", {2, 3}, {{{1, 1}, kGe, 2}, {{1, -1}, kEq, 1}}, 2},
      {"the origin is optimal", {1, 1}, {{{1, 1}, kLe, 1}}, 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Build(c.cost, c.rows).Minimize().pivots, c.pivots);
  }
}

TEST(ExactLp, BrokenPreconditionsThrowInvalidArgument) {
  const int64_t kMin = std::numeric_limits<int64_t>::min();
  ExactLp lp({1, 1});
  EXPECT_THROW(lp.AddRow({1}, kLe, 1), std::invalid_argument);
  EXPECT_THROW(lp.AddRow({1, kMin}, kLe, 1), std::invalid_argument);
  EXPECT_THROW(lp.AddRow({1, 1}, kGe, kMin), std::invalid_argument);
  EXPECT_EQ(lp.rows(), 0u);
  // Feasible with linearly dependent = rows (also an all-zero = row).
  EXPECT_THROW(Build({1, 1}, {{{1, 1}, kEq, 1}, {{2, 2}, kEq, 2}}).Minimize(),
               std::invalid_argument);
  EXPECT_THROW(Build({1}, {{{0}, kEq, 0}}).Minimize(), std::invalid_argument);
  // invalid_argument is a logic_error, as the header promises.
  EXPECT_THROW(Build({1}, {{{0}, kEq, 0}}).Minimize(), std::logic_error);
}

TEST(ExactLp, NumbersBeyond128BitsThrowOverflowError) {
  const int64_t m = 3'000'000'000'000'000'000;
  const ExactLp lp = Build({-1, -1, -1}, {{{m, m - 1, m - 7}, kLe, m},
                                          {{m - 3, m, m - 11}, kLe, m},
                                          {{m - 5, m - 13, m}, kLe, m}});
  EXPECT_THROW(lp.Minimize(), std::overflow_error);
}

// ---- Random LPs against every vertex -----------------------------------------------------------

// det of a k × k integer matrix by cofactors (k <= 3 here).
Int128 Det(const std::vector<std::vector<Int128>>& m) {
  const size_t k = m.size();
  if (k == 1) return m[0][0];
  Int128 d = 0;
  for (size_t c = 0; c < k; ++c) {
    std::vector<std::vector<Int128>> minor;
    for (size_t r = 1; r < k; ++r) {
      std::vector<Int128> row;
      for (size_t j = 0; j < k; ++j) {
        if (j != c) row.push_back(m[r][j]);
      }
      minor.push_back(row);
    }
    d += (c % 2 == 0 ? 1 : -1) * m[0][c] * Det(minor);
  }
  return d;
}

// The least objective over the vertices of {x >= 0, rows} (each the solution of n tight
// constraints, by Cramer's rule), or nothing when there is none. Callers keep the set bounded.
std::optional<Frac> BestVertex(const std::vector<int64_t>& cost, const std::vector<Row>& rows) {
  const size_t n = cost.size();
  std::vector<Row> tight = rows;
  for (size_t j = 0; j < n; ++j) {
    Row r{std::vector<int64_t>(n, 0), kEq, 0};
    r.a[j] = 1;
    tight.push_back(r);
  }
  std::optional<Frac> best;
  const unsigned subsets = 1u << tight.size();
  for (unsigned mask = 0; mask < subsets; ++mask) {
    if (static_cast<size_t>(__builtin_popcount(mask)) != n) continue;
    std::vector<const Row*> pick;
    for (size_t i = 0; i < tight.size(); ++i) {
      if (mask & (1u << i)) pick.push_back(&tight[i]);
    }
    std::vector<std::vector<Int128>> a(n, std::vector<Int128>(n));
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j < n; ++j) a[i][j] = pick[i]->a[j];
    }
    Int128 d = Det(a);
    if (d == 0) continue;
    std::vector<Int128> x(n);  // x_j = det(a with column j := b) / d
    for (size_t j = 0; j < n; ++j) {
      auto aj = a;
      for (size_t i = 0; i < n; ++i) aj[i][j] = pick[i]->b;
      x[j] = Det(aj);
    }
    if (d < 0) {
      d = -d;
      for (Int128& v : x) v = -v;
    }
    bool ok = true;
    for (size_t j = 0; j < n; ++j) ok = ok && x[j] >= 0;
    for (const Row& r : rows) {
      Int128 lhs = 0;
      for (size_t j = 0; j < n; ++j) lhs += r.a[j] * x[j];
      const Int128 rhs = Int128{r.b} * d;
      ok = ok && (r.sense == kLe ? lhs <= rhs : r.sense == kGe ? lhs >= rhs : lhs == rhs);
    }
    if (!ok) continue;
    Int128 obj = 0;
    for (size_t j = 0; j < n; ++j) obj += cost[j] * x[j];
    const Frac f = Reduced(obj, d);
    if (!best || Int128{f.num} * best->den < Int128{best->num} * f.den) best = f;
  }
  return best;
}

TEST(ExactLp, RandomBoundedLpsMatchVertexEnumeration) {
  std::mt19937_64 gen(5);
  auto small = [&](int lo, int hi) {
    return static_cast<int64_t>(lo + static_cast<int>(gen() % static_cast<uint64_t>(hi - lo + 1)));
  };
  int optimal = 0, infeasible = 0;
  for (int round = 0; round < 400; ++round) {
    const size_t n = 2 + static_cast<size_t>(gen() % 2);
    std::vector<int64_t> cost(n);
    for (auto& c : cost) c = small(-4, 4);
    std::vector<Row> rows;
    const size_t m = 1 + static_cast<size_t>(gen() % 3);
    for (size_t i = 0; i < m; ++i) {
      Row r{std::vector<int64_t>(n), i == 0 && gen() % 3 == 0 ? kEq : gen() % 2 ? kLe : kGe,
            small(-3, 6)};
      bool zero = true;
      for (auto& v : r.a) zero = (v = small(-3, 3)) == 0 && zero;
      if (zero) r.a[0] = 1;  // an all-zero = row would make the rows dependent
      rows.push_back(r);
    }
    for (size_t j = 0; j < n; ++j) {  // x_j <= 5 keeps the LP bounded
      Row r{std::vector<int64_t>(n, 0), kLe, 5};
      r.a[j] = 1;
      rows.push_back(r);
    }
    SCOPED_TRACE("round " + std::to_string(round));
    const LpSolution s = Build(cost, rows).Minimize();
    const std::optional<Frac> best = BestVertex(cost, rows);
    ASSERT_EQ(Name(s.status), Name(best ? LpStatus::kOptimal : LpStatus::kInfeasible));
    if (!best) {
      ++infeasible;
      continue;
    }
    ++optimal;
    EXPECT_EQ(Reduced(s.objective, s.den), *best);
    Int128 obj = 0;  // the vertex returned is feasible and attains the objective
    for (size_t j = 0; j < n; ++j) {
      EXPECT_TRUE(s.x[j] >= 0);
      obj += cost[j] * s.x[j];
    }
    EXPECT_TRUE(obj == s.objective);
    for (const Row& r : rows) {
      Int128 lhs = 0;
      for (size_t j = 0; j < n; ++j) lhs += r.a[j] * s.x[j];
      const Int128 rhs = Int128{r.b} * s.den;
      EXPECT_TRUE(r.sense == kLe ? lhs <= rhs : r.sense == kGe ? lhs >= rhs : lhs == rhs);
    }
  }
  EXPECT_GT(optimal, 100);
  EXPECT_GT(infeasible, 20);
}

}  // namespace
}  // namespace hearth::rules::solver

// R-SAMPLE-2/3: the cell table of least total shortfall. The method and why it is exact are in the
// header; this file has the pieces: the closed-form shortfall S(m), an exact LP solver, the branch
// and bound over the group counts m, and the max-flow that turns the best m into cell counts.
#include "rules/sampling_assignment.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace hearth::rules {
namespace {

constexpr size_t kGroups = kPositions * kOrientations;  // (position, orientation) pairs
constexpr size_t kValues = kPositions + kOrientations + kTiers;
constexpr int64_t kNoValue = std::numeric_limits<int64_t>::max();

using GroupCounts = std::array<int64_t, kGroups>;
using TierCaps = std::array<std::array<int64_t, kTiers>, kGroups>;

size_t GroupOf(size_t p, size_t o) { return p * kOrientations + o; }

[[noreturn]] void Broken(const std::string& what) {
  throw std::logic_error("sampling assignment: " + what);
}

// The quota of value v: 0..2 positions, 3..4 orientations, 5..7 tiers.
int64_t QuotaOf(const DimensionCounts& q, size_t v) {
  if (v < kPositions) return q.position[v];
  if (v < kPositions + kOrientations) return q.orientation[v - kPositions];
  return q.floor[v - kPositions - kOrientations];
}

struct Problem {
  TierCaps cap{};        // available households per cell, capped at `required`
  GroupCounts group_cap{};  // Σ over tiers, capped at `required`
  DimensionCounts quotas;
  int64_t required = 0;
};

// ---- S(m): the least total shortfall with the group counts fixed -------------------------------

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

// ---- An exact LP solver ------------------------------------------------------------------------
//
// Minimise c·x subject to rows a·x {<=, =, >=} b and x >= 0, all data integers. The tableau is kept
// in integers over a common denominator D (the basis determinant): Bareiss/Edmonds pivoting,
// where every division is exact. Bland's rule (lowest index enters; ties in the ratio test go to
// the lowest basic index) cannot cycle. Two phases; phase 1 only when a row has no unit column.

enum class Sense { kLe, kEq, kGe };

// Checked: an overflow is a broken invariant (the LP's numbers are minors of small 0/±1 data
// times the counts, far inside 128 bits).
Int128 Mul(Int128 a, Int128 b) {
  Int128 r = 0;
  if (__builtin_mul_overflow(a, b, &r)) throw std::overflow_error("sampling assignment: overflow");
  return r;
}

Int128 Sub(Int128 a, Int128 b) {
  Int128 r = 0;
  if (__builtin_sub_overflow(a, b, &r)) throw std::overflow_error("sampling assignment: overflow");
  return r;
}

Int128 ExactDiv(Int128 a, Int128 d) {
  Int128 q = a / d;
  if (q * d != a) Broken("inexact division in the LP");
  return q;
}

class Tableau {
 public:
  Tableau(size_t rows, size_t cols)
      : rows_(rows), cols_(cols), t_((rows + 1) * (cols + 1), 0), basis_(rows, 0) {}

  Int128& At(size_t i, size_t j) { return t_[i * (cols_ + 1) + j]; }
  Int128& Rhs(size_t i) { return At(i, cols_); }
  Int128& Cost(size_t j) { return At(rows_, j); }  // the objective row: reduced costs × D
  size_t rows() const { return rows_; }
  size_t cols() const { return cols_; }
  Int128 den() const { return den_; }
  size_t& basis(size_t i) { return basis_[i]; }

  void Pivot(size_t r, size_t c) {
    const Int128 p = At(r, c);
    for (size_t i = 0; i <= rows_; ++i) {
      if (i == r) continue;
      const Int128 f = At(i, c);
      if (f == 0) {
        if (p == den_) continue;
        for (size_t j = 0; j <= cols_; ++j) At(i, j) = ExactDiv(Mul(At(i, j), p), den_);
        continue;
      }
      for (size_t j = 0; j <= cols_; ++j) {
        At(i, j) = ExactDiv(Sub(Mul(At(i, j), p), Mul(f, At(r, j))), den_);
      }
    }
    den_ = p;
    basis_[r] = c;
    if (den_ < 0) {  // keep D > 0; negating everything leaves every value T/D unchanged
      for (Int128& v : t_) v = -v;
      den_ = -den_;
    }
  }

  /// Primal simplex over entering columns [0, allowed). False when unbounded.
  bool Run(size_t allowed) {
    for (;;) {
      size_t c = allowed;
      for (size_t j = 0; j < allowed; ++j) {
        if (Cost(j) < 0) {
          c = j;
          break;
        }
      }
      if (c == allowed) return true;
      size_t r = rows_;
      for (size_t i = 0; i < rows_; ++i) {
        if (At(i, c) <= 0) continue;
        if (r == rows_) {
          r = i;
          continue;
        }
        // Rhs(i)/At(i,c) against Rhs(r)/At(r,c); both denominators are positive.
        const Int128 lhs = Mul(Rhs(i), At(r, c));
        const Int128 rhs = Mul(Rhs(r), At(i, c));
        if (lhs < rhs || (lhs == rhs && basis_[i] < basis_[r])) r = i;
      }
      if (r == rows_) return false;
      Pivot(r, c);
    }
  }

  /// A copy keeping columns [0, keep) and the right-hand side.
  Tableau KeepColumns(size_t keep) const {
    Tableau out(rows_, keep);
    for (size_t i = 0; i <= rows_; ++i) {
      for (size_t j = 0; j < keep; ++j) out.t_[i * (keep + 1) + j] = t_[i * (cols_ + 1) + j];
      out.t_[i * (keep + 1) + keep] = t_[i * (cols_ + 1) + cols_];
    }
    out.basis_ = basis_;
    out.den_ = den_;
    return out;
  }

 private:
  size_t rows_;
  size_t cols_;
  std::vector<Int128> t_;
  std::vector<size_t> basis_;
  Int128 den_ = 1;
};

class ExactLp {
 public:
  explicit ExactLp(std::vector<int64_t> cost) : cost_(std::move(cost)) {}

  void AddRow(std::vector<int64_t> a, Sense sense, int64_t b) {
    if (b < 0) {
      for (int64_t& v : a) v = -v;
      b = -b;
      if (sense != Sense::kEq) sense = sense == Sense::kLe ? Sense::kGe : Sense::kLe;
    }
    rows_.push_back({std::move(a), sense, b});
  }

  struct Solution {
    bool feasible = false;
    Int128 den = 1;          ///< every value below is a numerator over den (> 0)
    Int128 objective = 0;
    std::vector<Int128> x;   ///< the structural variables
  };

  Solution Minimize() const {
    const size_t n = cost_.size();
    const size_t m = rows_.size();
    // Columns: structural, then a slack (<=) or surplus (>=) per inequality, then artificials.
    std::vector<size_t> slack(m, 0);
    size_t cols = n;
    for (size_t i = 0; i < m; ++i) {
      if (rows_[i].sense != Sense::kEq) slack[i] = cols++;
    }
    const size_t art_begin = cols;
    std::vector<size_t> basic(m, 0);
    std::vector<bool> used(n, false);
    for (size_t i = 0; i < m; ++i) {
      if (rows_[i].sense == Sense::kLe) {
        basic[i] = slack[i];
        continue;
      }
      size_t unit = n;
      for (size_t j = 0; j < n && unit == n; ++j) {
        if (used[j] || rows_[i].a[j] != 1) continue;
        bool alone = true;
        for (size_t k = 0; k < m && alone; ++k) alone = k == i || rows_[k].a[j] == 0;
        if (alone) unit = j;
      }
      if (unit != n) {
        used[unit] = true;
        basic[i] = unit;
      } else {
        basic[i] = cols++;
      }
    }
    Tableau t(m, cols);
    for (size_t i = 0; i < m; ++i) {
      for (size_t j = 0; j < n; ++j) t.At(i, j) = rows_[i].a[j];
      if (rows_[i].sense != Sense::kEq) t.At(i, slack[i]) = rows_[i].sense == Sense::kLe ? 1 : -1;
      if (basic[i] >= art_begin) t.At(i, basic[i]) = 1;
      t.Rhs(i) = rows_[i].b;
      t.basis(i) = basic[i];
    }

    if (cols > art_begin) {  // phase 1: minimise the sum of the artificials
      for (size_t i = 0; i < m; ++i) {
        if (basic[i] < art_begin) continue;
        for (size_t j = 0; j < art_begin; ++j) t.Cost(j) -= t.At(i, j);
        t.Rhs(m) -= t.Rhs(i);
      }
      if (!t.Run(cols)) Broken("phase 1 unbounded");
      if (t.Rhs(m) != 0) return {};  // the artificials cannot all be zero: infeasible
      for (size_t i = 0; i < m; ++i) {
        if (t.basis(i) < art_begin) continue;
        size_t c = art_begin;
        for (size_t j = 0; j < art_begin && c == art_begin; ++j) {
          if (t.At(i, j) != 0) c = j;
        }
        if (c == art_begin) Broken("a redundant LP row");
        t.Pivot(i, c);  // the row's right-hand side is 0, so this stays feasible
      }
      t = t.KeepColumns(art_begin);
    }

    // Phase 2: reduced costs of the real objective for the current basis.
    for (size_t j = 0; j <= t.cols(); ++j) t.At(m, j) = 0;
    for (size_t j = 0; j < n; ++j) t.Cost(j) = Mul(cost_[j], t.den());
    for (size_t i = 0; i < m; ++i) {
      const size_t b = t.basis(i);
      if (b >= n || cost_[b] == 0) continue;
      for (size_t j = 0; j <= t.cols(); ++j) t.At(m, j) = Sub(t.At(m, j), Mul(cost_[b], t.At(i, j)));
    }
    if (!t.Run(t.cols())) Broken("phase 2 unbounded");

    Solution s;
    s.feasible = true;
    s.den = t.den();
    s.objective = -t.Rhs(m);
    s.x.assign(n, 0);
    for (size_t i = 0; i < m; ++i) {
      if (t.basis(i) < n) s.x[t.basis(i)] = t.Rhs(i);
    }
    return s;
  }

 private:
  struct Row {
    std::vector<int64_t> a;
    Sense sense;
    int64_t b;
  };
  std::vector<int64_t> cost_;
  std::vector<Row> rows_;
};

// ---- Branch and bound over the group counts ----------------------------------------------------

// A valid inequality over the primary variables: the 18 cells (g × 3 + t), then s[v], then e[v].
constexpr size_t kCellCount = kGroups * kTiers;
constexpr size_t kPrimary = kCellCount + 2 * kValues;
struct Cut {
  std::array<int64_t, kPrimary> a{};
  Sense sense = Sense::kLe;
  int64_t rhs = 0;
};

struct Box {
  GroupCounts lo{};
  GroupCounts hi{};
  std::vector<Cut> cuts;  // from the lattice test (see below)
};

// The LP of a node with every row an equality over explicit non-negative variables, slacks
// included, so that the same rows serve the relaxation and the lattice test: n[cell] for cells
// with households, s[v] (shortfall), e[v] (surplus), then one slack per inequality.
class NodeModel {
 public:
  NodeModel(const Problem& pr, const Box& box) {
    primary_.fill(kNone);
    for (size_t g = 0; g < kGroups; ++g) {
      for (size_t t = 0; t < kTiers; ++t) {
        if (pr.cap[g][t] > 0) {
          primary_[g * kTiers + t] = cells_.size();
          cells_.push_back({g, t});
        }
      }
    }
    vars_ = cells_.size() + 2 * kValues;
    for (size_t v = 0; v < kValues; ++v) {
      primary_[kCellCount + v] = S(v);
      primary_[kCellCount + kValues + v] = E(v);
    }
    for (size_t v = 0; v < kValues; ++v) {  // Σ n over the value + s[v] − e[v] = quota
      Terms terms;
      for (size_t k = 0; k < cells_.size(); ++k) {
        const size_t p = cells_[k].g / kOrientations, o = cells_[k].g % kOrientations;
        if (v == p || v == kPositions + o || v == kPositions + kOrientations + cells_[k].t) {
          terms.push_back({k, 1});
        }
      }
      terms.push_back({S(v), 1});
      terms.push_back({E(v), -1});
      Add(std::move(terms), QuotaOf(pr.quotas, v));
    }
    Terms total;
    for (size_t k = 0; k < cells_.size(); ++k) total.push_back({k, 1});
    Add(std::move(total), pr.required);
    for (size_t k = 0; k < cells_.size(); ++k) {  // n <= cap (implied by the total at K)
      const int64_t cap = pr.cap[cells_[k].g][cells_[k].t];
      if (cap < pr.required) AddInequality({{k, 1}}, Sense::kLe, cap);
    }
    for (size_t g = 0; g < kGroups; ++g) {  // lo <= m[g] <= hi
      Terms group;
      for (size_t k = 0; k < cells_.size(); ++k) {
        if (cells_[k].g == g) group.push_back({k, 1});
      }
      if (box.hi[g] < pr.group_cap[g]) AddInequality(group, Sense::kLe, box.hi[g]);
      if (box.lo[g] > 0) AddInequality(group, Sense::kGe, box.lo[g]);
    }
    for (const Cut& cut : box.cuts) {
      Terms terms;
      for (size_t j = 0; j < kPrimary; ++j) {
        if (cut.a[j] != 0 && primary_[j] != kNone) terms.push_back({primary_[j], cut.a[j]});
      }
      AddInequality(std::move(terms), cut.sense, cut.rhs);
    }
  }

  /// Σ s <= bound.
  void LimitShortfall(int64_t bound) {
    Terms t;
    for (size_t v = 0; v < kValues; ++v) t.push_back({S(v), 1});
    AddInequality(std::move(t), Sense::kLe, bound);
  }

  size_t vars() const { return vars_; }
  size_t cells() const { return cells_.size(); }
  size_t GroupOfVar(size_t k) const { return cells_[k].g; }
  size_t S(size_t v) const { return cells_.size() + v; }
  size_t E(size_t v) const { return cells_.size() + kValues + v; }

  /// Dense rows over vars().
  std::vector<std::vector<int64_t>> Rows() const {
    std::vector<std::vector<int64_t>> out;
    for (const auto& r : rows_) {
      std::vector<int64_t> a(vars_, 0);
      for (auto [j, c] : r) a[j] = c;
      out.push_back(std::move(a));
    }
    return out;
  }
  const std::vector<int64_t>& rhs() const { return rhs_; }

  ExactLp::Solution Minimize(std::vector<int64_t> cost) const {
    ExactLp lp(std::move(cost));
    auto rows = Rows();
    for (size_t i = 0; i < rows.size(); ++i) lp.AddRow(std::move(rows[i]), Sense::kEq, rhs_[i]);
    return lp.Minimize();
  }

  std::vector<int64_t> ShortfallCost() const {
    std::vector<int64_t> c(vars_, 0);
    for (size_t v = 0; v < kValues; ++v) c[S(v)] = 1;
    return c;
  }

  /// An integer form Σ alpha[j]·x[j] over the model's variables, rewritten over the primary
  /// variables (each slack replaced by what its row says it is): coefficients and a constant.
  std::pair<std::array<Int128, kPrimary>, Int128> ToPrimary(const std::vector<Int128>& alpha) const {
    std::array<Int128, kPrimary> out{};
    Int128 constant = 0;
    std::vector<Int128> coef(alpha);
    for (size_t w = 0; w < vars_; ++w) {
      if (coef[w] == 0 || slack_row_[w] == kNone) continue;
      // row: Σ terms + sign·w = rhs  =>  w = sign·(rhs − Σ terms)   (sign = ±1)
      const size_t r = slack_row_[w];
      Int128 sign = 0;
      for (auto [j, c] : rows_[r]) {
        if (j == w) sign = c;
      }
      const Int128 f = Mul(coef[w], sign);
      constant = constant + Mul(f, rhs_[r]);
      for (auto [j, c] : rows_[r]) {
        if (j != w) coef[j] = Sub(coef[j], Mul(f, c));
      }
      coef[w] = 0;
    }
    for (size_t j = 0; j < kPrimary; ++j) {
      if (primary_[j] != kNone) out[j] = coef[primary_[j]];
    }
    return {out, constant};
  }

 private:
  static constexpr size_t kNone = std::numeric_limits<size_t>::max();
  using Terms = std::vector<std::pair<size_t, int64_t>>;
  struct Cell {
    size_t g, t;
  };
  void Add(Terms terms, int64_t rhs) {
    rows_.push_back(std::move(terms));
    rhs_.push_back(rhs);
  }
  void AddInequality(Terms terms, Sense sense, int64_t rhs) {
    const size_t w = vars_++;
    slack_row_.resize(vars_, kNone);
    slack_row_[w] = rows_.size();
    terms.push_back({w, sense == Sense::kLe ? 1 : -1});
    Add(std::move(terms), rhs);
  }

  std::vector<Cell> cells_;
  std::array<size_t, kPrimary> primary_{};
  size_t vars_ = 0;
  std::vector<size_t> slack_row_;  // per variable: the row it is the slack of, or kNone
  std::vector<Terms> rows_;
  std::vector<int64_t> rhs_;
};

struct Relaxation {
  bool feasible = false;
  Int128 den = 1;
  Int128 objective = 0;  // over den
  std::array<Int128, kGroups> m{};  // over den
};

// The LP relaxation of the node: real n per cell, lo <= m <= hi, and the node's cuts.
Relaxation Relax(const Problem& pr, const Box& box) {
  NodeModel model(pr, box);
  auto sol = model.Minimize(model.ShortfallCost());
  Relaxation r;
  if (!sol.feasible) return r;
  r.feasible = true;
  r.den = sol.den;
  r.objective = sol.objective;
  for (size_t k = 0; k < model.cells(); ++k) r.m[model.GroupOfVar(k)] += sol.x[k];
  return r;
}

// ---- The lattice test --------------------------------------------------------------------------
//
// Branching on m cannot cut a long, flat set of LP optima that holds no integer point: when the
// quotas force 2·n[c] to be odd (a parity obstruction of the 3-index structure), the LP optimum
// slides along the set one branch at a time. So before branching on m, a node asks whether its
// points with shortfall <= t can be integers at all. It finds the variables that are zero on all
// of them (LPs maximising the sum of the undecided ones until that maximum is 0); those points
// then span the affine space of the node's equalities with those variables removed. A Hermite
// normal form by unimodular column operations (A·U lower triangular, y = U⁻¹x) solves that system
// in integers; when it has none, some y_k = α·x (α an integer row of U⁻¹) is fixed at a
// fraction β there. Every integer table has α·x <= floor(β) or >= ceil(β), and both sides exclude
// every point with shortfall <= t, so branching on that disjunction raises the bound of both
// children above t.

// g = gcd(a, b) >= 0 with a·x + b·y = g.
Int128 ExtGcd(Int128 a, Int128 b, Int128& x, Int128& y) {
  Int128 x0 = 1, y0 = 0, x1 = 0, y1 = 1;
  while (b != 0) {
    const Int128 q = a / b;
    Int128 t = a - q * b;
    a = b;
    b = t;
    t = Sub(x0, Mul(q, x1));
    x0 = x1;
    x1 = t;
    t = Sub(y0, Mul(q, y1));
    y0 = y1;
    y1 = t;
  }
  if (a < 0) {
    a = -a;
    x0 = -x0;
    y0 = -y0;
  }
  x = x0;
  y = y0;
  return a;
}

Int128 Add(Int128 a, Int128 b) {
  Int128 r = 0;
  if (__builtin_add_overflow(a, b, &r)) throw std::overflow_error("sampling assignment: overflow");
  return r;
}

struct Obstruction {
  std::vector<Int128> alpha;  // over the columns
  Int128 num = 0, den = 1;    // β = num / den, not an integer; den > 0
};

// A dense integer matrix, flat (nested vectors of __int128 trip a false GCC 12 warning at -O2).
struct Matrix {
  size_t rows = 0, cols = 0;
  std::vector<Int128> v;
  Matrix(size_t r, size_t c) : rows(r), cols(c), v(r * c, 0) {}
  Int128& operator()(size_t i, size_t j) { return v[i * cols + j]; }
};

// Solves A·x = b in integers; when there is no integer solution, returns the obstruction.
// Precondition: A·x = b has a rational solution.
std::optional<Obstruction> IntegerObstruction(Matrix a, const std::vector<Int128>& b) {
  const size_t rows = a.rows, cols = a.cols;
  Matrix inv(cols, cols);  // U⁻¹
  for (size_t j = 0; j < cols; ++j) inv(j, j) = 1;
  std::vector<Int128> y;  // values of the pivot columns so far
  size_t k = 0;           // next pivot column
  for (size_t i = 0; i < rows; ++i) {
    for (size_t j = k + 1; j < cols && k < cols; ++j) {
      if (a(i, j) == 0) continue;
      Int128 x = 0, z = 0;
      const Int128 p = a(i, k), q = a(i, j);
      const Int128 g = ExtGcd(p, q, x, z);
      const Int128 pg = p / g, qg = q / g;
      for (size_t r = i; r < rows; ++r) {  // columns (k, j) <- (x·k + z·j, p/g·j − q/g·k)
        const Int128 ck = a(r, k), cj = a(r, j);
        a(r, k) = Add(Mul(x, ck), Mul(z, cj));
        a(r, j) = Sub(Mul(pg, cj), Mul(qg, ck));
      }
      for (size_t c = 0; c < cols; ++c) {  // rows (k, j) of U⁻¹ <- (p/g·k + q/g·j, x·j − z·k)
        const Int128 vk = inv(k, c), vj = inv(j, c);
        inv(k, c) = Add(Mul(pg, vk), Mul(qg, vj));
        inv(j, c) = Sub(Mul(x, vj), Mul(z, vk));
      }
    }
    Int128 residual = b[i];
    for (size_t j = 0; j < k; ++j) residual = Sub(residual, Mul(a(i, j), y[j]));
    if (k < cols && a(i, k) != 0) {
      const Int128 pivot = a(i, k);
      if (residual % pivot != 0) {
        Obstruction o;
        o.alpha.assign(inv.v.begin() + static_cast<std::ptrdiff_t>(k * cols),
                       inv.v.begin() + static_cast<std::ptrdiff_t>((k + 1) * cols));
        o.num = pivot < 0 ? -residual : residual;
        o.den = pivot < 0 ? -pivot : pivot;
        return o;
      }
      y.push_back(residual / pivot);
      ++k;
    } else if (residual != 0) {
      Broken("an inconsistent equality system in the lattice test");
    }
  }
  return std::nullopt;
}

Int128 FloorDiv(Int128 a, Int128 d) { return a >= 0 ? a / d : -((-a + d - 1) / d); }

// The disjunction that excludes every point of the node with shortfall <= t when those points
// hold no integer, else nothing (also when the numbers leave the range the test works in).
std::optional<std::pair<Cut, Cut>> LatticeBranch(const Problem& pr, const Box& box, int64_t t,
                                                 AssignmentStats& st) {
  try {
    NodeModel model(pr, box);
    model.LimitShortfall(t);
    const size_t n = model.vars();
    std::vector<bool> undecided(n, true);
    for (;;) {
      std::vector<int64_t> cost(n, 0);
      for (size_t j = 0; j < n; ++j) cost[j] = undecided[j] ? -1 : 0;
      ++st.lp_solves;
      const auto sol = model.Minimize(cost);
      if (!sol.feasible) return std::nullopt;  // cannot happen: the LP optimum is <= t
      bool any = false;
      for (size_t j = 0; j < n; ++j) {
        if (undecided[j] && sol.x[j] > 0) {
          undecided[j] = false;
          any = true;
        }
      }
      if (!any) break;  // the undecided ones are zero at every point
    }
    std::vector<size_t> keep;
    for (size_t j = 0; j < n; ++j) {
      if (!undecided[j]) keep.push_back(j);
    }
    const auto rows = model.Rows();
    Matrix a(rows.size(), keep.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      for (size_t c = 0; c < keep.size(); ++c) a(i, c) = rows[i][keep[c]];
    }
    const auto obstruction =
        IntegerObstruction(std::move(a), std::vector<Int128>(model.rhs().begin(), model.rhs().end()));
    if (!obstruction) return std::nullopt;
    std::vector<Int128> alpha(n, 0);
    for (size_t c = 0; c < keep.size(); ++c) alpha[keep[c]] = obstruction->alpha[c];
    auto [coef, constant] = model.ToPrimary(alpha);  // α·x = coef·primary + constant
    const Int128 low = Sub(FloorDiv(obstruction->num, obstruction->den), constant);
    std::pair<Cut, Cut> out;
    for (size_t j = 0; j < kPrimary; ++j) {
      if (coef[j] > std::numeric_limits<int64_t>::max() / 4 ||
          coef[j] < -std::numeric_limits<int64_t>::max() / 4) {
        return std::nullopt;
      }
      out.first.a[j] = out.second.a[j] = static_cast<int64_t>(coef[j]);
    }
    if (low > std::numeric_limits<int64_t>::max() / 4 ||
        low < -std::numeric_limits<int64_t>::max() / 4) {
      return std::nullopt;
    }
    out.first.sense = Sense::kLe;
    out.first.rhs = static_cast<int64_t>(low);
    out.second.sense = Sense::kGe;
    out.second.rhs = static_cast<int64_t>(low) + 1;
    return out;
  } catch (const std::overflow_error&) {
    return std::nullopt;
  }
}

bool BoxFeasible(const Problem& pr, const Box& box) {
  int64_t lo = 0, hi = 0;
  for (size_t g = 0; g < kGroups; ++g) {
    if (box.lo[g] > box.hi[g]) return false;
    lo += box.lo[g];
    hi += box.hi[g];
  }
  return lo <= pr.required && pr.required <= hi;
}

Int128 CeilDiv(Int128 a, Int128 d) { return a >= 0 ? (a + d - 1) / d : -((-a) / d); }

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
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return r.m[a] % r.den > r.m[b] % r.den;
  });
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
        int64_t x = std::min({left.position[p], left.orientation[o], left.floor[t],
                              pr.cap[GroupOf(p, o)][t]});
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

// ---- From group counts to cell counts: a max-flow ----------------------------------------------

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

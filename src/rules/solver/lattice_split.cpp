// Lattice splits: the support of P by exact LPs, then a Hermite normal form in integers. The
// contract is in the header.
#include "rules/solver/lattice_split.hpp"

#include <stdexcept>
#include <utility>

#include "rules/solver/checked_int128.hpp"
#include "rules/solver/exact_lp.hpp"

namespace hearth::rules::solver {
namespace {

void Validate(const EqualitySystem& s) {
  if (s.b.size() != s.a.size()) {
    throw std::invalid_argument("lattice split: not one right-hand side per row");
  }
  for (const auto& row : s.a) {
    if (row.size() != s.vars) {
      throw std::invalid_argument("lattice split: a row's length is not the number of variables");
    }
  }
}

// g = gcd(a, b) >= 0 with a·x + b·y = g.
Int128 ExtGcd(Int128 a, Int128 b, Int128& x, Int128& y) {
  Int128 x0 = 1, y0 = 0, x1 = 0, y1 = 1;
  while (b != 0) {
    const Int128 q = a / b;
    Int128 t = a - q * b;
    a = b;
    b = t;
    t = CheckedSub(x0, CheckedMul(q, x1));
    x0 = x1;
    x1 = t;
    t = CheckedSub(y0, CheckedMul(q, y1));
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

// A dense integer matrix, flat (nested vectors of __int128 trip a false GCC 12 warning at -O2).
struct Matrix {
  size_t rows = 0, cols = 0;
  std::vector<Int128> v;
  Matrix(size_t r, size_t c) : rows(r), cols(c), v(r * c, 0) {}
  Int128& operator()(size_t i, size_t j) { return v[i * cols + j]; }
};

// IntegerObstruction on a matrix (α over its columns). A·U is brought to lower echelon form row by
// row by unimodular operations on pairs of columns, U⁻¹ kept alongside; y = U⁻¹·x is then solved
// by forward substitution, stopping at the first y_k forced to a fraction.
std::optional<LatticeSplit> Obstruct(Matrix a, const std::vector<Int128>& b) {
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
        a(r, k) = CheckedAdd(CheckedMul(x, ck), CheckedMul(z, cj));
        a(r, j) = CheckedSub(CheckedMul(pg, cj), CheckedMul(qg, ck));
      }
      for (size_t c = 0; c < cols; ++c) {  // rows (k, j) of U⁻¹ <- (p/g·k + q/g·j, x·j − z·k)
        const Int128 vk = inv(k, c), vj = inv(j, c);
        inv(k, c) = CheckedAdd(CheckedMul(pg, vk), CheckedMul(qg, vj));
        inv(j, c) = CheckedSub(CheckedMul(x, vj), CheckedMul(z, vk));
      }
    }
    Int128 residual = b[i];
    for (size_t j = 0; j < k; ++j) residual = CheckedSub(residual, CheckedMul(a(i, j), y[j]));
    if (k < cols && a(i, k) != 0) {
      const Int128 pivot = a(i, k);
      if (residual % pivot != 0) {
        LatticeSplit o;
        o.alpha.assign(inv.v.begin() + static_cast<std::ptrdiff_t>(k * cols),
                       inv.v.begin() + static_cast<std::ptrdiff_t>((k + 1) * cols));
        o.num = pivot < 0 ? -residual : residual;
        o.den = pivot < 0 ? -pivot : pivot;
        return o;
      }
      y.push_back(residual / pivot);
      ++k;
    } else if (residual != 0) {
      throw std::invalid_argument("lattice split: the equality system has no rational solution");
    }
  }
  return std::nullopt;
}

// The variables positive at some point of P, by LPs maximising the sum of the others; nothing when
// P is empty.
std::optional<std::vector<bool>> Support(const EqualitySystem& s, int* lp_solves) {
  std::vector<bool> undecided(s.vars, true);
  for (;;) {
    std::vector<int64_t> cost(s.vars, 0);
    for (size_t j = 0; j < s.vars; ++j) cost[j] = undecided[j] ? -1 : 0;
    if (lp_solves != nullptr) ++*lp_solves;
    ExactLp lp(std::move(cost));
    for (size_t i = 0; i < s.a.size(); ++i) lp.AddRow(s.a[i], Sense::kEq, s.b[i]);
    const LpSolution sol = lp.Minimize();
    if (sol.status == LpStatus::kInfeasible) return std::nullopt;
    if (sol.status == LpStatus::kUnbounded) {
      throw std::invalid_argument("lattice split: the polyhedron is unbounded");
    }
    bool any = false;
    for (size_t j = 0; j < s.vars; ++j) {
      if (undecided[j] && sol.x[j] > 0) {
        undecided[j] = false;
        any = true;
      }
    }
    if (!any) break;  // the undecided ones are zero at every point
  }
  for (size_t j = 0; j < s.vars; ++j) undecided[j] = !undecided[j];
  return undecided;
}

}  // namespace

std::optional<LatticeSplit> IntegerObstruction(const EqualitySystem& system) {
  Validate(system);
  Matrix a(system.a.size(), system.vars);
  for (size_t i = 0; i < a.rows; ++i) {
    for (size_t j = 0; j < a.cols; ++j) a(i, j) = system.a[i][j];
  }
  return Obstruct(std::move(a), std::vector<Int128>(system.b.begin(), system.b.end()));
}

std::optional<LatticeSplit> FindLatticeSplit(const EqualitySystem& system, int* lp_solves) {
  Validate(system);
  const auto support = Support(system, lp_solves);
  if (!support) return std::nullopt;
  std::vector<size_t> keep;
  for (size_t j = 0; j < system.vars; ++j) {
    if ((*support)[j]) keep.push_back(j);
  }
  Matrix a(system.a.size(), keep.size());
  for (size_t i = 0; i < a.rows; ++i) {
    for (size_t c = 0; c < keep.size(); ++c) a(i, c) = system.a[i][keep[c]];
  }
  auto split = Obstruct(std::move(a), std::vector<Int128>(system.b.begin(), system.b.end()));
  if (!split) return std::nullopt;
  std::vector<Int128> alpha(system.vars, 0);
  for (size_t c = 0; c < keep.size(); ++c) alpha[keep[c]] = split->alpha[c];
  split->alpha = std::move(alpha);
  return split;
}

}  // namespace hearth::rules::solver

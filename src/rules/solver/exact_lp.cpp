// The exact LP: an integer tableau over a common denominator (Bareiss/Edmonds), Bland's rule, two
// phases. The contract is in the header.
#include "rules/solver/exact_lp.hpp"

#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

#include "rules/solver/checked_int128.hpp"

namespace hearth::rules::solver {
namespace {

[[noreturn]] void Broken(const char* what) {
  throw std::logic_error(std::string("exact LP: ") + what);
}

Int128 ExactDiv(Int128 a, Int128 d) {
  const Int128 q = a / d;
  if (q * d != a) Broken("inexact division");
  return q;
}

// rows × cols entries, the right-hand side as column `cols`, the objective as row `rows`. Every
// stored value T stands for T / den. The objective row holds the reduced costs and, in its
// right-hand side, −(objective value).
class Tableau {
 public:
  Tableau(size_t rows, size_t cols)
      : rows_(rows), cols_(cols), t_((rows + 1) * (cols + 1), 0), basis_(rows, 0) {}

  Int128& At(size_t i, size_t j) { return t_[i * (cols_ + 1) + j]; }
  Int128& Rhs(size_t i) { return At(i, cols_); }
  Int128& Cost(size_t j) { return At(rows_, j); }
  size_t rows() const { return rows_; }
  size_t cols() const { return cols_; }
  Int128 den() const { return den_; }
  size_t& basis(size_t i) { return basis_[i]; }
  int pivots() const { return pivots_; }

  void Pivot(size_t r, size_t c) {
    const Int128 p = At(r, c);
    for (size_t i = 0; i <= rows_; ++i) {
      if (i == r) continue;
      const Int128 f = At(i, c);
      if (f == 0) {
        if (p == den_) continue;
        for (size_t j = 0; j <= cols_; ++j) At(i, j) = ExactDiv(CheckedMul(At(i, j), p), den_);
        continue;
      }
      for (size_t j = 0; j <= cols_; ++j) {
        At(i, j) = ExactDiv(CheckedSub(CheckedMul(At(i, j), p), CheckedMul(f, At(r, j))), den_);
      }
    }
    den_ = p;
    basis_[r] = c;
    ++pivots_;
    if (den_ < 0) {  // keep den > 0; negating everything leaves every value T / den unchanged
      for (Int128& v : t_) v = -v;
      den_ = -den_;
    }
  }

  // Primal simplex with Bland's rule over entering columns [0, allowed). False when unbounded.
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
        // Rhs(i) / At(i, c) against Rhs(r) / At(r, c); both denominators are positive.
        const Int128 lhs = CheckedMul(Rhs(i), At(r, c));
        const Int128 rhs = CheckedMul(Rhs(r), At(i, c));
        if (lhs < rhs || (lhs == rhs && basis_[i] < basis_[r])) r = i;
      }
      if (r == rows_) return false;
      Pivot(r, c);
    }
  }

  // A copy keeping columns [0, keep) and the right-hand side.
  Tableau KeepColumns(size_t keep) const {
    Tableau out(rows_, keep);
    for (size_t i = 0; i <= rows_; ++i) {
      for (size_t j = 0; j < keep; ++j) out.t_[i * (keep + 1) + j] = t_[i * (cols_ + 1) + j];
      out.t_[i * (keep + 1) + keep] = t_[i * (cols_ + 1) + cols_];
    }
    out.basis_ = basis_;
    out.den_ = den_;
    out.pivots_ = pivots_;
    return out;
  }

 private:
  size_t rows_;
  size_t cols_;
  std::vector<Int128> t_;
  std::vector<size_t> basis_;
  Int128 den_ = 1;
  int pivots_ = 0;
};

}  // namespace

ExactLp::ExactLp(std::vector<int64_t> cost) : cost_(std::move(cost)) {}

void ExactLp::AddRow(std::vector<int64_t> a, Sense sense, int64_t b) {
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  if (a.size() != cost_.size()) {
    throw std::invalid_argument("exact LP: a row's length is not the number of variables");
  }
  for (int64_t v : a) {
    if (v == kMin) throw std::invalid_argument("exact LP: a coefficient equals INT64_MIN");
  }
  if (b == kMin) throw std::invalid_argument("exact LP: a right-hand side equals INT64_MIN");
  if (b < 0) {
    for (int64_t& v : a) v = -v;
    b = -b;
    if (sense != Sense::kEq) sense = sense == Sense::kLe ? Sense::kGe : Sense::kLe;
  }
  rows_.push_back({std::move(a), sense, b});
}

LpSolution ExactLp::Minimize() const {
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
    size_t unit = n;  // a structural column that is 1 here and 0 in every other row
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
    if (t.Rhs(m) != 0) {  // the artificials cannot all be zero: infeasible
      LpSolution infeasible;
      infeasible.pivots = t.pivots();
      return infeasible;
    }
    for (size_t i = 0; i < m; ++i) {
      if (t.basis(i) < art_begin) continue;
      size_t c = art_begin;
      for (size_t j = 0; j < art_begin && c == art_begin; ++j) {
        if (t.At(i, j) != 0) c = j;
      }
      if (c == art_begin) {
        throw std::invalid_argument("exact LP: linearly dependent equality rows");
      }
      t.Pivot(i, c);  // the row's right-hand side is 0, so this stays feasible
    }
    t = t.KeepColumns(art_begin);
  }

  // Phase 2: the reduced costs of the real objective for the current basis.
  for (size_t j = 0; j <= t.cols(); ++j) t.At(m, j) = 0;
  for (size_t j = 0; j < n; ++j) t.Cost(j) = CheckedMul(cost_[j], t.den());
  for (size_t i = 0; i < m; ++i) {
    const size_t b = t.basis(i);
    if (b >= n || cost_[b] == 0) continue;
    for (size_t j = 0; j <= t.cols(); ++j) {
      t.At(m, j) = CheckedSub(t.At(m, j), CheckedMul(cost_[b], t.At(i, j)));
    }
  }
  LpSolution s;
  const bool bounded = t.Run(t.cols());
  s.pivots = t.pivots();
  if (!bounded) {
    s.status = LpStatus::kUnbounded;
    return s;
  }
  s.status = LpStatus::kOptimal;
  s.den = t.den();
  s.objective = -t.Rhs(m);
  s.x.assign(n, 0);
  for (size_t i = 0; i < m; ++i) {
    if (t.basis(i) < n) s.x[t.basis(i)] = t.Rhs(i);
  }
  return s;
}

}  // namespace hearth::rules::solver

// R-SAMPLE-2/3: the node model of the branch and bound, its LP relaxation and its lattice test.
#include "rules/sampling_relaxation.hpp"

#include <limits>
#include <stdexcept>

#include "rules/solver/checked_int128.hpp"
#include "rules/solver/lattice_split.hpp"

namespace hearth::rules::assignment_internal {
namespace {

using solver::Sense;

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

  /// The rows as the equality system A·x = b over vars().
  solver::EqualitySystem System() const { return {vars_, Rows(), rhs_}; }

  /// Minimises cost·x over the model's points. Unbounded cannot happen (every variable is bounded
  /// by the rows): a broken invariant.
  solver::LpSolution Minimize(std::vector<int64_t> cost) const {
    solver::ExactLp lp(std::move(cost));
    auto rows = Rows();
    for (size_t i = 0; i < rows.size(); ++i) {
      lp.AddRow(std::move(rows[i]), Sense::kEq, rhs_[i]);
    }
    solver::LpSolution s = lp.Minimize();
    if (s.status == solver::LpStatus::kUnbounded) Broken("phase 2 unbounded");
    return s;
  }

  std::vector<int64_t> ShortfallCost() const {
    std::vector<int64_t> c(vars_, 0);
    for (size_t v = 0; v < kValues; ++v) c[S(v)] = 1;
    return c;
  }

  /// An integer form Σ alpha[j]·x[j] over the model's variables, rewritten over the primary
  /// variables (each slack replaced by what its row says it is): coefficients and a constant.
  std::pair<std::array<Int128, kPrimary>, Int128> ToPrimary(
      const std::vector<Int128>& alpha) const {
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
      const Int128 f = solver::CheckedMul(coef[w], sign);
      constant = constant + solver::CheckedMul(f, rhs_[r]);
      for (auto [j, c] : rows_[r]) {
        if (j != w) coef[j] = solver::CheckedSub(coef[j], solver::CheckedMul(f, c));
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

}  // namespace

// The LP relaxation of the node: real n per cell, lo <= m <= hi, and the node's cuts.
Relaxation Relax(const Problem& pr, const Box& box) {
  NodeModel model(pr, box);
  auto sol = model.Minimize(model.ShortfallCost());
  Relaxation r;
  if (!sol.optimal()) return r;
  r.feasible = true;
  r.den = sol.den;
  r.objective = sol.objective;
  for (size_t k = 0; k < model.cells(); ++k) r.m[model.GroupOfVar(k)] += sol.x[k];
  return r;
}

// The lattice test. Branching on m cannot cut a long, flat set of LP optima that holds no integer
// point: when the quotas force 2·n[c] to be odd (a parity obstruction of the 3-index structure),
// the LP optimum slides along the set one branch at a time. So before branching on m, a node asks
// whether its points with shortfall <= t can be integers at all (solver/lattice_split.hpp). When
// they cannot, some integer α·x is fixed at a fraction β on all of them; every integer table has
// α·x <= floor(β) or >= ceil(β), and both sides exclude every point with shortfall <= t, so
// branching on that disjunction raises the bound of both children above t.
std::optional<std::pair<Cut, Cut>> LatticeBranch(const Problem& pr, const Box& box, int64_t t,
                                                 AssignmentStats& stats) {
  try {
    NodeModel model(pr, box);
    model.LimitShortfall(t);
    const auto split = solver::FindLatticeSplit(model.System(), &stats.lp_solves);
    if (!split) return std::nullopt;
    auto [coef, constant] = model.ToPrimary(split->alpha);  // α·x = coef·primary + constant
    const Int128 low = solver::CheckedSub(solver::FloorDiv(split->num, split->den), constant);
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

}  // namespace hearth::rules::assignment_internal

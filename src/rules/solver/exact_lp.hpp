// An exact linear-program solver for integer data: no floating point, no rounding, no cycling.
//
// Problem form. Over real x ∈ ℝⁿ,
//     minimise c·x   subject to   a_i·x  {<=, =, >=}  b_i  (i = 1..m),   x >= 0,
// with c, every a_i and every b_i given as int64 integers. There are no free variables and no upper
// bounds other than rows (write x_j <= u as a row).
//
// Method. Two-phase primal simplex on a tableau kept in integers over one common denominator D:
// Bareiss/Edmonds pivoting (each entry is updated as (e·p − f·r) / D_old, a division that is always
// exact), so every entry is a minor of the data (with its slack columns and right-hand sides) and
// D = |det B| for the current basis B. A row with b_i < 0 is negated first (<= and >= swap). The
// starting basis takes a slack for every <= row and, for an = or >= row, a structural column that
// is 1 in that row and 0 in every other row if there is one, else an artificial column; phase 1
// (minimise the sum of the artificials) runs only when there is an artificial. Pivoting follows
// Bland's rule: the lowest-indexed column with a negative reduced cost enters; the ratio test's
// ties go to the row whose basic column has the lowest index (columns are numbered structural
// first, then slacks/surpluses in row order, then artificials). Bland's rule cannot cycle, so
// degenerate problems terminate too.
//
// What it returns. kInfeasible, kUnbounded (feasible, c·x unbounded below), or kOptimal with an
// optimal basic solution: x and c·x exactly, as integer numerators over den = |det B| > 0 (a common
// denominator of the vertex, not necessarily the least one). Deterministic: the same rows in the
// same order give the same vertex, also among ties.
//
// Exactness. Every value is exact; "optimal" and "infeasible" are proofs, not tolerances.
//
// Complexity. Each pivot costs O(m·(n + m)) checked 128-bit operations; memory is O(m·(n + m)).
// The number of pivots is finite (Bland's rule) but can be exponential in the worst case
// (Klee–Minty cubes); LpSolution::pivots reports it.
//
// Throws.
//  * std::overflow_error when a number leaves 128 bits: the entries are minors of the data, and a
//    product of two of them must fit. Input-dependent (large data), not a bug.
//  * std::invalid_argument (a std::logic_error) when an argument breaks a precondition: AddRow with
//    a row whose length is not the number of variables or with a value equal to INT64_MIN, or
//    Minimize on a feasible problem whose = rows are linearly dependent, an all-zero = row
//    included (detected when a redundant row keeps its artificial after phase 1). An infeasible
//    problem reports kInfeasible even then.
//  * std::logic_error when an internal invariant fails (an inexact Bareiss division, an unbounded
//    phase 1): a bug, never for valid input.
//
// Thread safety. A value type without shared state: distinct objects may be used from different
// threads, and Minimize (const) may run concurrently on one object.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/decimal.hpp"

namespace hearth::rules::solver {

/// The relation of a row: a·x <= b, a·x = b, a·x >= b.
enum class Sense { kLe, kEq, kGe };

enum class LpStatus { kOptimal, kInfeasible, kUnbounded };

struct LpSolution {
  LpStatus status = LpStatus::kInfeasible;
  Int128 den = 1;         ///< > 0; the values below are numerators over den
  Int128 objective = 0;   ///< c·x × den (kOptimal only, else 0)
  std::vector<Int128> x;  ///< x_j × den for the n variables (kOptimal only, else empty)
  int pivots = 0;         ///< pivots made in both phases (for tests and benchmarks)

  bool optimal() const { return status == LpStatus::kOptimal; }
};

/// The LP above, built row by row, then solved exactly.
class ExactLp {
 public:
  /// n = cost.size() variables, objective c = cost.
  explicit ExactLp(std::vector<int64_t> cost);

  /// Adds the row a·x {sense} b. Precondition: a.size() == vars(); no value equals INT64_MIN.
  /// Throws std::invalid_argument otherwise.
  void AddRow(std::vector<int64_t> a, Sense sense, int64_t b);

  size_t vars() const { return cost_.size(); }
  size_t rows() const { return rows_.size(); }

  /// Solves the LP (see the header comment for what it returns and throws).
  LpSolution Minimize() const;

 private:
  struct Row {
    std::vector<int64_t> a;
    Sense sense;
    int64_t b;
  };
  std::vector<int64_t> cost_;
  std::vector<Row> rows_;
};

}  // namespace hearth::rules::solver

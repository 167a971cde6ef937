// A lattice split: a proof that a set of rational points holds no integer point, in the form of a
// disjunction that every integer point satisfies and no point of the set does.
//
// The idea. Branching on single variables cannot cut a long, flat set of LP optima that holds no
// integer point (a parity obstruction, say 2·x_1 forced odd): the LP optimum slides along the set
// one branch at a time. A split does it at once: an integer row α and a non-integer β with α·x = β
// at every point of the set. Every integer x has α·x an integer, so α·x <= ⌊β⌋ or α·x >= ⌊β⌋ + 1,
// and both sides exclude the whole set: branching on the disjunction raises both children's bounds.
//
// Two tools:
//  * IntegerObstruction: for a system A·x = b over x ∈ ℚⁿ (no sign constraints) with a rational
//    solution, either there is an integer solution (nothing returned) or a split with α·x = β for
//    every rational solution. Method: a Hermite normal form by unimodular integer column
//    operations (A·U lower echelon, y = U⁻¹·x), then forward substitution in integers; the first
//    y_k that is forced to a fraction β gives α = row k of U⁻¹. No integer solution ⇔ such a k
//    exists, so the answer is exact both ways.
//  * FindLatticeSplit: for the polytope P = {x >= 0 : A·x = b}, a split whose both sides exclude P
//    when the affine hull of P holds no integer point. It first finds the support of P (the
//    variables positive at some point of P) by exact LPs (ExactLp), each maximising the sum of the
//    variables not yet seen positive until that maximum is 0; the affine hull of P is then A·x = b
//    with the other variables removed, which IntegerObstruction decides. α is 0 on the removed
//    variables.
// Nothing returned means no split of this kind exists (the affine hull holds an integer point);
// P may still hold no integer point.
//
// Exactness. Integer arithmetic only, checked; every answer is a proof, not a tolerance.
// Deterministic: the same system gives the same split.
//
// Complexity. IntegerObstruction: O(m·n·(m + n)) checked 128-bit operations for m rows and n
// columns, plus O(m·n) extended gcds. FindLatticeSplit: at most |support| + 1 LPs (see
// exact_lp.hpp), then one IntegerObstruction over the support's columns.
//
// Throws.
//  * std::overflow_error when a number leaves 128 bits. Unimodular column operations can grow the
//    numbers, so callers that can do without a split (plain branching) catch this and fall back.
//  * std::invalid_argument (a std::logic_error) when a precondition is broken and it shows: rows of
//    the wrong length or a right-hand side per row missing; A·x = b without a rational solution
//    (IntegerObstruction); an LP over P unbounded (FindLatticeSplit: P must be bounded); or what
//    ExactLp throws for its own preconditions (linearly dependent rows).
//  * std::logic_error from ExactLp when one of its internal invariants fails (a bug).
//
// Thread safety. Pure functions over their arguments; safe to call concurrently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/decimal.hpp"

namespace hearth::rules::solver {

/// The linear system A·x = b over `vars` variables.
struct EqualitySystem {
  size_t vars = 0;
  std::vector<std::vector<int64_t>> a;  ///< one row per equation, each of length vars
  std::vector<int64_t> b;               ///< one right-hand side per row
};

/// α·x = β = num / den on the set it was computed for, β not an integer: every integer x satisfies
/// α·x <= FloorDiv(num, den) or α·x >= FloorDiv(num, den) + 1, and no point of the set does.
struct LatticeSplit {
  std::vector<Int128> alpha;  ///< integer coefficients, one per variable
  Int128 num = 0;
  Int128 den = 1;  ///< >= 2 and does not divide num
};

/// For A·x = b over x ∈ ℚⁿ: nothing when it has an integer solution, else a split with α·x = β
/// for every rational solution. Precondition: A·x = b has a rational solution (a violation found
/// on the way throws std::invalid_argument; one that is not found may return a split).
std::optional<LatticeSplit> IntegerObstruction(const EqualitySystem& system);

/// For P = {x >= 0 : A·x = b}: a split whose both sides exclude P, when the affine hull of P holds
/// no integer point; nothing when it does or when P is empty. Precondition: P is bounded.
/// `lp_solves`, when given, is incremented once per LP, before it is solved (an LP that throws is
/// counted).
std::optional<LatticeSplit> FindLatticeSplit(const EqualitySystem& system,
                                             int* lp_solves = nullptr);

}  // namespace hearth::rules::solver

// Checked 128-bit integer arithmetic for the exact solvers: an overflow throws, it never wraps.
//
// The solvers keep every number as an exact integer (or an integer numerator over a common
// denominator), so a silent wrap-around would turn a correct method into a wrong answer. Each
// operation here either returns the exact result or throws std::overflow_error.
//
// Pure and thread-safe.
#pragma once

#include <stdexcept>

#include "core/decimal.hpp"

namespace hearth::rules::solver {

/// a + b. Throws std::overflow_error when the sum leaves Int128.
inline Int128 CheckedAdd(Int128 a, Int128 b) {
  Int128 r = 0;
  if (__builtin_add_overflow(a, b, &r)) throw std::overflow_error("exact arithmetic: overflow");
  return r;
}

/// a − b. Throws std::overflow_error when the difference leaves Int128.
inline Int128 CheckedSub(Int128 a, Int128 b) {
  Int128 r = 0;
  if (__builtin_sub_overflow(a, b, &r)) throw std::overflow_error("exact arithmetic: overflow");
  return r;
}

/// a × b. Throws std::overflow_error when the product leaves Int128.
inline Int128 CheckedMul(Int128 a, Int128 b) {
  Int128 r = 0;
  if (__builtin_mul_overflow(a, b, &r)) throw std::overflow_error("exact arithmetic: overflow");
  return r;
}

/// ⌊a / d⌋ (rounded towards −∞). Precondition: d > 0, |a| + d fits in Int128.
inline Int128 FloorDiv(Int128 a, Int128 d) { return a >= 0 ? a / d : -((-a + d - 1) / d); }

/// ⌈a / d⌉ (rounded towards +∞). Precondition: d > 0, |a| + d fits in Int128.
inline Int128 CeilDiv(Int128 a, Int128 d) { return a >= 0 ? (a + d - 1) / d : -((-a) / d); }

}  // namespace hearth::rules::solver

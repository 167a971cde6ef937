// Exact decimal arithmetic for measured values and money.
//
// Decimal text is parsed exactly into an integer count of 10^-scale units, so "17.95" is 1795
// hundredths and rounds to 180 tenths (18.0), never to 17.9 as a binary double would
// (RULES.md: temperatures as tenths where exactness matters; money as integer fen).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace hearth {

/// 128-bit integer for exact intermediate sums (GCC/Clang extension).
__extension__ using Int128 = __int128;

struct Decimal {
  int64_t units = 0;  ///< value × 10^scale
  int scale = 0;      ///< number of fraction digits in the text, 0..9
};

/// Parses `[+-]digits[.digits]` (at most 9 fraction digits, magnitude below 10^9). No exponent,
/// no spaces. The error message says what is wrong.
Result<Decimal> ParseDecimal(std::string_view text);

/// Decimal text, also in the exponent form JSON allows ("1.82e1", "-5E-1"), as a count of
/// 10^-scale units (0 <= scale <= 9), rounded half away from zero: ParseScaled("18.255", 2) is
/// 1826. nullopt when the text is not a number. The magnitude is capped at 10^20 units, so an
/// absurd exponent gives a value out of any range rather than an overflow.
std::optional<Int128> ParseScaled(std::string_view text, int scale);

/// Divides, rounding half away from zero. Precondition: den != 0.
Int128 RoundDiv(Int128 num, Int128 den);

/// Re-scales to `scale` fraction digits, rounding half away from zero when digits are dropped.
int64_t Rescale(const Decimal& d, int scale);

/// Tenths (of a degree): Rescale(d, 1).
inline int64_t ToTenths(const Decimal& d) { return Rescale(d, 1); }

/// "18.3", "-0.5", "20.0": tenths as decimal text.
std::string FormatTenths(int64_t tenths);

/// "2640.00": fen as yuan.
std::string FormatFen(int64_t fen);

}  // namespace hearth

#include "core/decimal.hpp"

namespace hearth {
namespace {

constexpr int64_t kPow10[] = {1,         10,         100,         1000,        10000,
                              100000,    1000000,    10000000,    100000000,   1000000000};

}  // namespace

Result<Decimal> ParseDecimal(std::string_view text) {
  auto bad = [&](const std::string& why) {
    return Error::InvalidArgument("'" + std::string(text) + "' is not a decimal number (" + why +
                                  ")");
  };
  if (text.empty()) return bad("it is empty");
  size_t i = 0;
  bool negative = false;
  if (text[0] == '+' || text[0] == '-') {
    negative = text[0] == '-';
    ++i;
  }
  int64_t units = 0;
  int int_digits = 0, frac_digits = 0;
  bool dot = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.') {
      if (dot) return bad("two decimal points");
      dot = true;
      continue;
    }
    if (c < '0' || c > '9') return bad("unexpected '" + std::string(1, c) + "'");
    if (dot) {
      if (++frac_digits > 9) return bad("more than 9 decimals");
    } else if (++int_digits > 9) {
      return bad("too large");
    }
    units = units * 10 + (c - '0');
  }
  if (int_digits == 0) return bad("no digits before the decimal point");
  if (dot && frac_digits == 0) return bad("no digits after the decimal point");
  return Decimal{negative ? -units : units, frac_digits};
}

Int128 RoundDiv(Int128 num, Int128 den) {
  if (den < 0) {
    num = -num;
    den = -den;
  }
  Int128 q = num / den;
  Int128 r = num % den;
  if (2 * (r < 0 ? -r : r) >= den) q += num < 0 ? -1 : 1;
  return q;
}

int64_t Rescale(const Decimal& d, int scale) {
  if (scale >= d.scale) return d.units * kPow10[scale - d.scale];
  return static_cast<int64_t>(RoundDiv(d.units, kPow10[d.scale - scale]));
}

std::string FormatTenths(int64_t tenths) {
  int64_t a = tenths < 0 ? -tenths : tenths;
  return (tenths < 0 ? "-" : "") + std::to_string(a / 10) + "." + std::to_string(a % 10);
}

std::string FormatFen(int64_t fen) {
  int64_t a = fen < 0 ? -fen : fen;
  std::string cents = std::to_string(a % 100);
  if (cents.size() == 1) cents = "0" + cents;
  return (fen < 0 ? "-" : "") + std::to_string(a / 100) + "." + cents;
}

namespace {

constexpr Int128 Pow10(int n) {
  Int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

}  // namespace

std::optional<Int128> ParseScaled(std::string_view text, int scale) {
  size_t e = text.find_first_of("eE");
  std::string_view mantissa = text.substr(0, e);
  int exponent = 0;
  if (e != std::string_view::npos) {
    std::string_view digits = text.substr(e + 1);
    bool negative = false;
    if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) {
      negative = digits[0] == '-';
      digits.remove_prefix(1);
    }
    if (digits.empty() || digits.size() > 4) return std::nullopt;
    for (char c : digits) {
      if (c < '0' || c > '9') return std::nullopt;
      exponent = exponent * 10 + (c - '0');
    }
    if (negative) exponent = -exponent;
  }
  auto d = ParseDecimal(mantissa);
  if (!d.ok()) return std::nullopt;
  // value = units × 10^(exponent - d.scale); in 10^-scale units: units × 10^shift.
  const int shift = exponent - d->scale + scale;
  if (d->units == 0) return Int128{0};
  if (shift >= 0) {
    if (shift > 20) return d->units < 0 ? -Pow10(20) : Pow10(20);
    return Int128{d->units} * Pow10(shift);
  }
  if (shift < -30) return Int128{0};
  return RoundDiv(d->units, Pow10(-shift));
}

}  // namespace hearth

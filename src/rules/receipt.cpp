#include "rules/receipt.hpp"

#include <array>
#include <cstdio>

namespace hearth::rules {
namespace {

constexpr std::array<const char*, 10> kDigits = {"零", "壹", "贰", "叁", "肆",
                                                 "伍", "陆", "柒", "捌", "玖"};
constexpr std::array<const char*, 4> kPlaces = {"", "拾", "佰", "仟"};  // within a group
constexpr std::array<const char*, 4> kGroups = {"", "万", "亿", "万"};  // 万亿 for the fourth

}  // namespace

std::string AmountInCapitals(int64_t fen) {
  const int64_t yuan = fen / 100;
  const int jiao = static_cast<int>(fen / 10 % 10), cents = static_cast<int>(fen % 10);
  std::string out;
  if (yuan > 0) {
    std::string digits = std::to_string(yuan);
    bool zero = false;       // a zero waits to be written before the next digit
    bool in_group = false;   // the current group of four has a digit other than 0
    const size_t n = digits.size();
    for (size_t i = 0; i < n; ++i) {
      const size_t place = n - 1 - i;  // 0 for the yuan digit
      const int d = digits[i] - '0';
      if (d == 0) {
        zero = true;
      } else {
        if (zero) out += kDigits[0];
        zero = false;
        out += kDigits[static_cast<size_t>(d)];
        out += kPlaces[place % 4];
        in_group = true;
      }
      if (place % 4 == 0) {  // the end of a group
        if (in_group) {
          out += kGroups[place / 4];
          if (place / 4 == 3) out += "亿";  // 万亿
          zero = false;  // zeros at a group's end are not written
        }
        in_group = false;
      }
    }
    out += "元";
  }
  if (jiao == 0 && cents == 0) return out.empty() ? "零元整" : out + "整";
  if (jiao > 0) {
    out += kDigits[static_cast<size_t>(jiao)];
    out += "角";
  } else if (yuan > 0) {
    out += kDigits[0];
  }
  if (cents > 0) {
    out += kDigits[static_cast<size_t>(cents)];
    out += "分";
  }
  return out;
}

std::string ReceiptNumber(std::string_view company_code, int season, int64_t payment_id) {
  char id[24];
  std::snprintf(id, sizeof id, "%08lld", static_cast<long long>(payment_id));
  return std::string(company_code) + "-" + std::to_string(season) + "-" + id;
}

}  // namespace hearth::rules

// The receipt's amount in capitals (大写金额) and its number: a table worked out by hand from the
// practice of Chinese financial documents (rules/receipt.hpp).
#include "rules/receipt.hpp"

#include <gtest/gtest.h>

namespace hearth::rules {
namespace {

TEST(Receipt, AmountsInCapitals) {
  const struct {
    int64_t fen;
    const char* capitals;
  } table[] = {
      {0, "零元整"},
      {1, "壹分"},
      {10, "壹角"},
      {45, "肆角伍分"},
      {50, "伍角"},
      {100, "壹元整"},
      {105, "壹元零伍分"},
      {1000, "壹拾元整"},  // 壹拾, not 拾 alone
      {1010, "壹拾元壹角"},
      {20000, "贰佰元整"},
      {102943, "壹仟零贰拾玖元肆角叁分"},  // 1029.43: the bill of the 增减停复 test
      {222430, "贰仟贰佰贰拾肆元叁角"},
      {1000500, "壹万零伍元整"},         // 10,005
      {1050000, "壹万零伍佰元整"},       // 10,500
      {10500000, "壹拾万伍仟元整"},      // 105,000: the 万 place's zero is not written
      {10050000, "壹拾万零伍佰元整"},    // 100,500
      {100000000, "壹佰万元整"},
      {10000500000, "壹亿零伍仟元整"},   // 100,005,000: a whole group of zeros
      {1000000000000, "壹佰亿元整"},
      {1234567890123, "壹佰贰拾叁亿肆仟伍佰陆拾柒万捌仟玖佰零壹元贰角叁分"},
      {100000000000000, "壹万亿元整"},
      // 99,999,999,999,999.99 yuan: 99 万亿, then 亿, 万 and yuan groups of four nines.
      {kMaxCapitalsFen, "玖拾玖万亿玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"},
  };
  for (const auto& row : table) {
    EXPECT_EQ(AmountInCapitals(row.fen), row.capitals) << row.fen;
  }
}

TEST(Receipt, NumbersArePerPaymentAndSortable) {
  EXPECT_EQ(ReceiptNumber("weihai-heat", 2026, 123), "weihai-heat-2026-00000123");
  EXPECT_EQ(ReceiptNumber("zb", 2025, 123456789), "zb-2025-123456789");
}

}  // namespace
}  // namespace hearth::rules

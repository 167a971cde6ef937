// A payment's receipt (issue 16, R-BILL-1: "Payments by channel … A receipt is issued"; W 9.2.1
// 缴费): its number, and the amount in Chinese capital numerals as receipts and invoices write
// it (大写金额), beside the figures.
//
// Capitals, by the practice of Chinese financial documents (会计基础工作规范): 壹贰叁肆伍陆柒捌玖,
// 拾佰仟 within a group of four digits, 万 and 亿 between groups, 元角分; "整" after 元 when
// there are no jiao or fen; one 零 for any run of zeros inside the number, none for zeros at the
// end of a group of four (10,500 → 壹万零伍佰; 105,000 → 壹拾万伍仟); 壹拾, never 拾 alone; an
// amount below one yuan starts at its jiao or fen (0.45 → 肆角伍分); 0 is 零元整.
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hearth::rules {

/// The largest amount written: below 10¹⁶ fen (10¹⁴ yuan, 百万亿).
inline constexpr int64_t kMaxCapitalsFen = 9'999'999'999'999'999;

/// `fen` (0 … kMaxCapitalsFen) in capitals, e.g. 102943 → "壹仟零贰拾玖元肆角叁分".
std::string AmountInCapitals(int64_t fen);

/// A receipt's number, unique per payment: "<company code>-<season>-<payment id, 8 digits or
/// more>", e.g. "weihai-heat-2026-00000123".
std::string ReceiptNumber(std::string_view company_code, int season, int64_t payment_id);

}  // namespace hearth::rules

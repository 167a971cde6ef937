// A payment's receipt (issue 16, R-BILL-1: "Payments by channel (hall, bank, WeChat, Alipay
// references). Partial payments are allowed. A receipt is issued."): what the company hands the
// household for each payment, as a Chinese heating company's receipt shows it. Every payment
// has one: its number (rules::ReceiptNumber, unique per payment), the company, the household, the
// season and fee it pays, the amount in figures and in capitals (rules::AmountInCapitals), the
// channel and its reference, and what is left to pay of the fee after it (partial payments).
//
// Decision: the receipt is computed from the stored payment, never stored apart, so it cannot
// disagree with the payment; a payment without a fee is for the season its day falls in (July
// onwards: that year's) with nothing left to show.
// Access: as reading the payment (its household, the company's staff, admin and regulator);
// not_found otherwise. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "ports/record_store.hpp"

namespace hearth::services {

struct Receipt {
  std::string number;
  int64_t payment_id = 0;
  std::string company_code, company_name;
  std::optional<std::string> licence_no;
  int64_t household_id = 0;
  std::string household_code;
  std::optional<std::string> address;
  int season = 0;
  std::optional<int64_t> fee_id;
  std::optional<int64_t> fee_fen;          ///< the fee paid towards
  std::optional<int64_t> outstanding_fen;  ///< of the fee, after this payment and those before
  int64_t amount_fen = 0;
  std::string amount_capitals;
  std::string paid_at;  ///< RFC 3339, as recorded
  std::string method;   ///< cash, bank, wechat, alipay, offset
  std::string reference;
};

/// The receipt of payment `payment_id` as `scope` may read it: not_found (field "id") outside
/// it; the store's errors.
Result<Receipt> ReceiptOf(ports::RecordStore& records, int64_t payment_id,
                          const ports::Scope& scope);

}  // namespace hearth::services

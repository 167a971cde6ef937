// A household's season bill (R-BILL-1, W 9.2, W 9.3; R-METER-1; R-REFUND-6), and the pro-rata
// settlement of an increase, decrease, stop or resumption of heating (R-ACCT-1, W 9.1.8).
//
// Money is integer fen. Every line is computed from exact integers and rounded once, half away
// from zero; the total is the sum of the lines, so the parts always add up to it.
//
// - By area: area × the price per m² for the season.
// - By meter: the base charge (area × the base price per m², when the tariff has one) plus the
//   heat used × the price per GJ. A meter with a fault, or without a reading, is billed by area
//   for the season (W 10.3 (10.3 c)), and the bill says why.
// - Relief (W 9.3, the government's temporary policy): a percentage of the charges, pro rata by
//   the days of its period within the season, or an amount; never more than what is left.
// - 增减停复 (R-ACCT-1, W 9.1.8) settled by area after the season began: each approved change's
//   settlement (rules::SettleHeatingChange: pro rata from its effective day) is a line after the
//   charges, which bill the household as it stood on the season's first day (a household stopped
//   then has an area line of 0, and pays from its resumption on). Reliefs take their share of
//   the charges so settled.
// - A refund offset against the bill (R-REFUND-6, at the household's choice): never more than
//   what is left; what it cannot take stays owed to the household.
//
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "rules/heating_change.hpp"
#include "rules/meter.hpp"

namespace hearth::rules {

enum class BillingBasis { kArea, kMeter };

struct BillTariff {
  int64_t area_price_fen = 0;  ///< per m² for the season (by area)
  int64_t base_price_fen = 0;  ///< per m² for the season (by meter: the fixed part; 0 for none)
  int64_t heat_price_fen = 0;  ///< per GJ (by meter)
};

struct Relief {
  int percent_bp = 0;      ///< a percentage in basis points (1000 = 10 %); or
  int64_t amount_fen = 0;  ///< an amount (when percent_bp is 0)
  Date from, to;           ///< its period, inclusive
  std::string reference;   ///< the government's document
};

struct BillLine {
  std::string code;        ///< "area", "base", "heat", "change", "relief", "offset"
  std::string text;        ///< zh-CN, as printed on the bill
  int64_t amount_fen = 0;  ///< negative for relief, offsets and credits of changes
};

struct BillInput {
  int64_t area_centi = 0;                    ///< m² × 100
  bool heated_at_start = true;  ///< by area: false bills the area at 0 (stopped then)
  BillingBasis basis = BillingBasis::kArea;  ///< the contract's
  BillTariff tariff;
  std::optional<int64_t> heat_mgj;  ///< GJ × 1000 used in the season (by meter)
  MeterFault meter_fault = MeterFault::kNone;
  Date season_start, season_end;  ///< the official days, inclusive
  std::vector<Relief> reliefs;
  int64_t offset_fen = 0;  ///< refunds the household chose to set against this bill
  std::vector<BillLine> changes;  ///< settlements of the season's 增减停复 (ChangeLine), in order
};

struct Bill {
  BillingBasis basis = BillingBasis::kArea;  ///< as billed
  std::string basis_reason;  ///< why a meter-billed household was billed by area ("" otherwise)
  std::vector<BillLine> lines;
  int64_t total_fen = 0;             ///< the sum of the lines, never negative
  int64_t unapplied_offset_fen = 0;  ///< what the offset could not take
};

/// The largest area (m² × 100) and price a bill takes: 10⁶ m², 10⁶ yuan.
inline constexpr int64_t kMaxBillAreaCenti = 100'000'000;
inline constexpr int64_t kMaxBillPriceFen = 100'000'000;
/// The largest line those make: 10⁶ m² × 10⁶ yuan, in fen.
inline constexpr int64_t kMaxBillChargeFen = kMaxBillAreaCenti / 100 * kMaxBillPriceFen;

/// The bill. invalid_argument naming the field: an area, price, heat or relief out of range
/// ("area", "tariff", "heat", "reliefs[i]"), a bill by area (a faulty meter's too) without a
/// price per m² ("tariff"), a season or relief period that ends before it
/// starts, an offset below zero ("offset"), changes that would take the charges below zero
/// ("changes").
Result<Bill> ComputeBill(const BillInput& input);

/// The bill line of an approved change's settlement by area: code "change", e.g.
/// "停止供暖：自 2026-01-10 起 65/121 日，85.55 m² × 22.50 元/m²", amount_fen the settlement's.
BillLine ChangeLine(HeatingChangeKind kind, Date effective, const HeatingChangeSettlement& s);

/// `fee_fen` × `days` / `of_days`, rounded once, half away from zero. Precondition: of_days > 0,
/// 0 <= days <= of_days.
int64_t ProRataFen(int64_t fee_fen, int64_t days, int64_t of_days);

/// How money goes back to a household (a refund paid, R-REFUND-6; an overpayment paid back):
/// `method` one of bank, wechat, alipay, cash; `reference` the channel's (the bank slip, WeChat
/// or Alipay transaction number), required but for cash, at most 100 bytes. invalid_argument
/// naming "method" or "reference".
Status CheckPayout(const std::string& method, const std::string& reference);

/// W 9.2.1 (价格调整应提前告知): whether a price change announced at `at` was told too late for
/// a price valid from `valid_from`, i.e. on or after the local midnight that begins that day.
bool PriceNoticeLate(Instant at, Date valid_from);

}  // namespace hearth::rules

#include "rules/billing.hpp"

#include <algorithm>

#include "core/decimal.hpp"

namespace hearth::rules {
namespace {

int64_t Days(Date from, Date to) { return (to - from).count() + 1; }

std::string Yuan(int64_t fen) { return FormatFen(fen); }

/// "23.456": GJ × 1000 with its three decimals, as billed.
std::string GjText(int64_t mgj) {
  std::string frac = std::to_string(mgj % 1000);
  return std::to_string(mgj / 1000) + "." + std::string(3 - frac.size(), '0') + frac;
}

Status CheckInput(const BillInput& in) {
  if (in.area_centi <= 0 || in.area_centi > kMaxBillAreaCenti) {
    return Error::InvalidArgument("area must be above 0 and at most 1000000 m²", "area");
  }
  for (int64_t price :
       {in.tariff.area_price_fen, in.tariff.base_price_fen, in.tariff.heat_price_fen}) {
    if (price < 0 || price > kMaxBillPriceFen) {
      return Error::InvalidArgument("a price must be from 0 to 1000000.00 yuan", "tariff");
    }
  }
  if (in.heat_mgj && (*in.heat_mgj < 0 || *in.heat_mgj > 1'000'000'000)) {
    return Error::InvalidArgument("heat used must be from 0 to 1000000 GJ", "heat");
  }
  if (in.season_end < in.season_start) {
    return Error::InvalidArgument("the season ends before it starts", "season");
  }
  for (size_t i = 0; i < in.reliefs.size(); ++i) {
    const Relief& r = in.reliefs[i];
    const std::string field = "reliefs[" + std::to_string(i) + "]";
    const bool percent = r.percent_bp != 0;
    if ((percent && (r.percent_bp < 0 || r.percent_bp > 10000)) ||
        (!percent && (r.amount_fen <= 0 || r.amount_fen > kMaxBillPriceFen)) ||
        (percent && r.amount_fen != 0) || r.to < r.from) {
      return Error::InvalidArgument(
          field +
              " must be a percentage (0–100) or an amount (above 0), over a period that "
              "ends after it starts",
          field);
    }
  }
  if (in.offset_fen < 0) return Error::InvalidArgument("offset must not be negative", "offset");
  for (const BillLine& l : in.changes) {
    if (l.amount_fen < -kMaxBillChargeFen || l.amount_fen > kMaxBillChargeFen) {
      return Error::InvalidArgument("a change's settlement is out of range", "changes");
    }
  }
  return OkStatus();
}

}  // namespace

int64_t ProRataFen(int64_t fee_fen, int64_t days, int64_t of_days) {
  return static_cast<int64_t>(RoundDiv(Int128{fee_fen} * days, of_days));
}

Result<Bill> ComputeBill(const BillInput& in) {
  if (auto s = CheckInput(in); !s.ok()) return s.error();
  Bill bill;
  bill.basis = in.basis;
  MeterFault fault = in.meter_fault;
  if (in.basis == BillingBasis::kMeter && fault == MeterFault::kNone && !in.heat_mgj) {
    fault = MeterFault::kDataMissing;
  }
  if (in.basis == BillingBasis::kMeter) {
    const MeterBasis basis = BasisFor(fault);
    if (basis.by_area) {
      bill.basis = BillingBasis::kArea;
      bill.basis_reason = std::string(basis.reason);
    }
  }
  if (bill.basis == BillingBasis::kArea && in.tariff.area_price_fen <= 0) {
    // A meter tariff without an area price cannot bill a faulty meter by area: not a bill of 0.
    return Error::InvalidArgument(
        "the tariff has no price per m², which a bill by area needs" +
            (bill.basis_reason.empty() ? std::string() : " (" + bill.basis_reason + ")"),
        "tariff");
  }
  const std::string area_m2 = Yuan(in.area_centi);  // m² with two decimals
  if (bill.basis == BillingBasis::kArea) {
    const std::string text =
        "按面积：" + area_m2 + " m² × " + Yuan(in.tariff.area_price_fen) + " 元/m²";
    if (in.heated_at_start) {
      bill.lines.push_back({"area", text,
                            static_cast<int64_t>(
                                RoundDiv(Int128{in.area_centi} * in.tariff.area_price_fen, 100))});
    } else {
      bill.lines.push_back({"area", text + "（供暖季开始时停暖）", 0});
    }
  } else {
    if (in.tariff.base_price_fen > 0) {
      bill.lines.push_back(
          {"base", "基本热费：" + area_m2 + " m² × " + Yuan(in.tariff.base_price_fen) + " 元/m²",
           static_cast<int64_t>(RoundDiv(Int128{in.area_centi} * in.tariff.base_price_fen, 100))});
    }
    bill.lines.push_back(
        {"heat",
         "计量热费：" + GjText(*in.heat_mgj) + " GJ × " + Yuan(in.tariff.heat_price_fen) + " 元/GJ",
         static_cast<int64_t>(RoundDiv(Int128{*in.heat_mgj} * in.tariff.heat_price_fen, 1000))});
  }
  if (bill.basis == BillingBasis::kArea) {  // a meter settles its own changes
    for (const BillLine& l : in.changes) bill.lines.push_back(l);
  }
  int64_t charges = 0;
  for (const auto& l : bill.lines) charges += l.amount_fen;
  if (charges < 0) {
    return Error::InvalidArgument("the changes' credits exceed the season's charges", "changes");
  }
  int64_t left = charges;
  const int64_t season_days = Days(in.season_start, in.season_end);
  for (const Relief& r : in.reliefs) {
    const Date from = std::max(r.from, in.season_start);
    const Date to = std::min(r.to, in.season_end);
    const int64_t days = to < from ? 0 : Days(from, to);
    int64_t off = 0;
    std::string text;
    if (r.percent_bp != 0) {
      off = static_cast<int64_t>(
          RoundDiv(Int128{charges} * r.percent_bp * days, Int128{10000} * season_days));
      text = "减免 " + FormatFen(r.percent_bp) + "%（" + std::to_string(days) + "/" +
             std::to_string(season_days) + " 日，" + r.reference + "）";
    } else {
      off = days > 0 ? r.amount_fen : 0;
      text = "减免 " + Yuan(r.amount_fen) + " 元（" + r.reference + "）";
    }
    off = std::min(off, left);
    left -= off;
    bill.lines.push_back({"relief", std::move(text), -off});
  }
  if (in.offset_fen > 0) {
    const int64_t off = std::min(in.offset_fen, left);
    left -= off;
    bill.unapplied_offset_fen = in.offset_fen - off;
    bill.lines.push_back({"offset", "退费冲抵（R-REFUND-6）", -off});
  }
  bill.total_fen = left;
  return bill;
}

BillLine ChangeLine(HeatingChangeKind kind, Date effective, const HeatingChangeSettlement& s) {
  const char* what = kind == HeatingChangeKind::kIncrease   ? "增加供暖面积"
                     : kind == HeatingChangeKind::kDecrease ? "减少供暖面积"
                     : kind == HeatingChangeKind::kStop     ? "停止供暖"
                                                            : "恢复供暖";
  return {"change",
          std::string(what) + "：自 " + FormatDate(effective) + " 起 " + std::to_string(s.days) +
              "/" + std::to_string(s.season_days) + " 日，" + Yuan(s.area) + " m² × " +
              Yuan(s.price_fen) + " 元/m²",
          s.amount_fen};
}

Status CheckPayout(const std::string& method, const std::string& reference) {
  if (method != "bank" && method != "wechat" && method != "alipay" && method != "cash") {
    return Error::InvalidArgument("method must be one of bank, wechat, alipay, cash", "method");
  }
  if (reference.size() > 100) {
    return Error::InvalidArgument("reference is at most 100 bytes", "reference");
  }
  if (method != "cash" && reference.find_first_not_of(" \t") == std::string::npos) {
    return Error::InvalidArgument(
        "reference is required: the bank slip, WeChat or Alipay transaction number", "reference");
  }
  return OkStatus();
}

bool PriceNoticeLate(Instant at, Date valid_from) { return at >= StartOfLocalDay(valid_from); }

}  // namespace hearth::rules

#include "services/refund_service.hpp"

#include "core/decimal.hpp"

namespace hearth::services {

Result<int> ParseSeasonYear(std::string_view text) {
  bool digits = text.size() == 4;
  int year = 0;
  for (char c : text) {
    digits = digits && c >= '0' && c <= '9';
    if (digits) year = year * 10 + (c - '0');
  }
  if (!digits) {
    return Error::InvalidArgument(
        "season must be the year the season starts, e.g. 2025 for "
        "2025-2026; got '" +
            std::string(text) + "'",
        "season");
  }
  return year;
}

Result<int64_t> ParseFeeFen(std::string_view text) {
  auto bad = [&](const std::string& why) {
    return Error::InvalidArgument(
        "fee must be the season fee in yuan, more than 0 with at most 2 decimals, e.g. 2640.00; "
        "got '" +
            std::string(text) + "' (" + why + ")",
        "fee");
  };
  auto d = ParseDecimal(text);
  if (!d.ok()) return bad(d.error().message);
  if (d->scale > 2) return bad("more than 2 decimals");
  int64_t fen = Rescale(*d, 2);
  if (fen <= 0) return bad("not more than 0");
  return fen;
}

Result<RefundOutcome> RefundService::Compute(const RefundQuery& q, bool allow_policy_files) const {
  auto policy = policies_.Resolve(q.policy, allow_policy_files);
  if (!policy.ok()) return policy.error();
  auto year = ParseSeasonYear(q.season);
  if (!year.ok()) return year.error();
  auto fee = ParseFeeFen(q.fee);
  if (!fee.ok()) return fee.error();
  const rules::Policy& p = **policy;
  RefundOutcome out;
  out.season = rules::SeasonOf(p.season, *year);
  auto days = decode_(q.days_csv, p, out.season);
  if (!days.ok()) return days.error();
  auto refund = rules::ComputeRefund(p, out.season, *fee, *days);
  if (!refund.ok()) return refund.error();
  out.refund = std::move(*refund);
  return out;
}

}  // namespace hearth::services

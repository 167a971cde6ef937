// JSON mapping of a season's refund (R-REFUND-1..3), shared by `hearth calc refund` and
// POST /api/v1/calc/refund so both print the same.
#pragma once

#include <nlohmann/json.hpp>

#include "rules/refund.hpp"
#include "rules/season.hpp"

namespace hearth::adapters::json {

/// {"season":"2025-2026","official_days":121,"fee_fen":264000,"refund_fen":N,
///  "days":[{"date":"2025-12-01","share_percent":20,"reason":"…"},…]}: the days with a share,
/// in date order.
nlohmann::ordered_json RefundToJson(const rules::SeasonDates& season,
                                    const rules::SeasonRefund& refund);

}  // namespace hearth::adapters::json

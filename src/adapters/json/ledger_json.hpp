// JSON of the refund ledger's days (R-REFUND-6): what GET /api/v1/refunds shows of an entry and
// what the ledger store keeps (refund_ledger.days_json), one format for both.
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "ports/refund_ledger.hpp"

namespace hearth::adapters::json {

/// [{"cause","date","evidence":{"measured_on"?,"measurement_id"?,"room","rooms"?,"source"},
///   "guarantee","outdoor_mean","reason","share_percent","value"}, …] with keys sorted; °C
/// values or null; "rooms" (RoomSummariesJson) for remote evidence only.
nlohmann::json LedgerDaysJson(std::span<const ports::LedgerDay> days);

/// The stored text of `days` (LedgerDaysJson, compact).
std::string LedgerDaysToText(std::span<const ports::LedgerDay> days);

/// The inverse of LedgerDaysToText. Error (internal, naming the key): stored text that is not
/// such a list, which only a broken database holds.
Result<std::vector<ports::LedgerDay>> LedgerDaysFromText(std::string_view text);

}  // namespace hearth::adapters::json

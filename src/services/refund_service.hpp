// The refund calculator's use case (R-REFUND-1..5), shared by `hearth calc refund` and
// POST /api/v1/calc/refund so that both accept and reject the same input.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "ports/file_decoders.hpp"
#include "rules/refund.hpp"
#include "rules/season.hpp"
#include "services/policy_registry.hpp"

namespace hearth::services {

/// The calculator's input as text, as it arrives from flags, query parameters and a file.
struct RefundQuery {
  std::string policy;
  std::string season;    ///< the year the season starts: "2025" for 2025-11-15 … 2026-03-15
  std::string fee;       ///< the household's season fee in yuan: "2640.00"
  std::string days_csv;  ///< the days file (adapters/csv/refund_days_csv.hpp)
};

struct RefundOutcome {
  rules::SeasonDates season;
  rules::SeasonRefund refund;
};

/// "2025" -> 2025: exactly four digits. Error: invalid_argument, field "season".
Result<int> ParseSeasonYear(std::string_view text);

/// "2640.00" -> 264000 fen: exact, at most 2 decimals, more than 0. Error: invalid_argument,
/// field "fee".
Result<int64_t> ParseFeeFen(std::string_view text);

class RefundService {
 public:
  /// `policies` is not owned and must outlive the service; `decode` reads the days file.
  RefundService(const PolicyRegistry& policies, ports::RefundDaysDecoder decode)
      : policies_(policies), decode_(std::move(decode)) {}

  /// Checks policy, season, fee and then the file; the first problem is the error
  /// (invalid_argument, with `field` policy, season, fee, or "line L" for the file; a policy
  /// file that cannot be loaded gives the loader's error).
  /// `allow_policy_files` is for the CLI only. Thread-safe.
  Result<RefundOutcome> Compute(const RefundQuery& query, bool allow_policy_files) const;

 private:
  const PolicyRegistry& policies_;
  ports::RefundDaysDecoder decode_;
};

}  // namespace hearth::services

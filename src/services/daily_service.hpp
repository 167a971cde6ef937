// The daily-value calculator's use case (R-TEMP-3), shared by `hearth calc daily` and
// POST /api/v1/calc/daily so that both accept and reject the same input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ports/file_decoders.hpp"
#include "rules/temperature.hpp"
#include "services/policy_registry.hpp"

namespace hearth::services {

/// The profile used when the caller names none (both shipped profiles carry the R-TEMP-3 numbers).
inline constexpr const char* kDefaultDailyPolicy = "weihai";

class DailyService {
 public:
  /// `policies` is not owned and must outlive the service; `decode` reads the readings file.
  /// Thread-safe (stateless).
  DailyService(const PolicyRegistry& policies, ports::ReadingsDecoder decode)
      : policies_(policies), decode_(std::move(decode)) {}

  /// Daily values of the readings in `csv` (adapters/csv/readings_csv.hpp) under `policy`'s
  /// temperature.sensor numbers. Errors: the policy's (invalid_argument or not_found, field
  /// "policy"), then the file's (invalid_argument, "line L, column C (name): …", field "line L"),
  /// then the rule's (invalid_argument). `allow_policy_files` is for the CLI only.
  Result<std::vector<rules::DailyValue>> Compute(std::string_view csv, const std::string& policy,
                                                 bool allow_policy_files) const;

 private:
  const PolicyRegistry& policies_;
  ports::ReadingsDecoder decode_;
};

}  // namespace hearth::services

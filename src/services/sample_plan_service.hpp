// The sampling-plan calculator's use case (R-SAMPLE-1..3), shared by `hearth calc sample-plan`
// and POST /api/v1/calc/sample-plan so that both accept and reject the same input.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "ports/file_decoders.hpp"
#include "rules/sampling.hpp"
#include "services/policy_registry.hpp"

namespace hearth::services {

/// The calculator's input as text, as it arrives from flags, query parameters and a file.
struct SamplePlanQuery {
  std::string policy;
  std::optional<std::string> seed;  ///< absent: kDefaultSeed
  std::string households_csv;       ///< the households file (adapters/csv/households_csv.hpp)
};

/// The seed when none is given: plans are reproducible by default.
inline constexpr uint64_t kDefaultSeed = 0;

struct SamplePlanOutcome {
  std::vector<rules::SampleHousehold> households;  ///< the file's households, in file order
  rules::SamplePlan plan;                          ///< selected indices refer to `households`
};

/// "42" -> 42: decimal digits, 0 .. 2^64-1. Error: invalid_argument, field "seed".
Result<uint64_t> ParseSeed(std::string_view text);

class SamplePlanService {
 public:
  /// `policies` is not owned and must outlive the service; `decode` reads the households file.
  SamplePlanService(const PolicyRegistry& policies, ports::SampleHouseholdsDecoder decode)
      : policies_(policies), decode_(std::move(decode)) {}

  /// Checks policy, seed and then the file; the first problem is the error (invalid_argument or
  /// not_found, with `field` policy, seed, or "line L" for the file). `allow_policy_files` is for
  /// the CLI only. Thread-safe.
  Result<SamplePlanOutcome> Compute(const SamplePlanQuery& query, bool allow_policy_files) const;

 private:
  const PolicyRegistry& policies_;
  ports::SampleHouseholdsDecoder decode_;
};

}  // namespace hearth::services

// The history of households' contract terms (R-ACCT-1, issue 16: "contract versions are kept; the
// guarantee of a day uses the contract valid on that day"): the terms a change superseded, with
// the last day they held (rules/usage_history.hpp). Kept as contract_versions records by every
// write that changes a household's terms (services/contract_versions.hpp); read here in one
// statement per company for the judging and the billing run.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "rules/usage_history.hpp"

namespace hearth::ports {

struct SupersededTerms {
  int64_t household_id = 0;
  rules::TermsUntil until;
};

/// Thread-safe.
class ContractHistory {
 public:
  virtual ~ContractHistory() = default;
  /// The superseded terms of `company_id`'s households (of `household` only, when given) whose
  /// last day is on or after `from`: by household, then last day, then id.
  virtual Result<std::vector<SupersededTerms>> SupersededFrom(
      int64_t company_id, Date from, std::optional<int64_t> household = std::nullopt) = 0;
};

}  // namespace hearth::ports

// The policy profile a company names (companies.policy), for the services that apply a
// company's rules. Thread-safe.
#pragma once

#include <cstdint>
#include <memory>

#include "core/result.hpp"
#include "ports/record_store.hpp"
#include "rules/policy.hpp"
#include "services/policy_registry.hpp"

namespace hearth::services {

/// The company's profile. Errors: the store's (not_found for an unknown company);
/// failed_precondition when the profile it names is not loaded.
Result<std::shared_ptr<const rules::Policy>> CompanyPolicy(const PolicyRegistry& policies,
                                                           ports::RecordStore& records,
                                                           int64_t company_id);

}  // namespace hearth::services

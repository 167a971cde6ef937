// The policy profile a company names (companies.policy), for the services that apply a
// company's rules. Thread-safe.
#pragma once

#include <cstdint>
#include <map>
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

/// The profiles of the companies met while answering one request (a page of a list), each read
/// once. Not thread-safe: one per request.
class CompanyPolicies {
 public:
  CompanyPolicies(const PolicyRegistry& policies, ports::RecordStore& records)
      : policies_(policies), records_(records) {}

  /// As CompanyPolicy, remembered.
  Result<std::shared_ptr<const rules::Policy>> Of(int64_t company_id);

 private:
  const PolicyRegistry& policies_;
  ports::RecordStore& records_;
  std::map<int64_t, std::shared_ptr<const rules::Policy>> read_;
};

}  // namespace hearth::services

#include "services/company_policy.hpp"

#include <string>

#include "ports/record_views.hpp"

namespace hearth::services {

Result<std::shared_ptr<const rules::Policy>> CompanyPolicy(const PolicyRegistry& policies,
                                                           ports::RecordStore& records,
                                                           int64_t company_id) {
  auto company = ports::GetView<ports::CompanyView>(records, company_id);
  if (!company.ok()) return company.error();
  auto policy = policies.Find(company->policy);
  if (!policy.ok()) {
    return Error::FailedPrecondition("company " + std::to_string(company_id) +
                                     " names the policy profile '" + company->policy +
                                     "', which is not loaded");
  }
  return *policy;
}

Result<std::shared_ptr<const rules::Policy>> CompanyPolicies::Of(int64_t company_id) {
  if (auto it = read_.find(company_id); it != read_.end()) return it->second;
  auto policy = CompanyPolicy(policies_, records_, company_id);
  if (policy.ok()) read_.emplace(company_id, *policy);
  return policy;
}

}  // namespace hearth::services

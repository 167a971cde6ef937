#include "services/daily_service.hpp"

namespace hearth::services {

Result<std::vector<rules::DailyValue>> DailyService::Compute(std::string_view csv,
                                                             const std::string& policy,
                                                             bool allow_policy_files) const {
  auto profile = policies_.Resolve(policy, allow_policy_files);
  if (!profile.ok()) return profile.error();
  auto readings = decode_(csv);
  if (!readings.ok()) return readings.error();
  return rules::DailyValues((*profile)->temperature.sensor, *readings);
}

}  // namespace hearth::services

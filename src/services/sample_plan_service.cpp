#include "services/sample_plan_service.hpp"

#include <limits>

namespace hearth::services {

Result<uint64_t> ParseSeed(std::string_view text) {
  auto bad = [&] {
    return Error::InvalidArgument(
        "seed must be a whole number from 0 to 18446744073709551615, got '" + std::string(text) +
            "'",
        "seed");
  };
  if (text.empty()) return bad();
  uint64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return bad();
    const auto digit = static_cast<uint64_t>(c - '0');
    if (v > (std::numeric_limits<uint64_t>::max() - digit) / 10) return bad();
    v = v * 10 + digit;
  }
  return v;
}

Result<SamplePlanOutcome> SamplePlanService::Compute(const SamplePlanQuery& q,
                                                     bool allow_policy_files) const {
  auto policy = policies_.Resolve(q.policy, allow_policy_files);
  if (!policy.ok()) return policy.error();
  uint64_t seed = kDefaultSeed;
  if (q.seed) {
    auto s = ParseSeed(*q.seed);
    if (!s.ok()) return s.error();
    seed = *s;
  }
  auto households = decode_(q.households_csv);
  if (!households.ok()) return households.error();
  SamplePlanOutcome out;
  out.households = std::move(*households);
  out.plan = rules::PlanSample((*policy)->sampling, out.households, seed);
  return out;
}

}  // namespace hearth::services

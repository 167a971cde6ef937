#include "services/deadline_service.hpp"

namespace hearth::services {

Result<DeadlineOutcome> DeadlineService::Compute(const DeadlineQuery& q,
                                                 bool allow_policy_files) const {
  rules::DeadlineRequest req;
  auto rule = rules::ParseDeadlineRule(q.rule);
  if (!rule) {
    return Error::InvalidArgument(
        "unknown rule '" + q.rule + "'; known: " + rules::AllDeadlineRuleNames(), "rule");
  }
  req.rule = *rule;
  if (q.channel) {
    auto channel = rules::ParseChannel(*q.channel);
    if (!channel) {
      return Error::InvalidArgument(
          "unknown channel '" + *q.channel + "'; known: " + rules::AllChannelNames(), "channel");
    }
    req.channel = channel;
  }
  auto from = ParseRfc3339(q.from);
  if (!from.ok()) return Error::InvalidArgument("from: " + from.error().message, "from");
  req.from = *from;
  req.outside_works = q.outside_works;
  auto policy = policies_.Resolve(q.policy, allow_policy_files);
  if (!policy.ok()) return policy.error();
  auto calendar = calendar_.Current();
  auto answer = rules::ComputeDeadline(**policy, *calendar, req);
  if (!answer.ok()) return answer.error();
  return DeadlineOutcome{req, std::move(*answer)};
}

}  // namespace hearth::services

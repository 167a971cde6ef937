// The deadline calculator's use case, shared by `hearth calc deadline` and
// GET /api/v1/calc/deadline so that both accept and reject the same input.
#pragma once

#include <optional>
#include <string>

#include "rules/deadline.hpp"
#include "services/calendar_service.hpp"
#include "services/policy_registry.hpp"

namespace hearth::services {

/// The calculator's input as text, as it arrives from a flag or a query parameter.
struct DeadlineQuery {
  std::string policy;
  std::string rule;
  std::optional<std::string> channel;
  std::string from;
  bool outside_works = false;
};

struct DeadlineOutcome {
  rules::DeadlineRequest request;
  rules::DeadlineAnswer answer;
};

class DeadlineService {
 public:
  /// Neither is owned; both must outlive the service.
  DeadlineService(const PolicyRegistry& policies, CalendarService& calendar)
      : policies_(policies), calendar_(calendar) {}

  /// Errors are invalid_argument with `field` set to policy, rule, channel, from or
  /// outside_works. `allow_policy_files` is for the CLI only.
  Result<DeadlineOutcome> Compute(const DeadlineQuery& query, bool allow_policy_files) const;

 private:
  const PolicyRegistry& policies_;
  CalendarService& calendar_;
};

}  // namespace hearth::services

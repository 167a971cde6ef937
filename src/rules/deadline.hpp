// The deadline engine: every timed obligation of RULES.md, computed from one policy profile and
// the working-day calendar.
//
// Rules and their `from`: R-WO-2 return / R-WO-3 reply (receipt, per channel), R-WO-3
// reply-extension (the original reply deadline), R-WO-4 response (acceptance), R-WO-6 return-visit
// (completion of the service), R-REPAIR-1 leak (request) and arrival (acceptance), R-OUT-1
// outage-notice (planned start; the answer is the latest publication time) and emergency-notice
// (start of the stop), R-REFUND-6 refund-payment, R-INS-1 insurance-payout (agreement on the
// amount), R-CONN-1 connection-decision (application) and connection-application (the date the
// applicant wants; the answer is the due date of the season it can still catch).
//
// Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "rules/calendar.hpp"
#include "rules/period.hpp"
#include "rules/policy.hpp"

namespace hearth::rules {

enum class DeadlineRule {
  kReturn,
  kReply,
  kReplyExtension,
  kResponse,
  kReturnVisit,
  kLeak,
  kArrival,
  kOutageNotice,
  kEmergencyNotice,
  kRefundPayment,
  kInsurancePayout,
  kConnectionDecision,
  kConnectionApplication,
};

/// Wire names ("reply-extension", "city-hotline"); Parse* return nullopt for unknown names.
std::string_view DeadlineRuleName(DeadlineRule rule);
std::optional<DeadlineRule> ParseDeadlineRule(std::string_view name);
std::string_view ChannelName(Channel channel);
std::optional<Channel> ParseChannel(std::string_view name);
/// "return, reply, …": for error messages.
std::string AllDeadlineRuleNames();
std::string AllChannelNames();

struct DeadlineRequest {
  DeadlineRule rule = DeadlineRule::kReply;
  std::optional<Channel> channel;  ///< required by return, reply and reply-extension only
  Instant from;
  bool outside_works = false;      ///< connection-decision only
  /// response only: the official start of the season `from` falls in, as the household's
  /// district decided it (R-SEASON-1); unset, the profile's default dates decide R-WO-4's first
  /// days. A time before this season's start is not in its first days.
  std::optional<Date> official_start;
};

struct DeadlineAnswer {
  Instant deadline;
  bool calendar_incomplete = false;
  Basis basis;
};

/// Computes the deadline. Errors (invalid_argument, with field "channel" or "outside_works") when
/// the channel is missing, given to a rule that takes none, or not allowed for the rule by the
/// profile, or when outside_works is set for another rule than connection-decision (field
/// "outside_works"), or official_start for another rule than response (field "official_start").
Result<DeadlineAnswer> ComputeDeadline(const Policy& policy, const HolidayCalendar& calendar,
                                       const DeadlineRequest& request);

/// Applies a forward period to `from` by R-CAL-2.
Counted ApplyPeriod(const HolidayCalendar& calendar, Instant from, const Period& period);

}  // namespace hearth::rules

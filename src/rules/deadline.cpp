#include "rules/deadline.hpp"

#include <array>
#include <utility>

#include "rules/period.hpp"

namespace hearth::rules {
namespace {

constexpr std::array<std::pair<DeadlineRule, std::string_view>, 13> kRuleNames = {{
    {DeadlineRule::kReturn, "return"},
    {DeadlineRule::kReply, "reply"},
    {DeadlineRule::kReplyExtension, "reply-extension"},
    {DeadlineRule::kResponse, "response"},
    {DeadlineRule::kReturnVisit, "return-visit"},
    {DeadlineRule::kLeak, "leak"},
    {DeadlineRule::kArrival, "arrival"},
    {DeadlineRule::kOutageNotice, "outage-notice"},
    {DeadlineRule::kEmergencyNotice, "emergency-notice"},
    {DeadlineRule::kRefundPayment, "refund-payment"},
    {DeadlineRule::kInsurancePayout, "insurance-payout"},
    {DeadlineRule::kConnectionDecision, "connection-decision"},
    {DeadlineRule::kConnectionApplication, "connection-application"},
}};

constexpr std::array<std::pair<Channel, std::string_view>, 9> kChannelNames = {{
    {Channel::kCityHotline, "city-hotline"},
    {Channel::kProvincialHotline, "provincial-hotline"},
    {Channel::kOnReceipt, "on-receipt"},
    {Channel::kInternetPlus, "internet-plus"},
    {Channel::kFirstQuestion, "first-question"},
    {Channel::kUrgent, "urgent"},
    {Channel::kPhone, "phone"},
    {Channel::kWeb, "web"},
    {Channel::kHall, "hall"},
}};

template <typename Map>
std::string JoinNames(const Map& map) {
  std::string out;
  for (const auto& [key, name] : map) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

// The channel table of a rule that is keyed by channel, or nullptr.
const std::map<Channel, Period>* ChannelTable(const DeadlinePolicy& d, DeadlineRule rule) {
  switch (rule) {
    case DeadlineRule::kReturn: return &d.return_order;
    case DeadlineRule::kReply: return &d.reply;
    case DeadlineRule::kReplyExtension: return &d.reply_extension;
    default: return nullptr;
  }
}

// R-WO-4: is `from` within the first `days` days of the official period of its season? The
// season's official start is `official_start` when given (the district's decided date), else the
// profile's default.
bool InEarlySeason(const SeasonPolicy& season, std::optional<Date> official_start, int days,
                   Instant from) {
  Date d = LocalDate(from);
  if (official_start) return d >= *official_start && d < *official_start + std::chrono::days{days};
  const MonthDay& start = season.official_start.value;
  auto s = MakeDate(YearOf(d), start.month, start.day);
  if (!s.ok()) return false;
  Date start_date = *s;
  if (start_date > d) {
    auto prev = MakeDate(YearOf(d) - 1, start.month, start.day);
    if (!prev.ok()) return false;
    start_date = *prev;
  }
  return d < start_date + std::chrono::days{days};
}

Result<DeadlineAnswer> Answer(const HolidayCalendar& cal, Instant from, const Period& p) {
  Counted c = ApplyPeriod(cal, from, p);
  return DeadlineAnswer{c.at, c.calendar_incomplete, p.basis};
}

DeadlineAnswer AtMonthDay(Instant from, const Cited<MonthDay>& md) {
  return {NextMonthDay(from, md.value.month, md.value.day), false, md.basis};
}

}  // namespace

std::string_view DeadlineRuleName(DeadlineRule rule) {
  for (const auto& [r, name] : kRuleNames) {
    if (r == rule) return name;
  }
  return "unknown";
}

std::optional<DeadlineRule> ParseDeadlineRule(std::string_view name) {
  for (const auto& [r, n] : kRuleNames) {
    if (n == name) return r;
  }
  return std::nullopt;
}

std::string_view ChannelName(Channel channel) {
  for (const auto& [c, name] : kChannelNames) {
    if (c == channel) return name;
  }
  return "unknown";
}

std::optional<Channel> ParseChannel(std::string_view name) {
  for (const auto& [c, n] : kChannelNames) {
    if (n == name) return c;
  }
  return std::nullopt;
}

std::string AllDeadlineRuleNames() { return JoinNames(kRuleNames); }
std::string AllChannelNames() { return JoinNames(kChannelNames); }

Counted ApplyPeriod(const HolidayCalendar& calendar, Instant from, const Period& period) {
  switch (period.unit) {
    case PeriodUnit::kWorkingDays: return AddWorkingDays(calendar, from, period.amount);
    case PeriodUnit::kCalendarDays: return {AddCalendarDays(from, period.amount), false};
    case PeriodUnit::kHours: return {from + std::chrono::hours{period.amount}, false};
    case PeriodUnit::kMinutes: return {from + std::chrono::minutes{period.amount}, false};
    case PeriodUnit::kImmediate: return {from, false};
  }
  return {from, false};
}

Result<DeadlineAnswer> ComputeDeadline(const Policy& policy, const HolidayCalendar& calendar,
                                       const DeadlineRequest& req) {
  const DeadlinePolicy& d = policy.deadlines;
  // The names are spelled out only for an error: a deadline is computed on every step of every
  // work order, and allocates nothing on the way.
  const std::string_view rule_name = DeadlineRuleName(req.rule);
  if (req.official_start && req.rule != DeadlineRule::kResponse) {
    return Error::InvalidArgument(
        "a season's official start applies to rule response only, not " + std::string(rule_name),
        "official_start");
  }
  if (req.outside_works && req.rule != DeadlineRule::kConnectionDecision) {
    return Error::InvalidArgument(
        "outside works apply to rule connection-decision only, not " + std::string(rule_name),
        "outside_works");
  }
  const auto* table = ChannelTable(d, req.rule);
  if (table == nullptr) {
    if (req.channel) {
      return Error::InvalidArgument("rule " + std::string(rule_name) + " takes no channel",
                                    "channel");
    }
  } else {
    auto allowed = [table] {
      std::string out;
      for (const auto& [channel, period] : *table) {
        out += (out.empty() ? "" : ", ") + std::string(ChannelName(channel));
      }
      return out;
    };
    if (!req.channel) {
      return Error::InvalidArgument(
          "rule " + std::string(rule_name) + " needs a channel: one of " + allowed(), "channel");
    }
    auto it = table->find(*req.channel);
    if (it == table->end()) {
      return Error::InvalidArgument("channel " + std::string(ChannelName(*req.channel)) +
                                        " is not allowed for rule " + std::string(rule_name) +
                                        "; allowed: " + allowed(),
                                    "channel");
    }
    return Answer(calendar, req.from, it->second);
  }

  switch (req.rule) {
    case DeadlineRule::kResponse: {
      bool early = InEarlySeason(policy.season, req.official_start,
                                 d.response_early_season_days.value, req.from);
      return Answer(calendar, req.from, early ? d.response_early_season : d.response);
    }
    case DeadlineRule::kReturnVisit: return Answer(calendar, req.from, d.return_visit);
    case DeadlineRule::kLeak: return Answer(calendar, req.from, d.leak);
    case DeadlineRule::kArrival: return Answer(calendar, req.from, d.arrival);
    case DeadlineRule::kOutageNotice: {
      // The notice must be out `lead` before the planned start; the period runs backwards.
      // The profile loader admits only hours or minutes here.
      const Period& p = d.outage_notice_lead;
      std::chrono::minutes lead{p.unit == PeriodUnit::kHours ? p.amount * 60 : p.amount};
      return DeadlineAnswer{req.from - lead, false, p.basis};
    }
    case DeadlineRule::kEmergencyNotice: return Answer(calendar, req.from, d.emergency_notice);
    case DeadlineRule::kRefundPayment: return AtMonthDay(req.from, d.refund_payment);
    case DeadlineRule::kInsurancePayout: return Answer(calendar, req.from, d.insurance_payout);
    case DeadlineRule::kConnectionDecision:
      return Answer(calendar, req.from,
                    req.outside_works ? d.connection_with_outside_works
                                      : d.connection_without_outside_works);
    case DeadlineRule::kConnectionApplication:
      return AtMonthDay(req.from, d.connection_application);
    case DeadlineRule::kReturn:
    case DeadlineRule::kReply:
    case DeadlineRule::kReplyExtension: break;  // handled above
  }
  return Error::Internal("unhandled deadline rule " + std::string(rule_name));
}

}  // namespace hearth::rules

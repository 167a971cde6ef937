#include "rules/arrears.hpp"

#include <algorithm>
#include <set>
#include <string>

namespace hearth::rules {

std::string_view ReminderChannelName(ReminderChannel c) {
  switch (c) {
    case ReminderChannel::kNotice: return "notice";
    case ReminderChannel::kSms: return "sms";
    case ReminderChannel::kWechat: return "wechat";
    case ReminderChannel::kLetter: return "letter";
  }
  return "notice";
}

std::optional<ReminderChannel> ParseReminderChannel(std::string_view name) {
  for (auto c : {ReminderChannel::kNotice, ReminderChannel::kSms, ReminderChannel::kWechat,
                 ReminderChannel::kLetter}) {
    if (ReminderChannelName(c) == name) return c;
  }
  return std::nullopt;
}

bool SentByPlatform(ReminderChannel c) {
  return c == ReminderChannel::kSms || c == ReminderChannel::kWechat;
}

Status CheckStopSteps(const StopSteps& steps) {
  if (steps.reminders < 1 || steps.reminders > 10) {
    return Error::InvalidArgument(
        "the contract's arrears_reminders must be 1 to 10: W 9.2.2 stops heat only after "
        "reminding",
        "contract");
  }
  if (steps.notice_days < 1 || steps.notice_days > 90) {
    return Error::InvalidArgument("the contract's arrears_notice_days must be 1 to 90",
                                  "contract");
  }
  return OkStatus();
}

ArrearsStanding StandingOf(const FeeFacts& fee, std::span<const ReminderFact> reminders,
                           Date today, const StopSteps& steps) {
  ArrearsStanding s;
  s.outstanding_fen = std::max<int64_t>(0, fee.amount_fen - fee.paid_fen);
  s.overdue = s.outstanding_fen > 0 && today > fee.due_on;
  if (s.overdue) s.days_overdue = static_cast<int>((today - fee.due_on).count());
  std::set<Date> days;
  for (const ReminderFact& r : reminders) {
    if (r.proven) days.insert(r.day);
  }
  s.reminders_proven = static_cast<int>(days.size());
  if (!days.empty()) s.last_proven = *days.rbegin();
  if (s.outstanding_fen > 0 && s.reminders_proven >= steps.reminders) {
    s.may_stop_from = *s.last_proven + std::chrono::days{steps.notice_days};
  }
  return s;
}

Status CheckMayRemind(const ArrearsStanding& standing) {
  if (!standing.overdue) {
    return Error::FailedPrecondition(
        standing.outstanding_fen == 0 ? "the fee is paid: there is nothing to remind of"
                                      : "the fee is not yet due: a reminder waits for the day "
                                        "after its due day",
        "fee");
  }
  return OkStatus();
}

Status CheckStopForArrears(const ArrearsStanding& standing, const StopSteps& steps, bool heated,
                           Date effective, Date today) {
  if (!standing.overdue) {
    return Error::FailedPrecondition("the fee is not overdue and owed: heat is not stopped for it",
                                     "fee");
  }
  if (!heated) {
    return Error::FailedPrecondition("the household's heat is already stopped", "household");
  }
  if (standing.reminders_proven < steps.reminders) {
    return Error::FailedPrecondition(
        "W 9.2.2 stops heat only after reminding: " + std::to_string(standing.reminders_proven) +
            " proven reminder(s) on different days, the contract's steps ask " +
            std::to_string(steps.reminders),
        "reminders");
  }
  if (effective < today) {
    return Error::FailedPrecondition("a stop takes effect from the day it is decided or later",
                                     "effective");
  }
  if (standing.may_stop_from && effective < *standing.may_stop_from) {
    return Error::FailedPrecondition(
        "the household has " + std::to_string(steps.notice_days) +
            " days from the last proven reminder to pay: the stop may take effect from " +
            FormatDate(*standing.may_stop_from),
        "effective");
  }
  return OkStatus();
}

}  // namespace hearth::rules

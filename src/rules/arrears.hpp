// Arrears (R-BILL-1, W 9.2.2): when a fee is overdue, which reminders count, and when heat may
// be stopped for it.
//
// W 9.2.2: a household that does not pay by the agreed time is reminded (催费) by a posted notice
// (张贴告知), an SMS, a WeChat message or the like, and the company keeps the proof (保留催费证明);
// if it still does not pay after being reminded (经催收后仍不交纳), the company may stop its heat
// or act as the contract says.
//
// - A fee is overdue from the day after its due day while its payments fall short of its amount.
// - A reminder is proven when the company can show it reached the household: a posted notice or a
//   letter is recorded by the hall with its proof (where and how, a photo's reference); an SMS or a
//   WeChat message is proven once the gateway took it (the outbox's delivery). One still queued,
//   or failing, proves nothing yet.
//
// Decisions (the platform's, where the texts are open):
// - A stop needs kDefaultStopSteps: two proven reminders on different days (催收 after a first
//   notice), the stop taking effect at least 7 days after the last of them, so that the household
//   has a week to pay. The contract may set its own steps (1 to 10 reminders, 1 to 90 days), never
//   none: W 9.2.2 allows a stop only after reminding.
// - Reminders are taken only while the fee is overdue and owed; a stop only while the household
//   is heated, effective from the decision's day or later (never backdated).
// - A household in arrears keeps its statutory rights: refunds are owed and complaints handled.
//   Nothing here touches them; a stop for arrears is an approved stop (rules/heating_change.hpp)
//   from its effective day, and the days before it are judged as ever.
//
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "core/civil_time.hpp"
#include "core/result.hpp"

namespace hearth::rules {

enum class ReminderChannel { kNotice, kSms, kWechat, kLetter };

/// Wire names: "notice", "sms", "wechat", "letter"; nullopt otherwise.
std::string_view ReminderChannelName(ReminderChannel c);
std::optional<ReminderChannel> ParseReminderChannel(std::string_view name);
/// SMS and WeChat are sent by the platform (the outbox); a notice and a letter are delivered by
/// hand and recorded with their proof.
bool SentByPlatform(ReminderChannel c);

/// The contract's steps before heat may stop for arrears.
struct StopSteps {
  int reminders = 2;    ///< proven reminders, on different days
  int notice_days = 7;  ///< from the last of them to the stop's effective day
};
inline constexpr StopSteps kDefaultStopSteps{};
/// invalid_argument (field "contract") unless 1..10 reminders and 1..90 days.
Status CheckStopSteps(const StopSteps& steps);

struct ReminderFact {
  Date day;  ///< the local day it was sent or posted
  bool proven = false;
};

struct FeeFacts {
  int64_t amount_fen = 0;
  int64_t paid_fen = 0;
  Date due_on;
};

struct ArrearsStanding {
  int64_t outstanding_fen = 0;  ///< never negative
  bool overdue = false;         ///< owed, and `today` is past the due day
  int days_overdue = 0;         ///< 0 unless overdue
  int reminders_proven = 0;     ///< distinct days with a proven reminder
  std::optional<Date> last_proven;
  /// The first day a stop may take effect by the steps (may be before today); none until enough
  /// reminders are proven or when nothing is owed.
  std::optional<Date> may_stop_from;
};

ArrearsStanding StandingOf(const FeeFacts& fee, std::span<const ReminderFact> reminders,
                           Date today, const StopSteps& steps);

/// failed_precondition (field "fee") unless the fee is overdue and owed.
Status CheckMayRemind(const ArrearsStanding& standing);

/// A stop effective on `effective`, decided on `today`, for a household heated or not:
/// failed_precondition naming "fee" (nothing overdue), "household" (already stopped),
/// "reminders" (fewer proven than the steps ask) or "effective" (before today, or before
/// may_stop_from).
Status CheckStopForArrears(const ArrearsStanding& standing, const StopSteps& steps, bool heated,
                           Date effective, Date today);

}  // namespace hearth::rules

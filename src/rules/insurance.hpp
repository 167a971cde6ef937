// Insurance claims (R-INS-1, W 13): what a claim is, who moves it through its states, the
// exclusions with their clauses, and its two deadlines.
//
// R-INS-1 [W 13]: after a loss the company notifies the insurer at once (W 13.3 第一时间) and
// records the loss with photos; once both sides agree on the amount, it pays the household within
// 30 working days (W 13.5; the profile's insurance-payout period, rules/deadline.hpp). It owes
// nothing for the household's own installation, an installation the household altered, a fault in
// the builder's warranty period, or indirect loss (W 13.6 a–d). What the insurer covers is as
// the policy says (W 13.5 以保单为准), but a loss the company owes and the policy does not cover
// is still owed: only W 13.6 rejects a claim.
//
// Decisions (the texts are open here; the platform's):
// - "At once" is kNotifyWithin (24 hours) of the claim's recording (the company cannot notify
//   before it knows; the incident's time is shown beside it): later is shown as late.
// - The photos are required at recording (W 13.3 应留有影像资料).
// - The amount is agreed between the company and the household (W 13.5 双方); the household has
//   no step of its own here: the company's manager records the agreement, and the household is
//   told of it at once through the outbox.
// - Every time on a claim is the server's: the company is the judged party and does not date its
//   own notification, agreement or payment.
// - The company's staff record a claim (an agent on the household's call, a technician on site)
//   and notify the insurer; only the admin or a manager agrees an amount, pays, or rejects. A
//   claim is rejected only with its exclusion and a note, and never after agreement: once the
//   amount is agreed the company owes it.
// - A payment pays the agreed amount, once; it may come late, and then says so.
//
// Pure; thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "rules/access.hpp"
#include "rules/policy.hpp"
#include "rules/work_order.hpp"

namespace hearth::rules {

enum class ClaimState { kRecorded, kInsurerNotified, kAgreed, kPaid, kRejected };
enum class ClaimAction { kRecord, kNotifyInsurer, kAgree, kPay, kReject };
/// W 13.6 a–d.
enum class ClaimExclusion { kOwnInstallation, kSelfAltered, kBuilderWarranty, kIndirectLoss };

/// "At once" (W 13.3 第一时间), as the platform reads it.
inline constexpr auto kNotifyWithin = std::chrono::hours{24};
/// The largest amount a claim may agree: 10 million yuan, in fen.
inline constexpr int64_t kMaxClaimFen = 1'000'000'000;

/// Wire names: "recorded", "insurer-notified", "agreed", "paid", "rejected"; "record",
/// "notify-insurer", "agree", "pay", "reject"; "own-installation", "self-altered",
/// "builder-warranty", "indirect-loss". Parsers return nullopt otherwise.
std::string_view ClaimStateName(ClaimState s);
std::optional<ClaimState> ParseClaimState(std::string_view name);
std::string_view ClaimActionName(ClaimAction a);
std::optional<ClaimAction> ParseClaimAction(std::string_view name);
std::string_view ClaimExclusionName(ClaimExclusion e);
std::optional<ClaimExclusion> ParseClaimExclusion(std::string_view name);
/// The clause of an exclusion: "W 13.6 a" … "W 13.6 d".
std::string_view ExclusionClause(ClaimExclusion e);
/// "own-installation, self-altered, …": for error messages.
const std::string& ClaimExclusionNames();

/// What a move carries besides who takes it.
struct ClaimMoveInput {
  std::optional<int64_t> amount_fen;        ///< agree: required, 1..kMaxClaimFen
  std::optional<ClaimExclusion> exclusion;  ///< reject: required
  std::string insurer;                      ///< notify-insurer: required
  std::string reference;  ///< notify-insurer: the insurer's report number; pay: the payment's
  std::string note;       ///< reject: required
};

/// The state after `role` takes `action` (not kRecord) on a claim in `state`. Errors:
/// permission_denied when the role may not take the action; failed_precondition when the state
/// does not allow it; invalid_argument naming the field that a move lacks or does not take
/// ("amount", "exclusion", "insurer", "note").
Result<ClaimState> ApplyClaim(ClaimState state, ClaimAction action, Role role,
                              const ClaimMoveInput& input);

/// The actions `role` may take on a claim in `state`, in a stable order.
std::vector<ClaimAction> AllowedClaimActions(ClaimState state, Role role);

/// Who may record a claim: the company's staff.
bool MayRecordClaim(Role role);

/// A claim's times as its deadlines need them.
struct ClaimTimes {
  Instant recorded_at;
  std::optional<Instant> notified_at, agreed_at, paid_at, rejected_at;
};

/// The claim's deadlines, each with its basis and met time:
/// - notify (OrderDeadline unused): from recording, kNotifyWithin, met by the notification;
///   lapsed when the claim was agreed or rejected without one before it was due (W 13.1 makes
///   the insurance optional: a company may settle a loss itself); one missed stays overdue;
/// - payout: from agreement, the profile's insurance-payout period over the working-day
///   calendar, met by the payment; absent before agreement.
struct ClaimDeadlines {
  DeadlineStatus notify;
  std::optional<DeadlineStatus> payout;
};
ClaimDeadlines ClaimDeadlinesOf(const Policy& policy, const HolidayCalendar& calendar,
                                const ClaimTimes& times);

}  // namespace hearth::rules

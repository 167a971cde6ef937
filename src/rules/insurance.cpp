#include "rules/insurance.hpp"

#include <array>
#include <utility>

#include "rules/deadline.hpp"
#include "rules/wire_names.hpp"

namespace hearth::rules {
namespace {

constexpr NameTable<ClaimState, 5> kStates = {{
    {ClaimState::kRecorded, "recorded"},
    {ClaimState::kInsurerNotified, "insurer-notified"},
    {ClaimState::kAgreed, "agreed"},
    {ClaimState::kPaid, "paid"},
    {ClaimState::kRejected, "rejected"},
}};
constexpr NameTable<ClaimAction, 5> kActions = {{
    {ClaimAction::kRecord, "record"},
    {ClaimAction::kNotifyInsurer, "notify-insurer"},
    {ClaimAction::kAgree, "agree"},
    {ClaimAction::kPay, "pay"},
    {ClaimAction::kReject, "reject"},
}};
constexpr NameTable<ClaimExclusion, 4> kExclusions = {{
    {ClaimExclusion::kOwnInstallation, "own-installation"},
    {ClaimExclusion::kSelfAltered, "self-altered"},
    {ClaimExclusion::kBuilderWarranty, "builder-warranty"},
    {ClaimExclusion::kIndirectLoss, "indirect-loss"},
}};
constexpr NameTable<ClaimExclusion, 4> kClauses = {{
    {ClaimExclusion::kOwnInstallation, "W 13.6 a"},
    {ClaimExclusion::kSelfAltered, "W 13.6 b"},
    {ClaimExclusion::kBuilderWarranty, "W 13.6 c"},
    {ClaimExclusion::kIndirectLoss, "W 13.6 d"},
}};

bool Staff(Role r) {
  return r == Role::kAdmin || r == Role::kManager || r == Role::kAgent || r == Role::kTechnician;
}
bool Deciders(Role r) { return r == Role::kAdmin || r == Role::kManager; }

/// Who may take the action at all.
bool RoleMay(ClaimAction a, Role r) {
  switch (a) {
    case ClaimAction::kRecord:
    case ClaimAction::kNotifyInsurer:
      return Staff(r);
    case ClaimAction::kAgree:
    case ClaimAction::kPay:
    case ClaimAction::kReject:
      return Deciders(r);
  }
  return false;
}

bool StateAllows(ClaimAction a, ClaimState s) {
  switch (a) {
    case ClaimAction::kRecord:
      return false;
    case ClaimAction::kNotifyInsurer:
      return s == ClaimState::kRecorded;
    case ClaimAction::kAgree:
      return s == ClaimState::kRecorded || s == ClaimState::kInsurerNotified;
    case ClaimAction::kPay:
      return s == ClaimState::kAgreed;
    case ClaimAction::kReject:
      return s == ClaimState::kRecorded || s == ClaimState::kInsurerNotified;
  }
  return false;
}

const char* WhoMay(ClaimAction a) {
  return a == ClaimAction::kRecord || a == ClaimAction::kNotifyInsurer
             ? "a claim is recorded and reported to the insurer by the company's staff"
             : "only the company's admin or a manager agrees, pays or rejects a claim";
}

bool Blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

/// What each move takes, and refuses.
Status CheckInput(ClaimAction a, const ClaimMoveInput& in) {
  if (a != ClaimAction::kAgree && in.amount_fen) {
    return Error::InvalidArgument("only agree takes an amount", "amount");
  }
  if (a != ClaimAction::kReject && in.exclusion) {
    return Error::InvalidArgument("only reject takes an exclusion", "exclusion");
  }
  if (a != ClaimAction::kNotifyInsurer && !in.insurer.empty()) {
    return Error::InvalidArgument("only notify-insurer takes the insurer", "insurer");
  }
  if (a != ClaimAction::kNotifyInsurer && a != ClaimAction::kPay && !in.reference.empty()) {
    return Error::InvalidArgument(
        "only notify-insurer (the insurer's report number) and pay (the payment's) take a "
        "reference",
        "reference");
  }
  switch (a) {
    case ClaimAction::kAgree:
      if (!in.amount_fen) {
        return Error::InvalidArgument("agree needs the amount both sides agreed (W 13.5)",
                                      "amount");
      }
      if (*in.amount_fen <= 0 || *in.amount_fen > kMaxClaimFen) {
        return Error::InvalidArgument("amount must be from 0.01 to 10000000.00 yuan", "amount");
      }
      break;
    case ClaimAction::kReject:
      if (!in.exclusion) {
        return Error::InvalidArgument(
            "reject needs the exclusion: one of " + ClaimExclusionNames() + " (W 13.6)",
            "exclusion");
      }
      if (Blank(in.note)) {
        return Error::InvalidArgument("a note is required to reject a claim: say why", "note");
      }
      break;
    case ClaimAction::kNotifyInsurer:
      if (Blank(in.insurer)) {
        return Error::InvalidArgument("notify-insurer needs the insurer's name", "insurer");
      }
      break;
    case ClaimAction::kRecord:
    case ClaimAction::kPay:
      break;
  }
  return OkStatus();
}

DeadlineStatus Deadline(Instant from, Counted due, Basis basis, std::optional<Instant> met) {
  DeadlineStatus d;
  d.from = from;
  d.due = due.at;
  d.calendar_incomplete = due.calendar_incomplete;
  d.basis = std::move(basis);
  d.met_at = met;
  return d;
}

}  // namespace

std::string_view ClaimStateName(ClaimState s) { return NameIn(kStates, s); }
std::optional<ClaimState> ParseClaimState(std::string_view n) { return ParseIn(kStates, n); }
std::string_view ClaimActionName(ClaimAction a) { return NameIn(kActions, a); }
std::optional<ClaimAction> ParseClaimAction(std::string_view n) { return ParseIn(kActions, n); }

std::string_view ClaimExclusionName(ClaimExclusion e) { return NameIn(kExclusions, e); }
std::optional<ClaimExclusion> ParseClaimExclusion(std::string_view name) {
  return ParseIn(kExclusions, name);
}
std::string_view ExclusionClause(ClaimExclusion e) { return NameIn(kClauses, e); }
const std::string& ClaimExclusionNames() {
  static const std::string names = [] {
    std::string out;
    for (const auto& [e, name] : kExclusions) out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
  }();
  return names;
}

bool MayRecordClaim(Role role) { return Staff(role); }

Result<ClaimState> ApplyClaim(ClaimState state, ClaimAction action, Role role,
                              const ClaimMoveInput& input) {
  if (action == ClaimAction::kRecord) {
    return Error::InvalidArgument("a claim is recorded once", "type");
  }
  if (!RoleMay(action, role)) return Error::PermissionDenied(WhoMay(action));
  if (!StateAllows(action, state)) {
    return Error::FailedPrecondition("a claim that is " + std::string(ClaimStateName(state)) +
                                     " cannot take " + std::string(ClaimActionName(action)));
  }
  if (auto s = CheckInput(action, input); !s.ok()) return s.error();
  switch (action) {
    case ClaimAction::kNotifyInsurer:
      return ClaimState::kInsurerNotified;
    case ClaimAction::kAgree:
      return ClaimState::kAgreed;
    case ClaimAction::kPay:
      return ClaimState::kPaid;
    case ClaimAction::kReject:
      return ClaimState::kRejected;
    case ClaimAction::kRecord:
      break;
  }
  return Error::Internal("unhandled claim action");
}

std::vector<ClaimAction> AllowedClaimActions(ClaimState state, Role role) {
  std::vector<ClaimAction> out;
  for (const auto& [action, name] : kActions) {
    if (action != ClaimAction::kRecord && RoleMay(action, role) && StateAllows(action, state)) {
      out.push_back(action);
    }
  }
  return out;
}

ClaimDeadlines ClaimDeadlinesOf(const Policy& policy, const HolidayCalendar& calendar,
                                const ClaimTimes& t) {
  ClaimDeadlines out;
  out.notify =
      Deadline(t.recorded_at, {t.recorded_at + kNotifyWithin, false},
               {"R-INS-1, W 13.3", true, "第一时间: within 24 hours of recording"}, t.notified_at);
  // Settled without the insurer in time (W 13.1 makes the insurance optional: the company
  // pays itself); a notification missed before the settlement stays overdue.
  const std::optional<Instant> settled = t.agreed_at ? t.agreed_at : t.rejected_at;
  out.notify.lapsed = !t.notified_at && settled && *settled <= out.notify.due;
  if (t.agreed_at) {
    const Period& p = policy.deadlines.insurance_payout;
    out.payout = Deadline(*t.agreed_at, ApplyPeriod(calendar, *t.agreed_at, p), p.basis, t.paid_at);
  }
  return out;
}

}  // namespace hearth::rules

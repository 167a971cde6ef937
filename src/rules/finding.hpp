// Household-caused findings (R-REFUND-4, issue 15): what a finding is, who may move it through
// its states, and which days it covers.
//
// R-REFUND-4 [Z 2.4, W 10.3 (10.1 d/e)]: no refund for days whose shortfall the household caused
// (unauthorised drain or vent valves, heat exchangers, altered pipes, pipe pumps, added
// radiators, a fault of its own installation). The finding is recorded with evidence and a
// validity period; on the days it covers, the temperature share (R-REFUND-1) is not refunded.
// It never removes the 100 % of a day not heated for the company's reasons (R-REFUND-2; that is
// rules/refund.cpp's ShareOfDay).
//
// Decisions (the texts are open here; the platform's):
// - The company is the judged party, so its finding is checked: the household sees it at once
//   (the outbox tells it) and may acknowledge it or dispute it. A disputed finding removes no
//   share until the regulator upholds it; a rejected or withdrawn one never does. An open
//   finding counts: the household's silence does not hold the company's evidence back, and the
//   household may dispute for as long as it is open.
// - Acknowledging is final for the household; the regulator decides a dispute once. The company
//   (admin or manager) may withdraw a finding in any state but rejected or withdrawn.
// - A finding covers days from the day it was made on, never before: what was found shows the
//   installation as it was that day (valid_from >= the local day of found_at). Its period is at
//   most kMaxFindingDays long, and it was found no later than now.
// - Several findings on one day: the one with the lowest id names the day.
//
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "rules/access.hpp"

namespace hearth::rules {

enum class FindingKind {
  kDrainValve,
  kVentValve,
  kHeatExchanger,
  kAlteredPipes,
  kPipePump,
  kAddedRadiators,
  kOwnInstallation,
};
enum class FindingState { kOpen, kAcknowledged, kDisputed, kUpheld, kRejected, kWithdrawn };
enum class FindingAction { kRecord, kAcknowledge, kDispute, kUphold, kReject, kWithdraw };

/// The longest validity period of one finding, in days (a season and its extensions fit).
inline constexpr int kMaxFindingDays = 366;

/// Wire names: "drain-valve", "vent-valve", "heat-exchanger", "altered-pipes", "pipe-pump",
/// "added-radiators", "own-installation"; "open", "acknowledged", "disputed", "upheld",
/// "rejected", "withdrawn"; "record", "acknowledge", "dispute", "uphold", "reject", "withdraw".
/// The parsers return nullopt for any other text.
std::string_view FindingKindName(FindingKind k);
std::optional<FindingKind> ParseFindingKind(std::string_view name);
std::string_view FindingStateName(FindingState s);
std::optional<FindingState> ParseFindingState(std::string_view name);
std::string_view FindingActionName(FindingAction a);
std::optional<FindingAction> ParseFindingAction(std::string_view name);
/// "drain-valve, vent-valve, …": for error messages.
std::string_view FindingKindNames();

/// Does a finding in state `s` remove the temperature share of the days it covers? Open,
/// acknowledged and upheld ones do.
bool Effective(FindingState s);

/// The state after `role` takes `action` (not kRecord) on a finding in `state`.
/// Errors: permission_denied when the role may not take the action at all; failed_precondition
/// when the state does not allow it; invalid_argument (field "note") when a dispute, a decision
/// or a withdrawal comes without a note.
Result<FindingState> Apply(FindingState state, FindingAction action, Role role,
                           std::string_view note);

/// The actions `role` may take on a finding in `state`, in a stable order.
std::vector<FindingAction> AllowedActions(FindingState state, Role role);

/// Checks a new finding's times at `now`. invalid_argument naming the field: found_at after
/// `now` ("found_at"); valid_from before found_at's local day ("valid_from"); valid_to before
/// valid_from, or a period longer than kMaxFindingDays ("valid_to").
Status CheckFindingPeriod(Instant found_at, Date valid_from, Date valid_to, Instant now);

/// A finding as the days see it.
struct FindingCover {
  int64_t id = 0;
  Date valid_from, valid_to;  ///< inclusive
  FindingState state = FindingState::kOpen;
};

/// The effective finding that names each day of [from, to] it covers (lowest id first).
std::map<Date, int64_t> CoveredDays(std::span<const FindingCover> findings, Date from, Date to);

}  // namespace hearth::rules

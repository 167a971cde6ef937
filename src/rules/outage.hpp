// Heating stops (issue 15): what a stop owes its households in notices (R-OUT-1), and how long
// it cut them off on each local day (R-REFUND-2).
//
// R-OUT-1 [Z 2.4, W 6.3.1]: a planned stop lasting more than the profile's hours (24 h) is
// announced at least the profile's lead (48 h) before it starts; an emergency stop is announced
// within the profile's limit (1 h, a platform default); a stop that overruns its announced
// restoration time is announced again.
//
// Decisions (the documents are open here; the platform's):
// - A planned stop's length is its expected end minus its start as first recorded; exactly 24 h
//   owes no advance notice ("more than").
// - An overrun is announced again within the emergency limit of the passed announced end: the
//   stop has become an unplanned one from that moment.
// - The announced end is the expected end of the latest notice published before it passed
//   (the stop's own expected end before any notice). A notice published before the announced end
//   that moves it later is a timely re-announcement: no overrun.
// - A stop restored before its overrun notice was due owes no notice for that overrun: the
//   restoration meets it.
// - An obligation is met (a notice by its due time), late (the first notice after it), pending
//   (none yet, not yet due) or overdue (none, past due).
//
// Pure; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "rules/calendar.hpp"
#include "rules/policy.hpp"

namespace hearth::rules {

enum class OutageKind { kPlanned, kEmergency };
enum class NoticeDuty { kAdvance, kEmergency, kOverrun };
enum class DutyState { kMet, kLate, kPending, kOverdue };

/// Wire names: "planned", "emergency"; "advance", "emergency", "overrun"; "met", "late",
/// "pending", "overdue". ParseOutageKind returns nullopt for any other text.
std::string_view OutageKindName(OutageKind k);
std::optional<OutageKind> ParseOutageKind(std::string_view name);
std::string_view NoticeDutyName(NoticeDuty d);
std::string_view DutyStateName(DutyState s);

struct OutageTimes {
  OutageKind kind = OutageKind::kPlanned;
  Instant start;
  Instant expected_end;               ///< as first recorded
  std::optional<Instant> actual_end;  ///< unset while the stop goes on
};

/// A notice as published: when, and the restoration time it announced.
struct PublishedNotice {
  Instant at;
  Instant expected_end;
};

struct NoticeObligation {
  NoticeDuty duty = NoticeDuty::kAdvance;
  Instant due;
  Basis basis;
  bool calendar_incomplete = false;
  DutyState state = DutyState::kPending;
  std::optional<Instant> met_at;         ///< the notice (or restoration) that answered it
  std::optional<Instant> announced_end;  ///< overrun only: the announced end that passed
};

/// Every notice obligation of a stop at `now`, in the order they arose. `notices` may come in any
/// order. Errors (invalid_argument) when the expected end is not after the start (field
/// "expected_end"), or the actual end is before the start (field "at").
Result<std::vector<NoticeObligation>> NoticeObligations(const Policy& policy,
                                                        const HolidayCalendar& calendar,
                                                        const OutageTimes& stop,
                                                        std::span<const PublishedNotice> notices,
                                                        Instant now);

/// A span of time a household was cut off: [from, to).
struct StopSpan {
  Instant from;
  Instant to;
};

/// The seconds of each local (UTC+08:00) day covered by the union of `spans` (overlapping stops
/// count once). Days with none are absent. Empty or inverted spans are ignored.
std::map<Date, long> StopSecondsByDay(std::span<const StopSpan> spans);

}  // namespace hearth::rules

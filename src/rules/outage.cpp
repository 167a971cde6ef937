#include "rules/outage.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "rules/deadline.hpp"

namespace hearth::rules {
namespace {

constexpr std::array<std::pair<OutageKind, std::string_view>, 2> kKindNames = {{
    {OutageKind::kPlanned, "planned"},
    {OutageKind::kEmergency, "emergency"},
}};

Result<DeadlineAnswer> Due(const Policy& policy, const HolidayCalendar& calendar, DeadlineRule rule,
                           Instant from) {
  DeadlineRequest req;
  req.rule = rule;
  req.from = from;
  return ComputeDeadline(policy, calendar, req);
}

/// Met, late, pending or overdue, by `answer`: the notice (or restoration) that answered it.
void Judge(NoticeObligation& o, std::optional<Instant> answer, Instant now) {
  if (answer) {
    o.met_at = answer;
    o.state = *answer <= o.due ? DutyState::kMet : DutyState::kLate;
  } else {
    o.state = now <= o.due ? DutyState::kPending : DutyState::kOverdue;
  }
}

NoticeObligation FromAnswer(NoticeDuty duty, const DeadlineAnswer& a) {
  NoticeObligation o;
  o.duty = duty;
  o.due = a.deadline;
  o.basis = a.basis;
  o.calendar_incomplete = a.calendar_incomplete;
  return o;
}

}  // namespace

std::string_view OutageKindName(OutageKind k) {
  for (const auto& [kind, name] : kKindNames)
    if (kind == k) return name;
  return "?";
}

std::optional<OutageKind> ParseOutageKind(std::string_view name) {
  for (const auto& [kind, n] : kKindNames)
    if (n == name) return kind;
  return std::nullopt;
}

std::string_view NoticeDutyName(NoticeDuty d) {
  switch (d) {
    case NoticeDuty::kAdvance: return "advance";
    case NoticeDuty::kEmergency: return "emergency";
    case NoticeDuty::kOverrun: return "overrun";
  }
  return "?";
}

std::string_view DutyStateName(DutyState s) {
  switch (s) {
    case DutyState::kMet: return "met";
    case DutyState::kLate: return "late";
    case DutyState::kPending: return "pending";
    case DutyState::kOverdue: return "overdue";
  }
  return "?";
}

Result<std::vector<NoticeObligation>> NoticeObligations(const Policy& policy,
                                                        const HolidayCalendar& calendar,
                                                        const OutageTimes& stop,
                                                        std::span<const PublishedNotice> notices,
                                                        Instant now) {
  if (stop.expected_end <= stop.start)
    return Error::InvalidArgument("the expected end must be after the start", "expected_end");
  if (stop.actual_end && *stop.actual_end < stop.start)
    return Error::InvalidArgument("the end cannot be before the start", "at");

  std::vector<PublishedNotice> sorted(notices.begin(), notices.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const PublishedNotice& a, const PublishedNotice& b) { return a.at < b.at; });
  const std::optional<Instant> first_notice =
      sorted.empty() ? std::nullopt : std::optional<Instant>(sorted.front().at);

  std::vector<NoticeObligation> out;
  const auto& d = policy.deadlines;
  if (stop.kind == OutageKind::kPlanned) {
    const auto over = std::chrono::hours(d.outage_notice_over_hours.value);
    if (stop.expected_end - stop.start > over) {
      auto a = Due(policy, calendar, DeadlineRule::kOutageNotice, stop.start);
      if (!a.ok()) return a.error();
      out.push_back(FromAnswer(NoticeDuty::kAdvance, *a));
      Judge(out.back(), first_notice, now);
    }
  } else {
    auto a = Due(policy, calendar, DeadlineRule::kEmergencyNotice, stop.start);
    if (!a.ok()) return a.error();
    out.push_back(FromAnswer(NoticeDuty::kEmergency, *a));
    Judge(out.back(), first_notice, now);
  }

  // Overruns: walk the notices in time; each announced end that passes while the stop goes on
  // owes a notice within the emergency limit.
  const Instant going_until = stop.actual_end.value_or(now);
  Instant announced = stop.expected_end;
  size_t next = 0;
  while (announced < going_until) {
    // Notices published before the announced end passed only move it (re-announced in time).
    while (next < sorted.size() && sorted[next].at <= announced) {
      announced = std::max(announced, sorted[next].expected_end);
      ++next;
    }
    if (announced >= going_until) break;
    auto a = Due(policy, calendar, DeadlineRule::kEmergencyNotice, announced);
    if (!a.ok()) return a.error();
    NoticeObligation o = FromAnswer(NoticeDuty::kOverrun, *a);
    o.announced_end = announced;
    const bool restored_first = stop.actual_end && *stop.actual_end <= o.due &&
                                (next == sorted.size() || sorted[next].at > *stop.actual_end);
    if (restored_first) {
      Judge(o, stop.actual_end, now);  // restored before the notice was due and before any came
      announced = going_until;
    } else if (next < sorted.size()) {
      Judge(o, sorted[next].at, now);
      announced = std::max(sorted[next].at, sorted[next].expected_end);
      ++next;
    } else {
      Judge(o, std::nullopt, now);
      announced = going_until;
    }
    out.push_back(std::move(o));
  }
  return out;
}

std::map<Date, long> StopSecondsByDay(std::span<const StopSpan> spans) {
  std::vector<StopSpan> sorted;
  for (const auto& s : spans)
    if (s.from < s.to) sorted.push_back(s);
  std::sort(sorted.begin(), sorted.end(),
            [](const StopSpan& a, const StopSpan& b) { return a.from < b.from; });
  std::map<Date, long> out;
  auto add = [&out](Instant from, Instant to) {
    while (from < to) {
      const Date day = LocalDate(from);
      const Instant day_end = StartOfLocalDay(day + std::chrono::days(1));
      const Instant until = std::min(to, day_end);
      out[day] += static_cast<long>((until - from).count());
      from = until;
    }
  };
  std::optional<StopSpan> open;
  for (const auto& s : sorted) {
    if (open && s.from <= open->to) {
      open->to = std::max(open->to, s.to);
      continue;
    }
    if (open) add(open->from, open->to);
    open = s;
  }
  if (open) add(open->from, open->to);
  return out;
}

}  // namespace hearth::rules

// The words of a work order: the wire names of its enums (categories, states, events,
// satisfaction, visit modes, deadlines), read both ways, and the status word of a deadline at a
// moment.
#include <string>

#include "rules/wire_names.hpp"
#include "rules/work_order.hpp"

namespace hearth::rules {
namespace {

constexpr NameTable<OrderCategory, 6> kCategoryNames = {{
    {OrderCategory::kHeatingQuality, "heating-quality"},
    {OrderCategory::kLeak, "leak"},
    {OrderCategory::kRepair, "repair"},
    {OrderCategory::kBilling, "billing"},
    {OrderCategory::kConnection, "connection"},
    {OrderCategory::kOther, "other"},
}};

constexpr NameTable<OrderState, 10> kStateNames = {{
    {OrderState::kReceived, "received"},
    {OrderState::kAccepted, "accepted"},
    {OrderState::kResponded, "responded"},
    {OrderState::kDispatched, "dispatched"},
    {OrderState::kOnSite, "on-site"},
    {OrderState::kRepaired, "repaired"},
    {OrderState::kReplied, "replied"},
    {OrderState::kReturned, "returned"},
    {OrderState::kVisited, "visited"},
    {OrderState::kClosed, "closed"},
}};

constexpr NameTable<OrderEventType, 11> kEventNames = {{
    {OrderEventType::kAccept, "accept"},
    {OrderEventType::kRespond, "respond"},
    {OrderEventType::kDispatch, "dispatch"},
    {OrderEventType::kArrive, "arrive"},
    {OrderEventType::kRepair, "repair"},
    {OrderEventType::kReply, "reply"},
    {OrderEventType::kReturn, "return"},
    {OrderEventType::kExtend, "extend"},
    {OrderEventType::kVisit, "visit"},
    {OrderEventType::kClose, "close"},
    {OrderEventType::kReopen, "reopen"},
}};

constexpr NameTable<Satisfaction, 3> kSatisfactionNames = {{
    {Satisfaction::kSatisfied, "satisfied"},
    {Satisfaction::kBasicallySatisfied, "basically-satisfied"},
    {Satisfaction::kUnsatisfied, "unsatisfied"},
}};

constexpr NameTable<VisitMode, 2> kModeNames = {{
    {VisitMode::kPhone, "phone"},
    {VisitMode::kFaceToFace, "face-to-face"},
}};

constexpr NameTable<OrderDeadline, 7> kDeadlineNames = {{
    {OrderDeadline::kReturn, "return"},
    {OrderDeadline::kReply, "reply"},
    {OrderDeadline::kResponse, "response"},
    {OrderDeadline::kLeak, "leak"},
    {OrderDeadline::kArrival, "arrival"},
    {OrderDeadline::kReplyExtended, "reply_extended"},
    {OrderDeadline::kReturnVisit, "return_visit"},
}};

}  // namespace

std::string_view CategoryName(OrderCategory c) { return NameIn(kCategoryNames, c); }
std::optional<OrderCategory> ParseCategory(std::string_view n) {
  return ParseIn(kCategoryNames, n);
}
std::string_view OrderStateName(OrderState s) { return NameIn(kStateNames, s); }
std::optional<OrderState> ParseOrderState(std::string_view n) { return ParseIn(kStateNames, n); }
std::string_view EventTypeName(OrderEventType t) { return NameIn(kEventNames, t); }
std::optional<OrderEventType> ParseEventType(std::string_view n) { return ParseIn(kEventNames, n); }
std::string_view SatisfactionName(Satisfaction s) { return NameIn(kSatisfactionNames, s); }
std::optional<Satisfaction> ParseSatisfaction(std::string_view n) {
  return ParseIn(kSatisfactionNames, n);
}
std::string_view VisitModeName(VisitMode m) { return NameIn(kModeNames, m); }
std::optional<VisitMode> ParseVisitMode(std::string_view n) { return ParseIn(kModeNames, n); }
std::string_view OrderDeadlineName(OrderDeadline d) { return NameIn(kDeadlineNames, d); }
std::optional<OrderDeadline> ParseOrderDeadline(std::string_view n) {
  return ParseIn(kDeadlineNames, n);
}
std::string AllCategoryNames() { return JoinNames(kCategoryNames); }
std::string AllEventTypeNames() { return JoinNames(kEventNames); }
std::string AllOrderStateNames() { return JoinNames(kStateNames); }

Urgency UrgencyAt(const DeadlineStatus& d, Instant now) {
  if (now > d.due) return Urgency::kOverdue;
  // 75 % of its time used: elapsed / total >= 3/4.
  const auto total = (d.due - d.from).count();
  const auto elapsed = (now - d.from).count();
  return elapsed * 4 >= total * 3 ? Urgency::kWarning : Urgency::kOk;
}

std::string_view UrgencyName(Urgency u) {
  switch (u) {
    case Urgency::kOk:
      return "ok";
    case Urgency::kWarning:
      return "warning";
    case Urgency::kOverdue:
      return "overdue";
  }
  return "unknown";
}

std::string_view DeadlineStatusName(const DeadlineStatus& d, Instant now) {
  if (d.lapsed) return "lapsed";
  if (d.met_at) return d.Late() ? "late" : "met";
  return UrgencyName(UrgencyAt(d, now));
}

}  // namespace hearth::rules

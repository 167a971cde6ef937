// Complaint and repair work orders (issue 13): the life of an order as a list of events, the
// state it is in, and every statutory deadline it carries, derived from the events alone.
//
// Rules: R-WO-1 channels (the company's own channels have no return deadline; their reply deadline
// is the profile's, the city hotline's by default), R-WO-2 returns (approval, seal and a contact
// record, else it does not count), R-WO-3 replies and the one extension (city and provincial
// hotlines, before the reply deadline, counted from the day of the original deadline), R-WO-4
// response (from acceptance; 90 minutes in the first 15 days of the district's season),
// R-WO-6 return visits (3 calendar days from the service; a second complaint's visit is face to
// face or by a manager), R-REPAIR-1 leaks (1 h from receipt), arrival (30 min from dispatch, or
// the appointment; late arrival needs a contact record), charged work (items, prices and
// materials signed for by the household) and the completion record.
//
// Decisions (the documents are open here; the platform's):
// - States. received -accept-> accepted -respond-> responded; then either reply, or
//   dispatch -> dispatched -arrive-> on-site -repair-> repaired -reply-> replied (a repaired order
//   may be dispatched again when the repair did not hold). replied -visit-> visited -close->
//   closed -reopen-> accepted. A return (received or accepted: responding takes the order on, and
//   closes the return window) ends in returned, which only closes. extend keeps the state. An order that was dispatched replies only once repaired:
//   the repair event carries the completion record, so nothing closes without one.
// - Served (R-WO-6's start) is the reply: the company's handling is over and the household told.
// - A leak is handled (R-REPAIR-1) when the repair event is recorded.
// - R-WO-3's times are given "for heating-quality orders"; Hearth applies them to every category,
//   the strictest reading.
// - The extension is itself the unfinished reply: it meets `reply` and opens `reply_extended`.
// - Reopening starts a new round: response is due again from the reopening; the reply and the
//   return visit are owed again (the reply by the extended, else the original, time; a late one
//   is late), the visit 3 days from the new reply.
// - A closed order's child (a duplicate, R-WO-1) closes with its parent (close with by_parent),
//   from any open state; its own deadlines keep their due times and are met, or late, at the
//   parent's reply and visit times.
//
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "rules/calendar.hpp"
#include "rules/policy.hpp"

namespace hearth::rules {

enum class OrderCategory { kHeatingQuality, kLeak, kRepair, kBilling, kConnection, kOther };

enum class OrderState {
  kReceived, kAccepted, kResponded, kDispatched, kOnSite, kRepaired, kReplied, kReturned,
  kVisited, kClosed,
};

enum class OrderEventType {
  kAccept, kRespond, kDispatch, kArrive, kRepair, kReply, kReturn, kExtend, kVisit, kClose,
  kReopen,
};

enum class Satisfaction { kSatisfied, kBasicallySatisfied, kUnsatisfied };
enum class VisitMode { kPhone, kFaceToFace };

/// The deadlines an order can carry, in the order they are shown.
enum class OrderDeadline { kReturn, kReply, kResponse, kLeak, kArrival, kReplyExtended, kReturnVisit };

/// Wire names: "heating-quality", "on-site", "accept", "basically-satisfied", "face-to-face",
/// "reply_extended". Parse* return nullopt for any other text.
std::string_view CategoryName(OrderCategory c);
std::optional<OrderCategory> ParseCategory(std::string_view name);
std::string_view OrderStateName(OrderState s);
std::optional<OrderState> ParseOrderState(std::string_view name);
std::string_view EventTypeName(OrderEventType t);
std::optional<OrderEventType> ParseEventType(std::string_view name);
std::string_view SatisfactionName(Satisfaction s);
std::optional<Satisfaction> ParseSatisfaction(std::string_view name);
std::string_view VisitModeName(VisitMode m);
std::optional<VisitMode> ParseVisitMode(std::string_view name);
std::string_view OrderDeadlineName(OrderDeadline d);
std::optional<OrderDeadline> ParseOrderDeadline(std::string_view name);
/// "heating-quality, leak, …" and the like, for error messages.
std::string AllCategoryNames();
std::string AllEventTypeNames();
std::string AllOrderStateNames();

/// When and how someone was told or agreed: a contact with the household (R-WO-2, R-REPAIR-1),
/// or a household's signature or confirmation (R-REPAIR-1).
struct Contact {
  std::string who;
  Instant at;
  std::string how;  ///< "phone", "sms", "in person", …

  bool operator==(const Contact&) const = default;
};

/// One line of charged work (R-REPAIR-1): listed before the work, signed for by the household.
struct ChargeItem {
  std::string item;
  int64_t price_fen = 0;
  std::string materials;

  bool operator==(const ChargeItem&) const = default;
};

/// One event of an order's life. Only the fields of its type are read; the others stay empty.
struct OrderEvent {
  OrderEventType type = OrderEventType::kAccept;
  Instant at;
  std::string actor;  ///< who recorded it
  std::string note;
  // dispatch
  std::string technician;
  std::optional<Instant> appointment;
  // arrive (late), return (the complainant told), extend: the contact record
  std::optional<Contact> contact;
  // return (R-WO-2)
  std::string approved_by;
  bool seal = false;
  // extend, return, reopen
  std::string reason;
  // repair (R-REPAIR-1): charged work and the completion record
  std::vector<ChargeItem> charges;
  std::optional<Contact> signature;     ///< the household's signature for charged work
  std::vector<std::string> staff;
  std::optional<Instant> started_at;
  std::string result;
  std::optional<Contact> confirmation;  ///< the household's confirmation of the result
  // visit (R-WO-6)
  std::optional<Satisfaction> process_satisfaction, result_satisfaction;
  std::optional<bool> reasonable;
  std::optional<VisitMode> mode;
  bool by_manager = false;
  // close: closed with its parent (R-WO-1), at the parent's reply and visit times
  std::optional<int64_t> by_parent;
  std::optional<Instant> parent_reply_at, parent_visit_at;

  bool operator==(const OrderEvent&) const = default;
};

/// What an order's deadlines rest on, fixed when it is received.
struct OrderFacts {
  Channel channel = Channel::kCityHotline;
  OrderCategory category = OrderCategory::kHeatingQuality;
  Instant received_at;
  bool second_complaint = false;  ///< R-WO-1: same household and category again in a season
  /// The official start of the household's district's season that acceptance falls in (R-WO-4);
  /// unset: the profile's default dates.
  std::optional<Date> official_start;
};

/// One deadline as the events leave it.
struct DeadlineStatus {
  OrderDeadline name = OrderDeadline::kReply;
  Instant from;  ///< when its time started
  Instant due;
  Basis basis;
  bool calendar_incomplete = false;
  std::optional<Instant> met_at;  ///< when it was met (a late one too)
  bool lapsed = false;            ///< no longer applies (a return window after acceptance, …)

  bool Open() const { return !met_at && !lapsed; }
  bool Late() const { return met_at && *met_at > due; }
  bool operator==(const DeadlineStatus&) const = default;
};

/// An open deadline at a moment: ok, warning (75 % of its time used), overdue.
enum class Urgency { kOk, kWarning, kOverdue };
Urgency UrgencyAt(const DeadlineStatus& d, Instant now);
std::string_view UrgencyName(Urgency u);
/// "ok", "warning", "overdue" for an open deadline; "met", "late", "lapsed" otherwise.
std::string_view DeadlineStatusName(const DeadlineStatus& d, Instant now);

struct OrderView {
  OrderState state = OrderState::kReceived;
  std::vector<DeadlineStatus> deadlines;  ///< in OrderDeadline order, those that apply
  bool extended = false;
  bool returned = false;
  std::optional<Instant> replied_at, visited_at, closed_at;
  /// The last visit's answers (R-KPI-P, R-KPI-B).
  std::optional<Satisfaction> process_satisfaction, result_satisfaction;
  std::optional<bool> reasonable;

  const DeadlineStatus* Find(OrderDeadline name) const;
};

/// Replays `events` from the order's facts: the state and deadlines after each, refusing the
/// first event that the rules do not allow. Errors:
/// - failed_precondition (field "type"): "<type> is not allowed in state <state>", an extension
///   on a channel without one, a second extension, or one after the reply deadline;
/// - invalid_argument (field: the missing or wrong one): a return without approved_by, seal or
///   contact_record (R-WO-2); a late arrival without contact_record (R-REPAIR-1); charged work without a
///   signature, an item without a name or price (R-REPAIR-1); a repair without its completion
///   record (staff, result, confirmation); a visit without its answers, or a second complaint's
///   visit by phone and not by a manager (R-WO-6); an extension without a reason; an event
///   earlier than the one before it or than the receipt (field "at").
/// The deadlines come from ComputeDeadline with `policy` and `calendar`.
Result<OrderView> Replay(const Policy& policy, const HolidayCalendar& calendar,
                         const OrderFacts& facts, std::span<const OrderEvent> events);

}  // namespace hearth::rules

// The replayer of a work order's events (one method per event type); the wire names of its
// enums are in work_order_names.cpp.
#include "rules/work_order.hpp"

#include <algorithm>
#include <utility>

#include "rules/deadline.hpp"

namespace hearth::rules {
namespace {

// The states each event may leave (the `close` of a child closed by its parent excepted).
bool Allowed(OrderEventType type, OrderState s) {
  using S = OrderState;
  auto in = [s](std::initializer_list<S> states) {
    return std::find(states.begin(), states.end(), s) != states.end();
  };
  switch (type) {
    case OrderEventType::kAccept:
      return s == S::kReceived;
    case OrderEventType::kRespond:
      return s == S::kAccepted;
    case OrderEventType::kDispatch:
      return in({S::kResponded, S::kRepaired});
    case OrderEventType::kArrive:
      return s == S::kDispatched;
    case OrderEventType::kRepair:
      return s == S::kOnSite;
    case OrderEventType::kReply:
      return in({S::kResponded, S::kRepaired});
    case OrderEventType::kReturn:
      return in({S::kReceived, S::kAccepted});
    case OrderEventType::kExtend:
      return in({S::kAccepted, S::kResponded, S::kDispatched, S::kOnSite, S::kRepaired});
    case OrderEventType::kVisit:
      return s == S::kReplied;
    case OrderEventType::kClose:
      return in({S::kVisited, S::kReturned});
    case OrderEventType::kReopen:
      return s == S::kClosed;
  }
  return false;
}

bool MissingContact(const std::optional<Contact>& c) {
  return !c || c->who.empty() || c->how.empty();
}

class Replayer {
 public:
  Replayer(const Policy& policy, const HolidayCalendar& calendar, const OrderFacts& facts)
      : policy_(policy), calendar_(calendar), facts_(facts) {}

  Status Start() {
    if (IsHotline(facts_.channel)) {
      if (auto s = Open(OrderDeadline::kReturn, DeadlineRule::kReturn, facts_.received_at);
          !s.ok()) {
        return s;
      }
    }
    if (auto s = Open(OrderDeadline::kReply, DeadlineRule::kReply, facts_.received_at); !s.ok()) {
      return s;
    }
    if (facts_.category == OrderCategory::kLeak) {
      return Open(OrderDeadline::kLeak, DeadlineRule::kLeak, facts_.received_at);
    }
    return OkStatus();
  }

  Status Apply(const OrderEvent& e) {
    const std::string type{EventTypeName(e.type)};
    if (e.at < last_at_) {
      return Error::InvalidArgument(type + " at " + FormatLocal(e.at) +
                                        " is earlier than the order's last event or receipt (" +
                                        FormatLocal(last_at_) + ")",
                                    "at");
    }
    const bool child_close = e.type == OrderEventType::kClose && e.by_parent.has_value() &&
                             v_.state != OrderState::kClosed;
    if (!child_close && !Allowed(e.type, v_.state)) {
      return Error::FailedPrecondition(
          type + " is not allowed in state " + std::string(OrderStateName(v_.state)), "type");
    }
    Status s = Step(e);
    if (!s.ok()) return s;
    last_at_ = e.at;
    return OkStatus();
  }

  OrderView Take() {
    std::sort(v_.deadlines.begin(), v_.deadlines.end(),
              [](const DeadlineStatus& a, const DeadlineStatus& b) { return a.name < b.name; });
    return std::move(v_);
  }

 private:
  DeadlineStatus* Get(OrderDeadline name) {
    for (auto& d : v_.deadlines) {
      if (d.name == name) return &d;
    }
    return nullptr;
  }
  void Meet(OrderDeadline name, Instant at) {
    if (auto* d = Get(name); d && d->Open()) d->met_at = at;
  }
  void Lapse(OrderDeadline name) {
    if (auto* d = Get(name); d && d->Open()) d->lapsed = true;
  }
  void LapseAllOpen() {
    for (auto& d : v_.deadlines) {
      if (d.Open()) d.lapsed = true;
    }
  }
  void Set(DeadlineStatus d) {
    if (auto* old = Get(d.name)) {
      *old = std::move(d);
    } else {
      v_.deadlines.push_back(std::move(d));
    }
  }

  Status Open(OrderDeadline name, DeadlineRule rule, Instant from) {
    DeadlineRequest req;
    req.rule = rule;
    req.from = from;
    if (rule == DeadlineRule::kReturn || rule == DeadlineRule::kReply ||
        rule == DeadlineRule::kReplyExtension) {
      req.channel = facts_.channel;
    }
    if (rule == DeadlineRule::kResponse) req.official_start = facts_.official_start;
    auto a = ComputeDeadline(policy_, calendar_, req);
    if (!a.ok()) return a.error();
    Set({name, from, a->deadline, a->basis, a->calendar_incomplete, std::nullopt, false});
    return OkStatus();
  }

  Status Step(const OrderEvent& e) {
    using S = OrderState;
    switch (e.type) {
      case OrderEventType::kAccept:
        v_.state = S::kAccepted;
        return Open(OrderDeadline::kResponse, DeadlineRule::kResponse, e.at);
      case OrderEventType::kRespond:
        Meet(OrderDeadline::kResponse, e.at);
        Lapse(OrderDeadline::kReturn);  // the company has taken the order on
        v_.state = S::kResponded;
        return OkStatus();
      case OrderEventType::kDispatch:
        return Dispatch(e);
      case OrderEventType::kArrive: {
        const DeadlineStatus* arrival = Get(OrderDeadline::kArrival);
        if (arrival && e.at > arrival->due && MissingContact(e.contact)) {
          return Error::InvalidArgument(
              "arrival after " + FormatLocal(arrival->due) +
                  " is late and needs the contact record with the household (who, at, how; "
                  "R-REPAIR-1)",
              "contact_record");
        }
        Meet(OrderDeadline::kArrival, e.at);
        v_.state = S::kOnSite;
        return OkStatus();
      }
      case OrderEventType::kRepair:
        return Repair(e);
      case OrderEventType::kReply:
        Meet(v_.extended ? OrderDeadline::kReplyExtended : OrderDeadline::kReply, e.at);
        v_.replied_at = e.at;
        v_.state = S::kReplied;
        return Open(OrderDeadline::kReturnVisit, DeadlineRule::kReturnVisit, e.at);
      case OrderEventType::kReturn:
        return Return(e);
      case OrderEventType::kExtend:
        return Extend(e);
      case OrderEventType::kVisit:
        return Visit(e);
      case OrderEventType::kClose:
        return Close(e);
      case OrderEventType::kReopen:
        return Reopen(e);
    }
    return Error::Internal("unhandled order event");
  }

  Status Dispatch(const OrderEvent& e) {
    if (e.technician.empty()) {
      return Error::InvalidArgument("dispatch names the technician", "technician");
    }
    if (e.appointment) {
      if (*e.appointment < e.at) {
        return Error::InvalidArgument("the appointment is before the dispatch", "appointment");
      }
      Set({OrderDeadline::kArrival, e.at, *e.appointment,
           Basis{"W 10.2.4 a)", false, "the appointed time"}, false, std::nullopt, false});
    } else if (auto s = Open(OrderDeadline::kArrival, DeadlineRule::kArrival, e.at); !s.ok()) {
      return s;
    }
    v_.state = OrderState::kDispatched;
    return OkStatus();
  }

  Status Repair(const OrderEvent& e) {
    for (size_t i = 0; i < e.charges.size(); ++i) {
      const ChargeItem& c = e.charges[i];
      const std::string at = "charges[" + std::to_string(i) + "]";
      if (c.item.empty()) return Error::InvalidArgument(at + " names no item", at + ".item");
      if (c.price_fen < 0) {
        return Error::InvalidArgument(at + " has a negative price", at + ".price_fen");
      }
    }
    if (!e.charges.empty()) {
      if (MissingContact(e.signature)) {
        return Error::InvalidArgument(
            "charged work needs the household's signature (who, at, how) before it is done "
            "(R-REPAIR-1)",
            "signature");
      }
      if (e.signature->at > e.started_at.value_or(e.at)) {
        return Error::InvalidArgument("the household signed for the charges after the work began",
                                      "signature");
      }
    }
    if (e.staff.empty()) {
      return Error::InvalidArgument("the completion record names the staff (R-REPAIR-1)", "staff");
    }
    if (!e.started_at) {
      return Error::InvalidArgument("the completion record gives when the work began",
                                    "started_at");
    }
    if (*e.started_at > e.at) {
      return Error::InvalidArgument("the work began after it was recorded as done", "started_at");
    }
    if (e.result.empty()) {
      return Error::InvalidArgument("the completion record gives the result", "result");
    }
    if (MissingContact(e.confirmation)) {
      return Error::InvalidArgument(
          "the completion record needs the household's confirmation (who, at, how)",
          "confirmation");
    }
    Meet(OrderDeadline::kLeak, e.at);
    v_.state = OrderState::kRepaired;
    return OkStatus();
  }

  Status Return(const OrderEvent& e) {
    if (e.approved_by.empty()) {
      return Error::InvalidArgument("a return needs the approval of the head of the unit (R-WO-2)",
                                    "approved_by");
    }
    if (!e.seal) {
      return Error::InvalidArgument("a return needs the unit's seal (R-WO-2)", "seal");
    }
    if (MissingContact(e.contact)) {
      return Error::InvalidArgument(
          "a return counts only with the record of contact with the complainant (who, at, how; "
          "R-WO-2)",
          "contact_record");
    }
    Meet(OrderDeadline::kReturn, e.at);  // a late one is recorded, and Late()
    LapseAllOpen();
    v_.returned = true;
    v_.state = OrderState::kReturned;
    return OkStatus();
  }

  Status Extend(const OrderEvent& e) {
    const std::string channel{ChannelName(facts_.channel)};
    if (!policy_.deadlines.reply_extension.contains(facts_.channel)) {
      return Error::FailedPrecondition("channel " + channel + " allows no extension (R-WO-3)",
                                       "type");
    }
    if (v_.extended) {
      return Error::FailedPrecondition("the order was extended already; once only (R-WO-3)",
                                       "type");
    }
    const DeadlineStatus* reply = Get(OrderDeadline::kReply);
    if (reply == nullptr || !reply->Open()) {
      return Error::FailedPrecondition("the reply was given already", "type");
    }
    if (e.at > reply->due) {
      return Error::FailedPrecondition("an extension is asked before the reply deadline " +
                                           FormatLocal(reply->due) + " (R-WO-3)",
                                       "type");
    }
    if (e.reason.empty()) {
      return Error::InvalidArgument("an extension gives its reason", "reason");
    }
    const Instant original = reply->due;
    Meet(OrderDeadline::kReply, e.at);  // the unfinished reply
    v_.extended = true;
    return Open(OrderDeadline::kReplyExtended, DeadlineRule::kReplyExtension, original);
  }

  Status Visit(const OrderEvent& e) {
    if (!e.process_satisfaction) {
      return Error::InvalidArgument("a visit records process_satisfaction", "process_satisfaction");
    }
    if (!e.result_satisfaction) {
      return Error::InvalidArgument("a visit records result_satisfaction", "result_satisfaction");
    }
    if (!e.reasonable) {
      return Error::InvalidArgument("a visit records whether the complaint was reasonable",
                                    "reasonable");
    }
    if (!e.mode) return Error::InvalidArgument("a visit records its mode", "mode");
    if (facts_.second_complaint && *e.mode == VisitMode::kPhone && !e.by_manager) {
      return Error::InvalidArgument(
          "a second complaint is visited face to face or by a manager (R-WO-6)", "mode");
    }
    Meet(OrderDeadline::kReturnVisit, e.at);
    v_.visited_at = e.at;
    v_.process_satisfaction = e.process_satisfaction;
    v_.result_satisfaction = e.result_satisfaction;
    v_.reasonable = e.reasonable;
    v_.state = OrderState::kVisited;
    return OkStatus();
  }

  Status Close(const OrderEvent& e) {
    if (e.by_parent) {
      if (e.parent_reply_at) {
        Meet(v_.extended ? OrderDeadline::kReplyExtended : OrderDeadline::kReply,
             *e.parent_reply_at);
        if (!v_.replied_at) v_.replied_at = e.parent_reply_at;
      }
      if (e.parent_visit_at) {
        if (!Get(OrderDeadline::kReturnVisit) && e.parent_reply_at) {
          if (auto s =
                  Open(OrderDeadline::kReturnVisit, DeadlineRule::kReturnVisit, *e.parent_reply_at);
              !s.ok()) {
            return s;
          }
        }
        Meet(OrderDeadline::kReturnVisit, *e.parent_visit_at);
        if (!v_.visited_at) v_.visited_at = e.parent_visit_at;
      }
    }
    LapseAllOpen();
    v_.closed_at = e.at;
    v_.state = OrderState::kClosed;
    return OkStatus();
  }

  Status Reopen(const OrderEvent& e) {
    if (e.reason.empty()) return Error::InvalidArgument("a reopening gives its reason", "reason");
    // The reply is owed again, by its own time; the visit follows the next reply.
    for (OrderDeadline d : {OrderDeadline::kReply, OrderDeadline::kReplyExtended}) {
      if (auto* r = Get(d); r && !(d == OrderDeadline::kReply && v_.extended)) {
        r->met_at.reset();
        r->lapsed = false;
      }
    }
    std::erase_if(v_.deadlines,
                  [](const DeadlineStatus& d) { return d.name == OrderDeadline::kReturnVisit; });
    v_.replied_at.reset();
    v_.visited_at.reset();
    v_.closed_at.reset();
    v_.state = OrderState::kAccepted;
    return Open(OrderDeadline::kResponse, DeadlineRule::kResponse, e.at);
  }

  const Policy& policy_;
  const HolidayCalendar& calendar_;
  const OrderFacts& facts_;
  OrderView v_;
  Instant last_at_ = facts_.received_at;
};

}  // namespace

const DeadlineStatus* OrderView::Find(OrderDeadline name) const {
  for (const auto& d : deadlines) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

Result<OrderView> Replay(const Policy& policy, const HolidayCalendar& calendar,
                         const OrderFacts& facts, std::span<const OrderEvent> events) {
  Replayer r(policy, calendar, facts);
  if (auto s = r.Start(); !s.ok()) return s.error();
  for (const OrderEvent& e : events) {
    if (auto s = r.Apply(e); !s.ok()) return s.error();
  }
  return r.Take();
}

}  // namespace hearth::rules

// Work orders' use cases (issue 13, R-WO-1..7, R-REPAIR-1): receive an order (from an agent, a
// household or a hotline platform), move it on by events, read and list it, close a parent's
// duplicates with it, scan for overdue deadlines, and recompute open deadlines when the calendar
// changes. The rules are rules/work_order.hpp; this service finds the facts they rest on (the
// household's company, profile and district season; whether it is a second complaint) and
// writes the events with the messages they cause (WorkOrderStore, in one transaction).
//
// Who may do what (the platform's decision): admin, manager and agent receive orders and record
// every event of their company's orders; a technician records dispatch-free field work (arrive,
// repair); a household files orders of its own (web channel only) and reads them; the regulator
// reads every company's. Another company's or household's order is not_found.
//
// The messages each step causes, and their ids, are work_order_messages.hpp.
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/record_store.hpp"
#include "ports/work_order_store.hpp"
#include "rules/access.hpp"
#include "services/calendar_service.hpp"
#include "services/judging_service.hpp"
#include "services/policy_registry.hpp"

namespace hearth::services {

/// Who acts: their role and scope (from the session, or a hotline platform's key).
class MassComplaintService;

struct OrderActor {
  std::string name;
  rules::Role role = rules::Role::kAgent;
  ports::Scope scope;
};

/// A new order as it arrives.
struct NewWorkOrder {
  rules::Channel channel = rules::Channel::kPhone;
  std::string external_id;
  Instant received_at;
  std::string household;  ///< an id, or a household code (unique within the actor's company)
  rules::OrderCategory category = rules::OrderCategory::kOther;
  std::string content;
  std::string caller_phone;
  std::optional<int64_t> parent_id;  ///< a duplicate of this order (R-WO-1)
};

/// An order with its view replayed from its events.
struct WorkOrderRead {
  ports::WorkOrder order;
  rules::OrderView view;
  std::vector<int64_t> children;  ///< Get only
};

struct WorkOrderFilter {
  std::optional<rules::OrderState> state;
  std::optional<rules::Channel> channel;
  std::optional<int64_t> household_id;
  std::optional<int64_t> company_id;
  bool overdue = false;                           ///< an open deadline is past due
  std::optional<std::chrono::seconds> due_within;  ///< an open deadline falls due within this
  std::optional<int64_t> after;
  int limit = 50;
};

class WorkOrderService {
 public:
  /// None is owned; all must outlive the service. With `mass`, each order received is checked
  /// for mass complaints at once (R-REG-1).
  WorkOrderService(ports::WorkOrderStore& store, ports::RecordStore& records,
                   const JudgingService& judging, const PolicyRegistry& policies,
                   CalendarService& calendar, const ports::Clock& clock,
                   const MassComplaintService* mass = nullptr)
      : store_(store), records_(records), judging_(judging), policies_(policies),
        calendar_(calendar), clock_(clock), mass_(mass) {}

  /// Receives an order. `created` is false when its (channel, external_id) was received before:
  /// the stored order comes back unchanged. Errors: invalid_argument (household: unknown,
  /// ambiguous code; received_at in the future; external_id missing for a hotline channel;
  /// parent of another household), permission_denied (role), the store's.
  struct Received {
    WorkOrderRead order;
    bool created = true;
  };
  Result<Received> Receive(const NewWorkOrder& input, const OrderActor& actor) const;

  /// Records `event` (its actor is set from `actor`). failed_precondition (field "type") for an
  /// event the state does not allow; invalid_argument for what the rules refuse
  /// (rules::Replay) and for a time in the future; not_found outside the actor's scope. Closing
  /// a parent closes its open children in the same transaction.
  Result<WorkOrderRead> Record(int64_t id, rules::OrderEvent event, const OrderActor& actor) const;

  /// The order and its timeline; not_found outside `scope`.
  Result<WorkOrderRead> Get(int64_t id, const ports::Scope& scope) const;
  /// Orders in `scope`, by id, with their stored projection (no timeline).
  Result<std::vector<ports::WorkOrder>> List(const WorkOrderFilter& filter,
                                             const ports::Scope& scope) const;

  /// One pass of the overdue scan: every open deadline past due that was not alerted gets one
  /// message to its company's managers. Returns how many were raised.
  Result<int64_t> ScanOverdue() const;

  /// Replays every order with an open deadline against the calendar in use; an order whose
  /// deadlines changed gets them, with a "deadlines-recomputed" note naming each change.
  /// Returns how many orders changed.
  Result<int64_t> RecomputeOpen(const std::string& actor) const;

  Instant Now() const { return clock_.Now(); }

 private:
  Result<rules::OrderView> Replay(const ports::WorkOrder& order,
                                  const std::vector<rules::OrderEvent>& extra,
                                  const rules::HolidayCalendar& calendar) const;
  Result<ports::WorkOrder> Visible(int64_t id, const ports::Scope& scope) const;
  Result<int64_t> ResolveHousehold(const std::string& text, const ports::Scope& scope) const;

  ports::WorkOrderStore& store_;
  ports::RecordStore& records_;
  const JudgingService& judging_;
  const PolicyRegistry& policies_;
  CalendarService& calendar_;
  const ports::Clock& clock_;
  const MassComplaintService* mass_;
};

/// The rule events of a timeline, in order (system notes left out).
std::vector<rules::OrderEvent> RuleEvents(const std::vector<ports::OrderEntry>& entries);

}  // namespace hearth::services

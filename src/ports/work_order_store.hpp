// Port: work orders (issue 13), their append-only events, and the notifications outbox.
//
// An order's events are never changed or removed; its state and deadlines are a projection of
// them (rules::Replay), written with each append so that lists and the overdue scan read an index
// instead of replaying. An append names the sequence number it extends: a writer that lost a race
// gets failed_precondition and replays again. Outbox rows are written in the same transaction as
// the change that caused them, so a crash loses neither or both. Every change is audited
// (resource "work-orders") in its transaction. Methods take no scope: services check access.
// Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "rules/work_order.hpp"

namespace hearth::ports {

/// What an order is, fixed when it is received.
struct WorkOrderHead {
  int64_t id = 0;
  int64_t company_id = 0;
  int64_t household_id = 0;
  rules::Channel channel = rules::Channel::kPhone;
  std::string external_id;  ///< the platform's order number; unique per channel when given
  rules::OrderCategory category = rules::OrderCategory::kOther;
  Instant received_at;
  std::string content;
  std::string caller_phone;
  std::optional<int64_t> parent_id;  ///< a duplicate's parent (R-WO-1)
  bool second_complaint = false;     ///< R-WO-1: same household and category again in a season
  int season = 0;                    ///< the start year of the season it was received in
  std::optional<Date> official_start;  ///< the district's, for R-WO-4 (none: the profile's)
  std::string created_by;
  Instant created_at;
};

/// One stored entry of an order's timeline: a rule event, or a note of the system ("linked",
/// "deadlines-recomputed") that the rules do not replay.
struct OrderEntry {
  int64_t seq = 0;  ///< 1, 2, … per order
  rules::OrderEvent event;
  std::string system;  ///< empty for a rule event
  std::string detail;  ///< the system note's text
  Instant recorded_at;

  bool operator==(const OrderEntry&) const = default;
};

/// The projection kept beside the events.
struct OrderProjection {
  rules::OrderState state = rules::OrderState::kReceived;
  std::vector<rules::DeadlineStatus> deadlines;
  bool extended = false;
};

struct WorkOrder {
  WorkOrderHead head;
  OrderProjection projection;
  int64_t last_seq = 0;
  std::vector<OrderEntry> entries;  ///< Get only; List leaves it empty
};

/// A message to deliver: to a hotline platform (a reply or a return), to a household, or to the
/// company's managers (an overdue deadline).
struct OutboxMessage {
  int64_t id = 0;
  std::string message_id;  ///< unique; receivers deduplicate by it
  std::string receiver;    ///< "hotline:<channel>", "household", "managers"
  std::string topic;       ///< "work-order.replied", "work-order.overdue", …
  int64_t company_id = 0;
  std::optional<int64_t> household_id;
  std::optional<int64_t> order_id;
  /// What it says, as named texts (stored and sent as one JSON object).
  std::vector<std::pair<std::string, std::string>> fields;
  Instant created_at;
  int attempts = 0;
  Instant next_attempt_at;
  std::optional<Instant> delivered_at;
  std::string last_error;
};

/// One order's change in an Append.
struct OrderChange {
  int64_t order_id = 0;
  int64_t expected_seq = 0;           ///< the order's last_seq as the writer read it
  std::vector<OrderEntry> entries;    ///< numbered from expected_seq + 1 (their seq is ignored)
  OrderProjection projection;         ///< after them
  std::optional<int64_t> parent_id;   ///< set: the order becomes this one's child
};

struct WorkOrderQuery {
  std::optional<int64_t> company_id;
  std::optional<int64_t> household_id;
  std::optional<rules::OrderState> state;
  std::optional<rules::Channel> channel;
  std::optional<int64_t> parent_id;
  /// Orders with an open deadline due before this time (overdue: now; due_within: now + d).
  std::optional<Instant> open_due_before;
  std::optional<int64_t> after;  ///< cursor: ids greater than this
  int limit = 50;                ///< 1..1001 (a page of 1,000 and one row more)
};

/// An open deadline the overdue scan found.
struct DueDeadline {
  int64_t order_id = 0;
  int64_t company_id = 0;
  rules::OrderDeadline name = rules::OrderDeadline::kReply;
  Instant due;
};

/// The orders a monthly report reads (R-WO-7, R-KPI-Q/P/B): those received in [from, until), or
/// with a timeline entry at a time in it (a visit, a reply, …), or with a deadline due in it.
struct OrderActivityQuery {
  std::optional<int64_t> company_id;  ///< none: every company's
  Instant from, until;
  std::optional<int64_t> after;  ///< cursor: ids greater than this
  int limit = 500;               ///< 1..1000
};

/// How many orders of a household, category and season came before one (R-WO-1 second
/// complaints): parents only, a duplicate is the same complaint.
struct PriorComplaints {
  int64_t household_id = 0;
  rules::OrderCategory category = rules::OrderCategory::kOther;
  int season = 0;
  Instant before;
};

class WorkOrderStore {
 public:
  virtual ~WorkOrderStore() = default;

  /// Inserts the order (its id and created_at assigned) with its first projection and `outbox`,
  /// audited. Each message gets the new order's id, and "work-order-<id>-" before its
  /// message_id. When its (channel, external_id) is taken, nothing is written and the existing
  /// order comes back with `created` false (hotline platforms re-send).
  struct Created {
    WorkOrder order;
    bool created = true;
  };
  virtual Result<Created> Create(const WorkOrderHead& head, const OrderProjection& projection,
                                 std::span<const OutboxMessage> outbox) = 0;

  /// The order with its timeline; not_found (field "id").
  virtual Result<WorkOrder> Get(int64_t id) = 0;

  /// In one transaction: every change (its entries appended, its projection replaced), the
  /// outbox rows, one audit entry per order by `actor`. failed_precondition when an order's last
  /// seq is not its expected_seq (another writer came first): nothing is written.
  virtual Status Append(std::span<const OrderChange> changes,
                        std::span<const OutboxMessage> outbox, const std::string& actor) = 0;

  /// Orders by id, without their timelines.
  virtual Result<std::vector<WorkOrder>> List(const WorkOrderQuery& query) = 0;

  virtual Result<int64_t> CountPrior(const PriorComplaints& query) = 0;

  /// Open deadlines due before `before` that no alert was raised for, earliest first.
  virtual Result<std::vector<DueDeadline>> DueUnalerted(Instant before, int limit) = 0;
  /// Records the alert of each deadline and writes `outbox` (the managers' messages) in one
  /// transaction; a deadline alerted already is skipped with its message (at most once each).
  virtual Status MarkAlerted(std::span<const DueDeadline> deadlines,
                             std::span<const OutboxMessage> outbox) = 0;
  /// Orders with an open deadline, by id after `after` (the recomputation after a calendar
  /// change).
  virtual Result<std::vector<int64_t>> OpenOrderIds(int64_t after, int limit) = 0;

  /// Undelivered messages whose next attempt is due at `now`, oldest first.
  virtual Result<std::vector<OutboxMessage>> OutboxDue(Instant now, int limit) = 0;
  virtual Status OutboxDelivered(int64_t id, Instant at) = 0;
  virtual Status OutboxFailed(int64_t id, const std::string& error, Instant next_attempt_at) = 0;
  /// A household's messages, newest first, ids below `before` when set.
  virtual Result<std::vector<OutboxMessage>> HouseholdMessages(int64_t household_id,
                                                               std::optional<int64_t> before,
                                                               int limit) = 0;

  /// The orders of `query` by id, each with its timeline (as Get gives it).
  virtual Result<std::vector<WorkOrder>> ListActive(const OrderActivityQuery& query) = 0;
};

}  // namespace hearth::ports

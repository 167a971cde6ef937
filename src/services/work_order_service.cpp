#include "services/work_order_service.hpp"

#include <algorithm>
#include <charconv>

#include "model/resources.hpp"
#include "rules/deadline.hpp"
#include "rules/season.hpp"
#include "services/mass_complaint_service.hpp"
#include "services/rollup_service.hpp"
#include "services/work_order_messages.hpp"

namespace hearth::services {
namespace {

using rules::OrderEventType;
using rules::Role;

constexpr auto kFutureSlack = std::chrono::minutes{5};  // clocks of phones and hotline servers
constexpr int kAppendAttempts = 3;                      // writers racing on one order

bool MayRecord(Role role, OrderEventType type) {
  switch (role) {
    case Role::kAdmin:
    case Role::kManager:
    case Role::kAgent:
      return true;
    case Role::kTechnician:
      return type == OrderEventType::kArrive || type == OrderEventType::kRepair;
    case Role::kRegulator:
    case Role::kHousehold:
      return false;
  }
  return false;
}

bool InScope(const ports::WorkOrderHead& h, const ports::Scope& scope) {
  if (scope.company_id && *scope.company_id != h.company_id) return false;
  if (scope.household_id && *scope.household_id != h.household_id) return false;
  return true;
}

ports::OrderProjection ProjectionOf(const rules::OrderView& v) {
  return {v.state, v.deadlines, v.extended};
}

std::string Id(int64_t id) { return std::to_string(id); }

// "reply 2027-01-06T23:59:59+08:00 -> 2027-01-05T23:59:59+08:00; …" for the deadlines whose
// due time or calendar flag differ.
std::string Changes(const std::vector<rules::DeadlineStatus>& before,
                    const std::vector<rules::DeadlineStatus>& after) {
  std::string out;
  for (const auto& a : after) {
    auto it = std::find_if(before.begin(), before.end(),
                           [&](const rules::DeadlineStatus& b) { return b.name == a.name; });
    if (it != before.end() && it->due == a.due &&
        it->calendar_incomplete == a.calendar_incomplete) {
      continue;
    }
    out += (out.empty() ? "" : "; ") + std::string(rules::OrderDeadlineName(a.name)) + " " +
           (it == before.end() ? std::string("(new)") : FormatLocal(it->due)) + " -> " +
           FormatLocal(a.due) + (a.calendar_incomplete ? " (calendar incomplete)" : "");
  }
  return out;
}

}  // namespace

std::vector<rules::OrderEvent> RuleEvents(const std::vector<ports::OrderEntry>& entries) {
  std::vector<rules::OrderEvent> out;
  out.reserve(entries.size());
  for (const auto& e : entries) {
    if (e.system.empty()) out.push_back(e.event);
  }
  return out;
}

Result<rules::OrderView> WorkOrderService::Replay(const ports::WorkOrder& order,
                                                  const std::vector<rules::OrderEvent>& extra,
                                                  const rules::HolidayCalendar& calendar) const {
  auto policy = PolicyOfHousehold(records_, policies_, order.head.household_id);
  if (!policy.ok()) return policy.error();
  const auto& h = order.head;
  rules::OrderFacts facts{h.channel, h.category, h.received_at, h.second_complaint,
                          h.official_start};
  std::vector<rules::OrderEvent> events = RuleEvents(order.entries);
  events.insert(events.end(), extra.begin(), extra.end());
  return rules::Replay(**policy, calendar, facts, events);
}

Result<int64_t> WorkOrderService::ResolveHousehold(const std::string& text,
                                                   const ports::Scope& scope) const {
  if (text.empty())
    return Error::InvalidArgument("household is required: its id or code", "household");
  const model::Resource& households = *model::FindResource("households");
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec == std::errc() && end == text.data() + text.size() && id > 0) {
    auto rec = records_.Get(households, id, scope);
    if (rec.ok()) return id;
    if (rec.error().code != ErrorCode::kNotFound) return rec.error();
  }
  ports::ListQuery q;
  q.equals = {{"code", text}};
  q.scope = scope;
  q.limit = 2;
  auto page = records_.List(households, q);
  if (!page.ok()) return page.error();
  if (page->items.empty()) {
    return Error::InvalidArgument("no household with id or code '" + text + "'", "household");
  }
  if (page->items.size() > 1) {
    return Error::InvalidArgument(
        "household code '" + text + "' is used by several companies; give the household's id",
        "household");
  }
  return page->items.front().id;
}

Result<WorkOrderService::Received> WorkOrderService::Receive(const NewWorkOrder& in,
                                                             const OrderActor& actor) const {
  if (actor.role == Role::kRegulator || actor.role == Role::kTechnician) {
    return Error::PermissionDenied("orders are received by customer service, not by the " +
                                   std::string(rules::RoleName(actor.role)));
  }
  if (actor.role == Role::kHousehold && in.channel != rules::Channel::kWeb) {
    return Error::InvalidArgument("a household files its orders on the web channel", "channel");
  }
  if (rules::IsHotline(in.channel) && in.external_id.empty()) {
    return Error::InvalidArgument("an order of a hotline platform carries its order number",
                                  "external_id");
  }
  const Instant now = clock_.Now();
  if (in.received_at > now + kFutureSlack) {
    return Error::InvalidArgument("received_at is in the future", "received_at");
  }
  auto household_id = ResolveHousehold(in.household, actor.scope);
  if (!household_id.ok()) return household_id.error();
  auto household = ports::GetView<ports::HouseholdView>(records_, *household_id);
  if (!household.ok()) return household.error();
  if (in.parent_id) {
    auto parent = Visible(*in.parent_id, actor.scope);
    if (!parent.ok()) {
      return Error::InvalidArgument("no order " + Id(*in.parent_id) + " to be a duplicate of",
                                    "parent");
    }
    if (parent->head.household_id != *household_id) {
      return Error::InvalidArgument("a duplicate's parent is an order of the same household",
                                    "parent");
    }
    if (parent->head.parent_id) {
      return Error::InvalidArgument("order " + Id(*in.parent_id) +
                                        " is itself a duplicate; link to its parent " +
                                        Id(*parent->head.parent_id),
                                    "parent");
    }
  }

  ports::WorkOrderHead h;
  h.company_id = household->company_id;
  h.household_id = *household_id;
  h.channel = in.channel;
  h.external_id = in.external_id;
  h.category = in.category;
  h.received_at = in.received_at;
  h.content = in.content;
  h.caller_phone = in.caller_phone;
  h.parent_id = in.parent_id;
  h.season = rules::SeasonYearOf(LocalDate(in.received_at));
  h.created_by = actor.name;
  auto season = judging_.SeasonOf(*household_id, h.season);
  if (!season.ok()) return season.error();
  h.official_start = season->official_start;
  if (!in.parent_id) {
    auto prior = store_.CountPrior({*household_id, in.category, h.season, in.received_at});
    if (!prior.ok()) return prior.error();
    h.second_complaint = *prior > 0;
  }
  ports::WorkOrder draft;
  draft.head = h;
  auto view = Replay(draft, {}, *calendar_.Current());
  if (!view.ok()) return view.error();
  const auto* reply = view->Find(rules::OrderDeadline::kReply);
  std::vector<ports::OutboxMessage> outbox;
  outbox.push_back(ReceivedMessage(h, reply ? std::optional(reply->due) : std::nullopt, now));
  auto created = store_.Create(h, ProjectionOf(*view), outbox);
  if (!created.ok()) return created.error();
  if (mass_ && created->created && !h.parent_id) {
    // R-REG-1 at once. The order is stored whatever this says: a check that failed is made
    // again by the worker's scan (MassComplaintService::Scan) within a tick.
    (void)mass_->Check(h.company_id, h.household_id, h.received_at);
  }
  if (!InScope(created->order.head, actor.scope)) {
    // A re-send of another company's order number: never show it.
    return Error::AlreadyExists("this channel's order number is taken", "external_id");
  }
  auto read = Get(created->order.head.id, actor.scope);
  if (!read.ok()) return read.error();
  return Received{std::move(*read), created->created};
}

Result<ports::WorkOrder> WorkOrderService::Visible(int64_t id, const ports::Scope& scope) const {
  auto o = store_.Get(id);
  if (!o.ok()) return o.error();
  if (!InScope(o->head, scope)) return Error::NotFound("no work order " + Id(id), "id");
  return o;
}

Result<WorkOrderRead> WorkOrderService::Get(int64_t id, const ports::Scope& scope) const {
  auto o = Visible(id, scope);
  if (!o.ok()) return o.error();
  auto view = Replay(*o, {}, *calendar_.Current());
  if (!view.ok()) return view.error();
  WorkOrderRead out{std::move(*o), std::move(*view), {}};
  // The stored deadlines are shown as stored (recomputed when the calendar changes).
  out.view.deadlines = out.order.projection.deadlines;
  ports::WorkOrderQuery q;
  q.parent_id = id;
  q.limit = 1000;
  auto children = store_.List(q);
  if (!children.ok()) return children.error();
  for (const auto& c : *children) out.children.push_back(c.head.id);
  return out;
}

Result<std::vector<ports::WorkOrder>> WorkOrderService::List(const WorkOrderFilter& f,
                                                             const ports::Scope& scope) const {
  ports::WorkOrderQuery q;
  q.state = f.state;
  q.channel = f.channel;
  q.household_id = scope.household_id ? scope.household_id : f.household_id;
  q.company_id = scope.company_id ? scope.company_id : f.company_id;
  const Instant now = clock_.Now();
  if (f.due_within) {
    q.open_due_before = now + *f.due_within;
  } else if (f.overdue) {
    q.open_due_before = now;
  }
  q.after = f.after;
  q.limit = f.limit;
  return store_.List(q);
}

Result<WorkOrderRead> WorkOrderService::Record(int64_t id, rules::OrderEvent event,
                                               const OrderActor& actor) const {
  if (!MayRecord(actor.role, event.type)) {
    return Error::PermissionDenied("a " + std::string(rules::RoleName(actor.role)) +
                                   " may not record " +
                                   std::string(rules::EventTypeName(event.type)) + " events");
  }
  const Instant now = clock_.Now();
  if (event.at > now + kFutureSlack) {
    return Error::InvalidArgument("at is in the future", "at");
  }
  event.actor = actor.name;
  for (int attempt = 1;; ++attempt) {
    auto order = Visible(id, actor.scope);
    if (!order.ok()) return order.error();
    auto calendar = calendar_.Current();
    auto view = Replay(*order, {event}, *calendar);
    if (!view.ok()) return view.error();
    const int64_t seq = order->last_seq + 1;
    std::vector<ports::OrderChange> changes = {{id,
                                                order->last_seq,
                                                {ports::OrderEntry{0, event, "", "", now}},
                                                ProjectionOf(*view),
                                                std::nullopt}};
    std::vector<ports::OutboxMessage> outbox = EventMessages(order->head, seq, event, *view, now);
    if (event.type == OrderEventType::kClose && !event.by_parent) {
      // R-WO-1: the duplicates close with their parent, each judged against its own times.
      ports::WorkOrderQuery q;
      q.parent_id = id;
      q.limit = 1000;
      auto children = store_.List(q);
      if (!children.ok()) return children.error();
      for (const auto& c : *children) {
        if (c.projection.state == rules::OrderState::kClosed) continue;
        auto child = store_.Get(c.head.id);
        if (!child.ok()) return child.error();
        rules::OrderEvent close = event;
        close.note = "closed with its parent " + Id(id);
        close.by_parent = id;
        close.parent_reply_at = view->replied_at;
        close.parent_visit_at = view->visited_at;
        auto child_view = Replay(*child, {close}, *calendar);
        if (!child_view.ok()) return child_view.error();
        changes.push_back({c.head.id,
                           child->last_seq,
                           {ports::OrderEntry{0, close, "", "", now}},
                           ProjectionOf(*child_view),
                           std::nullopt});
        auto more = EventMessages(child->head, child->last_seq + 1, close, *child_view, now);
        outbox.insert(outbox.end(), more.begin(), more.end());
      }
    }
    Status s = store_.Append(changes, outbox, actor.name);
    if (s.ok()) return Get(id, actor.scope);
    if (s.error().code != ErrorCode::kFailedPrecondition || attempt == kAppendAttempts) {
      return s.error();
    }
  }
}

Result<int64_t> WorkOrderService::ScanOverdue() const {
  const Instant now = clock_.Now();
  int64_t raised = 0;
  for (;;) {
    auto due = store_.DueUnalerted(now, 500);
    if (!due.ok()) return due.error();
    if (due->empty()) return raised;
    std::vector<ports::OutboxMessage> outbox;
    outbox.reserve(due->size());
    for (const auto& d : *due) outbox.push_back(OverdueMessage(d, now));
    if (auto s = store_.MarkAlerted(*due, outbox); !s.ok()) return s.error();
    raised += static_cast<int64_t>(due->size());
    if (due->size() < 500) return raised;
  }
}

Result<int64_t> WorkOrderService::RecomputeOpen(const std::string& actor) const {
  auto calendar = calendar_.Current();
  const Instant now = clock_.Now();
  int64_t changed = 0;
  int64_t after = 0;
  for (;;) {
    auto ids = store_.OpenOrderIds(after, 500);
    if (!ids.ok()) return ids.error();
    if (ids->empty()) return changed;
    for (int64_t id : *ids) {
      after = id;
      auto order = store_.Get(id);
      if (!order.ok()) return order.error();
      auto view = Replay(*order, {}, *calendar);
      if (!view.ok()) return view.error();
      const std::string diff = Changes(order->projection.deadlines, view->deadlines);
      if (diff.empty()) continue;
      ports::OrderEntry note;
      note.system = "deadlines-recomputed";
      note.detail = "the calendar changed: " + diff;
      note.event.at = now;
      note.recorded_at = now;
      std::vector<ports::OrderChange> change = {
          {id, order->last_seq, {note}, ProjectionOf(*view), std::nullopt}};
      if (auto s = store_.Append(change, {}, actor); !s.ok()) return s.error();
      ++changed;
    }
  }
}

}  // namespace hearth::services

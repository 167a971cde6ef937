// SqlWorkOrderStore's orders: their transactions write orders, events, deadline rows, outbox
// rows and the audit together. What its background workers read and mark (deadlines to alert,
// messages to deliver) is in work_order_delivery_sql.cpp; writing the outbox is shared
// (outbox_sql.hpp).
#include "adapters/storage/work_order_sql.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <string_view>
#include <nlohmann/json.hpp>

#include "adapters/json/work_order_json.hpp"
#include "adapters/storage/audit_sql.hpp"
#include "adapters/storage/outbox_sql.hpp"
#include "adapters/storage/sql_time.hpp"
#include "rules/deadline.hpp"

namespace hearth::adapters::storage {
namespace {

using ports::OrderEntry;
using ports::OutboxMessage;
using ports::WorkOrder;

constexpr const char* kOrderColumns =
    "id, company_id, household_id, channel, external_id, category, received_at, content, "
    "caller_phone, parent_id, second_complaint, season, official_start, state, extended, "
    "deadlines, last_seq, created_by, created_at";

Instant Now() {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

Error Corrupt(const std::string& what) {
  return Error::Internal("a stored work order is malformed: " + what);
}

Value OptInt(const std::optional<int64_t>& v) { return v ? Value(*v) : Value(nullptr); }

Result<WorkOrder> ToOrder(const Rows& rows, size_t i) {
  WorkOrder o;
  auto& h = o.head;
  size_t c = 0;
  h.id = rows.Int(i, c++);
  h.company_id = rows.Int(i, c++);
  h.household_id = rows.Int(i, c++);
  auto channel = rules::ParseChannel(rows.Text(i, c++));
  if (!channel) return Corrupt("channel");
  h.channel = *channel;
  h.external_id = rows.Text(i, c++);
  auto category = rules::ParseCategory(rows.Text(i, c++));
  if (!category) return Corrupt("category");
  h.category = *category;
  h.received_at = FromUnix(rows.Int(i, c++));
  h.content = rows.Text(i, c++);
  h.caller_phone = rows.Text(i, c++);
  if (!rows.IsNull(i, c)) h.parent_id = rows.Int(i, c);
  ++c;
  h.second_complaint = rows.Int(i, c++) != 0;
  h.season = static_cast<int>(rows.Int(i, c++));
  if (!rows.IsNull(i, c)) {
    auto d = ParseDate(rows.Text(i, c));
    if (!d.ok()) return Corrupt("official_start");
    h.official_start = *d;
  }
  ++c;
  auto state = rules::ParseOrderState(rows.Text(i, c++));
  if (!state) return Corrupt("state");
  o.projection.state = *state;
  o.projection.extended = rows.Int(i, c++) != 0;
  auto deadlines = json::DeadlinesFromText(rows.Text(i, c++));
  if (!deadlines.ok()) return deadlines.error();
  o.projection.deadlines = std::move(*deadlines);
  o.last_seq = rows.Int(i, c++);
  h.created_by = rows.Text(i, c++);
  h.created_at = FromUnix(rows.Int(i, c++));
  return o;
}

// A stored timeline entry: a rule event's JSON, or a system note {"system":…,"detail":…}.
std::string EntryData(const OrderEntry& e) {
  if (!e.system.empty()) {
    return nlohmann::json{
        {"system", e.system}, {"detail", e.detail}, {"at", FormatLocal(e.event.at)}}
        .dump();
  }
  return json::OrderEventToJson(e.event).dump();
}

Result<OrderEntry> ToEntry(const Rows& rows, size_t i) {
  OrderEntry e;
  e.seq = rows.Int(i, 0);
  const std::string type = rows.Text(i, 1);
  e.event.at = FromUnix(rows.Int(i, 2));
  e.event.actor = rows.Text(i, 3);
  auto data = nlohmann::json::parse(rows.Text(i, 4), nullptr, false);
  e.recorded_at = FromUnix(rows.Int(i, 5));
  if (data.is_discarded() || !data.is_object()) return Corrupt("event data");
  if (data.contains("system")) {
    e.system = type;
    e.detail = data.value("detail", "");
    return e;
  }
  auto event = json::OrderEventFromJson(data, /*from_client=*/false);
  if (!event.ok()) return Corrupt("event " + std::to_string(e.seq) + ": " + event.error().message);
  event->actor = e.event.actor;
  e.event = std::move(*event);
  return e;
}

std::string StateJson(const WorkOrder& o) {
  return nlohmann::json{{"state", rules::OrderStateName(o.projection.state)},
                        {"last_seq", o.last_seq}}
      .dump();
}

}  // namespace

Status SqlWorkOrderStore::WriteProjection(int64_t id, int64_t company_id,
                                          const ports::OrderProjection& p, int64_t last_seq) {
  auto r = conn_->Query(
      "UPDATE work_orders SET state = $1, extended = $2, deadlines = $3, last_seq = $4 "
      "WHERE id = $5",
      {std::string(rules::OrderStateName(p.state)), int64_t{p.extended ? 1 : 0},
       json::DeadlinesToText(p.deadlines), last_seq, id});
  if (!r.ok()) return r.error();
  // Every deadline in one statement (a name once: PostgreSQL refuses to update a row twice in
  // one statement; the last status of a name is the one kept, as row by row). A deadline whose
  // due time moved may be alerted again; one that stays keeps its alert.
  std::map<std::string_view, const rules::DeadlineStatus*> by_name;
  for (const rules::DeadlineStatus& d : p.deadlines) by_name[rules::OrderDeadlineName(d.name)] = &d;
  if (!by_name.empty()) {
    std::string rows;
    std::vector<Value> values;
    for (const auto& [name, d] : by_name) {
      const size_t n = values.size();
      rows += (rows.empty() ? "($" : ", ($") + std::to_string(n + 1) + ", $" +
              std::to_string(n + 2) + ", $" + std::to_string(n + 3) + ", $" +
              std::to_string(n + 4) + ", $" + std::to_string(n + 5) + ", 0)";
      values.insert(values.end(), {id, std::string(name), company_id, Unix(d->due),
                                   int64_t{d->Open() ? 1 : 0}});
    }
    auto u = conn_->Query(
        "INSERT INTO work_order_deadlines (order_id, name, company_id, due, open, alerted) "
        "VALUES " + rows + " ON CONFLICT (order_id, name) DO UPDATE SET "
        "due = excluded.due, open = excluded.open, alerted = CASE WHEN "
        "work_order_deadlines.due = excluded.due THEN work_order_deadlines.alerted ELSE 0 END",
        values);
    if (!u.ok()) return u.error();
  }
  // A deadline the projection no longer has (a return visit before a reopening) is closed.
  std::string names;
  std::vector<Value> params = {id};
  for (const rules::DeadlineStatus& d : p.deadlines) {
    params.push_back(std::string(rules::OrderDeadlineName(d.name)));
    names += (names.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  auto c = conn_->Query("UPDATE work_order_deadlines SET open = 0 WHERE order_id = $1" +
                            (names.empty() ? std::string() : " AND name NOT IN (" + names + ")"),
                        params);
  if (!c.ok()) return c.error();
  return OkStatus();
}

Result<ports::WorkOrderStore::Created> SqlWorkOrderStore::Create(
    const ports::WorkOrderHead& head, const ports::OrderProjection& projection,
    std::span<const OutboxMessage> outbox) {
  MutexLock lock(mutex_);
  Created out;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    const std::string channel{rules::ChannelName(head.channel)};
    if (!head.external_id.empty()) {
      auto existing =
          conn_->Query("SELECT id FROM work_orders WHERE channel = $1 AND external_id = $2",
                       {channel, head.external_id});
      if (!existing.ok()) return existing.error();
      if (!existing->empty()) {
        auto o = GetLocked(existing->Int(0, 0), true);
        if (!o.ok()) return o.error();
        out.order = std::move(*o);
        out.created = false;
        return OkStatus();
      }
    }
    const int64_t created_at = Unix(Now());
    auto ins = conn_->Query(
        "INSERT INTO work_orders (company_id, household_id, channel, external_id, category, "
        "received_at, content, caller_phone, parent_id, second_complaint, season, "
        "official_start, state, extended, deadlines, last_seq, created_by, created_at) VALUES "
        "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'received', 0, '[]', 0, $13, $14) "
        "RETURNING id",
        {head.company_id, head.household_id, channel,
         head.external_id.empty() ? Value(nullptr) : Value(head.external_id),
         std::string(rules::CategoryName(head.category)), Unix(head.received_at), head.content,
         head.caller_phone, OptInt(head.parent_id), int64_t{head.second_complaint ? 1 : 0},
         int64_t{head.season},
         head.official_start ? Value(FormatDate(*head.official_start)) : Value(nullptr),
         head.created_by, created_at});
    if (!ins.ok()) return ins.error();
    const int64_t id = ins->Int(0, 0);
    if (auto w = WriteProjection(id, head.company_id, projection, 0); !w.ok()) return w;
    std::vector<OutboxMessage> messages(outbox.begin(), outbox.end());
    for (auto& m : messages) {
      m.order_id = id;
      m.message_id = "work-order-" + std::to_string(id) + "-" + m.message_id;
    }
    if (auto w = InsertOutbox(*conn_, messages); !w.ok()) return w;
    auto o = GetLocked(id, true);
    if (!o.ok()) return o.error();
    if (auto a = InsertAudit(
            *conn_, {0, "", head.created_by, "create", "work-orders", id, "", StateJson(*o)});
        !a.ok()) {
      return a;
    }
    out.order = std::move(*o);
    return OkStatus();
  });
  if (!s.ok()) return s.error();
  return out;
}

Result<WorkOrder> SqlWorkOrderStore::GetLocked(int64_t id, bool with_entries) {
  auto rows = conn_->Query(
      std::string("SELECT ") + kOrderColumns + " FROM work_orders WHERE id = $1", {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) {
    return Error::NotFound("no work order " + std::to_string(id), "id");
  }
  auto o = ToOrder(*rows, 0);
  if (!o.ok() || !with_entries) return o;
  auto events = conn_->Query(
      "SELECT seq, type, at, actor, data, recorded_at FROM work_order_events WHERE order_id = $1 "
      "ORDER BY seq",
      {id});
  if (!events.ok()) return events.error();
  for (size_t i = 0; i < events->rows.size(); ++i) {
    auto e = ToEntry(*events, i);
    if (!e.ok()) return e.error();
    o->entries.push_back(std::move(*e));
  }
  return o;
}

Result<WorkOrder> SqlWorkOrderStore::Get(int64_t id) {
  MutexLock lock(mutex_);
  return GetLocked(id, true);
}

Status SqlWorkOrderStore::Append(std::span<const ports::OrderChange> changes,
                                 std::span<const OutboxMessage> outbox, const std::string& actor) {
  MutexLock lock(mutex_);
  return InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    const int64_t now = Unix(Now());
    for (const ports::OrderChange& ch : changes) {
      auto before = GetLocked(ch.order_id, false);
      if (!before.ok()) return before.error();
      if (before->last_seq != ch.expected_seq) {
        return Error::FailedPrecondition("work order " + std::to_string(ch.order_id) +
                                         " changed meanwhile; read it again");
      }
      int64_t seq = ch.expected_seq;
      for (const OrderEntry& e : ch.entries) {
        const std::string type =
            e.system.empty() ? std::string(rules::EventTypeName(e.event.type)) : e.system;
        auto r = conn_->Query(
            "INSERT INTO work_order_events (order_id, seq, type, at, actor, data, recorded_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7)",
            {ch.order_id, ++seq, type, Unix(e.event.at), actor, EntryData(e), now});
        if (!r.ok()) {
          if (r.error().code == ErrorCode::kAlreadyExists) {
            return Error::FailedPrecondition("work order " + std::to_string(ch.order_id) +
                                             " changed meanwhile; read it again");
          }
          return r.error();
        }
      }
      if (ch.parent_id) {
        auto p = conn_->Query("UPDATE work_orders SET parent_id = $1 WHERE id = $2",
                              {*ch.parent_id, ch.order_id});
        if (!p.ok()) return p.error();
      }
      if (auto w = WriteProjection(ch.order_id, before->head.company_id, ch.projection, seq);
          !w.ok()) {
        return w;
      }
      WorkOrder after = *before;
      after.projection = ch.projection;
      after.last_seq = seq;
      nlohmann::json added = nlohmann::json::array();
      for (const OrderEntry& e : ch.entries) {
        added.push_back(e.system.empty() ? std::string(rules::EventTypeName(e.event.type))
                                         : e.system);
      }
      auto state = nlohmann::json::parse(StateJson(after));
      state["added"] = added;
      if (auto a = InsertAudit(*conn_, {0, "", actor, "update", "work-orders", ch.order_id,
                                        StateJson(*before), state.dump()});
          !a.ok()) {
        return a;
      }
    }
    return InsertOutbox(*conn_, outbox);
  });
}

Result<std::vector<WorkOrder>> SqlWorkOrderStore::List(const ports::WorkOrderQuery& q) {
  Where where;
  if (q.company_id) where.And("company_id =", *q.company_id);
  if (q.household_id) where.And("household_id =", *q.household_id);
  if (q.state) where.And("state =", std::string(rules::OrderStateName(*q.state)));
  if (q.channel) where.And("channel =", std::string(rules::ChannelName(*q.channel)));
  if (q.parent_id) where.And("parent_id =", *q.parent_id);
  if (q.open_due_before) {
    where.And(
        "EXISTS (SELECT 1 FROM work_order_deadlines d WHERE d.order_id = work_orders.id "
        "AND d.open = 1 AND d.due <",
        Unix(*q.open_due_before), ")");
  }
  if (q.after) where.And("id >", *q.after);
  const std::string sql = std::string("SELECT ") + kOrderColumns + " FROM work_orders WHERE " +
                          where.sql() + " ORDER BY id LIMIT " +
                          std::to_string(std::clamp(q.limit, 1, kMaxPageRows));
  MutexLock lock(mutex_);
  auto rows = conn_->Query(sql, where.params());
  if (!rows.ok()) return rows.error();
  std::vector<WorkOrder> out;
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    auto o = ToOrder(*rows, i);
    if (!o.ok()) return o.error();
    out.push_back(std::move(*o));
  }
  return out;
}

Result<int64_t> SqlWorkOrderStore::CountPrior(const ports::PriorComplaints& q) {
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT COUNT(*) FROM work_orders WHERE household_id = $1 AND category = $2 AND "
      "season = $3 AND parent_id IS NULL AND received_at < $4",
      {q.household_id, std::string(rules::CategoryName(q.category)), int64_t{q.season},
       Unix(q.before)});
  if (!rows.ok()) return rows.error();
  return rows->Int(0, 0);
}

Result<std::vector<int64_t>> SqlWorkOrderStore::OpenOrderIds(int64_t after, int limit) {
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT DISTINCT order_id FROM work_order_deadlines WHERE open = 1 AND order_id > $1 "
      "ORDER BY order_id LIMIT " +
          std::to_string(std::clamp(limit, 1, 10000)),
      {after});
  if (!rows.ok()) return rows.error();
  std::vector<int64_t> out;
  for (size_t i = 0; i < rows->rows.size(); ++i) out.push_back(rows->Int(i, 0));
  return out;
}

Result<std::vector<WorkOrder>> SqlWorkOrderStore::ListActive(const ports::OrderActivityQuery& q) {
  // $1, $2: the range, used by each of the three conditions.
  std::vector<Value> params = {Unix(q.from), Unix(q.until)};
  std::string sql = std::string("SELECT ") + kOrderColumns +
                    " FROM work_orders WHERE ((received_at >= $1 AND received_at < $2) OR "
                    "EXISTS (SELECT 1 FROM work_order_events e WHERE e.order_id = work_orders.id "
                    "AND e.at >= $1 AND e.at < $2) OR "
                    "EXISTS (SELECT 1 FROM work_order_deadlines d WHERE d.order_id = "
                    "work_orders.id AND d.due >= $1 AND d.due < $2))";
  if (q.company_id) {
    params.push_back(*q.company_id);
    sql += " AND company_id = $" + std::to_string(params.size());
  }
  if (q.after) {
    params.push_back(*q.after);
    sql += " AND id > $" + std::to_string(params.size());
  }
  sql += " ORDER BY id LIMIT " + std::to_string(std::clamp(q.limit, 1, kMaxPageRows));
  MutexLock lock(mutex_);
  auto rows = conn_->Query(sql, params);
  if (!rows.ok()) return rows.error();
  std::vector<WorkOrder> out;
  out.reserve(rows->rows.size());
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    // The timeline as Get reads it (one query per order: a report, not a hot path).
    auto o = GetLocked(rows->Int(i, 0), true);
    if (!o.ok()) return o.error();
    out.push_back(std::move(*o));
  }
  return out;
}

}  // namespace hearth::adapters::storage

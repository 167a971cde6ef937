// What SqlWorkOrderStore's background workers read and mark, apart from its orders
// (work_order_sql.cpp): the deadlines due and not yet alerted (marked with their alerts' messages
// in one transaction), the outbox messages due for delivery and their outcome, and a household's
// messages. The outbox rows are written in the transactions that cause them (outbox_sql.hpp).
#include <algorithm>
#include <nlohmann/json.hpp>

#include "adapters/storage/outbox_sql.hpp"
#include "adapters/storage/sql_time.hpp"
#include "adapters/storage/work_order_sql.hpp"

namespace hearth::adapters::storage {
namespace {

using ports::OutboxMessage;

constexpr const char* kOutboxColumns =
    "id, message_id, receiver, topic, company_id, household_id, order_id, payload, created_at, "
    "attempts, next_attempt_at, delivered_at, last_error";

Error Corrupt(const std::string& what) {
  return Error::Internal("a stored outbox message is malformed: " + what);
}

Result<OutboxMessage> ToMessage(const Rows& rows, size_t i) {
  OutboxMessage m;
  size_t c = 0;
  m.id = rows.Int(i, c++);
  m.message_id = rows.Text(i, c++);
  m.receiver = rows.Text(i, c++);
  m.topic = rows.Text(i, c++);
  m.company_id = rows.Int(i, c++);
  if (!rows.IsNull(i, c)) m.household_id = rows.Int(i, c);
  ++c;
  if (!rows.IsNull(i, c)) m.order_id = rows.Int(i, c);
  ++c;
  auto payload = nlohmann::ordered_json::parse(rows.Text(i, c++), nullptr, false);
  if (payload.is_discarded() || !payload.is_object()) return Corrupt("payload");
  for (const auto& [key, value] : payload.items()) {
    m.fields.emplace_back(key, value.is_string() ? value.get<std::string>() : value.dump());
  }
  m.created_at = FromUnix(rows.Int(i, c++));
  m.attempts = static_cast<int>(rows.Int(i, c++));
  m.next_attempt_at = FromUnix(rows.Int(i, c++));
  if (!rows.IsNull(i, c)) m.delivered_at = FromUnix(rows.Int(i, c));
  ++c;
  m.last_error = rows.Text(i, c++);
  return m;
}

Result<std::vector<OutboxMessage>> ToMessages(const Result<Rows>& rows) {
  if (!rows.ok()) return rows.error();
  std::vector<OutboxMessage> out;
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    auto m = ToMessage(*rows, i);
    if (!m.ok()) return m.error();
    out.push_back(std::move(*m));
  }
  return out;
}

}  // namespace

Result<std::vector<ports::DueDeadline>> SqlWorkOrderStore::DueUnalerted(Instant before, int limit) {
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT order_id, company_id, name, due FROM work_order_deadlines WHERE open = 1 AND "
      "alerted = 0 AND due < $1 ORDER BY due, order_id LIMIT " +
          std::to_string(std::clamp(limit, 1, 100000)),
      {Unix(before)});
  if (!rows.ok()) return rows.error();
  std::vector<ports::DueDeadline> out;
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    ports::DueDeadline d;
    d.order_id = rows->Int(i, 0);
    d.company_id = rows->Int(i, 1);
    auto name = rules::ParseOrderDeadline(rows->Text(i, 2));
    if (!name) return Corrupt("deadline name " + rows->Text(i, 2));
    d.name = *name;
    d.due = FromUnix(rows->Int(i, 3));
    out.push_back(d);
  }
  return out;
}

Status SqlWorkOrderStore::MarkAlerted(std::span<const ports::DueDeadline> deadlines,
                                      std::span<const OutboxMessage> outbox) {
  MutexLock lock(mutex_);
  return InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    std::vector<OutboxMessage> keep;
    for (size_t i = 0; i < deadlines.size(); ++i) {
      const auto& d = deadlines[i];
      auto r = conn_->Query(
          "UPDATE work_order_deadlines SET alerted = 1 WHERE order_id = $1 AND name = $2 AND "
          "due = $3 AND alerted = 0",
          {d.order_id, std::string(rules::OrderDeadlineName(d.name)), Unix(d.due)});
      if (!r.ok()) return r.error();
      if (r->affected > 0 && i < outbox.size()) keep.push_back(outbox[i]);
    }
    return InsertOutbox(*conn_, keep);
  });
}

Result<std::vector<OutboxMessage>> SqlWorkOrderStore::OutboxDue(Instant now, int limit) {
  MutexLock lock(mutex_);
  return ToMessages(conn_->Query(std::string("SELECT ") + kOutboxColumns +
                                     " FROM outbox WHERE delivered_at IS NULL AND "
                                     "next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT " +
                                     std::to_string(std::clamp(limit, 1, 1000)),
                                 {Unix(now)}));
}

Status SqlWorkOrderStore::OutboxDelivered(int64_t id, Instant at) {
  MutexLock lock(mutex_);
  auto r = conn_->Query(
      "UPDATE outbox SET delivered_at = $1, attempts = attempts + 1 WHERE id = $2 AND "
      "delivered_at IS NULL",
      {Unix(at), id});
  if (!r.ok()) return r.error();
  return OkStatus();
}

Status SqlWorkOrderStore::OutboxFailed(int64_t id, const std::string& error,
                                       Instant next_attempt_at) {
  MutexLock lock(mutex_);
  auto r = conn_->Query(
      "UPDATE outbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2 WHERE "
      "id = $3 AND delivered_at IS NULL",
      {error, Unix(next_attempt_at), id});
  if (!r.ok()) return r.error();
  return OkStatus();
}

Result<std::vector<OutboxMessage>> SqlWorkOrderStore::HouseholdMessages(
    int64_t household_id, std::optional<int64_t> before, int limit) {
  Where where;
  where.And("household_id =", household_id);
  where.And("receiver = 'household'");
  if (before) where.And("id <", *before);
  MutexLock lock(mutex_);
  return ToMessages(conn_->Query(std::string("SELECT ") + kOutboxColumns + " FROM outbox WHERE " +
                                     where.sql() + " ORDER BY id DESC LIMIT " +
                                     std::to_string(std::clamp(limit, 1, kMaxPageRows)),
                                 where.params()));
}

}  // namespace hearth::adapters::storage

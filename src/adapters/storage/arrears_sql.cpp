#include "adapters/storage/arrears_sql.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "adapters/storage/audit_sql.hpp"
#include "adapters/storage/outbox_sql.hpp"
#include "adapters/storage/sql_time.hpp"

namespace hearth::adapters::storage {
namespace {

constexpr const char* kFeeColumns =
    "SELECT f.id, h.company_id, f.household_id, h.code, COALESCE(h.address, ''), f.season, "
    "f.due_on, f.amount, CAST(COALESCE((SELECT SUM(p.amount) FROM payments p WHERE p.fee_id = "
    "f.id), 0) AS BIGINT), h.heating_status, COALESCE(h.contract, ''), (SELECT MAX(c.id) FROM "
    "heating_changes c WHERE c.arrears_fee_id = f.id AND c.state = 'approved') "
    "FROM fees f JOIN households h ON h.id = f.household_id WHERE ";

constexpr const char* kReminderColumns =
    "SELECT r.id, r.fee_id, r.household_id, r.channel, r.sent_at, COALESCE(r.content, ''), "
    "r.proof, COALESCE(r.sent_by, ''), COALESCE(r.message_id, ''), o.delivered_at, "
    "COALESCE(o.attempts, 0), COALESCE(o.last_error, '') FROM reminders r "
    "LEFT JOIN outbox o ON o.message_id = r.message_id WHERE ";

Error Corrupt(const std::string& what) {
  return Error::Internal("a stored fee or reminder is malformed: " + what);
}

Result<ports::ReminderRecord> ToReminder(const Rows& rows, size_t i) {
  ports::ReminderRecord r;
  r.id = rows.Int(i, 0);
  r.fee_id = rows.Int(i, 1);
  r.household_id = rows.Int(i, 2);
  auto channel = rules::ParseReminderChannel(rows.Text(i, 3));
  auto sent = ParseRfc3339(rows.Text(i, 4));
  if (!channel || !sent.ok()) return Corrupt("reminder " + std::to_string(r.id));
  r.channel = *channel;
  r.sent_at = *sent;
  r.content = rows.Text(i, 5);
  r.proof = rows.Text(i, 6);
  r.sent_by = rows.Text(i, 7);
  r.message_id = rows.Text(i, 8);
  r.delivered_at = OptTime(rows, i, 9);
  r.attempts = static_cast<int>(rows.Int(i, 10));
  r.last_error = rows.Text(i, 11);
  return r;
}

rules::StopSteps StepsOf(const std::string& contract) {
  rules::StopSteps steps = rules::kDefaultStopSteps;
  if (contract.empty()) return steps;
  const auto j = nlohmann::json::parse(contract, nullptr, false);
  if (!j.is_object()) return steps;
  for (auto [key, out] : {std::pair{"arrears_reminders", &steps.reminders},
                          std::pair{"arrears_notice_days", &steps.notice_days}}) {
    auto it = j.find(key);
    if (it == j.end()) continue;
    *out = it->is_number_integer() && it->get<int64_t>() >= 0 && it->get<int64_t>() <= 1000
               ? static_cast<int>(it->get<int64_t>())
               : 0;
  }
  return steps;
}

}  // namespace

Result<std::vector<ports::ArrearsRecord>> SqlArrearsStore::Read(const Where& where,
                                                                 const std::string& tail) {
  auto rows = conn_->Query(kFeeColumns + where.sql() + tail, where.params());
  if (!rows.ok()) return rows.error();
  std::vector<ports::ArrearsRecord> out;
  out.reserve(rows->rows.size());
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    ports::ArrearsRecord a;
    a.fee_id = rows->Int(i, 0);
    a.company_id = rows->Int(i, 1);
    a.household_id = rows->Int(i, 2);
    a.household_code = rows->Text(i, 3);
    a.address = rows->Text(i, 4);
    a.season = static_cast<int>(rows->Int(i, 5));
    auto due = ParseDate(rows->Text(i, 6));
    if (!due.ok()) return Corrupt("fee " + std::to_string(a.fee_id) + "'s due_on");
    a.due_on = *due;
    a.amount_fen = rows->Int(i, 7);
    a.paid_fen = rows->Int(i, 8);
    a.heated = rows->Text(i, 9) == "heated";
    a.steps = StepsOf(rows->Text(i, 10));
    if (!rows->IsNull(i, 11)) a.stop_id = rows->Int(i, 11);
    out.push_back(std::move(a));
  }
  if (auto s = AttachReminders(out); !s.ok()) return s.error();
  return out;
}

Status SqlArrearsStore::AttachReminders(std::vector<ports::ArrearsRecord>& fees) {
  if (fees.empty()) return OkStatus();
  std::vector<Value> ids;
  for (const ports::ArrearsRecord& f : fees) ids.emplace_back(f.fee_id);
  auto rows = conn_->Query(std::string(kReminderColumns) + "r.fee_id IN (" +
                               Placeholders(1, ids.size()) + ") ORDER BY r.id DESC",
                           ids);
  if (!rows.ok()) return rows.error();
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    auto r = ToReminder(*rows, i);
    if (!r.ok()) return r.error();
    auto fee = std::find_if(fees.begin(), fees.end(),
                            [&](const ports::ArrearsRecord& f) { return f.fee_id == r->fee_id; });
    if (fee != fees.end()) fee->reminders.push_back(std::move(*r));
  }
  return OkStatus();
}

Result<std::vector<ports::ArrearsRecord>> SqlArrearsStore::Overdue(const ports::ArrearsQuery& q) {
  Where where;
  where.And("f.due_on <", FormatDate(q.overdue_on));
  where.And(
      "f.amount > CAST(COALESCE((SELECT SUM(p.amount) FROM payments p WHERE p.fee_id = f.id), 0) "
      "AS BIGINT)");
  if (q.company_id) where.And("h.company_id =", *q.company_id);
  if (q.household_id) where.And("f.household_id =", *q.household_id);
  if (q.season) where.And("f.season =", int64_t{*q.season});
  if (q.before) where.And("f.id <", *q.before);
  MutexLock lock(mutex_);
  return Read(where, " ORDER BY f.id DESC LIMIT " +
                         std::to_string(std::clamp(q.limit, 1, kMaxPageRows)));
}

Result<ports::ArrearsRecord> SqlArrearsStore::Fee(int64_t fee_id) {
  Where where;
  where.And("f.id =", fee_id);
  MutexLock lock(mutex_);
  auto read = Read(where, "");
  if (!read.ok()) return read.error();
  if (read->empty()) return Error::NotFound("no fee " + std::to_string(fee_id), "id");
  return std::move(read->front());
}

Result<ports::ReminderRecord> SqlArrearsStore::Remind(
    const ports::ReminderRecord& in, const std::optional<ports::OutboxMessage>& message) {
  MutexLock lock(mutex_);
  int64_t id = 0;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto ins = conn_->Query(
        "INSERT INTO reminders (household_id, sent_at, channel, proof, fee_id, content, sent_by) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        {in.household_id, FormatLocal(in.sent_at),
         std::string(rules::ReminderChannelName(in.channel)), in.proof, in.fee_id, in.content,
         in.sent_by});
    if (!ins.ok()) return ins.error();
    id = ins->Int(0, 0);
    if (message) {
      ports::OutboxMessage m = *message;
      m.message_id = "reminder-" + std::to_string(id) + "-" + m.message_id;
      auto u = conn_->Query("UPDATE reminders SET message_id = $1 WHERE id = $2",
                            {m.message_id, id});
      if (!u.ok()) return u.error();
      if (auto o = InsertOutbox(*conn_, std::span(&m, 1)); !o.ok()) return o;
    }
    const nlohmann::json after = {{"household_id", in.household_id},
                                  {"fee_id", in.fee_id},
                                  {"channel", rules::ReminderChannelName(in.channel)},
                                  {"sent_at", FormatLocal(in.sent_at)},
                                  {"content", in.content},
                                  {"proof", in.proof}};
    return InsertAudit(*conn_, {0, "", in.sent_by, "create", "reminders", id, "", after.dump()});
  });
  if (!s.ok()) return s.error();
  Where where;
  where.And("r.id =", id);
  auto rows = conn_->Query(kReminderColumns + where.sql(), where.params());
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return Error::Internal("reminder " + std::to_string(id) + " vanished");
  return ToReminder(*rows, 0);
}

}  // namespace hearth::adapters::storage

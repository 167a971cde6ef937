#include "adapters/storage/meter_dispute_sql.hpp"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

#include "adapters/storage/record_change_sql.hpp"
#include "adapters/storage/sql_time.hpp"

namespace hearth::adapters::storage {
namespace {

using nlohmann::json;
using ports::MeterDispute;

constexpr const char* kColumns =
    "id, company_id, household_id, raised_by, reason, state, result, reference, cost_fen, "
    "calibrated_at, calibrated_by, withdrawn_at, note, created_by, created_at";

Error Corrupt(const std::string& what) {
  return Error::Internal("a stored meter dispute is malformed: " + what);
}

Result<MeterDispute> ToDispute(const Rows& rows, size_t i) {
  MeterDispute d;
  size_t k = 0;
  d.id = rows.Int(i, k++);
  d.company_id = rows.Int(i, k++);
  d.household_id = rows.Int(i, k++);
  auto party = rules::ParseParty(rows.Text(i, k++));
  if (!party) return Corrupt("raised_by");
  d.raised_by = *party;
  d.reason = rows.Text(i, k++);
  auto state = rules::ParseDisputeState(rows.Text(i, k++));
  if (!state) return Corrupt("state");
  d.state = *state;
  if (!rows.IsNull(i, k)) {
    d.result = rules::ParseCalibrationResult(rows.Text(i, k));
    if (!d.result) return Corrupt("result");
  }
  ++k;
  d.reference = rows.Text(i, k++);
  if (!rows.IsNull(i, k)) d.cost_fen = rows.Int(i, k);
  ++k;
  d.calibrated_at = OptTime(rows, i, k++);
  d.calibrated_by = rows.Text(i, k++);
  d.withdrawn_at = OptTime(rows, i, k++);
  d.note = rows.Text(i, k++);
  d.created_by = rows.Text(i, k++);
  d.created_at = FromUnix(rows.Int(i, k++));
  return d;
}

/// What the audit keeps of a dispute: its facts, not the reason's text.
std::string StateJson(const MeterDispute& d) {
  json j = {{"household_id", d.household_id},
            {"raised_by", rules::PartyName(d.raised_by)},
            {"state", rules::DisputeStateName(d.state)}};
  if (d.result) j["result"] = rules::CalibrationResultName(*d.result);
  if (!d.reference.empty()) j["reference"] = d.reference;
  if (d.cost_fen) j["cost_fen"] = *d.cost_fen;
  if (d.calibrated_at) j["calibrated_at"] = FormatLocal(*d.calibrated_at);
  if (d.withdrawn_at) j["withdrawn_at"] = FormatLocal(*d.withdrawn_at);
  return j.dump();
}

/// The step that left a dispute in `state` (a dispute leaves open once, calibrated or withdrawn).
std::string_view StepName(rules::DisputeState state) {
  return rules::DisputeActionName(state == rules::DisputeState::kCalibrated
                                      ? rules::DisputeAction::kCalibrate
                                      : rules::DisputeAction::kWithdraw);
}

}  // namespace

Result<MeterDispute> SqlMeterDisputeStore::Create(const MeterDispute& in,
                                                  std::span<const ports::OutboxMessage> outbox) {
  MutexLock lock(mutex_);
  int64_t id = 0;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto ins = conn_->Query(
        "INSERT INTO meter_disputes (company_id, household_id, raised_by, reason, state, "
        "created_by, created_at) VALUES ($1, $2, $3, $4, 'open', $5, $6) RETURNING id",
        {in.company_id, in.household_id, std::string(rules::PartyName(in.raised_by)), in.reason,
         in.created_by, Unix(in.created_at)});
    if (!ins.ok()) return ins.error();
    id = ins->Int(0, 0);
    auto after = GetLocked(id);
    if (!after.ok()) return after.error();
    return FinishChange(
        *conn_, {"meter-dispute", "meter_disputes", id, in.created_by, "", StateJson(*after)},
        outbox);
  });
  if (!s.ok()) return s.error();
  return GetLocked(id);
}

Result<MeterDispute> SqlMeterDisputeStore::GetLocked(int64_t id) {
  auto rows =
      conn_->Query(std::string("SELECT ") + kColumns + " FROM meter_disputes WHERE id = $1", {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return Error::NotFound("no meter dispute " + std::to_string(id), "id");
  return ToDispute(*rows, 0);
}

Result<MeterDispute> SqlMeterDisputeStore::Get(int64_t id) {
  MutexLock lock(mutex_);
  return GetLocked(id);
}

Result<std::vector<MeterDispute>> SqlMeterDisputeStore::List(const ports::MeterDisputeQuery& q) {
  Where where;
  if (q.company_id) where.And("company_id =", *q.company_id);
  if (q.household_id) where.And("household_id =", *q.household_id);
  if (q.state) where.And("state =", std::string(rules::DisputeStateName(*q.state)));
  if (q.before) where.And("id <", *q.before);
  const std::string sql = std::string("SELECT ") + kColumns + " FROM meter_disputes WHERE " +
                          where.sql() + " ORDER BY id DESC LIMIT " +
                          std::to_string(std::clamp(q.limit, 1, kMaxPageRows));
  MutexLock lock(mutex_);
  auto rows = conn_->Query(sql, where.params());
  if (!rows.ok()) return rows.error();
  std::vector<MeterDispute> out;
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    auto d = ToDispute(*rows, i);
    if (!d.ok()) return d.error();
    out.push_back(std::move(*d));
  }
  return out;
}

Result<MeterDispute> SqlMeterDisputeStore::Move(int64_t id, rules::DisputeState from,
                                                const MeterDispute& after, const std::string& actor,
                                                std::span<const ports::OutboxMessage> outbox) {
  MutexLock lock(mutex_);
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto before = GetLocked(id);
    if (!before.ok()) return before.error();
    auto u = conn_->Query(
        "UPDATE meter_disputes SET state = $1, result = $2, reference = $3, cost_fen = $4, "
        "calibrated_at = $5, calibrated_by = $6, withdrawn_at = $7, note = $8 WHERE id = $9 AND "
        "state = $10",
        {std::string(rules::DisputeStateName(after.state)),
         after.result ? Value{std::string(rules::CalibrationResultName(*after.result))}
                      : Value{nullptr},
         after.reference, after.cost_fen ? Value{*after.cost_fen} : Value{nullptr},
         Opt(after.calibrated_at), after.calibrated_by, Opt(after.withdrawn_at), after.note, id,
         std::string(rules::DisputeStateName(from))});
    if (!u.ok()) return u.error();
    if (u->affected != 1) {
      return ChangedMeanwhile("meter dispute", id, rules::DisputeStateName(before->state));
    }
    auto now = GetLocked(id);
    if (!now.ok()) return now.error();
    return FinishChange(*conn_,
                        {"meter-dispute", "meter_disputes", id, actor, StateJson(*before),
                         WithStep(StateJson(*now), StepName(after.state), after.note)},
                        outbox);
  });
  if (!s.ok()) return s.error();
  return GetLocked(id);
}

}  // namespace hearth::adapters::storage

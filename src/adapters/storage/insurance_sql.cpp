#include "adapters/storage/insurance_sql.hpp"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

#include "adapters/storage/record_change_sql.hpp"
#include "adapters/storage/sql_time.hpp"

namespace hearth::adapters::storage {
namespace {

using nlohmann::json;
using ports::ClaimEvent;
using ports::InsuranceClaim;

constexpr const char* kColumns =
    "id, company_id, household_id, incident_at, incident, injuries, photos, losses, state, "
    "insurer, insurer_reference, notified_at, amount_fen, agreed_at, paid_at, payment_reference, "
    "exclusion, rejected_at, created_by, created_at";

Error Corrupt(const std::string& what) {
  return Error::Internal("a stored insurance claim is malformed: " + what);
}

json LossesJson(const std::vector<ports::ClaimLoss>& losses) {
  json out = json::array();
  for (const auto& l : losses) {
    out.push_back({{"item", l.item},
                   {"estimate_fen", l.estimate_fen ? json(*l.estimate_fen) : json(nullptr)}});
  }
  return out;
}

Result<std::vector<ports::ClaimLoss>> ParseLosses(const std::string& text) {
  auto j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_array()) return Corrupt("losses");
  std::vector<ports::ClaimLoss> out;
  for (const auto& l : j) {
    if (!l.is_object() || !l.contains("item") || !l["item"].is_string()) return Corrupt("losses");
    ports::ClaimLoss loss{l["item"].get<std::string>(), std::nullopt};
    if (l.contains("estimate_fen") && l["estimate_fen"].is_number_integer()) {
      loss.estimate_fen = l["estimate_fen"].get<int64_t>();
    }
    out.push_back(std::move(loss));
  }
  return out;
}

Result<InsuranceClaim> ToClaim(const Rows& rows, size_t i) {
  InsuranceClaim c;
  size_t k = 0;
  c.id = rows.Int(i, k++);
  c.company_id = rows.Int(i, k++);
  c.household_id = rows.Int(i, k++);
  c.incident_at = FromUnix(rows.Int(i, k++));
  c.incident = rows.Text(i, k++);
  c.injuries = rows.Int(i, k++) != 0;
  auto photos = json::parse(rows.Text(i, k++), nullptr, false);
  if (photos.is_discarded() || !photos.is_array()) return Corrupt("photos");
  for (const auto& p : photos) {
    if (!p.is_string()) return Corrupt("photos");
    c.photos.push_back(p.get<std::string>());
  }
  auto losses = ParseLosses(rows.Text(i, k++));
  if (!losses.ok()) return losses.error();
  c.losses = std::move(*losses);
  auto state = rules::ParseClaimState(rows.Text(i, k++));
  if (!state) return Corrupt("state");
  c.state = *state;
  c.insurer = rows.Text(i, k++);
  c.insurer_reference = rows.Text(i, k++);
  c.notified_at = OptTime(rows, i, k++);
  if (!rows.IsNull(i, k)) c.amount_fen = rows.Int(i, k);
  ++k;
  c.agreed_at = OptTime(rows, i, k++);
  c.paid_at = OptTime(rows, i, k++);
  c.payment_reference = rows.Text(i, k++);
  if (!rows.IsNull(i, k)) {
    c.exclusion = rules::ParseClaimExclusion(rows.Text(i, k));
    if (!c.exclusion) return Corrupt("exclusion");
  }
  ++k;
  c.rejected_at = OptTime(rows, i, k++);
  c.created_by = rows.Text(i, k++);
  c.created_at = FromUnix(rows.Int(i, k++));
  return c;
}

/// What the audit keeps of a claim: its facts, not the incident's text (it may name people).
std::string StateJson(const InsuranceClaim& c) {
  json j = {{"household_id", c.household_id}, {"incident_at", FormatLocal(c.incident_at)},
            {"injuries", c.injuries},         {"photos", c.photos.size()},
            {"losses", c.losses.size()},      {"state", rules::ClaimStateName(c.state)}};
  if (!c.insurer.empty()) j["insurer"] = c.insurer;
  if (c.amount_fen) j["amount_fen"] = *c.amount_fen;
  if (c.paid_at) j["paid_at"] = FormatLocal(*c.paid_at);
  if (!c.payment_reference.empty()) j["payment_reference"] = c.payment_reference;
  if (c.exclusion) j["exclusion"] = rules::ClaimExclusionName(*c.exclusion);
  return j.dump();
}

json DetailsJson(const ClaimEvent& e) {
  json j = json::object();
  if (e.amount_fen) j["amount_fen"] = *e.amount_fen;
  if (e.exclusion) j["exclusion"] = rules::ClaimExclusionName(*e.exclusion);
  if (!e.insurer.empty()) j["insurer"] = e.insurer;
  if (!e.reference.empty()) j["reference"] = e.reference;
  return j;
}

Status ReadDetails(const std::string& text, ClaimEvent& e) {
  auto j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Corrupt("history");
  if (auto it = j.find("amount_fen"); it != j.end() && it->is_number_integer()) {
    e.amount_fen = it->get<int64_t>();
  }
  if (auto it = j.find("exclusion"); it != j.end() && it->is_string()) {
    e.exclusion = rules::ParseClaimExclusion(it->get<std::string>());
    if (!e.exclusion) return Corrupt("history");
  }
  if (auto it = j.find("insurer"); it != j.end() && it->is_string()) e.insurer = *it;
  if (auto it = j.find("reference"); it != j.end() && it->is_string()) e.reference = *it;
  return OkStatus();
}

}  // namespace

Status SqlInsuranceStore::AppendEvent(int64_t id, int64_t seq, const ClaimEvent& e) {
  auto r = conn_->Query(
      "INSERT INTO insurance_claim_events (claim_id, seq, action, state, actor, role, note, "
      "details, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {id, seq, std::string(rules::ClaimActionName(e.action)),
       std::string(rules::ClaimStateName(e.state)), e.actor, e.role, e.note, DetailsJson(e).dump(),
       Unix(e.at)});
  if (!r.ok()) return r.error();
  return OkStatus();
}

Result<InsuranceClaim> SqlInsuranceStore::Create(const InsuranceClaim& in,
                                                 const ClaimEvent& recorded,
                                                 std::span<const ports::OutboxMessage> outbox) {
  MutexLock lock(mutex_);
  int64_t id = 0;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto ins = conn_->Query(
        "INSERT INTO insurance_claims (company_id, household_id, incident_at, incident, "
        "injuries, photos, losses, state, created_by, created_at) VALUES ($1, $2, $3, $4, $5, "
        "$6, $7, 'recorded', $8, $9) RETURNING id",
        {in.company_id, in.household_id, Unix(in.incident_at), in.incident,
         int64_t{in.injuries ? 1 : 0}, json(in.photos).dump(), LossesJson(in.losses).dump(),
         in.created_by, Unix(in.created_at)});
    if (!ins.ok()) return ins.error();
    id = ins->Int(0, 0);
    ClaimEvent first = recorded;
    first.action = rules::ClaimAction::kRecord;
    first.state = rules::ClaimState::kRecorded;
    if (auto e = AppendEvent(id, 1, first); !e.ok()) return e;
    auto after = GetLocked(id, false);
    if (!after.ok()) return after.error();
    return FinishChange(
        *conn_, {"claim", "insurance_claims", id, in.created_by, "", StateJson(*after)}, outbox);
  });
  if (!s.ok()) return s.error();
  return GetLocked(id, true);
}

Result<InsuranceClaim> SqlInsuranceStore::GetLocked(int64_t id, bool with_history) {
  auto rows = conn_->Query(
      std::string("SELECT ") + kColumns + " FROM insurance_claims WHERE id = $1", {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return Error::NotFound("no insurance claim " + std::to_string(id), "id");
  auto c = ToClaim(*rows, 0);
  if (!c.ok() || !with_history) return c;
  auto events = conn_->Query(
      "SELECT action, state, actor, role, note, at, details FROM insurance_claim_events WHERE "
      "claim_id = $1 ORDER BY seq",
      {id});
  if (!events.ok()) return events.error();
  for (size_t i = 0; i < events->rows.size(); ++i) {
    auto action = rules::ParseClaimAction(events->Text(i, 0));
    auto state = rules::ParseClaimState(events->Text(i, 1));
    if (!action || !state) return Corrupt("history");
    ClaimEvent e;
    e.action = *action;
    e.state = *state;
    e.actor = events->Text(i, 2);
    e.role = events->Text(i, 3);
    e.note = events->Text(i, 4);
    e.at = FromUnix(events->Int(i, 5));
    if (auto d = ReadDetails(events->Text(i, 6), e); !d.ok()) return d.error();
    c->history.push_back(std::move(e));
  }
  return c;
}

Result<InsuranceClaim> SqlInsuranceStore::Get(int64_t id) {
  MutexLock lock(mutex_);
  return GetLocked(id, true);
}

Result<std::vector<InsuranceClaim>> SqlInsuranceStore::List(const ports::ClaimQuery& q) {
  Where where;
  if (q.company_id) where.And("company_id =", *q.company_id);
  if (q.household_id) where.And("household_id =", *q.household_id);
  if (q.state) where.And("state =", std::string(rules::ClaimStateName(*q.state)));
  if (q.before) where.And("id <", *q.before);
  const std::string sql = std::string("SELECT ") + kColumns + " FROM insurance_claims WHERE " +
                          where.sql() + " ORDER BY id DESC LIMIT " +
                          std::to_string(std::clamp(q.limit, 1, kMaxPageRows));
  MutexLock lock(mutex_);
  auto rows = conn_->Query(sql, where.params());
  if (!rows.ok()) return rows.error();
  std::vector<InsuranceClaim> out;
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    auto c = ToClaim(*rows, i);
    if (!c.ok()) return c.error();
    out.push_back(std::move(*c));
  }
  return out;
}

Result<InsuranceClaim> SqlInsuranceStore::Move(int64_t id, rules::ClaimState from,
                                               const InsuranceClaim& after, const ClaimEvent& event,
                                               std::span<const ports::OutboxMessage> outbox) {
  MutexLock lock(mutex_);
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto before = GetLocked(id, true);
    if (!before.ok()) return before.error();
    auto u = conn_->Query(
        "UPDATE insurance_claims SET state = $1, insurer = $2, insurer_reference = $3, "
        "notified_at = $4, amount_fen = $5, agreed_at = $6, paid_at = $7, payment_reference = "
        "$8, exclusion = $9, rejected_at = $10 WHERE id = $11 AND state = $12",
        {std::string(rules::ClaimStateName(after.state)), after.insurer, after.insurer_reference,
         Opt(after.notified_at), Opt(after.amount_fen), Opt(after.agreed_at), Opt(after.paid_at),
         after.payment_reference,
         after.exclusion ? Value{std::string(rules::ClaimExclusionName(*after.exclusion))}
                         : Value{nullptr},
         Opt(after.rejected_at), id, std::string(rules::ClaimStateName(from))});
    if (!u.ok()) return u.error();
    if (u->affected != 1) {
      return ChangedMeanwhile("insurance claim", id, rules::ClaimStateName(before->state));
    }
    const auto seq = static_cast<int64_t>(before->history.size()) + 1;
    if (auto e = AppendEvent(id, seq, event); !e.ok()) return e;
    auto now = GetLocked(id, false);
    if (!now.ok()) return now.error();
    return FinishChange(
        *conn_,
        {"claim", "insurance_claims", id, event.actor, StateJson(*before),
         WithStep(StateJson(*now), rules::ClaimActionName(event.action), event.note)},
        outbox);
  });
  if (!s.ok()) return s.error();
  return GetLocked(id, true);
}

}  // namespace hearth::adapters::storage

#include "adapters/storage/heating_change_sql.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "adapters/storage/audit_sql.hpp"
#include "adapters/storage/record_change_sql.hpp"
#include "adapters/storage/sql_time.hpp"

namespace hearth::adapters::storage {
namespace {

using nlohmann::json;
using ports::HeatingChangeRecord;
using rules::HeatingChangeDocument;
using rules::HeatingChangeKind;

constexpr const char* kColumns =
    "id, company_id, household_id, applicant, kind, received_at, received_day, effective, heated, "
    "area_before, area_after, metered, documents, note, state, decided_at, decided_by, reason, "
    "decision_note, settlement_fen, settlement_area, settlement_days, season_days, season, "
    "price_fen, version, created_by, created_at, arrears_fee_id";

Error Corrupt(const std::string& what) {
  return Error::Internal("a stored heating change is malformed: " + what);
}

json DocumentsJson(const std::set<HeatingChangeDocument>& documents) {
  json out = json::array();
  for (HeatingChangeDocument d : documents) out.push_back(rules::HeatingChangeDocumentName(d));
  return out;
}

Status ReadDocuments(const std::string& text, std::set<HeatingChangeDocument>& out) {
  auto j = json::parse(text, nullptr, false);
  if (!j.is_array()) return Corrupt("documents");
  for (const auto& d : j) {
    auto doc =
        d.is_string() ? rules::ParseHeatingChangeDocument(d.get<std::string>()) : std::nullopt;
    if (!doc) return Corrupt("documents");
    out.insert(*doc);
  }
  return OkStatus();
}

Result<HeatingChangeRecord> ToRecord(const Rows& rows, size_t i) {
  HeatingChangeRecord c;
  size_t k = 0;
  c.id = rows.Int(i, k++);
  c.company_id = rows.Int(i, k++);
  c.household_id = rows.Int(i, k++);
  c.applicant = rows.Text(i, k++);
  auto kind = rules::ParseHeatingChangeKind(rows.Text(i, k++));
  if (!kind) return Corrupt("kind");
  c.change.kind = *kind;
  c.received_at = FromUnix(rows.Int(i, k++));
  auto received = ParseDate(rows.Text(i, k++));
  auto effective = ParseDate(rows.Text(i, k++));
  if (!received.ok() || !effective.ok()) return Corrupt("days");
  c.change.received = *received;
  c.change.effective = *effective;
  c.change.heated = rows.Int(i, k++) != 0;
  c.change.area_before = rows.Int(i, k++);
  c.change.area_after = rows.Int(i, k++);
  c.metered = rows.Int(i, k++) != 0;
  if (auto d = ReadDocuments(rows.Text(i, k++), c.change.documents); !d.ok()) return d.error();
  c.note = rows.Text(i, k++);
  auto state = rules::ParseHeatingChangeState(rows.Text(i, k++));
  if (!state) return Corrupt("state");
  c.state = *state;
  c.decided_at = OptTime(rows, i, k++);
  c.decided_by = rows.Text(i, k++);
  c.reason = rows.Text(i, k++);
  c.decision_note = rows.Text(i, k++);
  if (!rows.IsNull(i, k)) {
    rules::HeatingChangeSettlement s;
    s.amount_fen = rows.Int(i, k);
    s.area = rows.Int(i, k + 1);
    s.days = static_cast<int>(rows.Int(i, k + 2));
    s.season_days = static_cast<int>(rows.Int(i, k + 3));
    s.season = static_cast<int>(rows.Int(i, k + 4));
    s.price_fen = rows.Int(i, k + 5);
    c.settlement = s;
  }
  k += 6;
  c.version = rows.Int(i, k++);
  c.created_by = rows.Text(i, k++);
  c.created_at = FromUnix(rows.Int(i, k++));
  if (!rows.IsNull(i, k)) c.arrears_fee_id = rows.Int(i, k);
  return c;
}

/// What the audit keeps of an application: its facts, not the applicant's name.
std::string StateJson(const HeatingChangeRecord& c) {
  json j = {{"household_id", c.household_id},
            {"kind", rules::HeatingChangeKindName(c.change.kind)},
            {"received_at", FormatLocal(c.received_at)},
            {"effective", FormatDate(c.change.effective)},
            {"heated", c.change.heated},
            {"area_before", c.change.area_before},
            {"area_after", c.change.area_after},
            {"metered", c.metered},
            {"documents", DocumentsJson(c.change.documents)},
            {"state", rules::HeatingChangeStateName(c.state)}};
  if (c.decided_at) j["decided_at"] = FormatLocal(*c.decided_at);
  if (c.arrears_fee_id) j["arrears_fee_id"] = *c.arrears_fee_id;
  if (!c.reason.empty()) j["reason"] = c.reason;
  if (c.settlement) {
    j["settlement_fen"] = c.settlement->amount_fen;
    j["settlement_days"] = c.settlement->days;
    j["season"] = c.settlement->season;
    j["price_fen"] = c.settlement->price_fen;
  }
  return j.dump();
}

Value OptSettlement(const HeatingChangeRecord& c, int64_t rules::HeatingChangeSettlement::*field) {
  return c.settlement ? Value{(*c.settlement).*field} : Value{nullptr};
}
Value OptSettlement(const HeatingChangeRecord& c, int rules::HeatingChangeSettlement::*field) {
  return c.settlement ? Value{int64_t{(*c.settlement).*field}} : Value{nullptr};
}

}  // namespace

Status SqlHeatingChangeStore::ChangeHousehold(const HeatingChangeRecord& c,
                                              const std::string& actor) {
  const bool status =
      c.change.kind == HeatingChangeKind::kStop || c.change.kind == HeatingChangeKind::kResume;
  const std::string was_status = c.change.heated ? "heated" : "stopped";
  const std::string to_status = c.change.kind == HeatingChangeKind::kStop ? "stopped" : "heated";
  auto u = status
               ? conn_->Query(
                     "UPDATE households SET heating_status = $1 WHERE id = $2 AND "
                     "heating_status = $3",
                     {to_status, c.household_id, was_status})
               : conn_->Query("UPDATE households SET area_m2 = $1 WHERE id = $2 AND area_m2 = $3",
                              {c.change.area_after, c.household_id, c.change.area_before});
  if (!u.ok()) return u.error();
  if (u->affected != 1) {
    return Error::FailedPrecondition(
        "household " + std::to_string(c.household_id) + "'s " +
            (status ? "heating status" : "heated area") +
            " changed since the application was received: refuse it, and take in a new one",
        "household");
  }
  const json before =
      status ? json{{"heating_status", was_status}} : json{{"area_m2", c.change.area_before}};
  json after =
      status ? json{{"heating_status", to_status}} : json{{"area_m2", c.change.area_after}};
  after["heating_change_id"] = c.id;
  return InsertAudit(
      *conn_, {0, "", actor, "update", "households", c.household_id, before.dump(), after.dump()});
}

Result<HeatingChangeRecord> SqlHeatingChangeStore::Create(
    const HeatingChangeRecord& in, std::span<const ports::OutboxMessage> outbox) {
  MutexLock lock(mutex_);
  int64_t id = 0;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto ins = conn_->Query(
        "INSERT INTO heating_changes (company_id, household_id, applicant, kind, received_at, "
        "received_day, effective, heated, area_before, area_after, metered, documents, note, "
        "state, version, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
        "$11, $12, $13, 'received', 1, $14, $15) RETURNING id",
        {in.company_id, in.household_id, in.applicant,
         std::string(rules::HeatingChangeKindName(in.change.kind)), Unix(in.received_at),
         FormatDate(in.change.received), FormatDate(in.change.effective),
         int64_t{in.change.heated ? 1 : 0}, in.change.area_before, in.change.area_after,
         int64_t{in.metered ? 1 : 0}, DocumentsJson(in.change.documents).dump(), in.note,
         in.created_by, Unix(in.created_at)});
    if (!ins.ok()) return ins.error();
    id = ins->Int(0, 0);
    auto after = GetLocked(id);
    if (!after.ok()) return after.error();
    return FinishChange(*conn_,
                        {"heating-change", "heating_changes", id, in.created_by, "",
                         WithStep(StateJson(*after), "apply", in.note)},
                        outbox);
  });
  if (!s.ok()) return s.error();
  return GetLocked(id);
}

Result<HeatingChangeRecord> SqlHeatingChangeStore::StopForArrears(
    const HeatingChangeRecord& in, std::span<const ports::OutboxMessage> outbox) {
  using S = rules::HeatingChangeSettlement;
  if (!in.arrears_fee_id || in.change.kind != HeatingChangeKind::kStop) {
    return Error::Internal("StopForArrears takes a stop naming its fee");
  }
  MutexLock lock(mutex_);
  int64_t id = 0;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto dup = conn_->Query(
        "SELECT id FROM heating_changes WHERE arrears_fee_id = $1 AND state = 'approved'",
        {*in.arrears_fee_id});
    if (!dup.ok()) return dup.error();
    if (!dup->empty()) {
      return Error::AlreadyExists("heat is already stopped for this fee (heating change " +
                                      std::to_string(dup->Int(0, 0)) + ")",
                                  "fee");
    }
    auto ins = conn_->Query(
        "INSERT INTO heating_changes (company_id, household_id, applicant, kind, received_at, "
        "received_day, effective, heated, area_before, area_after, metered, documents, note, "
        "state, decided_at, decided_by, reason, decision_note, settlement_fen, settlement_area, "
        "settlement_days, season_days, season, price_fen, version, created_by, created_at, "
        "arrears_fee_id) VALUES ($1, $2, $3, 'stop', $4, $5, $6, 1, $7, $7, $8, '[]', $9, "
        "'approved', $10, $11, '', $12, $13, $14, $15, $16, $17, $18, 1, $11, $4, $19) "
        "RETURNING id",
        {in.company_id, in.household_id, in.applicant, Unix(in.received_at),
         FormatDate(in.change.received), FormatDate(in.change.effective), in.change.area_before,
         int64_t{in.metered ? 1 : 0}, in.note, Opt(in.decided_at), in.decided_by,
         in.decision_note, OptSettlement(in, &S::amount_fen), OptSettlement(in, &S::area),
         OptSettlement(in, &S::days), OptSettlement(in, &S::season_days),
         OptSettlement(in, &S::season), OptSettlement(in, &S::price_fen), *in.arrears_fee_id});
    if (!ins.ok()) return ins.error();
    id = ins->Int(0, 0);
    auto after = GetLocked(id);
    if (!after.ok()) return after.error();
    if (auto c = ChangeHousehold(*after, in.decided_by); !c.ok()) return c;
    return FinishChange(*conn_,
                        {"heating-change", "heating_changes", id, in.decided_by, "",
                         WithStep(StateJson(*after), "stop-for-arrears", in.decision_note)},
                        outbox);
  });
  if (!s.ok()) return s.error();
  return GetLocked(id);
}

Result<HeatingChangeRecord> SqlHeatingChangeStore::GetLocked(int64_t id) {
  auto rows =
      conn_->Query(std::string("SELECT ") + kColumns + " FROM heating_changes WHERE id = $1", {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return Error::NotFound("no heating change " + std::to_string(id), "id");
  return ToRecord(*rows, 0);
}

Result<HeatingChangeRecord> SqlHeatingChangeStore::Get(int64_t id) {
  MutexLock lock(mutex_);
  return GetLocked(id);
}

Result<std::vector<HeatingChangeRecord>> SqlHeatingChangeStore::List(
    const ports::HeatingChangeQuery& q) {
  Where where;
  if (q.company_id) where.And("company_id =", *q.company_id);
  if (q.household_id) where.And("household_id =", *q.household_id);
  if (q.state) where.And("state =", std::string(rules::HeatingChangeStateName(*q.state)));
  if (q.kind) where.And("kind =", std::string(rules::HeatingChangeKindName(*q.kind)));
  if (q.before) where.And("id <", *q.before);
  const std::string sql = std::string("SELECT ") + kColumns + " FROM heating_changes WHERE " +
                          where.sql() + " ORDER BY id DESC LIMIT " +
                          std::to_string(std::clamp(q.limit, 1, kMaxPageRows));
  MutexLock lock(mutex_);
  auto rows = conn_->Query(sql, where.params());
  if (!rows.ok()) return rows.error();
  std::vector<HeatingChangeRecord> out;
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    auto c = ToRecord(*rows, i);
    if (!c.ok()) return c.error();
    out.push_back(std::move(*c));
  }
  return out;
}

Result<std::vector<ports::ApprovedHeatingChange>> SqlHeatingChangeStore::ApprovedAfter(
    int64_t company_id, Date after, std::optional<int64_t> household) {
  Where where;
  where.And("c.company_id =", company_id);
  where.And("c.state = 'approved'");
  where.And("c.effective >", FormatDate(after));
  if (household) where.And("c.household_id =", *household);
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT c.id, c.household_id, h.partition_id, b.community, c.kind, c.effective, c.heated, "
      "c.area_before, c.area_after, c.settlement_fen, c.settlement_area, c.settlement_days, "
      "c.season_days, c.season, c.price_fen FROM heating_changes c "
      "JOIN households h ON h.id = c.household_id JOIN partitions p ON p.id = h.partition_id "
      "JOIN buildings b ON b.id = p.building_id WHERE " +
          where.sql() + " ORDER BY c.effective, c.id",
      where.params());
  if (!rows.ok()) return rows.error();
  std::vector<ports::ApprovedHeatingChange> out;
  out.reserve(rows->rows.size());
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    rules::HeatingChange change;
    auto kind = rules::ParseHeatingChangeKind(rows->Text(i, 4));
    auto effective = ParseDate(rows->Text(i, 5));
    if (!kind || !effective.ok()) return Corrupt("kind or effective day");
    change.kind = *kind;
    change.effective = *effective;
    change.heated = rows->Int(i, 6) != 0;
    change.area_before = rows->Int(i, 7);
    change.area_after = rows->Int(i, 8);
    ports::ApprovedHeatingChange a{rows->Int(i, 0), rows->Int(i, 1), rows->Int(i, 2),
                                   rows->Text(i, 3), rules::ShiftOf(change), change.kind, {}};
    if (!rows->IsNull(i, 9)) {
      a.settlement = rules::HeatingChangeSettlement{
          rows->Int(i, 9), rows->Int(i, 10), static_cast<int>(rows->Int(i, 11)),
          static_cast<int>(rows->Int(i, 12)), static_cast<int>(rows->Int(i, 13)),
          rows->Int(i, 14)};
    }
    out.push_back(std::move(a));
  }
  return out;
}

Result<HeatingChangeRecord> SqlHeatingChangeStore::Move(
    int64_t id, const HeatingChangeRecord& after, rules::HeatingChangeAction action,
    const std::string& actor, std::span<const ports::OutboxMessage> outbox) {
  using S = rules::HeatingChangeSettlement;
  MutexLock lock(mutex_);
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto before = GetLocked(id);
    if (!before.ok()) return before.error();
    auto u = conn_->Query(
        "UPDATE heating_changes SET documents = $1, state = $2, decided_at = $3, decided_by = $4, "
        "reason = $5, decision_note = $6, settlement_fen = $7, settlement_area = $8, "
        "settlement_days = $9, season_days = $10, season = $11, price_fen = $12, "
        "version = version + 1 WHERE id = $13 AND version = $14",
        {DocumentsJson(after.change.documents).dump(),
         std::string(rules::HeatingChangeStateName(after.state)), Opt(after.decided_at),
         after.decided_by, after.reason, after.decision_note, OptSettlement(after, &S::amount_fen),
         OptSettlement(after, &S::area), OptSettlement(after, &S::days),
         OptSettlement(after, &S::season_days), OptSettlement(after, &S::season),
         OptSettlement(after, &S::price_fen), id, after.version});
    if (!u.ok()) return u.error();
    if (u->affected != 1) {
      return ChangedMeanwhile("heating change", id, rules::HeatingChangeStateName(before->state));
    }
    if (action == rules::HeatingChangeAction::kApprove) {
      if (auto c = ChangeHousehold(*before, actor); !c.ok()) return c;
    }
    auto now = GetLocked(id);
    if (!now.ok()) return now.error();
    return FinishChange(
        *conn_,
        {"heating-change", "heating_changes", id, actor, StateJson(*before),
         WithStep(StateJson(*now), rules::HeatingChangeActionName(action), after.decision_note)},
        outbox);
  });
  if (!s.ok()) return s.error();
  return GetLocked(id);
}

}  // namespace hearth::adapters::storage

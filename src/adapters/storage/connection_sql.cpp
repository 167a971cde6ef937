#include "adapters/storage/connection_sql.hpp"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

#include "adapters/storage/audit_sql.hpp"
#include "adapters/storage/record_change_sql.hpp"
#include "adapters/storage/sql_time.hpp"

namespace hearth::adapters::storage {
namespace {

using nlohmann::json;
using ports::ConnectionEvent;
using ports::ConnectionRecord;
using rules::ConnectionDocument;

constexpr const char* kColumns =
    "id, company_id, building_id, household_id, applicant, phone, new_building, outside_works, "
    "received_at, season, next_season, documents, state, decided_at, reason, suggestion, "
    "visited_at, satisfied, visit_note, version, created_by, created_at";

Error Corrupt(const std::string& what) {
  return Error::Internal("a stored connection application is malformed: " + what);
}

template <typename Documents>
json DocumentsJson(const Documents& documents) {
  json out = json::array();
  for (ConnectionDocument d : documents) out.push_back(rules::ConnectionDocumentName(d));
  return out;
}

Result<std::vector<ConnectionDocument>> ParseDocuments(const json& j) {
  if (!j.is_array()) return Corrupt("documents");
  std::vector<ConnectionDocument> out;
  for (const auto& d : j) {
    auto doc = d.is_string() ? rules::ParseConnectionDocument(d.get<std::string>()) : std::nullopt;
    if (!doc) return Corrupt("documents");
    out.push_back(*doc);
  }
  return out;
}

Result<ConnectionRecord> ToRecord(const Rows& rows, size_t i) {
  ConnectionRecord c;
  size_t k = 0;
  c.id = rows.Int(i, k++);
  c.company_id = rows.Int(i, k++);
  c.building_id = rows.Int(i, k++);
  if (!rows.IsNull(i, k)) c.household_id = rows.Int(i, k);
  ++k;
  c.applicant = rows.Text(i, k++);
  c.phone = rows.Text(i, k++);
  c.application.new_building = rows.Int(i, k++) != 0;
  c.application.outside_works = rows.Int(i, k++) != 0;
  c.application.received_at = FromUnix(rows.Int(i, k++));
  c.season = static_cast<int>(rows.Int(i, k++));
  c.next_season = rows.Int(i, k++) != 0;
  auto docs = ParseDocuments(json::parse(rows.Text(i, k++), nullptr, false));
  if (!docs.ok()) return docs.error();
  c.application.documents = {docs->begin(), docs->end()};
  auto state = rules::ParseConnectionState(rows.Text(i, k++));
  if (!state) return Corrupt("state");
  c.state = *state;
  c.decided_at = OptTime(rows, i, k++);
  c.reason = rows.Text(i, k++);
  c.suggestion = rows.Text(i, k++);
  c.visited_at = OptTime(rows, i, k++);
  if (!rows.IsNull(i, k)) c.satisfied = rows.Int(i, k) != 0;
  ++k;
  c.visit_note = rows.Text(i, k++);
  c.version = rows.Int(i, k++);
  c.created_by = rows.Text(i, k++);
  c.created_at = FromUnix(rows.Int(i, k++));
  return c;
}

/// What the audit keeps of an application: its facts, not the applicant's name or phone.
std::string StateJson(const ConnectionRecord& c) {
  json j = {{"building_id", c.building_id},
            {"new_building", c.application.new_building},
            {"outside_works", c.application.outside_works},
            {"received_at", FormatLocal(c.application.received_at)},
            {"season", c.season},
            {"documents", DocumentsJson(c.application.documents)},
            {"state", rules::ConnectionStateName(c.state)}};
  if (c.household_id) j["household_id"] = *c.household_id;
  if (c.decided_at) j["decided_at"] = FormatLocal(*c.decided_at);
  if (!c.reason.empty()) j["reason"] = c.reason;
  if (c.visited_at) j["visited_at"] = FormatLocal(*c.visited_at);
  if (c.satisfied) j["satisfied"] = *c.satisfied;
  return j.dump();
}

json DetailsJson(const ConnectionEvent& e) {
  json j = json::object();
  if (!e.documents.empty()) j["documents"] = DocumentsJson(e.documents);
  if (!e.reason.empty()) j["reason"] = e.reason;
  if (!e.suggestion.empty()) j["suggestion"] = e.suggestion;
  if (e.satisfied) j["satisfied"] = *e.satisfied;
  return j;
}

Status ReadDetails(const std::string& text, ConnectionEvent& e) {
  auto j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Corrupt("history");
  if (auto it = j.find("documents"); it != j.end()) {
    auto docs = ParseDocuments(*it);
    if (!docs.ok()) return docs.error();
    e.documents = std::move(*docs);
  }
  if (auto it = j.find("reason"); it != j.end() && it->is_string()) e.reason = *it;
  if (auto it = j.find("suggestion"); it != j.end() && it->is_string()) e.suggestion = *it;
  if (auto it = j.find("satisfied"); it != j.end() && it->is_boolean()) e.satisfied = *it;
  return OkStatus();
}

}  // namespace

Status SqlConnectionStore::AppendEvent(int64_t id, int64_t seq, const ConnectionEvent& e) {
  auto r = conn_->Query(
      "INSERT INTO connection_application_events (application_id, seq, action, state, actor, "
      "role, note, details, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {id, seq, std::string(rules::ConnectionActionName(e.action)),
       std::string(rules::ConnectionStateName(e.state)), e.actor, e.role, e.note,
       DetailsJson(e).dump(), Unix(e.at)});
  if (!r.ok()) return r.error();
  return OkStatus();
}

Status SqlConnectionStore::Connect(int64_t household_id, int64_t application_id,
                                   const std::string& actor) {
  auto before = conn_->Query("SELECT heating_status FROM households WHERE id = $1", {household_id});
  if (!before.ok()) return before.error();
  if (before->empty()) return Corrupt("household " + std::to_string(household_id));
  const std::string was = before->Text(0, 0);
  if (was == "heated") return OkStatus();
  auto u =
      conn_->Query("UPDATE households SET heating_status = 'heated' WHERE id = $1", {household_id});
  if (!u.ok()) return u.error();
  return InsertAudit(
      *conn_,
      {0, "", actor, "update", "households", household_id, json{{"heating_status", was}}.dump(),
       json{{"heating_status", "heated"}, {"connection_application_id", application_id}}.dump()});
}

Result<ConnectionRecord> SqlConnectionStore::Create(const ConnectionRecord& in,
                                                    const ConnectionEvent& received,
                                                    std::span<const ports::OutboxMessage> outbox) {
  MutexLock lock(mutex_);
  int64_t id = 0;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto ins = conn_->Query(
        "INSERT INTO connection_applications (company_id, building_id, household_id, applicant, "
        "phone, new_building, outside_works, received_at, season, next_season, documents, "
        "state, version, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
        "$10, $11, 'received', 1, $12, $13) RETURNING id",
        {in.company_id, in.building_id, in.household_id ? Value{*in.household_id} : Value{nullptr},
         in.applicant, in.phone, int64_t{in.application.new_building ? 1 : 0},
         int64_t{in.application.outside_works ? 1 : 0}, Unix(in.application.received_at),
         int64_t{in.season}, int64_t{in.next_season ? 1 : 0},
         DocumentsJson(in.application.documents).dump(), in.created_by, Unix(in.created_at)});
    if (!ins.ok()) return ins.error();
    id = ins->Int(0, 0);
    ConnectionEvent first = received;
    first.action = rules::ConnectionAction::kApply;
    first.state = rules::ConnectionState::kReceived;
    if (auto e = AppendEvent(id, 1, first); !e.ok()) return e;
    auto after = GetLocked(id, false);
    if (!after.ok()) return after.error();
    return FinishChange(
        *conn_, {"connection", "connection_applications", id, in.created_by, "", StateJson(*after)},
        outbox);
  });
  if (!s.ok()) return s.error();
  return GetLocked(id, true);
}

Result<ConnectionRecord> SqlConnectionStore::GetLocked(int64_t id, bool with_history) {
  auto rows = conn_->Query(
      std::string("SELECT ") + kColumns + " FROM connection_applications WHERE id = $1", {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) {
    return Error::NotFound("no connection application " + std::to_string(id), "id");
  }
  auto c = ToRecord(*rows, 0);
  if (!c.ok() || !with_history) return c;
  auto events = conn_->Query(
      "SELECT action, state, actor, role, note, at, details FROM connection_application_events "
      "WHERE application_id = $1 ORDER BY seq",
      {id});
  if (!events.ok()) return events.error();
  for (size_t i = 0; i < events->rows.size(); ++i) {
    auto action = rules::ParseConnectionAction(events->Text(i, 0));
    auto state = rules::ParseConnectionState(events->Text(i, 1));
    if (!action || !state) return Corrupt("history");
    ConnectionEvent e;
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

Result<ConnectionRecord> SqlConnectionStore::Get(int64_t id) {
  MutexLock lock(mutex_);
  return GetLocked(id, true);
}

Result<std::vector<ConnectionRecord>> SqlConnectionStore::List(const ports::ConnectionQuery& q) {
  Where where;
  if (q.company_id) where.And("company_id =", *q.company_id);
  if (q.building_id) where.And("building_id =", *q.building_id);
  if (q.household_id) where.And("household_id =", *q.household_id);
  if (q.state) where.And("state =", std::string(rules::ConnectionStateName(*q.state)));
  if (q.season) where.And("season =", int64_t{*q.season});
  if (q.before) where.And("id <", *q.before);
  if (q.visited) {
    where.And(*q.visited ? "visited_at IS NOT NULL" : "visited_at IS NULL AND state <> 'received'");
  }
  const std::string sql =
      std::string("SELECT ") + kColumns + " FROM connection_applications WHERE " + where.sql() +
      " ORDER BY id DESC LIMIT " + std::to_string(std::clamp(q.limit, 1, kMaxPageRows));
  MutexLock lock(mutex_);
  auto rows = conn_->Query(sql, where.params());
  if (!rows.ok()) return rows.error();
  std::vector<ConnectionRecord> out;
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    auto c = ToRecord(*rows, i);
    if (!c.ok()) return c.error();
    out.push_back(std::move(*c));
  }
  return out;
}

Result<ConnectionRecord> SqlConnectionStore::Move(int64_t id, const ConnectionRecord& after,
                                                  const ConnectionEvent& event,
                                                  std::span<const ports::OutboxMessage> outbox) {
  MutexLock lock(mutex_);
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto before = GetLocked(id, false);
    if (!before.ok()) return before.error();
    auto u = conn_->Query(
        "UPDATE connection_applications SET documents = $1, state = $2, decided_at = $3, "
        "reason = $4, suggestion = $5, visited_at = $6, satisfied = $7, visit_note = $8, "
        "version = version + 1 WHERE id = $9 AND version = $10",
        {DocumentsJson(after.application.documents).dump(),
         std::string(rules::ConnectionStateName(after.state)), Opt(after.decided_at), after.reason,
         after.suggestion, Opt(after.visited_at), Opt(after.satisfied), after.visit_note, id,
         after.version});
    if (!u.ok()) return u.error();
    if (u->affected != 1) {
      return ChangedMeanwhile("connection application", id,
                              rules::ConnectionStateName(before->state));
    }
    if (auto e = AppendEvent(id, after.version + 1, event); !e.ok()) return e;
    if (event.action == rules::ConnectionAction::kApprove && before->household_id) {
      if (auto c = Connect(*before->household_id, id, event.actor); !c.ok()) return c;
    }
    auto now = GetLocked(id, false);
    if (!now.ok()) return now.error();
    return FinishChange(
        *conn_,
        {"connection", "connection_applications", id, event.actor, StateJson(*before),
         WithStep(StateJson(*now), rules::ConnectionActionName(event.action), event.note)},
        outbox);
  });
  if (!s.ok()) return s.error();
  return GetLocked(id, true);
}

}  // namespace hearth::adapters::storage

#include "adapters/storage/finding_sql.hpp"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

#include "adapters/storage/record_change_sql.hpp"
#include "adapters/storage/sql_time.hpp"

namespace hearth::adapters::storage {
namespace {

using ports::Finding;
using ports::FindingEvent;

constexpr const char* kColumns =
    "id, company_id, household_id, kind, description, photos, found_by, found_at, valid_from, "
    "valid_to, state, created_by, created_at";

Instant Now() {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

Error Corrupt(const std::string& what) {
  return Error::Internal("a stored finding is malformed: " + what);
}

Result<Finding> ToFinding(const Rows& rows, size_t i) {
  Finding f;
  size_t c = 0;
  f.id = rows.Int(i, c++);
  f.company_id = rows.Int(i, c++);
  f.household_id = rows.Int(i, c++);
  auto kind = rules::ParseFindingKind(rows.Text(i, c++));
  if (!kind) return Corrupt("kind");
  f.kind = *kind;
  f.description = rows.Text(i, c++);
  auto photos = nlohmann::json::parse(rows.Text(i, c++), nullptr, false);
  if (photos.is_discarded() || !photos.is_array()) return Corrupt("photos");
  for (const auto& p : photos) {
    if (!p.is_string()) return Corrupt("photos");
    f.photos.push_back(p.get<std::string>());
  }
  f.found_by = rows.Text(i, c++);
  f.found_at = FromUnix(rows.Int(i, c++));
  auto from = ParseDate(rows.Text(i, c++));
  auto to = ParseDate(rows.Text(i, c++));
  if (!from.ok() || !to.ok()) return Corrupt("validity period");
  f.valid_from = *from;
  f.valid_to = *to;
  auto state = rules::ParseFindingState(rows.Text(i, c++));
  if (!state) return Corrupt("state");
  f.state = *state;
  f.created_by = rows.Text(i, c++);
  f.created_at = FromUnix(rows.Int(i, c++));
  return f;
}

std::string StateJson(const Finding& f) {
  nlohmann::json j = {{"household_id", f.household_id},
                      {"kind", rules::FindingKindName(f.kind)},
                      {"found_by", f.found_by},
                      {"found_at", FormatLocal(f.found_at)},
                      {"valid_from", FormatDate(f.valid_from)},
                      {"valid_to", FormatDate(f.valid_to)},
                      {"photos", f.photos.size()},
                      {"state", rules::FindingStateName(f.state)}};
  return j.dump();
}

}  // namespace

Status SqlFindingStore::AppendEvent(int64_t id, int64_t seq, const FindingEvent& e) {
  auto r = conn_->Query(
      "INSERT INTO finding_events (finding_id, seq, action, state, actor, role, note, at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {id, seq, std::string(rules::FindingActionName(e.action)),
       std::string(rules::FindingStateName(e.state)), e.actor, e.role, e.note, Unix(e.at)});
  if (!r.ok()) return r.error();
  return OkStatus();
}

Result<Finding> SqlFindingStore::Create(const Finding& in, const FindingEvent& recorded,
                                        std::span<const ports::OutboxMessage> outbox) {
  MutexLock lock(mutex_);
  int64_t id = 0;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto ins = conn_->Query(
        "INSERT INTO findings (company_id, household_id, kind, description, photos, found_by, "
        "found_at, valid_from, valid_to, state, created_by, created_at) VALUES ($1, $2, $3, $4, "
        "$5, $6, $7, $8, $9, 'open', $10, $11) RETURNING id",
        {in.company_id, in.household_id, std::string(rules::FindingKindName(in.kind)),
         in.description, nlohmann::json(in.photos).dump(), in.found_by, Unix(in.found_at),
         FormatDate(in.valid_from), FormatDate(in.valid_to), in.created_by, Unix(Now())});
    if (!ins.ok()) return ins.error();
    id = ins->Int(0, 0);
    FindingEvent first = recorded;
    first.action = rules::FindingAction::kRecord;
    first.state = rules::FindingState::kOpen;
    if (auto e = AppendEvent(id, 1, first); !e.ok()) return e;
    auto after = GetLocked(id, false);
    if (!after.ok()) return after.error();
    return FinishChange(*conn_, {"finding", "findings", id, in.created_by, "", StateJson(*after)},
                        outbox);
  });
  if (!s.ok()) return s.error();
  return GetLocked(id, true);
}

Result<Finding> SqlFindingStore::GetLocked(int64_t id, bool with_history) {
  auto rows =
      conn_->Query(std::string("SELECT ") + kColumns + " FROM findings WHERE id = $1", {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return Error::NotFound("no finding " + std::to_string(id), "id");
  auto f = ToFinding(*rows, 0);
  if (!f.ok() || !with_history) return f;
  auto events = conn_->Query(
      "SELECT action, state, actor, role, note, at FROM finding_events WHERE finding_id = $1 "
      "ORDER BY seq",
      {id});
  if (!events.ok()) return events.error();
  for (size_t i = 0; i < events->rows.size(); ++i) {
    auto action = rules::ParseFindingAction(events->Text(i, 0));
    auto state = rules::ParseFindingState(events->Text(i, 1));
    if (!action || !state) return Corrupt("history");
    f->history.push_back({*action, *state, events->Text(i, 2), events->Text(i, 3),
                          events->Text(i, 4), FromUnix(events->Int(i, 5))});
  }
  return f;
}

Result<Finding> SqlFindingStore::Get(int64_t id) {
  MutexLock lock(mutex_);
  return GetLocked(id, true);
}

Result<std::vector<Finding>> SqlFindingStore::List(const ports::FindingQuery& q) {
  Where where;
  if (q.company_id) where.And("company_id =", *q.company_id);
  if (q.household_id) where.And("household_id =", *q.household_id);
  if (q.state) where.And("state =", std::string(rules::FindingStateName(*q.state)));
  if (q.before) where.And("id <", *q.before);
  const std::string sql = std::string("SELECT ") + kColumns + " FROM findings WHERE " +
                          where.sql() + " ORDER BY id DESC LIMIT " +
                          std::to_string(std::clamp(q.limit, 1, kMaxPageRows));
  MutexLock lock(mutex_);
  auto rows = conn_->Query(sql, where.params());
  if (!rows.ok()) return rows.error();
  std::vector<Finding> out;
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    auto f = ToFinding(*rows, i);
    if (!f.ok()) return f.error();
    out.push_back(std::move(*f));
  }
  return out;
}

Result<Finding> SqlFindingStore::Move(int64_t id, rules::FindingState from,
                                      const FindingEvent& event,
                                      std::span<const ports::OutboxMessage> outbox) {
  MutexLock lock(mutex_);
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto before = GetLocked(id, true);
    if (!before.ok()) return before.error();
    auto u = conn_->Query("UPDATE findings SET state = $1 WHERE id = $2 AND state = $3",
                          {std::string(rules::FindingStateName(event.state)), id,
                           std::string(rules::FindingStateName(from))});
    if (!u.ok()) return u.error();
    if (u->affected != 1) {
      return ChangedMeanwhile("finding", id, rules::FindingStateName(before->state));
    }
    const auto seq = static_cast<int64_t>(before->history.size()) + 1;
    if (auto e = AppendEvent(id, seq, event); !e.ok()) return e;
    Finding after = *before;
    after.state = event.state;
    return FinishChange(
        *conn_,
        {"finding", "findings", id, event.actor, StateJson(*before),
         WithStep(StateJson(after), rules::FindingActionName(event.action), event.note)},
        outbox);
  });
  if (!s.ok()) return s.error();
  return GetLocked(id, true);
}

Result<std::vector<ports::HouseholdCover>> SqlFindingStore::CoveringOf(int64_t first,
                                                                       int64_t last, Date from,
                                                                       Date to) {
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT household_id, id, valid_from, valid_to, state FROM findings WHERE household_id >= "
      "$1 AND household_id <= $2 AND valid_from <= $3 AND valid_to >= $4 "
      "ORDER BY household_id, id",
      {first, last, FormatDate(to), FormatDate(from)});
  if (!rows.ok()) return rows.error();
  std::vector<ports::HouseholdCover> out;
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    auto f = ParseDate(rows->Text(i, 2));
    auto t = ParseDate(rows->Text(i, 3));
    auto state = rules::ParseFindingState(rows->Text(i, 4));
    if (!f.ok() || !t.ok() || !state) return Corrupt("finding " + std::to_string(rows->Int(i, 1)));
    out.push_back({rows->Int(i, 0), {rows->Int(i, 1), *f, *t, *state}});
  }
  return out;
}

Result<std::vector<rules::FindingCover>> SqlFindingStore::Covering(int64_t household_id, Date from,
                                                                   Date to) {
  auto covers = CoveringOf(household_id, household_id, from, to);
  if (!covers.ok()) return covers.error();
  std::vector<rules::FindingCover> out;
  out.reserve(covers->size());
  for (const ports::HouseholdCover& c : *covers) out.push_back(c.cover);
  return out;
}

}  // namespace hearth::adapters::storage

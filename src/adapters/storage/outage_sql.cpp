#include "adapters/storage/outage_sql.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <nlohmann/json.hpp>

#include "adapters/storage/audit_sql.hpp"
#include "adapters/storage/outbox_sql.hpp"
#include "adapters/storage/sql_time.hpp"

namespace hearth::adapters::storage {
namespace {

using ports::Outage;
using ports::OutageScope;

constexpr const char* kColumns =
    "id, company_id, kind, company_caused, cause, scope, start_at, expected_end, actual_end, "
    "road_sections, affected_households, affected_area_m2, created_by, created_at";

Instant Now() {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

Error Corrupt(const std::string& what) {
  return Error::Internal("a stored heating stop is malformed: " + what);
}

/// The scope's levels: (wire name, table, the column of a household's network path it matches).
struct Level {
  const char* name;
  const char* table;
  const char* path_column;
  std::vector<int64_t> OutageScope::*ids;
};
constexpr std::array<Level, 4> kLevels = {{
    {"heat_sources", "heat_sources", "n.heat_source_id", &OutageScope::heat_sources},
    {"network_sections", "network_sections", "n.id", &OutageScope::network_sections},
    {"substations", "substations", "s.id", &OutageScope::substations},
    {"buildings", "buildings", "b.id", &OutageScope::buildings},
}};

std::string ScopeText(const OutageScope& scope) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const Level& l : kLevels) j[l.name] = scope.*(l.ids);
  return j.dump();
}

Result<OutageScope> ScopeFromText(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Corrupt("scope");
  OutageScope scope;
  for (const Level& l : kLevels) {
    auto it = j.find(l.name);
    if (it == j.end() || !it->is_array()) return Corrupt(std::string("scope.") + l.name);
    for (const auto& id : *it) {
      if (!id.is_number_integer()) return Corrupt(std::string("scope.") + l.name);
      (scope.*(l.ids)).push_back(id.get<int64_t>());
    }
  }
  return scope;
}

Result<Outage> ToOutage(const Rows& rows, size_t i) {
  Outage o;
  size_t c = 0;
  o.id = rows.Int(i, c++);
  o.company_id = rows.Int(i, c++);
  auto kind = rules::ParseOutageKind(rows.Text(i, c++));
  if (!kind) return Corrupt("kind");
  o.kind = *kind;
  o.company_caused = rows.Int(i, c++) != 0;
  o.cause = rows.Text(i, c++);
  auto scope = ScopeFromText(rows.Text(i, c++));
  if (!scope.ok()) return scope.error();
  o.scope = std::move(*scope);
  o.start = FromUnix(rows.Int(i, c++));
  o.expected_end = FromUnix(rows.Int(i, c++));
  if (!rows.IsNull(i, c)) o.actual_end = FromUnix(rows.Int(i, c));
  ++c;
  o.road_sections = rows.Text(i, c++);
  o.affected_households = rows.Int(i, c++);
  o.affected_area_m2 = rows.Int(i, c++);
  o.created_by = rows.Text(i, c++);
  o.created_at = FromUnix(rows.Int(i, c++));
  return o;
}

std::string StateJson(const Outage& o) {
  nlohmann::json j = {{"kind", rules::OutageKindName(o.kind)},
                      {"company_caused", o.company_caused},
                      {"start", FormatLocal(o.start)},
                      {"expected_end", FormatLocal(o.expected_end)},
                      {"affected_households", o.affected_households},
                      {"notices", o.notices.size()}};
  j["actual_end"] = o.actual_end ? nlohmann::json(FormatLocal(*o.actual_end)) : nullptr;
  return j.dump();
}

/// "$k, $k+1, …" for `ids`, appended to `params`.
std::string Placeholders(const std::vector<int64_t>& ids, std::vector<Value>& params) {
  const size_t first = params.size() + 1;
  params.insert(params.end(), ids.begin(), ids.end());
  return storage::Placeholders(first, ids.size());
}

}  // namespace

Status SqlOutageStore::CheckScope(int64_t company_id, const OutageScope& scope) {
  for (const Level& l : kLevels) {
    const auto& ids = scope.*(l.ids);
    if (ids.empty()) continue;
    std::vector<Value> params = {company_id};
    const std::string in = Placeholders(ids, params);
    auto rows = conn_->Query(
        std::string("SELECT id FROM ") + l.table + " WHERE company_id = $1 AND id IN (" + in + ")",
        params);
    if (!rows.ok()) return rows.error();
    std::vector<int64_t> found;
    for (size_t i = 0; i < rows->rows.size(); ++i) found.push_back(rows->Int(i, 0));
    for (size_t i = 0; i < ids.size(); ++i) {
      if (std::find(found.begin(), found.end(), ids[i]) == found.end()) {
        const std::string field = std::string("scope.") + l.name + "[" + std::to_string(i) + "]";
        return Error::InvalidArgument(
            "no record " + std::to_string(ids[i]) + " in " + l.name + " of this company", field);
      }
    }
  }
  return OkStatus();
}

Result<Outage> SqlOutageStore::Create(const Outage& in,
                                      std::span<const ports::OutboxMessage> outbox) {
  MutexLock lock(mutex_);
  int64_t id = 0;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    if (auto c = CheckScope(in.company_id, in.scope); !c.ok()) return c;
    auto ins = conn_->Query(
        "INSERT INTO outages (company_id, kind, company_caused, cause, scope, start_at, "
        "expected_end, actual_end, road_sections, affected_households, affected_area_m2, "
        "created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, 0, 0, $9, $10) "
        "RETURNING id",
        {in.company_id, std::string(rules::OutageKindName(in.kind)),
         int64_t{in.company_caused ? 1 : 0}, in.cause, ScopeText(in.scope), Unix(in.start),
         Unix(in.expected_end), in.road_sections, in.created_by, Unix(Now())});
    if (!ins.ok()) return ins.error();
    id = ins->Int(0, 0);
    // R-OUT-2: the households under any level of the scope, the company's heated ones.
    std::vector<Value> params = {id, in.company_id};
    std::string any;
    for (const Level& l : kLevels) {
      const auto& ids = in.scope.*(l.ids);
      if (ids.empty()) continue;
      any += (any.empty() ? "" : " OR ") + std::string(l.path_column) + " IN (" +
             Placeholders(ids, params) + ")";
    }
    if (any.empty()) return Error::InvalidArgument("the scope names no record", "scope");
    auto derived = conn_->Query(
        "INSERT INTO outage_households (outage_id, household_id, area_m2) "
        "SELECT CAST($1 AS BIGINT), h.id, h.area_m2 FROM households h "
        "JOIN partitions p ON p.id = h.partition_id JOIN buildings b ON b.id = p.building_id "
        "JOIN substations s ON s.id = b.substation_id "
        "JOIN network_sections n ON n.id = s.network_section_id "
        "WHERE h.company_id = $2 AND h.heating_status = 'heated' AND (" +
            any + ")",
        params);
    if (!derived.ok()) return derived.error();
    auto counts = conn_->Query(
        "UPDATE outages SET affected_households = (SELECT COUNT(*) FROM outage_households WHERE "
        "outage_id = $1), affected_area_m2 = (SELECT COALESCE(SUM(area_m2), 0) FROM "
        "outage_households WHERE outage_id = $1) WHERE id = $1",
        {id});
    if (!counts.ok()) return counts.error();
    if (auto w = InsertOutbox(*conn_, "outage", id, outbox); !w.ok()) return w;
    auto after = GetLocked(id, false);
    if (!after.ok()) return after.error();
    return InsertAudit(*conn_,
                       {0, "", in.created_by, "create", "outages", id, "", StateJson(*after)});
  });
  if (!s.ok()) return s.error();
  return GetLocked(id, true);
}

Result<Outage> SqlOutageStore::GetLocked(int64_t id, bool with_notices) {
  auto rows = conn_->Query(std::string("SELECT ") + kColumns + " FROM outages WHERE id = $1", {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return Error::NotFound("no heating stop " + std::to_string(id), "id");
  auto o = ToOutage(*rows, 0);
  if (!o.ok() || !with_notices) return o;
  auto notices = conn_->Query(
      "SELECT seq, at, expected_end, text, actor, recorded_at FROM outage_notices WHERE "
      "outage_id = $1 ORDER BY seq",
      {id});
  if (!notices.ok()) return notices.error();
  for (size_t i = 0; i < notices->rows.size(); ++i) {
    o->notices.push_back({notices->Int(i, 0), FromUnix(notices->Int(i, 1)),
                          FromUnix(notices->Int(i, 2)), notices->Text(i, 3), notices->Text(i, 4),
                          FromUnix(notices->Int(i, 5))});
  }
  return o;
}

Result<Outage> SqlOutageStore::Get(int64_t id) {
  MutexLock lock(mutex_);
  return GetLocked(id, true);
}

Result<std::vector<Outage>> SqlOutageStore::List(const ports::OutageQuery& q) {
  Where where;
  if (q.company_id) where.And("company_id =", *q.company_id);
  if (q.household_id) {
    where.And(
        "EXISTS (SELECT 1 FROM outage_households oh WHERE oh.outage_id = outages.id AND "
        "oh.household_id =",
        *q.household_id, ")");
  }
  if (q.company_caused) where.And("company_caused =", int64_t{*q.company_caused ? 1 : 0});
  if (q.overlaps_until) where.And("start_at <", Unix(*q.overlaps_until));
  if (q.overlaps_from)
    where.And("(actual_end IS NULL OR actual_end >", Unix(*q.overlaps_from), ")");
  if (q.before) where.And("id <", *q.before);
  const std::string sql = std::string("SELECT ") + kColumns + " FROM outages WHERE " + where.sql() +
                          " ORDER BY id DESC LIMIT " +
                          std::to_string(std::clamp(q.limit, 1, kMaxPageRows));
  MutexLock lock(mutex_);
  auto rows = conn_->Query(sql, where.params());
  if (!rows.ok()) return rows.error();
  std::vector<Outage> out;
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    auto o = ToOutage(*rows, i);
    if (!o.ok()) return o.error();
    out.push_back(std::move(*o));
  }
  return out;
}

Result<Outage> SqlOutageStore::AddNotice(
    int64_t id, const ports::OutageNotice& notice,
    std::span<const std::pair<std::string, std::string>> fields) {
  MutexLock lock(mutex_);
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto before = GetLocked(id, true);
    if (!before.ok()) return before.error();
    const int64_t seq = static_cast<int64_t>(before->notices.size()) + 1;
    const int64_t now = Unix(Now());
    auto ins = conn_->Query(
        "INSERT INTO outage_notices (outage_id, seq, at, expected_end, text, actor, "
        "recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        {id, seq, Unix(notice.at), Unix(notice.expected_end), notice.text, notice.actor, now});
    if (!ins.ok()) {
      if (ins.error().code == ErrorCode::kAlreadyExists) {
        return Error::FailedPrecondition("heating stop " + std::to_string(id) +
                                         " changed meanwhile; read it again");
      }
      return ins.error();
    }
    ports::OutboxMessage payload;
    payload.fields.assign(fields.begin(), fields.end());
    // One statement for every affected household, however many.
    auto queued = conn_->Query(
        "INSERT INTO outbox (message_id, receiver, topic, company_id, household_id, payload, "
        "created_at, attempts, next_attempt_at, last_error) "
        "SELECT CAST($1 AS TEXT) || CAST(oh.household_id AS TEXT), 'household', "
        "'outage.notice', CAST($2 AS BIGINT), oh.household_id, CAST($3 AS TEXT), "
        "CAST($4 AS BIGINT), 0, CAST($4 AS BIGINT), '' FROM outage_households oh "
        "WHERE oh.outage_id = $5",
        {"outage-" + std::to_string(id) + "-notice-" + std::to_string(seq) + "-household-",
         before->company_id, OutboxPayloadText(payload), now, id});
    if (!queued.ok()) return queued.error();
    nlohmann::json after = nlohmann::json::parse(StateJson(*before));
    after["notices"] = seq;
    after["notice"] = {{"seq", seq},
                       {"at", FormatLocal(notice.at)},
                       {"expected_end", FormatLocal(notice.expected_end)},
                       {"households", queued->affected}};
    return InsertAudit(
        *conn_, {0, "", notice.actor, "update", "outages", id, StateJson(*before), after.dump()});
  });
  if (!s.ok()) return s.error();
  return GetLocked(id, true);
}

Result<Outage> SqlOutageStore::End(int64_t id, Instant at, const std::string& actor) {
  MutexLock lock(mutex_);
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto before = GetLocked(id, true);
    if (!before.ok()) return before.error();
    if (before->actual_end) {
      return Error::FailedPrecondition("heating stop " + std::to_string(id) +
                                           " ended already, at " + FormatLocal(*before->actual_end),
                                       "at");
    }
    auto u = conn_->Query("UPDATE outages SET actual_end = $1 WHERE id = $2 AND actual_end IS NULL",
                          {Unix(at), id});
    if (!u.ok()) return u.error();
    Outage after = *before;
    after.actual_end = at;
    return InsertAudit(
        *conn_, {0, "", actor, "update", "outages", id, StateJson(*before), StateJson(after)});
  });
  if (!s.ok()) return s.error();
  return GetLocked(id, true);
}

Result<bool> SqlOutageStore::Affects(int64_t outage_id, int64_t household_id) {
  MutexLock lock(mutex_);
  auto rows =
      conn_->Query("SELECT 1 FROM outage_households WHERE outage_id = $1 AND household_id = $2",
                   {outage_id, household_id});
  if (!rows.ok()) return rows.error();
  return !rows->empty();
}

Result<std::vector<int64_t>> SqlOutageStore::AffectedHouseholds(int64_t outage_id) {
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT household_id FROM outage_households WHERE outage_id = $1 ORDER BY household_id",
      {outage_id});
  if (!rows.ok()) return rows.error();
  std::vector<int64_t> out;
  out.reserve(rows->rows.size());
  for (size_t i = 0; i < rows->rows.size(); ++i) out.push_back(rows->Int(i, 0));
  return out;
}

Result<std::vector<ports::HouseholdStop>> SqlOutageStore::CompanyStopsOf(int64_t first,
                                                                         int64_t last,
                                                                         Instant from,
                                                                         Instant until) {
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT oh.household_id, o.start_at, o.actual_end FROM outages o JOIN outage_households oh "
      "ON oh.outage_id = o.id WHERE oh.household_id >= $1 AND oh.household_id <= $2 AND "
      "o.company_caused = 1 AND o.start_at < $4 AND (o.actual_end IS NULL OR o.actual_end > $3) "
      "ORDER BY oh.household_id, o.start_at",
      {first, last, Unix(from), Unix(until)});
  if (!rows.ok()) return rows.error();
  std::vector<ports::HouseholdStop> out;
  out.reserve(rows->rows.size());
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    const Instant start = FromUnix(rows->Int(i, 1));
    const Instant end = rows->IsNull(i, 2) ? until : FromUnix(rows->Int(i, 2));
    out.push_back({rows->Int(i, 0), {std::max(start, from), std::min(end, until)}});
  }
  return out;
}

Result<std::vector<rules::StopSpan>> SqlOutageStore::CompanyStops(int64_t household_id,
                                                                  Instant from, Instant until) {
  auto stops = CompanyStopsOf(household_id, household_id, from, until);
  if (!stops.ok()) return stops.error();
  std::vector<rules::StopSpan> out;
  out.reserve(stops->size());
  for (const ports::HouseholdStop& s : *stops) out.push_back(s.span);
  return out;
}

}  // namespace hearth::adapters::storage

#include "adapters/storage/record_store_sql.hpp"

#include "adapters/storage/audit_sql.hpp"
#include "adapters/storage/record_sql.hpp"
#include "core/civil_time.hpp"

namespace hearth::adapters::storage {
namespace {

using ports::Fields;
using ports::Record;
using namespace record_sql;  // NOLINT(google-build-using-namespace): this store's helpers

}  // namespace

Status SqlRecordStore::AuditLocked(const std::string& actor, const std::string& action,
                                   const model::Resource& r, int64_t id, const Record* before,
                                   const Record* after) {
  return InsertAudit(*conn_, {0, "", actor, action, r.name, id, before ? ToJson(*before) : "",
                              after ? ToJson(*after) : ""});
}

Status SqlRecordStore::AppendAudit(const ports::AuditEntry& entry) {
  MutexLock lock(mutex_);
  return InsertAudit(*conn_, entry);
}

Result<Record> SqlRecordStore::GetLocked(const model::Resource& r, int64_t id,
                                         const ports::Scope& scope) {
  std::vector<Value> params{id};
  std::string where = "r.id = $1";
  AddScope(r, scope, where, params);
  auto rows = conn_->Query("SELECT " + Columns(r) + " FROM " + r.name + " r WHERE " + where,
                           params);
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return NotFound(r, id);
  return ToRecord(r, *rows, 0);
}

Result<Record> SqlRecordStore::CreateLocked(const model::Resource& r, const Fields& fields,
                                            const ports::Scope& scope, const std::string& actor) {
  if (auto k = KnownFields(r, fields); !k.ok()) return k.error();
  std::string cols, marks;
  std::vector<Value> params;
  for (const auto& [name, value] : fields) {
    params.push_back(value);
    cols += (cols.empty() ? "" : ", ") + name;
    marks += (marks.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  // Unscoped, the row as written is the record: no second read (bulk writes, the demo city).
  const bool scoped = scope.company_id || scope.household_id;
  std::string returning = "id";
  if (!scoped) {
    for (const auto& f : r.fields) returning += ", " + f.name;
  }
  auto rows = conn_->Query(
      "INSERT INTO " + r.name + " (" + cols + ") VALUES (" + marks + ") RETURNING " + returning,
      params);
  if (!rows.ok()) return Conflict(r, rows.error());
  const int64_t id = rows->Int(0, 0);
  if (auto same = CheckSameCompany(*conn_, r, {&id, 1}); !same.ok()) return same.error();
  Record out;
  if (scoped) {
    auto rec = GetLocked(r, rows->Int(0, 0), scope);
    if (!rec.ok()) return OutsideScope(r);
    out = std::move(*rec);
  } else {
    out = ToRecord(r, *rows, 0);
  }
  if (auto a = AuditLocked(actor, "create", r, out.id, nullptr, &out); !a.ok()) return a.error();
  return out;
}

Result<Record> SqlRecordStore::Create(const model::Resource& r, const Fields& fields,
                                      const ports::Scope& scope, const std::string& actor) {
  MutexLock lock(mutex_);
  Record out;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto rec = CreateLocked(r, fields, scope, actor);
    if (!rec.ok()) return rec.error();
    out = std::move(*rec);
    return OkStatus();
  });
  if (!s.ok()) return s.error();
  return out;
}

Result<Record> SqlRecordStore::Get(const model::Resource& r, int64_t id,
                                   const ports::Scope& scope) {
  MutexLock lock(mutex_);
  return GetLocked(r, id, scope);
}

Result<ports::Page> SqlRecordStore::ListLocked(const model::Resource& r,
                                               const ports::ListQuery& q) {
  if (auto k = KnownFields(r, q.equals); !k.ok()) return k.error();
  std::vector<Value> params;
  std::string where = "1 = 1";
  for (const auto& [name, value] : q.equals) {
    params.push_back(value);
    where += " AND r." + name + " = $" + std::to_string(params.size());
  }
  if (q.range) {
    if (auto k = KnownFields(r, {{q.range->field, nullptr}}); !k.ok()) return k.error();
    params.emplace_back(q.range->first);
    where += " AND r." + q.range->field + " >= $" + std::to_string(params.size());
    params.emplace_back(q.range->last);
    where += " AND r." + q.range->field + " <= $" + std::to_string(params.size());
  }
  if (q.after) {
    params.emplace_back(*q.after);
    where += " AND r.id > $" + std::to_string(params.size());
  }
  AddScope(r, q.scope, where, params);
  int limit = std::clamp(q.limit, 1, 1000);
  // One more than asked tells whether there is a next page.
  auto rows = conn_->Query("SELECT " + Columns(r) + " FROM " + r.name + " r WHERE " + where +
                               " ORDER BY r.id LIMIT " + std::to_string(limit + 1),
                           params);
  if (!rows.ok()) return rows.error();
  ports::Page page;
  size_t n = std::min(rows->rows.size(), static_cast<size_t>(limit));
  for (size_t i = 0; i < n; ++i) page.items.push_back(ToRecord(r, *rows, i));
  if (rows->rows.size() > n) page.next_cursor = page.items.back().id;
  return page;
}

Result<ports::Page> SqlRecordStore::List(const model::Resource& r, const ports::ListQuery& q) {
  MutexLock lock(mutex_);
  return ListLocked(r, q);
}

Result<Record> SqlRecordStore::UpdateLocked(const model::Resource& r, int64_t id,
                                            const Fields& changes, const ports::Scope& scope,
                                            const std::string& actor) {
  if (auto k = KnownFields(r, changes); !k.ok()) return k.error();
  auto before = GetLocked(r, id, scope);
  if (!before.ok()) return before.error();
  if (changes.empty()) return before;
  std::vector<Value> params;
  std::string sets;
  for (const auto& [name, value] : changes) {
    params.push_back(value);
    sets += (sets.empty() ? "" : ", ") + name + " = $" + std::to_string(params.size());
  }
  params.emplace_back(id);
  auto res = conn_->Query(
      "UPDATE " + r.name + " SET " + sets + " WHERE id = $" + std::to_string(params.size()),
      params);
  if (!res.ok()) return Conflict(r, res.error());
  if (auto same = CheckSameCompany(*conn_, r, {&id, 1}); !same.ok()) return same.error();
  auto after = GetLocked(r, id, scope);
  if (!after.ok()) return OutsideScope(r);
  if (auto a = AuditLocked(actor, "update", r, id, &*before, &*after); !a.ok()) return a.error();
  return after;
}

Result<Record> SqlRecordStore::Update(const model::Resource& r, int64_t id,
                                      const Fields& changes, const ports::Scope& scope,
                                      const std::string& actor) {
  MutexLock lock(mutex_);
  Record after;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto rec = UpdateLocked(r, id, changes, scope, actor);
    if (!rec.ok()) return rec.error();
    after = std::move(*rec);
    return OkStatus();
  });
  if (!s.ok()) return s.error();
  return after;
}

Status SqlRecordStore::DeleteLocked(const model::Resource& r, int64_t id,
                                    const ports::Scope& scope, const std::string& actor) {
  auto before = GetLocked(r, id, scope);
  if (!before.ok()) return before.error();
  auto res = conn_->Query("DELETE FROM " + r.name + " WHERE id = $1", {id});
  if (!res.ok()) {
    if (res.error().code == ErrorCode::kFailedPrecondition) {
      Error e = res.error();
      e.message = "the " + r.singular + " is still referred to by other records";
      return e;
    }
    return res.error();
  }
  return AuditLocked(actor, "delete", r, id, &*before, nullptr);
}

Status SqlRecordStore::Delete(const model::Resource& r, int64_t id, const ports::Scope& scope,
                              const std::string& actor) {
  MutexLock lock(mutex_);
  return InTransaction(*conn_,
                            [&]() REQUIRES(mutex_) { return DeleteLocked(r, id, scope, actor); });
}

Result<std::vector<ports::AuditEntry>> SqlRecordStore::Audit(std::optional<int64_t> before,
                                                             int limit) {
  MutexLock lock(mutex_);
  std::vector<Value> params;
  std::string where = "1 = 1";
  if (before) {
    params.emplace_back(*before);
    where = "id < $1";
  }
  auto rows = conn_->Query(
      "SELECT id, at, actor, action, resource, record_id, before_json, after_json FROM audit_log "
      "WHERE " + where + " ORDER BY id DESC LIMIT " + std::to_string(std::clamp(limit, 1, 1000)),
      params);
  if (!rows.ok()) return rows.error();
  std::vector<ports::AuditEntry> out;
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    ports::AuditEntry e{rows->Int(i, 0), rows->Text(i, 1), rows->Text(i, 2), rows->Text(i, 3),
                        rows->Text(i, 4), std::nullopt, rows->Text(i, 6), rows->Text(i, 7)};
    if (!rows->IsNull(i, 5)) e.record_id = rows->Int(i, 5);
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<ports::UsageRateRow>> SqlRecordStore::UsageRates(ports::UsageGrouping by,
                                                                    const ports::Scope& scope) {
  if (scope.household_id) {
    return Error::FailedPrecondition("usage rates are not available to a household");
  }
  const bool by_partition = by == ports::UsageGrouping::kPartition;
  std::vector<Value> params;
  std::string where;
  if (scope.company_id) {
    params.emplace_back(*scope.company_id);
    where = " WHERE h.company_id = $1";
  }
  const std::string keys = by_partition ? "h.company_id, b.community, p.id, p.building_id, p.code"
                                        : "h.company_id, b.community";
  auto rows = [&] {
    MutexLock lock(mutex_);
    return conn_->Query(
        "SELECT " + keys +
            ", CAST(SUM(CASE WHEN h.heating_status = 'heated' THEN h.area_m2 ELSE 0 END)"
            " AS BIGINT), CAST(SUM(h.area_m2) AS BIGINT), COUNT(*),"
            " CAST(SUM(CASE WHEN h.heating_status = 'heated' THEN 1 ELSE 0 END) AS BIGINT)"
            " FROM households h JOIN partitions p ON p.id = h.partition_id"
            " JOIN buildings b ON b.id = p.building_id" +
            where + " GROUP BY " + keys + " ORDER BY " + keys,
        params);
  }();
  if (!rows.ok()) return rows.error();
  std::vector<ports::UsageRateRow> out;
  out.reserve(rows->rows.size());
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    ports::UsageRateRow u;
    size_t c = 0;
    u.company_id = rows->Int(i, c++);
    u.community = rows->Text(i, c++);
    if (by_partition) {
      u.partition_id = rows->Int(i, c++);
      u.building_id = rows->Int(i, c++);
      u.partition_code = rows->Text(i, c++);
    }
    u.heated_centi = rows->Int(i, c++);
    u.total_centi = rows->Int(i, c++);
    u.households = rows->Int(i, c++);
    u.heated_households = rows->Int(i, c++);
    out.push_back(std::move(u));
  }
  return out;
}

namespace {

// A LIKE pattern matching `term` anywhere, its ASCII letters lower-cased (the columns are
// compared through LOWER) and '%', '_' and the escape character itself taken literally.
std::string ContainsPattern(const std::string& term) {
  std::string out = "%";
  for (char c : term) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out + "%";
}

}  // namespace

Result<ports::Page> SqlRecordStore::SearchHouseholds(const ports::HouseholdSearch& q) {
  if (q.terms.empty()) return Error::InvalidArgument("give a text to search for", "q");
  const model::Resource& r = *model::FindResource("households");
  std::vector<Value> params;
  std::string where = "1 = 1";
  for (const std::string& term : q.terms) {
    if (term.empty()) return Error::InvalidArgument("a search term is empty", "q");
    params.emplace_back(ContainsPattern(term));
    const std::string p = "$" + std::to_string(params.size());
    std::string any;
    std::vector<std::string> columns = {"r.code", "r.address", "b.community", "b.address"};
    if (q.phone) columns.emplace_back("r.phone");
    for (const std::string& column : columns) {
      any += (any.empty() ? "" : " OR ") + ("LOWER(" + column + ") LIKE " + p + " ESCAPE '\\'");
    }
    where += " AND (" + any + ")";
  }
  if (q.after) {
    params.emplace_back(*q.after);
    where += " AND r.id > $" + std::to_string(params.size());
  }
  AddScope(r, q.scope, where, params);
  const int limit = std::clamp(q.limit, 1, 1000);
  MutexLock lock(mutex_);
  // One more than asked tells whether there is a next page.
  auto rows = conn_->Query("SELECT " + Columns(r) +
                               " FROM households r JOIN partitions p ON p.id = r.partition_id"
                               " JOIN buildings b ON b.id = p.building_id WHERE " +
                               where + " ORDER BY r.id LIMIT " + std::to_string(limit + 1),
                           params);
  if (!rows.ok()) return rows.error();
  ports::Page page;
  const size_t n = std::min(rows->rows.size(), static_cast<size_t>(limit));
  for (size_t i = 0; i < n; ++i) page.items.push_back(ToRecord(r, *rows, i));
  if (rows->rows.size() > n) page.next_cursor = page.items.back().id;
  return page;
}

}  // namespace hearth::adapters::storage

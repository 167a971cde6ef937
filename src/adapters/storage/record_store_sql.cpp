#include "adapters/storage/record_store_sql.hpp"

#include <exception>
#include <nlohmann/json.hpp>

#include "core/civil_time.hpp"

namespace hearth::adapters {
namespace {

using ports::Fields;
using ports::Record;

std::string Columns(const model::Resource& r) {
  std::string out = "r.id";
  for (const auto& f : r.fields) out += ", r." + f.name;
  return out;
}

Record ToRecord(const model::Resource& r, const sql::Rows& rows, size_t i) {
  Record rec;
  rec.id = rows.Int(i, 0);
  for (size_t c = 0; c < r.fields.size(); ++c) rec.fields[r.fields[c].name] = rows.rows[i][c + 1];
  return rec;
}

// Appends the scope conditions; `params` grows with their values.
void AddScope(const model::Resource& r, const ports::Scope& scope, std::string& where,
              std::vector<sql::Value>& params) {
  if (scope.company_id) {
    // A company-scoped caller sees nothing of a resource that belongs to no company
    // only if the resource is company-owned; shared resources (districts) stay visible.
    if (!r.ownership.company_expr.empty()) {
      params.emplace_back(*scope.company_id);
      where += " AND " + r.ownership.company_expr + " = $" + std::to_string(params.size());
    }
  }
  if (scope.household_id) {
    if (r.ownership.household_expr.empty()) {
      where += " AND 1 = 0";
    } else {
      params.emplace_back(*scope.household_id);
      where += " AND " + r.ownership.household_expr + " = $" + std::to_string(params.size());
    }
  }
}

std::string ToJson(const Record& rec) {
  nlohmann::ordered_json j;
  j["id"] = rec.id;
  for (const auto& [k, v] : rec.fields) {
    if (const auto* i = std::get_if<int64_t>(&v)) j[k] = *i;
    else if (const auto* s = std::get_if<std::string>(&v)) j[k] = *s;
    else j[k] = nullptr;
  }
  return j.dump();
}

Error NotFound(const model::Resource& r, int64_t id) {
  return Error::NotFound("no " + r.singular + " " + std::to_string(id), "id");
}

// A constraint failure on a create or update, in the client's terms: a taken unique key names
// the natural keys; a broken reference says the record refers to one that does not exist.
Error Conflict(const model::Resource& r, const Error& e) {
  Error out = e;
  if (e.code == ErrorCode::kAlreadyExists) {
    std::string keys;
    for (const auto& u : r.unique) {
      std::string k;
      for (const auto& f : u) k += (k.empty() ? "" : "+") + f;
      keys += (keys.empty() ? "" : ", ") + k;
    }
    out.message = "the " + r.singular + " conflicts with existing records" +
                  (keys.empty() ? std::string() : " (unique: " + keys + ")");
  } else if (e.code == ErrorCode::kFailedPrecondition) {
    out.message = "the " + r.singular + " refers to a record that does not exist";
  }
  return out;
}

Error OutsideScope(const model::Resource& r) {
  return Error::PermissionDenied("the " + r.singular + " would belong to another company or household");
}

// Column names reach SQL only from the descriptor: refuse any other.
// A record may refer only to records of its own company: a household of company A in a
// partition of company B would mix the companies' data (usage rates, scopes, reports). One query
// per write gives the record's company and that of each company-owned record it refers to; the
// subqueries read the referred tables under the alias `r` their company expressions are written
// for, the written record is `o`. Runs inside the write's transaction, after the write.
Status CheckSameCompany(sql::Connection& conn, const model::Resource& r, int64_t id) {
  if (r.ownership.company_expr.empty()) return OkStatus();
  std::vector<const model::Field*> refs;
  std::string select = "(SELECT " + r.ownership.company_expr + " FROM " + r.name +
                       " r WHERE r.id = o.id)";
  for (const auto& f : r.fields) {
    if (f.type != model::FieldType::kRef || f.name == "company_id") continue;
    const model::Resource* target = model::FindResource(f.ref);
    if (target == nullptr || target->ownership.company_expr.empty()) continue;
    refs.push_back(&f);
    select += ", (SELECT " + target->ownership.company_expr + " FROM " + target->name +
              " r WHERE r.id = o." + f.name + ")";
  }
  if (refs.empty()) return OkStatus();
  auto rows = conn.Query("SELECT " + select + " FROM " + r.name + " o WHERE o.id = $1", {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty() || rows->IsNull(0, 0)) return OkStatus();
  const int64_t company = rows->Int(0, 0);
  for (size_t i = 0; i < refs.size(); ++i) {
    if (rows->IsNull(0, i + 1)) continue;  // an optional reference left empty
    if (rows->Int(0, i + 1) != company) {
      return Error::InvalidArgument(
          refs[i]->name + " refers to a " + model::FindResource(refs[i]->ref)->singular +
              " of another company",
          refs[i]->name);
    }
  }
  return OkStatus();
}

Status KnownFields(const model::Resource& r, const Fields& fields) {
  for (const auto& [name, value] : fields) {
    if (r.Find(name) == nullptr) {
      return Error::InvalidArgument("unknown field '" + name + "' of " + r.singular, name);
    }
  }
  return OkStatus();
}

}  // namespace

Status SqlRecordStore::AuditLocked(const std::string& actor, const std::string& action,
                                   const model::Resource& r, int64_t id, const Record* before,
                                   const Record* after) {
  std::string now = FormatLocal(
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
  auto res = conn_->Query(
      "INSERT INTO audit_log (at, actor, action, resource, record_id, before_json, after_json) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {now, actor, action, r.name, id,
       before ? sql::Value(ToJson(*before)) : sql::Value(nullptr),
       after ? sql::Value(ToJson(*after)) : sql::Value(nullptr)});
  if (!res.ok()) return res.error();
  return OkStatus();
}

Result<Record> SqlRecordStore::GetLocked(const model::Resource& r, int64_t id,
                                         const ports::Scope& scope) {
  std::vector<sql::Value> params{id};
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
  std::vector<sql::Value> params;
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
  if (auto same = CheckSameCompany(*conn_, r, rows->Int(0, 0)); !same.ok()) return same.error();
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
  Status s = sql::InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
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
  std::vector<sql::Value> params;
  std::string where = "1 = 1";
  for (const auto& [name, value] : q.equals) {
    params.push_back(value);
    where += " AND r." + name + " = $" + std::to_string(params.size());
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
  std::vector<sql::Value> params;
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
  if (auto same = CheckSameCompany(*conn_, r, id); !same.ok()) return same.error();
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
  Status s = sql::InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
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
  return sql::InTransaction(*conn_,
                            [&]() REQUIRES(mutex_) { return DeleteLocked(r, id, scope, actor); });
}

// The calls of one Transact, remembering the first failure that leaves the SQL transaction
// unusable (PostgreSQL aborts it at any failed statement) or half-done (a write that failed after
// its statement ran, e.g. outside the scope). Lives only inside Transact, which holds the store's
// mutex_ throughout: every call REQUIRES it.
class SqlRecordStore::Transaction final : public ports::RecordTransaction {
 public:
  explicit Transaction(SqlRecordStore& store) : store_(store) {}

  Result<Record> Create(const model::Resource& r, const Fields& fields, const ports::Scope& scope,
                        const std::string& actor) override REQUIRES(store_.mutex_) {
    return Write(store_.CreateLocked(r, fields, scope, actor));
  }
  Result<Record> Get(const model::Resource& r, int64_t id, const ports::Scope& scope) override
      REQUIRES(store_.mutex_) {
    return Read(store_.GetLocked(r, id, scope));
  }
  Result<ports::Page> List(const model::Resource& r, const ports::ListQuery& query) override
      REQUIRES(store_.mutex_) {
    return Read(store_.ListLocked(r, query));
  }
  Result<Record> Update(const model::Resource& r, int64_t id, const Fields& changes,
                        const ports::Scope& scope, const std::string& actor) override
      REQUIRES(store_.mutex_) {
    return Write(store_.UpdateLocked(r, id, changes, scope, actor));
  }
  Status Delete(const model::Resource& r, int64_t id, const ports::Scope& scope,
                const std::string& actor) override REQUIRES(store_.mutex_) {
    return Write(store_.DeleteLocked(r, id, scope, actor));
  }

  const std::optional<Error>& failure() const { return failure_; }

 private:
  template <typename T>
  T Write(T result) {
    if (!result.ok() && !failure_) failure_ = result.error();
    return result;
  }
  // A read that found nothing or was refused before any SQL ran leaves the transaction usable.
  template <typename T>
  T Read(T result) {
    if (!result.ok() && !failure_ && result.error().code != ErrorCode::kNotFound &&
        result.error().code != ErrorCode::kInvalidArgument) {
      failure_ = result.error();
    }
    return result;
  }

  SqlRecordStore& store_;
  std::optional<Error> failure_;
};

Status SqlRecordStore::Transact(const std::function<Status(ports::RecordTransaction&)>& fn) {
  MutexLock lock(mutex_);
  Transaction tx(*this);
  std::exception_ptr thrown;
  Status s = sql::InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    Status out = OkStatus();
    try {
      out = fn(tx);
    } catch (...) {
      // A bug in `fn`: roll back, so the connection is not left inside a transaction, and rethrow.
      thrown = std::current_exception();
      return Error::Internal("exception in a transaction");
    }
    if (!out.ok()) return out;
    if (tx.failure()) return *tx.failure();
    return OkStatus();
  });
  if (thrown) std::rethrow_exception(thrown);
  return s;
}

Result<std::vector<ports::AuditEntry>> SqlRecordStore::Audit(std::optional<int64_t> before,
                                                             int limit) {
  MutexLock lock(mutex_);
  std::vector<sql::Value> params;
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
  std::vector<sql::Value> params;
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

}  // namespace hearth::adapters

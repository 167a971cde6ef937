// SqlRecordStore::CreateManyLocked: many records of one resource in a few statements. The demo
// city writes about 160,000 records; a round trip or three for each made it 18 times slower on
// PostgreSQL than on SQLite. Ids are taken first, so that each row's id is known before it is
// written (the order of a multi-row INSERT's RETURNING rows is not guaranteed on either engine).
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "adapters/storage/audit_sql.hpp"
#include "adapters/storage/record_sql.hpp"
#include "adapters/storage/record_store_sql.hpp"

namespace hearth::adapters::storage {
namespace {

using ports::Fields;
using ports::Record;
using namespace record_sql;  // NOLINT(google-build-using-namespace): this store's helpers

// Parameters per statement: under SQLite's 32,766 (and PostgreSQL's 65,535).
constexpr size_t kMaxParams = 30000;
constexpr size_t kMaxRows = 1000;

// `n` ids for new rows of `table`, ascending, inside the caller's transaction. PostgreSQL: the
// table's sequence (ids other sessions take meanwhile are skipped); SQLite: the next
// AUTOINCREMENT values (BEGIN IMMEDIATE keeps other writers out; an explicit id moves the
// sequence on).
Result<std::vector<int64_t>> ReserveIds(Connection& conn, const std::string& table, size_t n) {
  std::vector<int64_t> ids;
  ids.reserve(n);
  if (conn.dialect() == Dialect::kPostgres) {
    auto rows = conn.Query(
        "SELECT nextval(pg_get_serial_sequence($1::text, 'id')) AS id "
        "FROM generate_series(1, $2::int) ORDER BY id",
        {table, static_cast<int64_t>(n)});
    if (!rows.ok()) return rows.error();
    for (size_t i = 0; i < rows->rows.size(); ++i) ids.push_back(rows->Int(i, 0));
  } else {
    auto rows = conn.Query(
        "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = $1), 0), "
        "coalesce((SELECT max(id) FROM " + table + "), 0))",
        {table});
    if (!rows.ok()) return rows.error();
    for (size_t i = 1; i <= n; ++i) ids.push_back(rows->Int(0, 0) + static_cast<int64_t>(i));
  }
  if (ids.size() != n) return Error::Internal("could not reserve ids for " + table);
  return ids;
}

// The rows' indexes grouped by their set of field names (one INSERT column list each), each
// group in the order of `rows`.
std::map<std::vector<std::string>, std::vector<size_t>> ByColumns(std::span<const Fields> rows) {
  std::map<std::vector<std::string>, std::vector<size_t>> out;
  for (size_t i = 0; i < rows.size(); ++i) {
    std::vector<std::string> names;
    names.reserve(rows[i].size());
    for (const auto& [name, value] : rows[i]) names.push_back(name);
    out[std::move(names)].push_back(i);
  }
  return out;
}

}  // namespace

Result<std::vector<Record>> SqlRecordStore::CreateManyLocked(const model::Resource& r,
                                                             std::span<const Fields> rows,
                                                             const ports::Scope& scope,
                                                             const std::string& actor) {
  if (rows.empty()) return std::vector<Record>{};
  for (const auto& fields : rows) {
    if (auto k = KnownFields(r, fields); !k.ok()) return k.error();
  }
  auto ids = ReserveIds(*conn_, r.name, rows.size());
  if (!ids.ok()) return ids.error();
  std::string returning = "id";
  for (const auto& f : r.fields) returning += ", " + f.name;

  std::vector<Record> out(rows.size());
  for (const auto& [names, indexes] : ByColumns(rows)) {
    std::string cols = "id";
    for (const auto& name : names) cols += ", " + name;
    const size_t per_row = names.size() + 1;
    const size_t chunk = std::min(kMaxRows, kMaxParams / per_row);
    for (size_t at = 0; at < indexes.size(); at += chunk) {
      const size_t n = std::min(chunk, indexes.size() - at);
      std::string sql = "INSERT INTO " + r.name + " (" + cols + ") VALUES ";
      std::vector<Value> params;
      params.reserve(n * per_row);
      for (size_t k = 0; k < n; ++k) {
        const size_t i = indexes[at + k];
        sql += (k ? ", (" : "(") + Placeholders(params.size() + 1, per_row) + ")";
        params.emplace_back((*ids)[i]);
        for (const auto& [name, value] : rows[i]) params.push_back(value);
      }
      auto written = conn_->Query(sql + " RETURNING " + returning, params);
      if (!written.ok()) return Conflict(r, written.error());
      for (size_t w = 0; w < written->rows.size(); ++w) {
        const auto it = std::lower_bound(ids->begin(), ids->end(), written->Int(w, 0));
        if (it == ids->end() || *it != written->Int(w, 0)) {
          return Error::Internal("a bulk insert into " + r.name + " returned an unknown id");
        }
        out[static_cast<size_t>(it - ids->begin())] = ToRecord(r, *written, w);
      }
    }
  }

  const bool scoped = scope.company_id || scope.household_id;
  for (size_t at = 0; at < ids->size(); at += kMaxRows) {
    const std::span<const int64_t> part(ids->data() + at, std::min(kMaxRows, ids->size() - at));
    if (auto same = CheckSameCompany(*conn_, r, part); !same.ok()) return same.error();
    if (!scoped) continue;
    std::vector<Value> params(part.begin(), part.end());
    std::string where = "r.id IN (" + Placeholders(1, part.size()) + ")";
    AddScope(r, scope, where, params);
    auto inside = conn_->Query("SELECT count(*) FROM " + r.name + " r WHERE " + where, params);
    if (!inside.ok()) return inside.error();
    if (inside->Int(0, 0) != static_cast<int64_t>(part.size())) return OutsideScope(r);
  }
  std::vector<ports::AuditEntry> audits;
  audits.reserve(out.size());
  for (const auto& rec : out) {
    audits.push_back({0, "", actor, "create", r.name, rec.id, "", ToJson(rec)});
  }
  if (auto a = InsertAudits(*conn_, audits); !a.ok()) return a.error();
  return out;
}

}  // namespace hearth::adapters::storage

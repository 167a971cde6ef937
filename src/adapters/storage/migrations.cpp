// Applies the schema's history (schema_history.cpp) to a database.
#include "adapters/storage/migrations.hpp"

#include <string>

#include "adapters/storage/schema_history.hpp"
#include "core/civil_time.hpp"

namespace hearth::adapters::storage {
namespace {

constexpr const char* kSqliteId = "INTEGER PRIMARY KEY AUTOINCREMENT";
constexpr const char* kPostgresId = "BIGSERIAL PRIMARY KEY";

std::string SqlFor(const Migration& m, bool pg) {
  if (m.common == nullptr) return pg ? m.postgres : m.sqlite;
  std::string text = m.common;
  const std::string placeholder = "{{ID}}";
  for (size_t at; (at = text.find(placeholder)) != std::string::npos;) {
    text.replace(at, placeholder.size(), pg ? kPostgresId : kSqliteId);
  }
  return text;
}

std::string Now() {
  return FormatLocal(std::chrono::time_point_cast<std::chrono::seconds>(
      std::chrono::system_clock::now()));
}

}  // namespace

int LatestSchemaVersion() { return SchemaHistory().back().version; }

Status MigrateLocked(Connection& conn, bool pg, int target) {
  if (auto s = conn.Script("CREATE TABLE IF NOT EXISTS schema_migrations ("
                           "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                           "applied_at TEXT NOT NULL)");
      !s.ok()) {
    return s;
  }
  for (const Migration& m : SchemaHistory()) {
    Status s = InTransaction(conn, [&]() -> Status {
      auto have = conn.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
      if (!have.ok()) return have.error();
      int64_t current = have->Int(0, 0);
      if (current > LatestSchemaVersion()) {
        return Error::FailedPrecondition("the database schema (version " +
                                         std::to_string(current) +
                                         ") is newer than this hearth (version " +
                                         std::to_string(LatestSchemaVersion()) + ")");
      }
      if (m.version <= current || m.version > target) return OkStatus();
      if (auto r = conn.Script(SqlFor(m, pg)); !r.ok()) return r;
      auto ins = conn.Query(
          "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
          {int64_t{m.version}, std::string(m.name), Now()});
      if (!ins.ok()) return ins.error();
      return OkStatus();
    });
    if (!s.ok()) return s;
  }
  return OkStatus();
}

Status MigrateTo(Connection& conn, int target) {
  // Serialise concurrent migrators. PostgreSQL: a session advisory lock (CREATE TABLE IF NOT
  // EXISTS itself races there); SQLite: each step's BEGIN IMMEDIATE holds the write lock.
  bool pg = conn.dialect() == Dialect::kPostgres;
  constexpr const char* kLockKey = "7419230457";  // arbitrary, fixed for Hearth
  if (pg) {
    if (auto r = conn.Query(std::string("SELECT pg_advisory_lock(") + kLockKey + ")"); !r.ok()) {
      return r.error();
    }
  }
  Status s = MigrateLocked(conn, pg, target);
  if (pg) (void)conn.Query(std::string("SELECT pg_advisory_unlock(") + kLockKey + ")");
  return s;
}

Status Migrate(Connection& conn) { return MigrateTo(conn, LatestSchemaVersion()); }

}  // namespace hearth::adapters::storage

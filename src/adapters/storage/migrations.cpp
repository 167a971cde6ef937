#include "adapters/storage/migrations.hpp"

#include <array>
#include <string>

#include "core/civil_time.hpp"

namespace hearth::adapters {
namespace {

struct Migration {
  int version;
  const char* name;
  const char* sqlite;
  const char* postgres;
};

// Append only: a released migration is never edited.
constexpr std::array<Migration, 1> kMigrations = {{
    {1, "calendar imports",
     R"sql(
CREATE TABLE calendar_imports (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  imported_at TEXT NOT NULL,
  source      TEXT NOT NULL,
  replace     INTEGER NOT NULL CHECK (replace IN (0, 1)),
  years_json  TEXT NOT NULL
);
)sql",
     R"sql(
CREATE TABLE calendar_imports (
  id          BIGSERIAL PRIMARY KEY,
  imported_at TEXT NOT NULL,
  source      TEXT NOT NULL,
  replace     INTEGER NOT NULL CHECK (replace IN (0, 1)),
  years_json  TEXT NOT NULL
);
)sql"},
}};

std::string Now() {
  return FormatLocal(std::chrono::time_point_cast<std::chrono::seconds>(
      std::chrono::system_clock::now()));
}

}  // namespace

int LatestSchemaVersion() { return kMigrations.back().version; }

Status Migrate(sql::Connection& conn) {
  bool pg = conn.dialect() == sql::Dialect::kPostgres;
  if (auto s = conn.Script("CREATE TABLE IF NOT EXISTS schema_migrations ("
                           "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                           "applied_at TEXT NOT NULL)");
      !s.ok()) {
    return s;
  }
  for (const Migration& m : kMigrations) {
    Status s = sql::InTransaction(conn, [&]() -> Status {
      // Serialise concurrent migrators: PostgreSQL takes a table lock; SQLite's BEGIN IMMEDIATE
      // already holds the write lock.
      if (pg) {
        auto lock = conn.Query("LOCK TABLE schema_migrations IN EXCLUSIVE MODE");
        if (!lock.ok()) return lock.error();
      }
      auto have = conn.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
      if (!have.ok()) return have.error();
      int64_t current = have->Int(0, 0);
      if (current > LatestSchemaVersion()) {
        return Error::FailedPrecondition("the database schema (version " +
                                         std::to_string(current) +
                                         ") is newer than this hearth (version " +
                                         std::to_string(LatestSchemaVersion()) + ")");
      }
      if (m.version <= current) return OkStatus();
      if (auto r = conn.Script(pg ? m.postgres : m.sqlite); !r.ok()) return r;
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

}  // namespace hearth::adapters

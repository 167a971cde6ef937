#include "adapters/storage/migrations.hpp"

#include <array>
#include <string>

namespace hearth::adapters::sqlite {
namespace {

struct Migration {
  int version;
  const char* name;
  const char* sql;
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
)sql"},
}};

}  // namespace

int LatestSchemaVersion() { return kMigrations.back().version; }

Status Migrate(Db& db) {
  if (auto s = db.Exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                       "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
      !s.ok()) {
    return s;
  }
  auto current = db.QueryInt("SELECT MAX(version) FROM schema_migrations");
  if (!current.ok()) return current.error();
  int64_t have = current->value_or(0);
  if (have > LatestSchemaVersion()) {
    return Error::FailedPrecondition("the database schema (version " + std::to_string(have) +
                                     ") is newer than this hearth (version " +
                                     std::to_string(LatestSchemaVersion()) + ")");
  }
  for (const Migration& m : kMigrations) {
    if (m.version <= have) continue;
    Status s = Transaction(db, [&]() -> Status {
      if (auto r = db.Exec(m.sql); !r.ok()) return r;
      auto stmt = db.Prepare(
          "INSERT INTO schema_migrations (version, name, applied_at) "
          "VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
      if (!stmt.ok()) return stmt.error();
      return stmt->Bind(1, int64_t{m.version}).Bind(2, m.name).Run();
    });
    if (!s.ok()) return s;
  }
  return OkStatus();
}

}  // namespace hearth::adapters::sqlite

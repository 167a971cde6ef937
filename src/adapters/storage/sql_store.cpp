#include "adapters/storage/sql_store.hpp"

#include <nlohmann/json.hpp>

#include "adapters/json/calendar_json.hpp"
#include "adapters/storage/audit_sql.hpp"
#include "adapters/storage/migrations.hpp"
#include "adapters/storage/sql_sqlite.hpp"

namespace hearth::adapters::storage {

Result<std::unique_ptr<SqlStore>> SqlStore::Open(const std::string& url, bool create) {
  auto conn = Connect(url, create);
  if (!conn.ok()) return conn.error();
  if (auto s = Migrate(**conn); !s.ok()) return s.error();
  return std::unique_ptr<SqlStore>(new SqlStore(std::move(*conn)));
}

Result<std::vector<ports::CalendarImport>> SqlStore::LoadCalendarImports() {
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT id, imported_at, source, replace, years_json FROM calendar_imports ORDER BY id");
  if (!rows.ok()) return rows.error();
  std::vector<ports::CalendarImport> out;
  for (size_t r = 0; r < rows->rows.size(); ++r) {
    auto file = json::ParseCalendarJson(rows->Text(r, 4));
    if (!file.ok()) {
      return Error::Internal("calendar import " + rows->Text(r, 0) +
                             " is unreadable: " + file.error().message);
    }
    out.push_back({rows->Int(r, 0), rows->Text(r, 1), rows->Text(r, 2), rows->Int(r, 3) != 0,
                   std::move(file->years)});
  }
  return out;
}

Status SqlStore::Ping() {
  MutexLock lock(mutex_);
  auto rows = conn_->Query("SELECT MAX(version) FROM schema_migrations");
  if (!rows.ok()) return rows.error();
  return OkStatus();
}

Result<int64_t> SqlStore::CalendarVersion() {
  MutexLock lock(mutex_);
  auto rows = conn_->Query("SELECT COALESCE(MAX(id), 0) FROM calendar_imports");
  if (!rows.ok()) return rows.error();
  return rows->Int(0, 0);
}

Result<ports::CalendarImport> SqlStore::AddCalendarImport(const ports::CalendarImport& import,
                                                         const std::string& actor) {
  MutexLock lock(mutex_);
  ports::CalendarImport out = import;
  out.imported_at = FormatLocal(
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
  const std::string years_json = json::CalendarToJson({import.source, import.years});
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto rows = conn_->Query(
        "INSERT INTO calendar_imports (imported_at, source, replace, years_json) "
        "VALUES ($1, $2, $3, $4) RETURNING id",
        {out.imported_at, import.source, int64_t{import.replace}, years_json});
    if (!rows.ok()) return rows.error();
    out.id = rows->Int(0, 0);
    // The audit entry holds the import as given: its source, whether it replaces, its years.
    auto after = nlohmann::ordered_json::parse(years_json);
    after["replace"] = import.replace;
    return InsertAudit(*conn_,
                       {0, out.imported_at, actor, "import", "calendar", out.id, "", after.dump()});
  });
  if (!s.ok()) return s.error();
  return out;
}

Status SqlStore::Backup(const std::string& path) {
  MutexLock lock(mutex_);
  if (conn_->dialect() != Dialect::kSqlite) {
    return Error::FailedPrecondition(
        "hearth backup copies SQLite databases; use pg_dump for "
        "PostgreSQL");
  }
  return SqliteBackup(*conn_, path);
}

}  // namespace hearth::adapters::storage

#include "adapters/storage/sqlite_store.hpp"

#include <filesystem>

#include "adapters/json/calendar_json.hpp"
#include "adapters/storage/migrations.hpp"

namespace hearth::adapters {

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path, bool create) {
  if (create) {
    std::error_code ec;
    auto dir = std::filesystem::path(path).parent_path();
    if (!dir.empty()) std::filesystem::create_directories(dir, ec);
  } else if (!std::filesystem::exists(path)) {
    return Error::NotFound("no database at " + path, "db");
  }
  auto db = sqlite::Db::Open(path, create);
  if (!db.ok()) return db.error();
  if (auto s = sqlite::Migrate(**db); !s.ok()) return s.error();
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(*db)));
}

Result<std::vector<ports::CalendarImport>> SqliteStore::LoadCalendarImports() {
  std::lock_guard lock(mutex_);
  auto stmt = db_->Prepare(
      "SELECT id, imported_at, source, replace, years_json FROM calendar_imports ORDER BY id");
  if (!stmt.ok()) return stmt.error();
  std::vector<ports::CalendarImport> out;
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    auto file = ParseCalendarJson(stmt->Text(4));
    if (!file.ok()) {
      return Error::Internal("calendar import " + std::to_string(stmt->Int(0)) +
                             " is unreadable: " + file.error().message);
    }
    out.push_back({stmt->Int(0), stmt->Text(1), stmt->Text(2), stmt->Int(3) != 0,
                   std::move(file->years)});
  }
  return out;
}

Result<int64_t> SqliteStore::CalendarVersion() {
  std::lock_guard lock(mutex_);
  auto v = db_->QueryInt("SELECT COALESCE(MAX(id), 0) FROM calendar_imports");
  if (!v.ok()) return v.error();
  return v->value_or(0);
}

Result<int64_t> SqliteStore::AddCalendarImport(const ports::CalendarImport& import) {
  std::lock_guard lock(mutex_);
  auto stmt = db_->Prepare(
      "INSERT INTO calendar_imports (imported_at, source, replace, years_json) "
      "VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?)");
  if (!stmt.ok()) return stmt.error();
  std::string json = CalendarToJson({import.source, import.years});
  if (auto s = stmt->Bind(1, import.source).Bind(2, int64_t{import.replace}).Bind(3, json).Run();
      !s.ok()) {
    return s.error();
  }
  return int64_t{sqlite3_last_insert_rowid(db_->raw())};
}

Status SqliteStore::Backup(const std::string& path) {
  std::lock_guard lock(mutex_);
  auto target = sqlite::Db::Open(path, true);
  if (!target.ok()) return target.error();
  sqlite3_backup* b = sqlite3_backup_init((*target)->raw(), "main", db_->raw(), "main");
  if (b == nullptr) return sqlite::SqliteError((*target)->raw(), SQLITE_ERROR, "backup");
  int rc = sqlite3_backup_step(b, -1);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) return sqlite::SqliteError((*target)->raw(), rc, "backup");
  return OkStatus();
}

}  // namespace hearth::adapters

// The SQLite store: Hearth's embedded default. Implements the storage ports over one database
// file. Thread-safe: one connection, guarded by mutex_.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "adapters/storage/sqlite_db.hpp"
#include "ports/calendar_store.hpp"

namespace hearth::adapters {

class SqliteStore final : public ports::CalendarStore {
 public:
  /// Opens (creating the file and its directory when `create`) and migrates the database.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path, bool create = true);

  Result<std::vector<ports::CalendarImport>> LoadCalendarImports() override;
  Result<int64_t> CalendarVersion() override;
  Result<int64_t> AddCalendarImport(const ports::CalendarImport& import) override;

  /// Copies the live database to `path` (SQLite online backup): consistent while others write.
  Status Backup(const std::string& path);

 private:
  explicit SqliteStore(std::unique_ptr<sqlite::Db> db) : db_(std::move(db)) {}
  std::mutex mutex_;
  std::unique_ptr<sqlite::Db> db_;  // GUARDED_BY(mutex_)
};

}  // namespace hearth::adapters

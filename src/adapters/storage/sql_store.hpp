// Hearth's store over SQLite (the embedded default) or PostgreSQL (`--db postgresql://…`).
// Implements the storage ports; migrates the schema when opened. Thread-safe: one connection,
// guarded by mutex_ (a pool comes with the records).
#pragma once

#include <memory>
#include <string>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/calendar_store.hpp"

namespace hearth::adapters::storage {

class SqlStore final : public ports::CalendarStore {
 public:
  /// Opens `url` (a SQLite path, created when `create`, or a postgresql:// URL) and migrates it.
  static Result<std::unique_ptr<SqlStore>> Open(const std::string& url, bool create = true);

  Result<std::vector<ports::CalendarImport>> LoadCalendarImports() override;
  Result<int64_t> CalendarVersion() override;
  Result<ports::CalendarImport> AddCalendarImport(const ports::CalendarImport& import,
                                                  const std::string& actor) override;

  /// The readiness check's trivial query (issue 18, item 2): reads the schema version, which
  /// touches the file on SQLite and the server on PostgreSQL (reconnecting when needed). ok, or
  /// the statement's error (unavailable, naming the cause).
  Status Ping();

  /// SQLite: an online, consistent copy to `path`. PostgreSQL: failed_precondition (use pg_dump).
  Status Backup(const std::string& path);

  Dialect dialect() const { return dialect_; }

 private:
  explicit SqlStore(std::unique_ptr<Connection> conn)
      : dialect_(conn->dialect()), conn_(std::move(conn)) {}

  const Dialect dialect_;  // the connection's, which never changes: read without the lock
  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

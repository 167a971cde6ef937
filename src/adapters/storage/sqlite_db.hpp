// A thin RAII layer over the SQLite C API. Not thread-safe: each owner guards its Db with its own
// mutex (or uses one Db per thread).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace hearth::adapters::sqlite {

class Stmt {
 public:
  Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Stmt(Stmt&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Stmt& operator=(Stmt&&) = delete;
  Stmt(const Stmt&) = delete;
  ~Stmt() { sqlite3_finalize(stmt_); }

  Stmt& Bind(int index, int64_t value);
  Stmt& Bind(int index, std::string_view value);
  Stmt& BindNull(int index);
  /// Advances: true when a row is ready, false when done; errors as unavailable/internal.
  Result<bool> Step();
  /// Runs to completion.
  Status Run();
  Stmt& Reset();

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  std::string Text(int col) const;
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class Db {
 public:
  /// Opens (creating when `create`) a database file in WAL mode with foreign keys on and a busy
  /// timeout, so that a CLI and a running server can share it.
  static Result<std::unique_ptr<Db>> Open(const std::string& path, bool create = true);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  Status Exec(std::string_view sql);
  Result<Stmt> Prepare(std::string_view sql);
  /// Runs `sql` and returns the first column of the first row, if any.
  Result<std::optional<int64_t>> QueryInt(std::string_view sql);
  sqlite3* raw() { return db_; }

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

/// Runs `fn` inside BEGIN IMMEDIATE … COMMIT; rolls back when `fn` fails.
template <typename Fn>
Status Transaction(Db& db, Fn&& fn) {
  if (auto s = db.Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  Status result = fn();
  if (!result.ok()) {
    (void)db.Exec("ROLLBACK");
    return result;
  }
  return db.Exec("COMMIT");
}

/// Maps an SQLite error to a Result error: busy/locked are `unavailable`, the rest internal.
Error SqliteError(sqlite3* db, int rc, std::string_view what);

}  // namespace hearth::adapters::sqlite

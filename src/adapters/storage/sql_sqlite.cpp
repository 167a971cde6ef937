#include "adapters/storage/sql_sqlite.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <functional>
#include <unordered_map>

namespace hearth::adapters::storage {
namespace {


// $1 -> ?1 outside quoted text: SQLite's numbered parameters. When the parameters appear once
// each and in order ($1, $2, … $n), as in a multi-row INSERT, they become plain `?`, which SQLite
// numbers the same way: its parser looks each `?N` up in a list of the numbers seen so far, so a
// statement of 30,000 numbered parameters took longer to prepare than to run.
std::string Rewrite(std::string_view sql) {
  std::string numbered, plain;
  numbered.reserve(sql.size());
  plain.reserve(sql.size());
  bool in_order = true;
  int64_t seen = 0;
  char quote = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '$' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
      int64_t n = 0;
      size_t j = i + 1;
      for (; j < sql.size() && sql[j] >= '0' && sql[j] <= '9' && n < 1000000; ++j) {
        n = n * 10 + (sql[j] - '0');
      }
      in_order = in_order && n == ++seen;
      numbered += '?';
      numbered.append(sql.substr(i + 1, j - i - 1));
      plain += '?';
      i = j - 1;
      continue;
    }
    numbered += c;
    plain += c;
  }
  return in_order ? plain : numbered;
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    DropStatements();
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  Result<Rows> Query(std::string_view sql, const std::vector<Value>& params) override {
    auto prepared = Prepare(sql);
    if (!prepared.ok()) return prepared.error();
    sqlite3_stmt* stmt = *prepared;
    // Back to the cache reset (no read or write left open) and without bindings.
    auto release = [](sqlite3_stmt* st) {
      sqlite3_reset(st);
      sqlite3_clear_bindings(st);
    };
    std::unique_ptr<sqlite3_stmt, decltype(release)> guard(stmt, release);
    auto failed = [&](int code) { return SqliteError(db_, code, sqlite3_sql(stmt)); };
    int rc = SQLITE_OK;
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i) + 1;
      const Value& v = params[i];
      if (const auto* n = std::get_if<int64_t>(&v)) {
        sqlite3_bind_int64(stmt, idx, *n);
      } else if (const auto* s = std::get_if<std::string>(&v)) {
        sqlite3_bind_text(stmt, idx, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
      } else {
        sqlite3_bind_null(stmt, idx);
      }
    }
    Rows out;
    int ncol = sqlite3_column_count(stmt);
    for (int c = 0; c < ncol; ++c) out.columns.emplace_back(sqlite3_column_name(stmt, c));
    for (;;) {
      rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) return failed(rc);
      std::vector<Value> row;
      row.reserve(static_cast<size_t>(ncol));
      for (int c = 0; c < ncol; ++c) {
        switch (sqlite3_column_type(stmt, c)) {
          case SQLITE_NULL: row.emplace_back(nullptr); break;
          case SQLITE_INTEGER: row.emplace_back(int64_t{sqlite3_column_int64(stmt, c)}); break;
          default: {
            const auto* p = sqlite3_column_text(stmt, c);
            row.emplace_back(std::string(reinterpret_cast<const char*>(p),
                                         static_cast<size_t>(sqlite3_column_bytes(stmt, c))));
          }
        }
      }
      out.rows.push_back(std::move(row));
    }
    out.affected = sqlite3_changes64(db_);
    return out;
  }

  Status Script(std::string_view sql) override {
    DropStatements();  // scripts change the schema (migrations)
    std::string text(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      Error e = SqliteError(db_, rc, err ? err : "script");
      sqlite3_free(err);
      return e;
    }
    return OkStatus();
  }

  sqlite3* raw() { return db_; }

 private:
  // Statements are prepared once per connection and kept, keyed by their text as given: most
  // are constants, and parsing them again cost more than running them (a refund run makes about
  // a dozen small queries per household). When the cache is full it is emptied (statements
  // built with variable text, such as IN lists of any length, must not grow it for ever).
  static constexpr size_t kMaxStatements = 512;

  Result<sqlite3_stmt*> Prepare(std::string_view sql) {
    auto it = statements_.find(sql);
    if (it != statements_.end()) return it->second;
    if (statements_.size() >= kMaxStatements) DropStatements();
    std::string text = Rewrite(sql);
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, text.c_str(), static_cast<int>(text.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return SqliteError(db_, rc, text);
    if (stmt == nullptr) return Error::Internal("empty SQL statement: " + text);
    statements_.emplace(std::string(sql), stmt);
    return stmt;
  }

  void DropStatements() {
    for (auto& [text, stmt] : statements_) sqlite3_finalize(stmt);
    statements_.clear();
  }

  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*, Hash, std::equal_to<>> statements_;
};

}  // namespace

Error SqliteError(sqlite3* db, int rc, std::string_view what) {
  std::string detail = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return Error::Unavailable("the database is busy; try again", detail);
    case SQLITE_CANTOPEN: return Error::Unavailable("the database cannot be opened", detail);
    // The operator's side, not a bug: the same 503 on every route (issue 12, finding 6).
    case SQLITE_READONLY:
      return Error::Unavailable("the database is not writable; nothing can be changed", detail);
    case SQLITE_FULL:
      return Error::Unavailable("the disk is full; nothing can be changed until space is freed",
                                detail);
    case SQLITE_IOERR:
      return Error::Unavailable("the database file cannot be read or written (an I/O error)",
                                detail);
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Error::Unavailable("the database file is damaged or not a database", detail);
    case SQLITE_CONSTRAINT:  // as PostgreSQL's class 23 (PgError, pg_link.cpp)
      switch (db ? sqlite3_extended_errcode(db) : rc) {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
          return Error::AlreadyExists("the change conflicts with existing records", "", detail);
        case SQLITE_CONSTRAINT_FOREIGNKEY:
          return Error::FailedPrecondition("the change breaks a reference between records", "",
                                           detail);
        default: {
          Error e = Error::InvalidArgument("the change breaks a rule of the records");
          e.detail = detail;
          return e;
        }
      }
    default: return Error::Internal(detail);
  }
}

Result<std::unique_ptr<Connection>> ConnectSqlite(const std::string& path, bool create) {
  if (create) {
    std::error_code ec;
    auto dir = std::filesystem::path(path).parent_path();
    if (!dir.empty()) std::filesystem::create_directories(dir, ec);
  } else if (!std::filesystem::exists(path)) {
    return Error::NotFound("no database at " + path, "db");
  }
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    Error e = SqliteError(raw, rc, "open " + path);
    sqlite3_close(raw);
    return e;
  }
  auto conn = std::make_unique<SqliteConnection>(raw);
  sqlite3_busy_timeout(raw, 5000);
  // synchronous=FULL: in WAL mode, NORMAL fsyncs only at checkpoints, so a power or OS failure
  // could lose transactions already answered 201 or acknowledged; FULL fsyncs the WAL at every
  // commit (issue 12, finding 7; the cost is in docs/benchmarks.md).
  if (auto s = conn->Script("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                            "PRAGMA foreign_keys=ON;");
      !s.ok()) {
    return s.error();
  }
  return std::unique_ptr<Connection>(std::move(conn));
}

Status SqliteBackup(Connection& conn, const std::string& target_path) {
  auto* src = dynamic_cast<SqliteConnection*>(&conn);
  if (src == nullptr) return Error::FailedPrecondition("backup is for SQLite databases");
  auto target = ConnectSqlite(target_path, true);
  if (!target.ok()) return target.error();
  auto* dst = dynamic_cast<SqliteConnection*>(target->get());
  sqlite3_backup* b = sqlite3_backup_init(dst->raw(), "main", src->raw(), "main");
  if (b == nullptr) return SqliteError(dst->raw(), SQLITE_ERROR, "backup");
  int rc = sqlite3_backup_step(b, -1);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) return SqliteError(dst->raw(), rc, "backup");
  return OkStatus();
}

}  // namespace hearth::adapters::storage

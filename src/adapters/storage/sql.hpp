// One small SQL interface over SQLite and PostgreSQL, so that the stores and their migrations are
// written once and the same contract tests run on both engines.
//
// Statements use PostgreSQL-style parameters $1..$n on both engines. Values are null, a 64-bit
// integer or text; PostgreSQL integer and boolean columns come back as integers, everything else
// as text. A Connection is not thread-safe: callers hold one per thread or guard it
// (see ConnectionPool).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.hpp"

namespace hearth::adapters::storage {

enum class Dialect { kSqlite, kPostgres };

using Value = std::variant<std::nullptr_t, int64_t, std::string>;

struct Rows {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  int64_t affected = 0;  ///< rows changed by INSERT/UPDATE/DELETE

  bool empty() const { return rows.empty(); }
  /// Row r, column c as an integer (0 for null) or text ("" for null).
  int64_t Int(size_t r, size_t c) const;
  std::string Text(size_t r, size_t c) const;
  bool IsNull(size_t r, size_t c) const {
    return std::holds_alternative<std::nullptr_t>(rows[r][c]);
  }
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  /// Runs one statement with parameters $1..$n. A constraint violation is `already_exists`;
  /// lost connections and lock timeouts are `unavailable`; the rest `internal`.
  virtual Result<Rows> Query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  /// Runs a script of several statements without parameters (migrations).
  virtual Status Script(std::string_view sql) = 0;
};

/// Opens a connection from a URL: `postgresql://…` / `postgres://…` (libpq), otherwise a SQLite
/// file path (created with its directory when `create`).
Result<std::unique_ptr<Connection>> Connect(const std::string& url, bool create = true);

/// Runs `fn` in a transaction (BEGIN IMMEDIATE on SQLite, so writers queue instead of failing
/// late); commits when it returns ok, rolls back otherwise.
Status InTransaction(Connection& conn, const std::function<Status()>& fn);

/// The WHERE clause of a filtered list, with its parameters: "1 = 1 AND h.company_id = $1 …".
/// Column expressions come from the caller's code, values only through parameters.
class Where {
 public:
  /// Adds " AND <column_op> $n<suffix>", e.g. And("m.id >", after), or a subquery's condition
  /// with its closing parenthesis as the suffix.
  void And(std::string_view column_op, Value value, std::string_view suffix = {}) {
    params_.push_back(std::move(value));
    sql_ += " AND ";
    sql_ += column_op;
    sql_ += " $" + std::to_string(params_.size());
    sql_ += suffix;
  }
  /// Adds " AND <condition>", a condition without a value.
  void And(std::string_view condition) { sql_.append(" AND ").append(condition); }
  const std::string& sql() const { return sql_; }
  const std::vector<Value>& params() const { return params_; }

 private:
  std::string sql_ = "1 = 1";
  std::vector<Value> params_;
};

/// The most rows a paged list answers: a page of 1,000 (the API's largest) and one row more, by
/// which the caller tells whether another page follows.
inline constexpr int kMaxPageRows = 1001;

/// "$first, $first+1, …": `count` parameter marks, for multi-row statements.
std::string Placeholders(size_t first, size_t count);

/// Is this URL a PostgreSQL one?
bool IsPostgresUrl(std::string_view url);

}  // namespace hearth::adapters::storage

#include "adapters/storage/sql.hpp"

#include "adapters/storage/sql_postgres.hpp"
#include "adapters/storage/sql_sqlite.hpp"

namespace hearth::adapters::storage {

int64_t Rows::Int(size_t r, size_t c) const {
  const Value& v = rows[r][c];
  if (const auto* i = std::get_if<int64_t>(&v)) return *i;
  if (const auto* s = std::get_if<std::string>(&v)) return s->empty() ? 0 : std::stoll(*s);
  return 0;
}

std::string Rows::Text(size_t r, size_t c) const {
  const Value& v = rows[r][c];
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  return {};
}

std::string Placeholders(size_t first, size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) out += (i == 0 ? "$" : ", $") + std::to_string(first + i);
  return out;
}

bool IsPostgresUrl(std::string_view url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<Connection>> Connect(const std::string& url, bool create) {
  if (IsPostgresUrl(url)) return ConnectPostgres(url);
  return ConnectSqlite(url, create);
}

Status InTransaction(Connection& conn, const std::function<Status()>& fn) {
  const char* begin = conn.dialect() == Dialect::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN";
  if (auto r = conn.Query(begin); !r.ok()) return r.error();
  Status s = fn();
  if (!s.ok()) {
    (void)conn.Query("ROLLBACK");
    return s;
  }
  if (auto r = conn.Query("COMMIT"); !r.ok()) {
    (void)conn.Query("ROLLBACK");
    return r.error();
  }
  return OkStatus();
}

}  // namespace hearth::adapters::storage

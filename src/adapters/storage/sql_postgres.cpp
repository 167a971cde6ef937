#include "adapters/storage/sql_postgres.hpp"

#include <libpq-fe.h>
#include <spdlog/spdlog.h>

#include <cctype>
#include <cstring>

#include "adapters/storage/pg_link.hpp"

namespace hearth::adapters::storage {
namespace {

// Type OIDs (pg_type.h) of the columns returned as integers.
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23;

// Does the statement begin with `word` (upper case), after white space, in any case?
bool StartsWith(std::string_view sql, std::string_view word) {
  size_t i = 0;
  while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i]))) ++i;
  if (sql.size() - i < word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (std::toupper(static_cast<unsigned char>(sql[i + k])) != word[k]) return false;
  }
  return true;
}

// Statements that may be sent again when the connection was lost under them outside a
// transaction: they changed nothing (BEGIN, reads). A lost write is not retried: the server may
// have committed it before the connection went.
bool SafeToRetry(std::string_view sql) {
  return StartsWith(sql, "BEGIN") || StartsWith(sql, "SELECT") || StartsWith(sql, "SHOW");
}

bool EndsTransaction(std::string_view sql) {
  return StartsWith(sql, "COMMIT") || StartsWith(sql, "ROLLBACK") || StartsWith(sql, "END");
}

// A connection that reconnects by itself (PgLink). Outside a transaction, a statement whose
// connection was lost under it is sent once more on a new one when SafeToRetry. Inside one, a
// lost connection fails every statement until the caller's COMMIT (unavailable) or ROLLBACK
// (ok: the server rolled back already), so that no statement of the transaction can run outside
// it on a new session.
class PgConnection final : public Connection {
 public:
  explicit PgConnection(std::string url) : link_(std::move(url)) {}

  Status Open() { return link_.Ensure(); }

  Dialect dialect() const override { return Dialect::kPostgres; }

  Result<Rows> Query(std::string_view sql, const std::vector<Value>& params) override {
    const bool ending = EndsTransaction(sql);
    if (in_transaction_ && link_.Lost()) {
      // The server already rolled the transaction back with the session.
      in_transaction_ = !ending;
      if (StartsWith(sql, "ROLLBACK")) return Rows{};
      return Error::Unavailable("the connection to PostgreSQL was lost during a transaction; "
                                "nothing of it was kept; try again");
    }
    if (auto s = link_.Ensure(); !s.ok()) return s.error();
    auto r = Run(sql, params);
    if (!r.ok() && !in_transaction_ && link_.Lost() && SafeToRetry(sql)) {
      spdlog::warn("postgresql: the connection was lost under a statement; sending it again");
      if (auto s = link_.Ensure(); !s.ok()) return s.error();
      r = Run(sql, params);
    }
    if (ending) {
      in_transaction_ = false;
    } else if (r.ok() && StartsWith(sql, "BEGIN")) {
      in_transaction_ = true;
    }
    return r;
  }

  Status Script(std::string_view sql) override {
    if (auto s = link_.Ensure(); !s.ok()) return s;
    PGconn* conn = link_.get();
    std::string text(sql);
    PGresult* res = PQexec(conn, text.c_str());
    std::unique_ptr<PGresult, void (*)(PGresult*)> guard(res, PQclear);
    ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return PgError(conn, res, "script");
    return OkStatus();
  }

 private:
  Result<Rows> Run(std::string_view sql, const std::vector<Value>& params) {
    PGconn* conn = link_.get();
    std::string text(sql);
    std::vector<std::string> storage(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      if (const auto* n = std::get_if<int64_t>(&params[i])) {
        storage[i] = std::to_string(*n);
        values[i] = storage[i].c_str();
      } else if (const auto* s = std::get_if<std::string>(&params[i])) {
        values[i] = s->c_str();
      }
    }
    PGresult* res = PQexecParams(conn, text.c_str(), static_cast<int>(params.size()), nullptr,
                                 values.data(), nullptr, nullptr, 0);
    std::unique_ptr<PGresult, void (*)(PGresult*)> guard(res, PQclear);
    ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return PgError(conn, res, text);
    Rows out;
    int ncol = PQnfields(res), nrow = PQntuples(res);
    std::vector<Oid> types(static_cast<size_t>(ncol));
    for (int c = 0; c < ncol; ++c) {
      out.columns.emplace_back(PQfname(res, c));
      types[static_cast<size_t>(c)] = PQftype(res, c);
    }
    out.rows.reserve(static_cast<size_t>(nrow));
    for (int r = 0; r < nrow; ++r) {
      std::vector<Value> row;
      row.reserve(static_cast<size_t>(ncol));
      for (int c = 0; c < ncol; ++c) {
        if (PQgetisnull(res, r, c)) {
          row.emplace_back(nullptr);
          continue;
        }
        const char* v = PQgetvalue(res, r, c);
        Oid t = types[static_cast<size_t>(c)];
        if (t == kBool) {
          row.emplace_back(int64_t{v[0] == 't' ? 1 : 0});
        } else if (t == kInt8 || t == kInt4 || t == kInt2) {
          row.emplace_back(int64_t{std::strtoll(v, nullptr, 10)});
        } else {
          row.emplace_back(std::string(v, static_cast<size_t>(PQgetlength(res, r, c))));
        }
      }
      out.rows.push_back(std::move(row));
    }
    const char* tuples = PQcmdTuples(res);
    out.affected = (tuples && *tuples) ? std::strtoll(tuples, nullptr, 10) : 0;
    return out;
  }

  PgLink link_;
  bool in_transaction_ = false;  // between a BEGIN that succeeded and its COMMIT or ROLLBACK
};

}  // namespace

Result<std::unique_ptr<Connection>> ConnectPostgres(const std::string& url) {
  auto conn = std::make_unique<PgConnection>(url);
  if (auto s = conn->Open(); !s.ok()) return s.error();
  return std::unique_ptr<Connection>(std::move(conn));
}

}  // namespace hearth::adapters::storage

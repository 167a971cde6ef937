#include "adapters/storage/sql_postgres.hpp"

#include <libpq-fe.h>
#include <spdlog/spdlog.h>

#include <cctype>
#include <cstring>
#include <list>
#include <string>
#include <unordered_map>

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

// Statements worth preparing once per session: reads and writes of a size that recurs. Bulk
// statements (long texts, many parameters: multi-row inserts whose row count varies) would only
// crowd the cache; their parse and plan are small beside their work anyway.
bool WorthPreparing(std::string_view sql, size_t params) {
  return sql.size() <= 4096 && params <= 64 &&
         (StartsWith(sql, "SELECT") || StartsWith(sql, "INSERT") || StartsWith(sql, "UPDATE") ||
          StartsWith(sql, "DELETE") || StartsWith(sql, "WITH"));
}

// A connection that reconnects by itself (PgLink). Outside a transaction, a statement whose
// connection was lost under it is sent once more on a new one when SafeToRetry. Inside one, a
// lost connection fails every statement until the caller's COMMIT (unavailable) or ROLLBACK
// (ok: the server rolled back already), so that no statement of the transaction can run outside
// it on a new session.
class PgConnection final : public Connection {
 public:
  explicit PgConnection(std::string url)
      : link_(std::move(url), [this](PGconn*) {
          // A new session has none of the old one's prepared statements.
          prepared_.clear();
          lru_.clear();
          return OkStatus();
        }) {}

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
    // A script may change the tables that prepared statements were planned for (migrations):
    // forget them first ("cached plan must not change result type").
    if (auto s = ForgetPrepared(); !s.ok()) return s;
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
    const int n = static_cast<int>(params.size());
    PGresult* res = nullptr;
    if (WorthPreparing(text, params.size())) {
      auto name = Prepare(conn, text, n);
      if (!name.ok()) return name.error();
      res = PQexecPrepared(conn, name->c_str(), n, values.data(), nullptr, nullptr, 0);
    } else {
      res = PQexecParams(conn, text.c_str(), n, nullptr, values.data(), nullptr, nullptr, 0);
    }
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

  // The name of `text` prepared on this session, preparing it at its first use. The least
  // recently used of kMaxPrepared statements is deallocated to make room.
  Result<std::string> Prepare(PGconn* conn, const std::string& text, int params) {
    if (auto it = prepared_.find(text); it != prepared_.end()) {
      lru_.splice(lru_.begin(), lru_, it->second.use);
      return it->second.name;
    }
    if (prepared_.size() >= kMaxPrepared) {
      const auto oldest = prepared_.find(lru_.back());
      const std::string sql = "DEALLOCATE " + oldest->second.name;
      std::unique_ptr<PGresult, void (*)(PGresult*)> gone(PQexec(conn, sql.c_str()), PQclear);
      if (PQresultStatus(gone.get()) != PGRES_COMMAND_OK) return PgError(conn, gone.get(), sql);
      prepared_.erase(oldest);
      lru_.pop_back();
    }
    std::string name = "h" + std::to_string(++named_);
    std::unique_ptr<PGresult, void (*)(PGresult*)> made(
        PQprepare(conn, name.c_str(), text.c_str(), params, nullptr), PQclear);
    if (PQresultStatus(made.get()) != PGRES_COMMAND_OK) return PgError(conn, made.get(), text);
    lru_.push_front(text);
    prepared_.emplace(text, Statement{name, lru_.begin()});
    return name;
  }

  Status ForgetPrepared() {
    if (prepared_.empty()) return OkStatus();
    PGconn* conn = link_.get();
    std::unique_ptr<PGresult, void (*)(PGresult*)> gone(PQexec(conn, "DEALLOCATE ALL"), PQclear);
    if (PQresultStatus(gone.get()) != PGRES_COMMAND_OK) {
      return PgError(conn, gone.get(), "DEALLOCATE ALL");
    }
    prepared_.clear();
    lru_.clear();
    return OkStatus();
  }

  static constexpr size_t kMaxPrepared = 256;
  struct Statement {
    std::string name;
    std::list<std::string>::iterator use;  // in lru_
  };

  PgLink link_;
  bool in_transaction_ = false;  // between a BEGIN that succeeded and its COMMIT or ROLLBACK
  std::unordered_map<std::string, Statement> prepared_;  // by text
  std::list<std::string> lru_;                           // texts, most recently used first
  uint64_t named_ = 0;
};

}  // namespace

Result<std::unique_ptr<Connection>> ConnectPostgres(const std::string& url) {
  auto conn = std::make_unique<PgConnection>(url);
  if (auto s = conn->Open(); !s.ok()) return s.error();
  return std::unique_ptr<Connection>(std::move(conn));
}

}  // namespace hearth::adapters::storage

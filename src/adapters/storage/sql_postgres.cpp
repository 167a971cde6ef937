#include "adapters/storage/sql_postgres.hpp"

#include <libpq-fe.h>

#include <cstring>

namespace hearth::adapters::storage {
namespace {

// Type OIDs (pg_type.h) of the columns returned as integers.
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23;

Error PgError(PGconn* conn, const PGresult* res, std::string_view what) {
  std::string detail = std::string(what) + ": " +
                       (res ? PQresultErrorMessage(res) : PQerrorMessage(conn));
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string code = state ? state : "";
  // Integrity constraint violations (class 23): a taken unique key is a conflict; a reference
  // to nothing, or a record still referred to, is a failed precondition; the rest (checks,
  // not-null) is input the checks before the statement should have refused.
  if (code == "23505") {
    return Error::AlreadyExists("the change conflicts with existing records", "", detail);
  }
  if (code == "23503") {
    return Error::FailedPrecondition("the change breaks a reference between records", "", detail);
  }
  if (code.rfind("23", 0) == 0) {
    Error e = Error::InvalidArgument("the change breaks a rule of the records");
    e.detail = detail;
    return e;
  }
  if (code.rfind("08", 0) == 0 || code == "40001" || code == "40P01" || code == "55P03" ||
      code == "57P01" || PQstatus(conn) != CONNECTION_OK) {
    return Error::Unavailable("the database is unavailable; try again", detail);
  }
  return Error::Internal(detail);
}

class PgConnection final : public Connection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }

  Result<Rows> Query(std::string_view sql, const std::vector<Value>& params) override {
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
    PGresult* res = PQexecParams(conn_, text.c_str(), static_cast<int>(params.size()), nullptr,
                                 values.data(), nullptr, nullptr, 0);
    std::unique_ptr<PGresult, void (*)(PGresult*)> guard(res, PQclear);
    ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return PgError(conn_, res, text);
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

  Status Script(std::string_view sql) override {
    std::string text(sql);
    PGresult* res = PQexec(conn_, text.c_str());
    std::unique_ptr<PGresult, void (*)(PGresult*)> guard(res, PQclear);
    ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return PgError(conn_, res, "script");
    return OkStatus();
  }

 private:
  PGconn* conn_;
};

}  // namespace

Result<std::unique_ptr<Connection>> ConnectPostgres(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string detail = PQerrorMessage(conn);
    PQfinish(conn);
    return Error::Unavailable("cannot connect to PostgreSQL", detail);
  }
  auto out = std::make_unique<PgConnection>(conn);
  // Quiet NOTICEs (e.g. "relation already exists, skipping") instead of printing to stderr.
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  return std::unique_ptr<Connection>(std::move(out));
}

}  // namespace hearth::adapters::storage

#include "adapters/storage/pg_link.hpp"

#include <spdlog/spdlog.h>

#include <sys/socket.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace hearth::adapters::storage {
namespace {

// SQLSTATE classes and codes (PostgreSQL's errcodes.txt) that mean "try again later".
struct Transient {
  std::string_view code;  // a full code, or a two-character class
  const char* message;
};
constexpr Transient kTransient[] = {
    {"08", "the connection to PostgreSQL was lost; try again"},
    {"57P01", "PostgreSQL is shutting down; try again"},
    {"57P02", "PostgreSQL crashed and is restarting; try again"},
    {"57P03", "PostgreSQL is starting up; try again"},
    {"53100", "the database's disk is full; nothing can be changed until space is freed"},
    {"53200", "PostgreSQL is out of memory; try again"},
    {"53300", "PostgreSQL has no free connection slot; try again"},
    {"40001", "the database is busy (a serialization conflict); try again"},
    {"40P01", "the database is busy (a deadlock was broken); try again"},
    {"55P03", "the database is busy (a lock timed out); try again"},
};

std::atomic<int64_t> reconnections{0};

// Has the server ended this idle session? Reads (without blocking) what it sent: for an ended
// session, a FATAL error (which libpq hands to the notice receiver while idle, see OnNotice) and
// then the end of the stream. PQconsumeInput stops after the data it finds, so the socket is
// peeked for more, and for the end, until it has nothing to say.
bool EndedByServer(PGconn* conn, const bool& fatal) {
  for (int i = 0; i < 8; ++i) {
    if (PQconsumeInput(conn) != 1 || PQstatus(conn) != CONNECTION_OK || fatal) return true;
    char byte;
    ssize_t n = recv(PQsocket(conn), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    if (n == 0) return true;  // end of stream
    if (n < 0) return errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR;
  }
  return false;  // still talking: alive
}

// Notices are not printed; a FATAL one (the server ending the session while we were idle, as
// pg_terminate_backend or a shutdown does, before it closes the socket) marks the session dead.
void OnNotice(void* fatal, const PGresult* res) {
  const char* severity = PQresultErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED);
  if (severity && (std::strcmp(severity, "FATAL") == 0 || std::strcmp(severity, "PANIC") == 0)) {
    *static_cast<bool*>(fatal) = true;
  }
}

}  // namespace

int64_t PgReconnections() { return reconnections.load(); }

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
  for (const Transient& t : kTransient) {
    if (code == t.code || (t.code.size() == 2 && code.rfind(t.code, 0) == 0)) {
      return Error::Unavailable(t.message, detail);
    }
  }
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
    return Error::Unavailable("the connection to PostgreSQL was lost; try again", detail);
  }
  return Error::Internal(detail);
}

PgLink::~PgLink() {
  if (conn_) PQfinish(conn_);
}

Status PgLink::Ensure() {
  if (conn_ && PQstatus(conn_) == CONNECTION_OK) {
    // Inside a transaction the session must not be replaced: its statements would go on
    // outside it. The caller's statement fails on the dead connection instead.
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) return OkStatus();
    // Idle: read (without blocking) whatever the server sent, which includes the FATAL and the
    // end of stream of a server that ended the session.
    if (!EndedByServer(conn_, fatal_)) return OkStatus();
    spdlog::warn("postgresql: the server ended the session; connecting again");
  }
  auto now = std::chrono::steady_clock::now();
  if (ever_connected_ && now < next_attempt_) {
    return Error::Unavailable("cannot connect to PostgreSQL; try again", last_failure_);
  }
  if (conn_) PQfinish(conn_);
  // connect_timeout first, so that a connect_timeout in the URL overrides it.
  const char* keys[] = {"connect_timeout", "keepalives_idle", "keepalives_interval",
                        "keepalives_count", "dbname", nullptr};
  const char* values[] = {"5", "30", "10", "3", url_.c_str(), nullptr};
  conn_ = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  Status s = OkStatus();
  if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
    last_failure_ = conn_ ? PQerrorMessage(conn_) : "out of memory";
    s = Error::Unavailable("cannot connect to PostgreSQL; try again", last_failure_);
  } else {
    fatal_ = false;
    PQsetNoticeReceiver(conn_, OnNotice, &fatal_);
    if (on_connect_) s = on_connect_(conn_);
    if (!s.ok()) last_failure_ = s.error().detail;
  }
  if (!s.ok()) {
    next_attempt_ = now + kRetryInterval;
    if (conn_) PQfinish(conn_);
    conn_ = nullptr;
    return s;
  }
  if (ever_connected_) {
    reconnections.fetch_add(1, std::memory_order_relaxed);
    spdlog::info("postgresql: connected again");
  }
  ever_connected_ = true;
  return OkStatus();
}

}  // namespace hearth::adapters::storage

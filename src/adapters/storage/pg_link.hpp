// One libpq connection that comes back by itself (issue 18, item 1): after a PostgreSQL restart,
// a stop and start, or a dropped network, the next call connects again instead of answering 503
// until Hearth is restarted. Shared by the generic Connection (sql_postgres.cpp) and the reading
// store's COPY path (reading_store_postgres.cpp).
//
// Contract:
//   - Ensure() before each statement: ok with a usable connection, else unavailable with a
//     message saying what is wrong. A connection the server has closed while we were idle (a
//     restart sends FATAL 57P01 and closes every session) is noticed here, without blocking, by
//     reading what the server sent (PQconsumeInput), and replaced before any statement is sent
//     on it, so that no statement is lost to a connection that was already dead.
//   - After a failed attempt, further attempts wait kRetryInterval: meanwhile Ensure() answers
//     unavailable at once, so that an outage costs each request a fast 503, not a connect
//     timeout, and the server is not hammered by every request thread.
//   - Connecting uses connect_timeout=5 unless the URL sets its own, and TCP keepalives, so
//     that a server that vanished from the network is noticed in about a minute.
//   - `on_connect` runs after every (re)connection, for per-session set-up (temporary tables,
//     prepared statements); its failure fails Ensure().
// Not thread-safe: its owner guards it like the connection itself.
#pragma once

#include <libpq-fe.h>

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace hearth::adapters::storage {

/// The Error of a failed libpq call. Constraint violations map as the Connection contract says;
/// lost connections, a server shutting down or starting, serialization failures, lock timeouts
/// and a full disk are unavailable, with a message naming the cause; the rest internal.
/// `what` (the statement, or a name) goes to the detail only.
Error PgError(PGconn* conn, const PGresult* res, std::string_view what);

/// Reconnections of every PgLink of the process, for /metrics.
int64_t PgReconnections();

class PgLink {
 public:
  static constexpr std::chrono::milliseconds kRetryInterval{500};

  explicit PgLink(std::string url, std::function<Status(PGconn*)> on_connect = {})
      : url_(std::move(url)), on_connect_(std::move(on_connect)) {}
  ~PgLink();
  PgLink(const PgLink&) = delete;
  PgLink& operator=(const PgLink&) = delete;

  /// A usable connection, connecting (again) when needed; see the header comment.
  Status Ensure();
  /// The connection; valid after Ensure() returned ok.
  PGconn* get() const { return conn_; }
  /// Did the last statement lose the connection (as opposed to failing on the server)?
  bool Lost() const { return conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK; }

 private:
  const std::string url_;
  const std::function<Status(PGconn*)> on_connect_;
  PGconn* conn_ = nullptr;
  bool fatal_ = false;  // the server sent FATAL on this session (OnNotice in pg_link.cpp)
  bool ever_connected_ = false;
  std::chrono::steady_clock::time_point next_attempt_{};
  std::string last_failure_;  // libpq's message of the last failed attempt (for the detail)
};

}  // namespace hearth::adapters::storage

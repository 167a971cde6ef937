// ports::UserStore over Connection (SQLite or PostgreSQL), on the tables of migration 3; the
// changes to accounts write their audit_log entries on the same connection, in their transaction.
// Times are kept as FormatLocal text, which orders like time. Thread-safe: one connection
// guarded by mutex_; several processes may share the database (UpdateLoginFailures locks the
// row on PostgreSQL, and SQLite's BEGIN IMMEDIATE serialises writers).
#pragma once

#include <memory>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/user_store.hpp"

namespace hearth::adapters::storage {

class SqlUserStore final : public ports::UserStore {
 public:
  /// Takes a migrated connection.
  explicit SqlUserStore(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Result<ports::User> AddUser(const ports::User& user, const std::string& actor) override;
  Result<ports::User> FindUser(std::string_view username) override;
  Result<ports::User> GetUser(int64_t id) override;
  Result<std::vector<ports::User>> ListUsers(std::optional<int64_t> after, int limit) override;
  Result<std::vector<ports::User>> ListStaff(int64_t company_id,
                                             std::optional<rules::Role> role) override;
  Result<ports::User> SetDisabled(int64_t id, bool disabled, Instant at,
                                  const std::string& actor) override;
  Status SetPasswordHash(int64_t id, const std::string& password_hash, Instant at,
                         const std::string& actor) override;
  Result<int64_t> RevokeSessions(int64_t id, Instant at, const std::string& actor) override;

  Status AddSession(const ports::Session& session) override;
  Result<ports::SessionOfUser> FindSession(std::string_view token_hash) override;
  Status RevokeSession(std::string_view token_hash, Instant at) override;
  Result<int64_t> PurgeSessions(Instant expired_before) override;

  Result<std::optional<rules::LoginFailures>> GetLoginFailures(std::string_view key) override;
  Result<rules::LoginFailures> UpdateLoginFailures(std::string_view key,
                                                   const FailureUpdate& update) override;
  Status ClearLoginFailures(std::string_view key) override;
  Result<int64_t> PurgeLoginFailures(Instant before) override;

 private:
  Result<ports::User> UserWhere(const std::string& where, const Value& value)
      REQUIRES(mutex_);
  // The users meeting `condition` (the SQL after WHERE, with its ORDER BY) over `params`.
  Result<std::vector<ports::User>> UsersWhere(const std::string& condition,
                                              const std::vector<Value>& params) REQUIRES(mutex_);
  Result<ports::User> GetUserLocked(int64_t id) REQUIRES(mutex_);
  // Revokes the user's sessions that are not revoked yet; returns how many.
  Result<int64_t> RevokeOpenSessionsLocked(int64_t id, Instant at) REQUIRES(mutex_);
  Result<std::optional<rules::LoginFailures>> GetLoginFailuresLocked(std::string_view key,
                                                                     bool for_update)
      REQUIRES(mutex_);

  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

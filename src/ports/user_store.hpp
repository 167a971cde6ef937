// Port: user accounts, their login sessions and the counts of failed logins, per throttle key
// (rules::ThrottleKey: a (username, client address) pair; the store treats it as opaque text).
//
// The store keeps what it is given: passwords arrive already hashed (argon2id, encoded) and
// sessions by the hash of their token, never the token itself, so a copy of the database does
// not let anyone log in. Usernames are compared exactly; services normalise them first.
// Several `hearth serve` processes may share one database: every method is atomic on its own,
// and UpdateLoginFailures is a read-modify-write that concurrent callers cannot interleave.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "rules/access.hpp"
#include "rules/login_throttle.hpp"

namespace hearth::ports {

struct User {
  int64_t id = 0;  ///< assigned by AddUser
  std::string username;
  std::string password_hash;  ///< encoded argon2id hash
  rules::Role role = rules::Role::kHousehold;
  std::optional<int64_t> company_id;    ///< set exactly for company-scoped roles
  std::optional<int64_t> household_id;  ///< set exactly for the household role
  bool disabled = false;  ///< a disabled user cannot log in, and its sessions stop working
  Instant created_at;
};

struct Session {
  std::string token_hash;  ///< hex SHA-256 of the bearer token
  int64_t user_id = 0;
  Instant created_at;
  Instant expires_at;
  std::optional<Instant> revoked_at;
};

struct SessionOfUser {
  Session session;
  User user;
};

/// Thread-safe.
class UserStore {
 public:
  virtual ~UserStore() = default;

  // The changes to accounts (AddUser, SetDisabled, SetPasswordHash, RevokeSessions) each write
  // their audit entry (resource "users", record_id the user's id, by `actor`) in the change's own
  // transaction: both are committed or neither. The entry's before and after hold the account
  // without its password hash, which is never audited.

  /// Adds `user` (its id is ignored) and returns it with its id; audited as "create". Errors:
  /// invalid_argument when the role does not match company_id/household_id (ScopeKindOf: a
  /// company-scoped role has a company and no household, the household role a household and no
  /// company, the others neither; field "company_id" or "household_id"); not_found when the
  /// company or household does not exist (same fields); already_exists when the username is
  /// taken (field "username").
  virtual Result<User> AddUser(const User& user, const std::string& actor) = 0;
  /// not_found (field "username") when there is no such user.
  virtual Result<User> FindUser(std::string_view username) = 0;
  /// not_found (field "id").
  virtual Result<User> GetUser(int64_t id) = 0;
  /// Users in id order, those with an id above `after` (all without), at most `limit`.
  virtual Result<std::vector<User>> ListUsers(std::optional<int64_t> after, int limit) = 0;
  /// The enabled accounts of `company_id`, of `role` only when given, in username order.
  virtual Result<std::vector<User>> ListStaff(int64_t company_id,
                                              std::optional<rules::Role> role) = 0;
  /// Disables or enables the user; disabling also revokes its open sessions at `at`, so that
  /// enabling it again does not bring old tokens back. Audited as "disable" or "enable" (also
  /// when nothing changed). Returns the user after. not_found (field "id").
  virtual Result<User> SetDisabled(int64_t id, bool disabled, Instant at,
                                   const std::string& actor) = 0;
  /// Replaces the password hash and revokes every open session of the user at `at`; audited as
  /// "reset_password" (without either hash). not_found (field "id").
  virtual Status SetPasswordHash(int64_t id, const std::string& password_hash, Instant at,
                                 const std::string& actor) = 0;
  /// Revokes every open (not yet revoked) session of the user at `at`; audited as
  /// "revoke_sessions". Returns how many were revoked. not_found (field "id").
  virtual Result<int64_t> RevokeSessions(int64_t id, Instant at, const std::string& actor) = 0;

  /// already_exists when the token hash is taken; not_found (field "user_id") for an unknown user.
  virtual Status AddSession(const Session& session) = 0;
  /// The session with this token hash and its user, whatever its state (the caller checks
  /// expiry, revocation and disabled users); not_found when there is none.
  virtual Result<SessionOfUser> FindSession(std::string_view token_hash) = 0;
  /// Marks the session revoked at `at`; not_found when there is none or it is already revoked.
  virtual Status RevokeSession(std::string_view token_hash, Instant at) = 0;
  /// Deletes the sessions that expired before `expired_before`; returns how many.
  virtual Result<int64_t> PurgeSessions(Instant expired_before) = 0;

  /// The failure record of `key` (rules::ThrottleKey), nullopt when there is none.
  virtual Result<std::optional<rules::LoginFailures>> GetLoginFailures(std::string_view key) = 0;
  /// Replaces the record of `key` by `update(current)` atomically: concurrent updates, in
  /// this process or another sharing the database, are applied one after the other. Returns the
  /// new record.
  using FailureUpdate =
      std::function<rules::LoginFailures(const std::optional<rules::LoginFailures>&)>;
  virtual Result<rules::LoginFailures> UpdateLoginFailures(std::string_view key,
                                                           const FailureUpdate& update) = 0;
  /// Deletes the record of `key` (after a successful login); no error when there is none.
  virtual Status ClearLoginFailures(std::string_view key) = 0;
  /// Deletes the records whose last failure and lock both ended before `before`; returns how
  /// many.
  virtual Result<int64_t> PurgeLoginFailures(Instant before) = 0;
};

}  // namespace hearth::ports

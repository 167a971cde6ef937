#include "adapters/storage/user_store_sql.hpp"

#include <nlohmann/json.hpp>

#include "adapters/storage/audit_sql.hpp"

namespace hearth::adapters::storage {
namespace {

using ports::Session;
using ports::User;

constexpr const char* kUserColumns =
    "u.id, u.username, u.password_hash, u.role, u.company_id, u.household_id, u.disabled, "
    "u.created_at";
constexpr size_t kUserColumnCount = 8;

Result<Instant> TimeAt(const Rows& rows, size_t r, size_t c) {
  auto t = ParseRfc3339(rows.Text(r, c));
  if (!t.ok()) {
    return Error::Internal("unreadable time '" + rows.Text(r, c) + "' in column " +
                           rows.columns[c]);
  }
  return *t;
}

std::optional<int64_t> OptionalInt(const Rows& rows, size_t r, size_t c) {
  if (rows.IsNull(r, c)) return std::nullopt;
  return rows.Int(r, c);
}

Value ToValue(const std::optional<int64_t>& v) {
  return v ? Value(*v) : Value(nullptr);
}

// The user in columns [first, first + kUserColumnCount) of row r.
Result<User> ToUser(const Rows& rows, size_t r, size_t first) {
  User u;
  u.id = rows.Int(r, first);
  u.username = rows.Text(r, first + 1);
  u.password_hash = rows.Text(r, first + 2);
  auto role = rules::ParseRole(rows.Text(r, first + 3));
  if (!role) return Error::Internal("user " + std::to_string(u.id) + " has an unknown role");
  u.role = *role;
  u.company_id = OptionalInt(rows, r, first + 4);
  u.household_id = OptionalInt(rows, r, first + 5);
  u.disabled = rows.Int(r, first + 6) != 0;
  auto created = TimeAt(rows, r, first + 7);
  if (!created.ok()) return created.error();
  u.created_at = *created;
  return u;
}

// The account as the audit log keeps it: everything but the password hash.
nlohmann::ordered_json AuditedUser(const User& u) {
  nlohmann::ordered_json j;
  j["id"] = u.id;
  j["username"] = u.username;
  j["role"] = rules::RoleName(u.role);
  j["company_id"] = u.company_id ? nlohmann::ordered_json(*u.company_id) : nullptr;
  j["household_id"] = u.household_id ? nlohmann::ordered_json(*u.household_id) : nullptr;
  j["disabled"] = u.disabled;
  j["created_at"] = FormatLocal(u.created_at);
  return j;
}

Error Taken(std::string_view username) {
  return Error::AlreadyExists("the username '" + std::string(username) + "' is taken",
                              "username");
}

}  // namespace

Result<User> SqlUserStore::UserWhere(const std::string& where, const Value& value) {
  auto rows =
      conn_->Query(std::string("SELECT ") + kUserColumns + " FROM users u WHERE " + where, {value});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return Error::NotFound("no such user");
  return ToUser(*rows, 0, 0);
}

Result<User> SqlUserStore::AddUser(const User& user, const std::string& actor) {
  if (auto s = rules::CheckUserScope(user.role, user.company_id.has_value(),
                                     user.household_id.has_value());
      !s.ok()) {
    return s.error();
  }
  MutexLock lock(mutex_);
  User out = user;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    // References are checked here so that a missing one is not_found, not a constraint error.
    struct Ref {
      const std::optional<int64_t>& id;
      const char* table;
      const char* singular;
      const char* field;
    };
    for (const Ref& ref : {Ref{user.company_id, "companies", "company", "company_id"},
                           Ref{user.household_id, "households", "household", "household_id"}}) {
      if (!ref.id) continue;
      auto found =
          conn_->Query(std::string("SELECT 1 FROM ") + ref.table + " WHERE id = $1", {*ref.id});
      if (!found.ok()) return found.error();
      if (found->empty()) {
        return Error::NotFound(std::string("no ") + ref.singular + " " + std::to_string(*ref.id),
                               ref.field);
      }
    }
    auto taken = conn_->Query("SELECT 1 FROM users WHERE username = $1", {user.username});
    if (!taken.ok()) return taken.error();
    if (!taken->empty()) return Taken(user.username);
    auto rows = conn_->Query(
        "INSERT INTO users (username, password_hash, role, company_id, household_id, disabled, "
        "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        {user.username, user.password_hash, std::string(rules::RoleName(user.role)),
         ToValue(user.company_id), ToValue(user.household_id), int64_t{user.disabled},
         FormatLocal(user.created_at)});
    if (!rows.ok()) {
      // Another process took the name between the check and the insert.
      return rows.error().code == ErrorCode::kAlreadyExists ? Taken(user.username) : rows.error();
    }
    out.id = rows->Int(0, 0);
    return InsertAudit(*conn_, {0, "", actor, "create", "users", out.id, "",
                                AuditedUser(out).dump()});
  });
  if (!s.ok()) return s.error();
  return out;
}

Result<User> SqlUserStore::FindUser(std::string_view username) {
  MutexLock lock(mutex_);
  auto u = UserWhere("u.username = $1", std::string(username));
  if (!u.ok() && u.error().code == ErrorCode::kNotFound) {
    return Error::NotFound("no user '" + std::string(username) + "'", "username");
  }
  return u;
}

Result<User> SqlUserStore::GetUser(int64_t id) {
  MutexLock lock(mutex_);
  return GetUserLocked(id);
}

Result<std::vector<User>> SqlUserStore::ListUsers(std::optional<int64_t> after, int limit) {
  MutexLock lock(mutex_);
  return UsersWhere("u.id > $1 ORDER BY u.id LIMIT $2", {after.value_or(0), int64_t{limit}});
}

Result<std::vector<User>> SqlUserStore::ListStaff(int64_t company_id,
                                                  std::optional<rules::Role> role) {
  MutexLock lock(mutex_);
  if (!role) {
    return UsersWhere("u.company_id = $1 AND u.disabled = 0 ORDER BY u.username", {company_id});
  }
  return UsersWhere("u.company_id = $1 AND u.disabled = 0 AND u.role = $2 ORDER BY u.username",
                    {company_id, std::string(rules::RoleName(*role))});
}

Result<std::vector<User>> SqlUserStore::UsersWhere(const std::string& condition,
                                                   const std::vector<Value>& params) {
  auto rows = conn_->Query(std::string("SELECT ") + kUserColumns + " FROM users u WHERE " +
                               condition,
                           params);
  if (!rows.ok()) return rows.error();
  std::vector<User> out;
  out.reserve(rows->rows.size());
  for (size_t r = 0; r < rows->rows.size(); ++r) {
    auto u = ToUser(*rows, r, 0);
    if (!u.ok()) return u.error();
    out.push_back(std::move(*u));
  }
  return out;
}

Result<User> SqlUserStore::GetUserLocked(int64_t id) {
  auto u = UserWhere("u.id = $1", id);
  if (!u.ok() && u.error().code == ErrorCode::kNotFound) {
    return Error::NotFound("no user " + std::to_string(id), "id");
  }
  return u;
}

Result<int64_t> SqlUserStore::RevokeOpenSessionsLocked(int64_t id, Instant at) {
  auto res = conn_->Query(
      "UPDATE sessions SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
      {FormatLocal(at), id});
  if (!res.ok()) return res.error();
  return res->affected;
}

Result<User> SqlUserStore::SetDisabled(int64_t id, bool disabled, Instant at,
                                       const std::string& actor) {
  MutexLock lock(mutex_);
  User after;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto before = GetUserLocked(id);
    if (!before.ok()) return before.error();
    auto res =
        conn_->Query("UPDATE users SET disabled = $1 WHERE id = $2", {int64_t{disabled}, id});
    if (!res.ok()) return res.error();
    after = *before;
    after.disabled = disabled;
    auto after_json = AuditedUser(after);
    if (disabled) {
      auto revoked = RevokeOpenSessionsLocked(id, at);
      if (!revoked.ok()) return revoked.error();
      after_json["sessions_revoked"] = *revoked;
    }
    return InsertAudit(*conn_, {0, "", actor, disabled ? "disable" : "enable", "users", id,
                                AuditedUser(*before).dump(), after_json.dump()});
  });
  if (!s.ok()) return s.error();
  return after;
}

Status SqlUserStore::SetPasswordHash(int64_t id, const std::string& password_hash, Instant at,
                                     const std::string& actor) {
  MutexLock lock(mutex_);
  return InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto before = GetUserLocked(id);
    if (!before.ok()) return before.error();
    auto res =
        conn_->Query("UPDATE users SET password_hash = $1 WHERE id = $2", {password_hash, id});
    if (!res.ok()) return res.error();
    auto revoked = RevokeOpenSessionsLocked(id, at);
    if (!revoked.ok()) return revoked.error();
    auto after_json = AuditedUser(*before);
    after_json["password"] = "changed";
    after_json["sessions_revoked"] = *revoked;
    return InsertAudit(*conn_, {0, "", actor, "reset_password", "users", id,
                                AuditedUser(*before).dump(), after_json.dump()});
  });
}

Result<int64_t> SqlUserStore::RevokeSessions(int64_t id, Instant at, const std::string& actor) {
  MutexLock lock(mutex_);
  int64_t revoked = 0;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto user = GetUserLocked(id);
    if (!user.ok()) return user.error();
    auto n = RevokeOpenSessionsLocked(id, at);
    if (!n.ok()) return n.error();
    revoked = *n;
    auto after_json = AuditedUser(*user);
    after_json["sessions_revoked"] = revoked;
    return InsertAudit(*conn_, {0, "", actor, "revoke_sessions", "users", id,
                                AuditedUser(*user).dump(), after_json.dump()});
  });
  if (!s.ok()) return s.error();
  return revoked;
}

Status SqlUserStore::AddSession(const Session& session) {
  MutexLock lock(mutex_);
  return InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto user = conn_->Query("SELECT 1 FROM users WHERE id = $1", {session.user_id});
    if (!user.ok()) return user.error();
    if (user->empty()) {
      return Error::NotFound("no user " + std::to_string(session.user_id), "user_id");
    }
    auto res = conn_->Query(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, revoked_at) "
        "VALUES ($1, $2, $3, $4, $5)",
        {session.token_hash, session.user_id, FormatLocal(session.created_at),
         FormatLocal(session.expires_at),
         session.revoked_at ? Value(FormatLocal(*session.revoked_at)) : Value(nullptr)});
    if (!res.ok()) return res.error();
    return OkStatus();
  });
}

Result<ports::SessionOfUser> SqlUserStore::FindSession(std::string_view token_hash) {
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      std::string("SELECT s.token_hash, s.user_id, s.created_at, s.expires_at, s.revoked_at, ") +
          kUserColumns + " FROM sessions s JOIN users u ON u.id = s.user_id " +
          "WHERE s.token_hash = $1",
      {std::string(token_hash)});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return Error::NotFound("no such session");
  ports::SessionOfUser out;
  out.session.token_hash = rows->Text(0, 0);
  out.session.user_id = rows->Int(0, 1);
  for (auto [column, target] : {std::pair{size_t{2}, &out.session.created_at},
                                std::pair{size_t{3}, &out.session.expires_at}}) {
    auto t = TimeAt(*rows, 0, column);
    if (!t.ok()) return t.error();
    *target = *t;
  }
  if (!rows->IsNull(0, 4)) {
    auto t = TimeAt(*rows, 0, 4);
    if (!t.ok()) return t.error();
    out.session.revoked_at = *t;
  }
  auto user = ToUser(*rows, 0, 5);
  if (!user.ok()) return user.error();
  out.user = std::move(*user);
  static_assert(kUserColumnCount == 8);
  return out;
}

Status SqlUserStore::RevokeSession(std::string_view token_hash, Instant at) {
  MutexLock lock(mutex_);
  auto res = conn_->Query(
      "UPDATE sessions SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL",
      {FormatLocal(at), std::string(token_hash)});
  if (!res.ok()) return res.error();
  if (res->affected == 0) return Error::NotFound("no such session");
  return OkStatus();
}

Result<int64_t> SqlUserStore::PurgeSessions(Instant expired_before) {
  MutexLock lock(mutex_);
  auto res =
      conn_->Query("DELETE FROM sessions WHERE expires_at < $1", {FormatLocal(expired_before)});
  if (!res.ok()) return res.error();
  return res->affected;
}

// login_failures.username holds the throttle key (rules::ThrottleKey, "<username>|<client>")
// since issue 12: the column is opaque text, so the pair needed no schema change. Rows keyed by a
// bare username, from before, are never read again and go with PurgeLoginFailures.
Result<std::optional<rules::LoginFailures>> SqlUserStore::GetLoginFailuresLocked(
    std::string_view key, bool for_update) {
  // FOR UPDATE holds the row against other processes until the transaction ends (PostgreSQL);
  // SQLite has no row locks, and BEGIN IMMEDIATE already holds the database's write lock.
  bool lock_row = for_update && conn_->dialect() == Dialect::kPostgres;
  auto rows =
      conn_->Query(std::string("SELECT failures, last_failure_at, locked_until FROM login_failures "
                               "WHERE username = $1") +
                       (lock_row ? " FOR UPDATE" : ""),
                   {std::string(key)});
  if (!rows.ok()) return rows.error();
  // A row with no failures is the placeholder UpdateLoginFailures inserts to lock.
  if (rows->empty() || rows->Int(0, 0) == 0) return std::optional<rules::LoginFailures>();
  rules::LoginFailures f;
  f.failures = rows->Int(0, 0);
  auto last = TimeAt(*rows, 0, 1);
  if (!last.ok()) return last.error();
  f.last_failure = *last;
  if (!rows->IsNull(0, 2)) {
    auto until = TimeAt(*rows, 0, 2);
    if (!until.ok()) return until.error();
    f.locked_until = *until;
  }
  return std::optional<rules::LoginFailures>(f);
}

Result<std::optional<rules::LoginFailures>> SqlUserStore::GetLoginFailures(
    std::string_view key) {
  MutexLock lock(mutex_);
  return GetLoginFailuresLocked(key, false);
}

Result<rules::LoginFailures> SqlUserStore::UpdateLoginFailures(std::string_view key,
                                                               const FailureUpdate& update) {
  MutexLock lock(mutex_);
  rules::LoginFailures next;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    // Make sure a row exists, so that FOR UPDATE has something to lock.
    auto ins = conn_->Query(
        "INSERT INTO login_failures (username, failures, last_failure_at, locked_until) "
        "VALUES ($1, 0, '', NULL) ON CONFLICT (username) DO NOTHING",
        {std::string(key)});
    if (!ins.ok()) return ins.error();
    auto current = GetLoginFailuresLocked(key, true);
    if (!current.ok()) return current.error();
    next = update(*current);
    auto res = conn_->Query(
        "UPDATE login_failures SET failures = $1, last_failure_at = $2, locked_until = $3 "
        "WHERE username = $4",
        {next.failures, FormatLocal(next.last_failure),
         next.locked_until ? Value(FormatLocal(*next.locked_until)) : Value(nullptr),
         std::string(key)});
    if (!res.ok()) return res.error();
    return OkStatus();
  });
  if (!s.ok()) return s.error();
  return next;
}

Status SqlUserStore::ClearLoginFailures(std::string_view key) {
  MutexLock lock(mutex_);
  auto res =
      conn_->Query("DELETE FROM login_failures WHERE username = $1", {std::string(key)});
  if (!res.ok()) return res.error();
  return OkStatus();
}

Result<int64_t> SqlUserStore::PurgeLoginFailures(Instant before) {
  MutexLock lock(mutex_);
  auto res = conn_->Query(
      "DELETE FROM login_failures WHERE last_failure_at < $1 "
      "AND (locked_until IS NULL OR locked_until < $1)",
      {FormatLocal(before)});
  if (!res.ok()) return res.error();
  return res->affected;
}

}  // namespace hearth::adapters::storage

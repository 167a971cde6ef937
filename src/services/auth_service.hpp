// Accounts, logins and bearer tokens, shared by `hearth user add` and the /api/v1/auth routes,
// and the principal every other handler acts for (R-INFO-1, W 12.1).
//
// Tokens are 32 random bytes in base64url (43 characters), given to the client once; the store
// keeps only their SHA-256, so a copy of the database lets no one in. A token works until it
// expires (AuthOptions::session_ttl after the login), is revoked by Logout, or its user is
// disabled.
//
// Guessing and floods (issue 12, items 3 and 4):
// - Logins are rate-limited per client address in this process (ClientRateLimiter,
//   rules/rate_limit.hpp): resource_exhausted (HTTP 429) with retry_after_s.
// - Failed logins are throttled per (client address, username) pair in the store
//   (rules/login_throttle.hpp), so several `hearth serve` processes sharing a database throttle
//   together, and a client that fails cannot lock the account's owner out.
// - Passwords are hashed and checked through the PasswordHasher given, which a server makes a
//   bounded pool (adapters/crypto/hashing_pool.hpp): when it is full, unavailable (HTTP 503)
//   with retry_after_s.
#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/mutex.hpp"
#include "model/resources.hpp"
#include "ports/clock.hpp"
#include "ports/credentials.hpp"
#include "ports/record_store.hpp"
#include "ports/user_store.hpp"
#include "rules/access.hpp"
#include "rules/login_throttle.hpp"
#include "rules/password_policy.hpp"
#include "rules/rate_limit.hpp"
#include "services/client_rate_limiter.hpp"

namespace hearth::services {

/// Who a request acts for.
struct Principal {
  int64_t user_id = 0;
  std::string username;
  rules::Role role = rules::Role::kHousehold;
  std::optional<int64_t> company_id;    ///< set for manager, agent, technician
  std::optional<int64_t> household_id;  ///< set for household
};

/// The records `p` may see: admin and regulator everything (empty scope), manager, agent and
/// technician their company's, household its own household's. Pass it to every RecordStore call.
ports::Scope ScopeOf(const Principal& p);

/// Masks, in place, the sensitive fields of `record` (a record of `resource`) that `p` may not
/// see in full (rules::DisclosureOf; text values become rules::MaskValue, null stays null). A
/// household user sees its own household's data in full.
void MaskRecord(const Principal& p, const model::Resource& resource, ports::Record& record);

/// A new account, as given on the command line or in a request.
struct NewAccount {
  std::string username;
  std::string password;
  std::string role;                     ///< a rules::RoleName
  std::optional<int64_t> company_id;    ///< required for manager, agent, technician only
  std::optional<int64_t> household_id;  ///< required for household only
};

struct AuthOptions {
  std::chrono::seconds session_ttl = std::chrono::hours(12);  ///< token lifetime
  rules::ThrottleSettings throttle;                           ///< see rules/login_throttle.hpp
  rules::RateSettings login_rate;  ///< logins per client address, see rules/rate_limit.hpp
};

struct IssuedToken {
  std::string token;  ///< the bearer token; shown to the client once, never stored
  Instant expires_at;
};

/// Usernames: 1 to 64 characters of a-z, 0-9, '.', '_', '-', '@'; upper-case ASCII letters are
/// folded to lower case (on AddUser and on Login alike, so "Li" and "li" are one account and one
/// throttle record). Passwords: 12 to 1024 bytes, and not a common one (rules/password_policy.hpp).
inline constexpr size_t kMaxUsername = 64;
inline constexpr size_t kMinPassword = rules::kMinPasswordBytes;  // 12
inline constexpr size_t kMaxPassword = rules::kMaxPasswordBytes;  // 1024

/// The username as stored (upper case folded), or nullopt when it cannot be one.
std::optional<std::string> NormalizeUsername(std::string_view name);
/// invalid_argument (field "password") unless the password is kMinPassword..kMaxPassword bytes
/// and not a common one, nor the account's `username` (may be empty) with digits
/// (rules::CheckPasswordChoice). Used wherever a password is chosen: new accounts, resets.
Status CheckPassword(std::string_view password, std::string_view username = {});

/// Thread-safe: the store, the clock and the hasher are; the service keeps a lazily made dummy
/// hash and the rate limiter's buckets, each under its lock.
class AuthService {
 public:
  /// None is owned; all must outlive the service.
  AuthService(ports::UserStore& users, const ports::Clock& clock,
              const ports::PasswordHasher& hasher, const ports::TokenIssuer& tokens,
              AuthOptions options = {});

  /// Creates an account with an argon2id hash of its password. Errors: invalid_argument (field
  /// username, password, role, company_id or household_id) for a malformed username, a short,
  /// long or common password (CheckPassword), an unknown role, or a company/household that does not
  /// fit the role; not_found (company_id / household_id) for a missing company or household;
  /// already_exists (username) when the username is taken. Audited by `actor` (the acting admin's
  /// username, "cli:<os user>", "demo"; "system" for tests and benchmarks that set up accounts).
  Result<ports::User> AddUser(const NewAccount& account, const std::string& actor = "system");

  /// Checks the password and issues a token. `client` is the caller's address ("" for callers in
  /// process: one client). Errors, in the order checked:
  /// - resource_exhausted ("too many logins from this address …", retry_after_s) when `client`
  ///   has used up its rate (AuthOptions::login_rate), whatever the credentials;
  /// - resource_exhausted ("too many failed logins from this address for this username …",
  ///   retry_after_s) while the (client, username) pair is locked after repeated failures; the
  ///   password is not checked then, and other clients are not affected;
  /// - unavailable (retry_after_s) when the hasher is too busy to check the password;
  /// - unauthenticated ("wrong username or password") for an unknown or disabled user or a wrong
  ///   password, alike and in about the same time, so the answer does not tell whether a user
  ///   exists; the failure counts against the pair.
  Result<IssuedToken> Login(std::string_view username, std::string_view password,
                            std::string_view client = {});

  /// The principal of a bearer token; unauthenticated when the token is malformed, unknown,
  /// expired, revoked, or its user is disabled.
  Result<Principal> Authenticate(std::string_view token);

  /// Revokes the token; unauthenticated when it does not authenticate (see Authenticate). When
  /// the store fails (unavailable), the error says so, and this process refuses the token from
  /// then on all the same, recording the revocation once the store takes it (issue 12).
  Status Logout(std::string_view token);

  const AuthOptions& options() const { return options_; }

 private:
  // A hash to verify against when the user does not exist, so that unknown users take as long as
  // known ones. Made on first need (it costs one argon2id hash); an error when the hasher fails
  // (then it is tried again next time).
  Result<std::string> DummyHash();
  // Counts a failed login of the throttle key; returns the error to answer with.
  Error Failed(const std::string& key, Instant now);
  void PurgeNowAndThen(Instant now);
  bool RefusedAfterFailedLogout(const std::string& digest);

  ports::UserStore& users_;
  const ports::Clock& clock_;
  const ports::PasswordHasher& hasher_;
  const ports::TokenIssuer& tokens_;
  AuthOptions options_;
  ClientRateLimiter rate_;
  Mutex dummy_mutex_;
  std::string dummy_hash_ GUARDED_BY(dummy_mutex_);  // empty until made
  std::atomic<int64_t> last_purge_{0};               // seconds since the epoch
  static constexpr size_t kMaxUnrecordedLogouts = 100'000;
  Mutex unrecorded_mutex_;
  std::set<std::string> unrecorded_logouts_ GUARDED_BY(unrecorded_mutex_);  // token digests
};

}  // namespace hearth::services

#include "services/auth_service.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace hearth::services {
namespace {

constexpr size_t kTokenChars = 43;  // base64url of 32 bytes, unpadded
// Expired sessions are kept a day, so that a late client is told "expired" rather than
// "invalid"; then they go. Purges run at most once an hour per process.
constexpr std::chrono::hours kKeepExpired{24};
constexpr std::chrono::seconds kPurgeEvery{3600};

Error Unauthenticated(std::string message) { return Error::Unauthenticated(std::move(message)); }

Error BadCredentials() { return Unauthenticated("wrong username or password"); }

bool LooksLikeToken(std::string_view token) {
  if (token.size() != kTokenChars) return false;
  for (char c : token) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> NormalizeUsername(std::string_view name) {
  if (name.empty() || name.size() > kMaxUsername) return std::nullopt;
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
              c == '-' || c == '@';
    if (!ok) return std::nullopt;
    out += c;
  }
  return out;
}

Status CheckPassword(std::string_view password, std::string_view username) {
  return rules::CheckPasswordChoice(password, username);
}

ports::Scope ScopeOf(const Principal& p) {
  // A scoped role without its id gets id 0, which matches no record: fail closed.
  switch (rules::ScopeKindOf(p.role)) {
    case rules::ScopeKind::kAll:
      return {};
    case rules::ScopeKind::kCompany:
      return {p.company_id.value_or(0), std::nullopt};
    case rules::ScopeKind::kHousehold:
      return {std::nullopt, p.household_id.value_or(0)};
  }
  return {int64_t{0}, int64_t{0}};
}

void MaskRecord(const Principal& p, const model::Resource& resource, ports::Record& record) {
  bool own = false;
  if (p.role == rules::Role::kHousehold && p.household_id) {
    if (resource.name == "households") {
      own = record.id == *p.household_id;
    } else if (auto it = record.fields.find("household_id"); it != record.fields.end()) {
      own = it->second == ports::FieldValue(*p.household_id);
    }
  }
  for (const auto& field : resource.fields) {
    if (rules::DisclosureOf(p.role, field, own) == rules::Disclosure::kFull) continue;
    auto it = record.fields.find(field.name);
    if (it == record.fields.end()) continue;
    if (const auto* text = std::get_if<std::string>(&it->second)) {
      it->second = rules::MaskValue(*text);
    } else if (const auto* number = std::get_if<int64_t>(&it->second)) {
      it->second = rules::MaskValue(std::to_string(*number));
    }
  }
}

AuthService::AuthService(ports::UserStore& users, const ports::Clock& clock,
                         const ports::PasswordHasher& hasher, const ports::TokenIssuer& tokens,
                         AuthOptions options)
    : users_(users),
      clock_(clock),
      hasher_(hasher),
      tokens_(tokens),
      options_(options),
      rate_(options.login_rate) {}

Result<std::string> AuthService::DummyHash() {
  MutexLock lock(dummy_mutex_);
  if (dummy_hash_.empty()) {
    // Never an empty hash: checking against one would answer at once and tell that the user
    // does not exist.
    auto h = hasher_.Hash("not a password of anyone");
    if (!h.ok()) return h.error();
    dummy_hash_ = std::move(*h);
  }
  return dummy_hash_;
}

Result<ports::User> AuthService::AddUser(const NewAccount& account, const std::string& actor) {
  auto username = NormalizeUsername(account.username);
  if (!username) {
    return Error::InvalidArgument("a username is 1 to " + std::to_string(kMaxUsername) +
                                      " characters of a-z, 0-9, '.', '_', '-' and '@'; got '" +
                                      account.username + "'",
                                  "username");
  }
  if (auto s = CheckPassword(account.password, *username); !s.ok()) return s.error();
  auto role = rules::ParseRole(account.role);
  if (!role) {
    return Error::InvalidArgument(
        "unknown role '" + account.role + "'; known: " + rules::RoleNames(), "role");
  }
  // Checked before hashing, which is slow; the store checks again.
  if (auto s = rules::CheckUserScope(*role, account.company_id.has_value(),
                                     account.household_id.has_value());
      !s.ok()) {
    return s.error();
  }
  auto hash = hasher_.Hash(account.password);
  if (!hash.ok()) return hash.error();
  ports::User user;
  user.username = *username;
  user.password_hash = std::move(*hash);
  user.role = *role;
  user.company_id = account.company_id;
  user.household_id = account.household_id;
  user.created_at = clock_.Now();
  return users_.AddUser(user, actor);
}

Error AuthService::Failed(const std::string& key, Instant now) {
  auto record =
      users_.UpdateLoginFailures(key, [&](const std::optional<rules::LoginFailures>& before) {
        return rules::AfterFailure(before, now, options_.throttle);
      });
  if (!record.ok()) return record.error();
  if (record->locked_until) {
    spdlog::warn("login: '{}' locked until {} after {} failures", key,
                 FormatLocal(*record->locked_until), record->failures);
  }
  return BadCredentials();
}

Result<IssuedToken> AuthService::Login(std::string_view username, std::string_view password,
                                       std::string_view client) {
  Instant now = clock_.Now();
  // First, before any work: a flood from one address costs a map lookup per request.
  if (auto s = rate_.Take(client, now); !s.ok()) return s.error();
  auto name = NormalizeUsername(username);
  // No account can have such a name, so there is nothing to guess and nothing to count.
  if (!name || password.size() > kMaxPassword) return BadCredentials();

  const std::string key = rules::ThrottleKey(*name, client);
  auto failures = users_.GetLoginFailures(key);
  if (!failures.ok()) return failures.error();
  if (auto until = rules::LockedUntil(*failures, now)) {
    int64_t wait = std::max<int64_t>((*until - now).count(), 1);
    return Error::ResourceExhausted(
        "too many failed logins from this address for this username; try again in " +
            std::to_string(wait) + " s",
        wait);
  }
  auto user = users_.FindUser(*name);
  if (!user.ok() && user.error().code != ErrorCode::kNotFound) return user.error();
  Result<bool> matches = false;
  if (user.ok() && !user->disabled) {
    matches = hasher_.Verify(user->password_hash, password);
  } else {
    auto dummy = DummyHash();
    if (!dummy.ok()) return dummy.error();
    matches = hasher_.Verify(*dummy, password);  // the same work as a real check
    if (matches.ok()) matches = false;
  }
  // A hasher too busy to check is not a failure of the client: nothing is counted.
  if (!matches.ok()) return matches.error();
  if (!*matches) return Failed(key, now);
  if (failures->has_value()) {
    if (auto s = users_.ClearLoginFailures(key); !s.ok()) return s.error();
  }

  auto token = tokens_.NewToken();
  if (!token.ok()) return token.error();
  IssuedToken issued{std::move(*token), now + options_.session_ttl};
  ports::Session session{tokens_.Digest(issued.token), user->id, now, issued.expires_at,
                         std::nullopt};
  if (auto s = users_.AddSession(session); !s.ok()) return s.error();
  PurgeNowAndThen(now);
  return issued;
}

void AuthService::PurgeNowAndThen(Instant now) {
  int64_t last = last_purge_.load();
  int64_t at = now.time_since_epoch().count();
  if (at - last < kPurgeEvery.count() || !last_purge_.compare_exchange_strong(last, at)) return;
  if (auto n = users_.PurgeSessions(now - kKeepExpired); !n.ok()) {
    spdlog::warn("purging expired sessions: {} {}", n.error().message, n.error().detail);
  }
  if (auto n = users_.PurgeLoginFailures(now - options_.throttle.window); !n.ok()) {
    spdlog::warn("purging old login failures: {} {}", n.error().message, n.error().detail);
  }
}

// A logout the store could not record: this process refuses the token all the same, and records
// the revocation the next time the token is presented and the store takes it.
bool AuthService::RefusedAfterFailedLogout(const std::string& digest) {
  {
    MutexLock lock(unrecorded_mutex_);
    if (!unrecorded_logouts_.count(digest)) return false;
  }
  if (users_.RevokeSession(digest, clock_.Now()).ok()) {
    MutexLock lock(unrecorded_mutex_);
    unrecorded_logouts_.erase(digest);
  }
  return true;
}

Result<Principal> AuthService::Authenticate(std::string_view token) {
  if (!LooksLikeToken(token)) return Unauthenticated("invalid token");
  if (RefusedAfterFailedLogout(tokens_.Digest(token))) {
    return Unauthenticated("the token was revoked (logged out)");
  }
  auto found = users_.FindSession(tokens_.Digest(token));
  if (!found.ok()) {
    if (found.error().code == ErrorCode::kNotFound) return Unauthenticated("invalid token");
    return found.error();
  }
  const ports::Session& session = found->session;
  const ports::User& user = found->user;
  if (session.revoked_at) return Unauthenticated("the token was revoked (logged out)");
  if (clock_.Now() >= session.expires_at) return Unauthenticated("the token has expired");
  if (user.disabled) return Unauthenticated("the account is disabled");
  // The schema forbids it; should a row slip through, refuse rather than widen the scope.
  if (auto s = rules::CheckUserScope(user.role, user.company_id.has_value(),
                                     user.household_id.has_value());
      !s.ok()) {
    return Error::Internal("user " + std::to_string(user.id) + ": " + s.error().message);
  }
  return Principal{user.id, user.username, user.role, user.company_id, user.household_id};
}

Status AuthService::Logout(std::string_view token) {
  auto principal = Authenticate(token);
  if (!principal.ok()) return principal.error();
  const std::string digest = tokens_.Digest(token);
  auto s = users_.RevokeSession(digest, clock_.Now());
  if (!s.ok() && s.error().code == ErrorCode::kNotFound) {
    return Unauthenticated("the token was revoked (logged out)");  // by a concurrent logout
  }
  if (!s.ok()) {  // issue 12, finding 6: a failed logout never leaves the token working here
    MutexLock lock(unrecorded_mutex_);
    if (unrecorded_logouts_.size() < kMaxUnrecordedLogouts) unrecorded_logouts_.insert(digest);
    Error e = s.error();
    e.message += "; the logout is not stored yet, but this server refuses the token from now on";
    return e;
  }
  return s;
}

}  // namespace hearth::services

// The secrets a service needs from outside: password hashes and bearer tokens. The auth service
// sees only these interfaces; adapters/crypto implements them (argon2id, getrandom, SHA-256).
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace hearth::ports {

/// One-way password hashing with a per-hash salt. Implementations are thread-safe. Both calls
/// are slow on purpose (argon2id: about 0.2 s of a core and 64 MiB); an implementation may run
/// them on a bounded pool and refuse work when it is full (adapters/crypto/hashing_pool.hpp).
class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  /// An encoded hash of `password` with a fresh random salt, carrying its own parameters.
  /// Errors: internal (the hasher refused its cost), unavailable (no randomness; or too busy,
  /// with Error::retry_after_s set).
  virtual Result<std::string> Hash(std::string_view password) const = 0;
  /// Whether `password` matches `encoded`, in constant time; a malformed hash never matches.
  /// Error: unavailable, with Error::retry_after_s set, when the hasher is too busy to check.
  virtual Result<bool> Verify(std::string_view encoded, std::string_view password) const = 0;
};

/// Bearer tokens: random, URL-safe text given to a client once, and the digest that the store
/// keeps instead. Implementations are thread-safe.
class TokenIssuer {
 public:
  virtual ~TokenIssuer() = default;
  /// A new token: 43 characters of [A-Za-z0-9_-] (32 random bytes in base64url). Error:
  /// unavailable when the system has no randomness.
  virtual Result<std::string> NewToken() const = 0;
  /// The digest stored for `token` (the same token always gives the same digest).
  virtual std::string Digest(std::string_view token) const = 0;
};

}  // namespace hearth::ports

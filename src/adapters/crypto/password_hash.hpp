// Password hashing with argon2id (libargon2, RFC 9106), in the PHC encoded form
// "$argon2id$v=19$m=65536,t=3,p=1$<salt>$<hash>", which carries its own salt and cost, so costs
// can be raised later without invalidating stored hashes. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "ports/credentials.hpp"

namespace hearth::adapters::crypto {

/// argon2id cost. The default is RFC 9106's second recommended option (64 MiB of memory, 3
/// passes) on one lane: about 0.1-0.2 s and 64 MiB per hash on one core of a current server, a
/// cost per guess that makes offline guessing of a stolen database slow while a login stays
/// quick. Verifying uses the cost encoded in the stored hash, not this.
struct Argon2Cost {
  uint32_t time_cost = 3;           ///< passes over memory
  uint32_t memory_kib = 64 * 1024;  ///< memory in KiB
  uint32_t parallelism = 1;         ///< lanes (and threads)
};

/// Bytes of random salt (from getrandom) and of the hash. RFC 9106 recommends 16 and 32.
inline constexpr uint32_t kSaltBytes = 16;
inline constexpr uint32_t kHashBytes = 32;

/// The encoded argon2id hash of `password` with a fresh random salt. internal when argon2
/// refuses the cost (e.g. out of memory); unavailable when the system has no randomness.
Result<std::string> HashPassword(std::string_view password, const Argon2Cost& cost = {});

/// Whether `password` matches the encoded hash; the comparison is constant-time
/// (argon2id_verify). A malformed or non-argon2id hash never matches.
bool VerifyPassword(std::string_view encoded, std::string_view password);

/// ports::PasswordHasher over HashPassword and VerifyPassword, hashing at `cost`, on the
/// caller's thread.
class Argon2Hasher final : public ports::PasswordHasher {
 public:
  explicit Argon2Hasher(Argon2Cost cost = {}) : cost_(cost) {}
  Result<std::string> Hash(std::string_view password) const override {
    return HashPassword(password, cost_);
  }
  Result<bool> Verify(std::string_view encoded, std::string_view password) const override {
    return VerifyPassword(encoded, password);
  }

 private:
  Argon2Cost cost_;
};

}  // namespace hearth::adapters::crypto

// Random bytes, URL-safe text and digests for bearer tokens and salts. Thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "ports/credentials.hpp"

namespace hearth::adapters::crypto {

/// `n` bytes from the kernel's CSPRNG (getrandom(2), which blocks only until the pool is first
/// seeded at boot); unavailable when it fails.
Result<std::string> RandomBytes(size_t n);

/// Base64url without padding (RFC 4648 §5): 32 bytes give 43 characters of [A-Za-z0-9_-].
std::string Base64Url(std::string_view bytes);

/// Lower-case hex SHA-256 (OpenSSL libcrypto): 64 characters. Throws std::runtime_error only
/// when libcrypto has no SHA-256 (a broken installation).
std::string Sha256Hex(std::string_view data);

/// ports::TokenIssuer: 32 bytes of RandomBytes in Base64Url; the digest is Sha256Hex.
class RandomTokenIssuer final : public ports::TokenIssuer {
 public:
  static constexpr size_t kTokenBytes = 32;
  Result<std::string> NewToken() const override {
    auto bytes = RandomBytes(kTokenBytes);
    if (!bytes.ok()) return bytes.error();
    return Base64Url(*bytes);
  }
  std::string Digest(std::string_view token) const override { return Sha256Hex(token); }
};

}  // namespace hearth::adapters::crypto

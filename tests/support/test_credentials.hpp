// Test-only: the real password hasher at a cheap cost (tests are about rights and flows; the
// argon2id cost itself is tested in adapters/crypto), and the real token issuer.
#pragma once

#include "adapters/crypto/password_hash.hpp"
#include "adapters/crypto/tokens.hpp"

namespace hearth::support {

inline const adapters::crypto::Argon2Hasher& CheapHasher() {
  static const adapters::crypto::Argon2Hasher hasher(adapters::crypto::Argon2Cost{1, 64, 1});
  return hasher;
}

inline const adapters::crypto::RandomTokenIssuer& Tokens() {
  static const adapters::crypto::RandomTokenIssuer tokens;
  return tokens;
}

}  // namespace hearth::support

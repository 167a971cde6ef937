// Test-only: the real password hasher at a cheap cost (tests are about rights and flows; the
// argon2id cost itself is tested in adapters/crypto), and the real token issuer.
#pragma once

#include "adapters/crypto/password_hash.hpp"
#include "adapters/crypto/tokens.hpp"

namespace hearth::support {

inline const adapters::Argon2Hasher& CheapHasher() {
  static const adapters::Argon2Hasher hasher(adapters::Argon2Cost{1, 64, 1});
  return hasher;
}

inline const adapters::RandomTokenIssuer& Tokens() {
  static const adapters::RandomTokenIssuer tokens;
  return tokens;
}

}  // namespace hearth::support

#include "adapters/crypto/password_hash.hpp"

#include <argon2.h>

#include "adapters/crypto/tokens.hpp"

namespace hearth::adapters::crypto {

Result<std::string> HashPassword(std::string_view password, const Argon2Cost& cost) {
  auto salt = RandomBytes(kSaltBytes);
  if (!salt.ok()) return salt.error();
  std::string encoded(argon2_encodedlen(cost.time_cost, cost.memory_kib, cost.parallelism,
                                        kSaltBytes, kHashBytes, Argon2_id),
                      '\0');
  int rc = argon2id_hash_encoded(cost.time_cost, cost.memory_kib, cost.parallelism, password.data(),
                                 password.size(), salt->data(), salt->size(), kHashBytes,
                                 encoded.data(), encoded.size());
  if (rc != ARGON2_OK) {
    return Error::Internal(std::string("argon2id_hash_encoded: ") + argon2_error_message(rc));
  }
  encoded.resize(encoded.find('\0'));  // argon2_encodedlen counts the terminator
  return encoded;
}

bool VerifyPassword(std::string_view encoded, std::string_view password) {
  if (encoded.rfind("$argon2id$", 0) != 0) return false;
  std::string terminated(encoded);  // argon2id_verify reads a C string
  return argon2id_verify(terminated.c_str(), password.data(), password.size()) == ARGON2_OK;
}

}  // namespace hearth::adapters::crypto

// Password hashes in mosquitto 2.0's password_file format (issue 12), so that the broker itself
// checks a device's password: "$7$<iterations>$<base64 salt>$<base64 hash>", PBKDF2-HMAC-SHA512
// with a 12-byte salt and a 64-byte hash, standard base64 with padding (as mosquitto_passwd
// writes it; mosquitto's src/password_mosq.c reads it). libcrypto's PKCS5_PBKDF2_HMAC.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "ports/device_credentials.hpp"

namespace hearth::adapters::crypto {

/// PBKDF2 rounds. The passwords Hearth issues are 32 random bytes, which no number of guesses
/// reaches, so stretching buys nothing and only costs the broker: it runs PBKDF2 on every
/// CONNECT, and a fleet reconnecting after a broker restart is thousands of them at once. Ten
/// times mosquitto_passwd's default (101), for the service account's password an operator may
/// have chosen.
inline constexpr int kMosquittoIterations = 1000;

/// The encoded hash of `password` with a fresh random salt. unavailable when the system has no
/// randomness; internal when libcrypto fails.
Result<std::string> MosquittoHash(std::string_view password, int iterations = kMosquittoIterations);

/// Whether `password` matches `encoded` ($7$ only; anything malformed never matches), in
/// constant time. For tests and checks; the broker does the real checking.
bool VerifyMosquittoHash(std::string_view encoded, std::string_view password);

class MosquittoHasher final : public ports::BrokerPasswordHasher {
 public:
  Result<std::string> Hash(std::string_view password) const override {
    return MosquittoHash(password);
  }
};

}  // namespace hearth::adapters::crypto

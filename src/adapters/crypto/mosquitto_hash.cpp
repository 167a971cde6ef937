#include "adapters/crypto/mosquitto_hash.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <charconv>
#include <vector>

#include "adapters/crypto/tokens.hpp"

namespace hearth::adapters::crypto {
namespace {

constexpr size_t kSaltBytes = 12;  // what mosquitto_passwd uses
constexpr size_t kHashBytes = 64;  // SHA-512's output

std::string Base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(bytes.data()),
                          static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

// Standard base64 with padding; nullopt when malformed.
std::optional<std::string> Unbase64(std::string_view text) {
  if (text.empty() || text.size() % 4 != 0) return std::nullopt;
  std::string out(text.size() / 4 * 3, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(text.data()),
                          static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  size_t pad = text.ends_with("==") ? 2 : text.ends_with("=") ? 1 : 0;
  out.resize(static_cast<size_t>(n) - pad);  // EVP_DecodeBlock counts the padding's zeros
  return out;
}

std::optional<std::string> Pbkdf2(std::string_view password, std::string_view salt,
                                  int iterations) {
  std::string key(kHashBytes, '\0');
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                        reinterpret_cast<const unsigned char*>(salt.data()),
                        static_cast<int>(salt.size()), iterations, EVP_sha512(),
                        static_cast<int>(key.size()),
                        reinterpret_cast<unsigned char*>(key.data())) != 1) {
    return std::nullopt;
  }
  return key;
}

}  // namespace

Result<std::string> MosquittoHash(std::string_view password, int iterations) {
  auto salt = RandomBytes(kSaltBytes);
  if (!salt.ok()) return salt.error();
  auto key = Pbkdf2(password, *salt, iterations);
  if (!key) return Error::Internal("PBKDF2-HMAC-SHA512 failed");
  return "$7$" + std::to_string(iterations) + "$" + Base64(*salt) + "$" + Base64(*key);
}

bool VerifyMosquittoHash(std::string_view encoded, std::string_view password) {
  if (!encoded.starts_with("$7$")) return false;
  std::string_view rest = encoded.substr(3);
  size_t a = rest.find('$');
  if (a == std::string_view::npos) return false;
  size_t b = rest.find('$', a + 1);
  if (b == std::string_view::npos) return false;
  int iterations = 0;
  auto [end, ec] = std::from_chars(rest.data(), rest.data() + a, iterations);
  if (ec != std::errc{} || end != rest.data() + a || iterations < 1) return false;
  auto salt = Unbase64(rest.substr(a + 1, b - a - 1));
  auto want = Unbase64(rest.substr(b + 1));
  if (!salt || !want || want->size() != kHashBytes) return false;
  auto got = Pbkdf2(password, *salt, iterations);
  return got && CRYPTO_memcmp(got->data(), want->data(), kHashBytes) == 0;
}

}  // namespace hearth::adapters::crypto

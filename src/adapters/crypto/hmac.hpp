// HMAC-SHA256 (RFC 2104, OpenSSL libcrypto) for signed partner requests and webhooks (issue 13),
// and a comparison that takes the same time wherever two strings differ. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace hearth::adapters::crypto {

/// Lower-case hex HMAC-SHA256 of `data` under `key`: 64 characters.
std::string HmacSha256Hex(std::string_view key, std::string_view data);

/// a == b, in time that depends on the lengths only.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace hearth::adapters::crypto

// Port: HTTP tokens of devices and gateways (issue 12: devices and gateways that use HTTP get
// tokens limited to their own sensors, separate from user logins). A token names the sensors it
// may send readings for; it opens nothing else. The store keeps only the token's SHA-256.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace hearth::ports {

struct DeviceToken {
  std::string name;                 ///< the device's or gateway's name, unique
  std::string token_hash;           ///< TokenIssuer::Digest of the token
  std::vector<int64_t> sensor_ids;  ///< the sensors it may send for, ascending
  std::string issued_by;
  std::string issued_at;  ///< RFC 3339
};

/// Thread-safe. Every change is audited (resource "device_tokens", never the hash) in its own
/// transaction.
class DeviceTokenStore {
 public:
  virtual ~DeviceTokenStore() = default;
  /// Stores `token`, replacing the token of the same name (a re-issue: the old one stops
  /// working at once). Audited as "issue" or "reissue".
  virtual Status PutToken(const DeviceToken& token, const std::string& actor) = 0;
  /// Deletes it; audited as "revoke". not_found (field name) when there is none.
  virtual Status RevokeToken(std::string_view name, const std::string& actor) = 0;
  /// The token with this hash, or nullopt.
  virtual Result<std::optional<DeviceToken>> FindToken(std::string_view token_hash) = 0;
  /// Every token, by name (hashes included: callers show none of them).
  virtual Result<std::vector<DeviceToken>> ListTokens() = 0;
};

}  // namespace hearth::ports

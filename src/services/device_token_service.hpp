// HTTP tokens of devices and gateways (issue 12): a device or gateway that posts readings over
// HTTP gets a token of its own, limited to the sensors it was issued for, separate from user
// logins. The token works only for POST /api/v1/readings, where a reading for any other sensor is
// rejected as an unknown sensor (other sensors' codes stay private). It is shown once, stored only
// as its digest, and starts with "hdt_" so that the API tells it from a user's token without a
// lookup. Issuing again under the same name replaces it at once; every change is audited.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/credentials.hpp"
#include "ports/device_tokens.hpp"
#include "ports/reading_store.hpp"

namespace hearth::services {

inline constexpr std::string_view kDeviceTokenPrefix = "hdt_";

struct IssuedDeviceToken {
  std::string name;
  std::string token;  ///< shown once; never stored
  std::vector<int64_t> sensor_ids;
};

/// Thread-safe. The ports are not owned and must outlive the service.
class DeviceTokenService {
 public:
  DeviceTokenService(ports::DeviceTokenStore& store, ports::ReadingStore& sensors,
                     const ports::TokenIssuer& tokens, const ports::Clock& clock)
      : store_(store), sensors_(sensors), tokens_(tokens), clock_(clock) {}

  /// Whether `token` is a device token (by its prefix), not a user's.
  static bool IsDeviceToken(std::string_view token) {
    return token.starts_with(kDeviceTokenPrefix);
  }

  /// A token named `name` (1 to 128 printable characters without spaces) for the sensors with
  /// these codes (at least one). invalid_argument (field name or sensor); not_found (field
  /// sensor) naming an unknown code.
  Result<IssuedDeviceToken> Issue(std::string_view name, const std::vector<std::string>& codes,
                                  const std::string& actor);
  /// not_found (field name) when there is no such token.
  Status Revoke(std::string_view name, const std::string& actor) {
    return store_.RevokeToken(name, actor);
  }
  Result<std::vector<ports::DeviceToken>> List() { return store_.ListTokens(); }

  /// The sensors `token` may send readings for; unauthenticated for a token that is not a live
  /// device token.
  Result<std::vector<int64_t>> SensorsOf(std::string_view token);

 private:
  ports::DeviceTokenStore& store_;
  ports::ReadingStore& sensors_;
  const ports::TokenIssuer& tokens_;
  const ports::Clock& clock_;
};

}  // namespace hearth::services

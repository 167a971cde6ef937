// Port: the broker accounts Hearth issues (issue 12). A device (a sensor) logs in to the MQTT
// broker under its own code and may publish only to hearth/v1/readings/<code>; a service account
// is what `hearth serve` logs in as. The store keeps each account's password only as a hash in
// the broker's own format (mosquitto's password_file, BrokerPasswordHasher), so that the broker
// does the checking; the password itself is shown once, when issued.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace hearth::ports {

struct DeviceCredential {
  std::string username;              ///< the sensor's code, or the service account's name
  std::string kind;                  ///< "device" or "service"
  std::optional<int64_t> sensor_id;  ///< a device's sensor; nullopt for a service account
  std::string password_hash;         ///< BrokerPasswordHasher's encoding
  std::string issued_by;
  std::string issued_at;  ///< RFC 3339
};

/// Thread-safe. Every change is audited (resource "device_credentials", never the hash) in its
/// own transaction.
class DeviceCredentialStore {
 public:
  virtual ~DeviceCredentialStore() = default;
  /// Stores `credential`, replacing the account of the same username (a re-issue). A sensor has
  /// one account: another username for the same sensor_id is replaced too. Audited as "issue"
  /// or "reissue" by `actor`.
  virtual Status Put(const DeviceCredential& credential, const std::string& actor) = 0;
  /// Deletes the account; audited as "revoke". not_found (field username) when there is none.
  virtual Status Revoke(std::string_view username, const std::string& actor) = 0;
  /// Every account, by username.
  virtual Result<std::vector<DeviceCredential>> List() = 0;
};

/// The broker's password hashing (its own format, with a fresh random salt). Thread-safe.
class BrokerPasswordHasher {
 public:
  virtual ~BrokerPasswordHasher() = default;
  /// Errors: unavailable (no randomness), internal.
  virtual Result<std::string> Hash(std::string_view password) const = 0;
};

}  // namespace hearth::ports

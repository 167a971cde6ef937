// Broker accounts for devices and for Hearth itself (issue 12: anyone who could reach the broker
// could write readings for any sensor). A device logs in to the MQTT broker under its sensor's
// code with a random password issued here; the broker's ACL (adapters/mqtt/mosquitto_files.hpp)
// lets it publish only to hearth/v1/readings/<its code>. Issuing again replaces the password
// (the old one stops working once the broker reloads its files); revoking deletes the account.
// The password is returned once and stored only as the broker's hash. Every change is audited.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/credentials.hpp"
#include "ports/device_credentials.hpp"
#include "ports/reading_store.hpp"

namespace hearth::services {

struct IssuedCredential {
  std::string username;
  std::string password;  ///< shown once; never stored
};

/// Whether `name` can be a broker user name: 1 to 128 characters, none of them a control
/// character, a space, ':' (the password file's separator) or '+', '#', '/' (the broker refuses
/// to put such a name into an ACL pattern's %u). invalid_argument naming `field` otherwise.
Status CheckBrokerUsername(std::string_view name, const char* field);

/// Thread-safe. The ports are not owned and must outlive the service.
class DeviceCredentialService {
 public:
  DeviceCredentialService(ports::DeviceCredentialStore& store, ports::ReadingStore& sensors,
                          const ports::BrokerPasswordHasher& hasher,
                          const ports::TokenIssuer& random, const ports::Clock& clock)
      : store_(store), sensors_(sensors), hasher_(hasher), random_(random), clock_(clock) {}

  /// A new password for the sensor with this code (its user name), replacing any earlier one.
  /// not_found (field sensor) for an unknown code; invalid_argument for a code the broker
  /// cannot take as a user name.
  Result<IssuedCredential> IssueForSensor(std::string_view code, const std::string& actor);
  /// A new password for a service account (what `hearth serve --mqtt` logs in as): it may
  /// read every sensor's readings. failed_precondition when a device has that name.
  Result<IssuedCredential> IssueService(std::string_view username, const std::string& actor);
  /// not_found (field username) when there is no such account.
  Status Revoke(std::string_view username, const std::string& actor);
  Result<std::vector<ports::DeviceCredential>> List() { return store_.List(); }

 private:
  Result<IssuedCredential> Issue(ports::DeviceCredential credential, const std::string& actor);

  ports::DeviceCredentialStore& store_;
  ports::ReadingStore& sensors_;
  const ports::BrokerPasswordHasher& hasher_;
  const ports::TokenIssuer& random_;
  const ports::Clock& clock_;
};

}  // namespace hearth::services

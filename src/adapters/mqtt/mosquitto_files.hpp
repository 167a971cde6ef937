// The broker's account files for the accounts Hearth issues (issue 12): mosquitto's password_file
// and acl_file, so that mosquitto itself checks every login and every publish.
//
//   password_file   one "username:$7$…" line per account (adapters/crypto/mosquitto_hash.hpp)
//   acl_file        each service account may read hearth/v1/readings/# (also as a shared
//                   subscription) and use the start-up probe's topics hearth/v1/probe/#;
//                   every other account is a device, and
//                     pattern write hearth/v1/readings/%u
//                   lets it publish only to its own sensor's topic (its user name is the code).
//
// The broker reads them at start and again on SIGHUP; docs/broker.md shows the configuration.
#pragma once

#include <span>
#include <string>

#include "core/result.hpp"
#include "ports/device_credentials.hpp"

namespace hearth::adapters::mqtt {

std::string MosquittoPasswordFile(std::span<const ports::DeviceCredential> accounts);
std::string MosquittoAclFile(std::span<const ports::DeviceCredential> accounts);

/// Writes DIR/password_file (mode 0600: it holds the hashes) and DIR/acl_file (0644), each
/// through a temporary file and a rename, so that a broker reloading meanwhile reads the old
/// file or the new one, never half of one. Creates DIR. Errors: unavailable (I/O), with the path.
Status WriteMosquittoFiles(const std::string& dir,
                           std::span<const ports::DeviceCredential> accounts);

}  // namespace hearth::adapters::mqtt

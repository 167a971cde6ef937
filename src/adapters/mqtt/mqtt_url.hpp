// The broker's address as Hearth's flags give it (issue 12):
//   mqtt://[USER[:PASSWORD]@]HOST[:PORT]    plain TCP, port 1883 by default (tcp:// too)
//   mqtts://[USER[:PASSWORD]@]HOST[:PORT]   TLS, port 8883 by default (ssl:// too)
// USER and PASSWORD may be percent-encoded (RFC 3986), e.g. %40 for '@'. A password is better
// given by a file or the environment than in the URL, which `ps` shows: see MqttCredentials.
// Errors never repeat a password; logs show the URL through MaskMqttUrl.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace hearth::adapters::mqtt {

struct MqttUrl {
  bool tls = false;
  std::string host;  ///< without the brackets of an IPv6 literal
  uint16_t port = 1883;
  std::optional<std::string> username;  ///< nullopt: anonymous
  std::optional<std::string> password;  ///< only with a username
};

/// Parses `url` (see above). invalid_argument names the field `mqtt` (the flag) and never
/// repeats the password.
Result<MqttUrl> ParseMqttUrl(std::string_view url);

/// `url` with its password replaced by "****": what logs may show. A URL that does not parse
/// loses everything between "://" and the last '@'.
std::string MaskMqttUrl(std::string_view url);

/// Fills `url.password` when the URL has a user name and no password: from `password_file` (its
/// first line) when given, else from `env_password` (HEARTH_MQTT_PASSWORD) when set. A password
/// given twice (the URL and a file) is invalid_argument; so is a password without a user name,
/// and an unreadable file (field `mqtt-password-file`).
Status ResolveMqttPassword(MqttUrl& url, const std::string& password_file,
                           const char* env_password);

}  // namespace hearth::adapters::mqtt

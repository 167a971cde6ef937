#include "adapters/mqtt/mqtt_url.hpp"

#include <charconv>
#include <fstream>

namespace hearth::adapters::mqtt {
namespace {

constexpr const char* kExpected = "expected mqtt[s]://[USER[:PASSWORD]@]HOST[:PORT]";

Error Bad(const std::string& why) {
  return Error::InvalidArgument("--mqtt: " + why + " (" + kExpected + ")", "mqtt");
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RFC 3986 percent-decoding; nullopt for a broken escape.
std::optional<std::string> PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    if (i + 2 >= s.size()) return std::nullopt;
    int hi = HexValue(s[i + 1]);
    int lo = HexValue(s[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

// Where the scheme ends ("://" included), and whether it is TLS; nullopt for another scheme.
std::optional<std::pair<size_t, bool>> Scheme(std::string_view url) {
  for (auto [prefix, tls] : {std::pair{"mqtt://", false}, std::pair{"tcp://", false},
                             std::pair{"mqtts://", true}, std::pair{"ssl://", true}}) {
    if (url.starts_with(prefix)) return std::pair{std::string_view(prefix).size(), tls};
  }
  return std::nullopt;
}

}  // namespace

Result<MqttUrl> ParseMqttUrl(std::string_view url) {
  auto scheme = Scheme(url);
  if (!scheme) return Bad("'" + MaskMqttUrl(url) + "' is not an mqtt:// or mqtts:// URL");
  MqttUrl out;
  out.tls = scheme->second;
  out.port = out.tls ? 8883 : 1883;
  std::string_view rest = url.substr(scheme->first);
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  if (size_t at = rest.rfind('@'); at != std::string_view::npos) {
    std::string_view userinfo = rest.substr(0, at);
    rest = rest.substr(at + 1);
    size_t colon = userinfo.find(':');
    auto user = PercentDecode(userinfo.substr(0, colon));
    if (!user || user->empty()) return Bad("bad user name");
    out.username = std::move(*user);
    if (colon != std::string_view::npos) {
      auto password = PercentDecode(userinfo.substr(colon + 1));
      if (!password) return Bad("bad password (a broken %-escape)");
      out.password = std::move(*password);
    }
  }
  std::string_view host = rest;
  size_t colon = rest.rfind(':');
  if (colon != std::string_view::npos && rest.find(']', colon) == std::string_view::npos) {
    host = rest.substr(0, colon);
    std::string_view digits = rest.substr(colon + 1);
    unsigned value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || value == 0 ||
        value > 65535) {
      return Bad("bad port '" + std::string(digits) + "'");
    }
    out.port = static_cast<uint16_t>(value);
  }
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  if (host.empty() || host.find_first_of("/@?#[] ") != std::string_view::npos) {
    return Bad("bad host '" + std::string(host) + "'");
  }
  out.host = std::string(host);
  if (out.username && out.username->size() > 65535) return Bad("the user name is too long");
  if (out.password && out.password->size() > 65535) return Bad("the password is too long");
  return out;
}

std::string MaskMqttUrl(std::string_view url) {
  size_t start = url.find("://");
  size_t at = url.rfind('@');
  if (start == std::string_view::npos || at == std::string_view::npos || at < start) {
    return std::string(url);
  }
  start += 3;
  std::string_view userinfo = url.substr(start, at - start);
  size_t colon = userinfo.find(':');
  if (colon == std::string_view::npos) return std::string(url);  // a user name only
  return std::string(url.substr(0, start + colon + 1)) + "****" + std::string(url.substr(at));
}

Status ResolveMqttPassword(MqttUrl& url, const std::string& password_file,
                           const char* env_password) {
  if (!password_file.empty()) {
    if (!url.username) {
      return Error::InvalidArgument(
          "--mqtt-password-file: the --mqtt URL names no user (mqtt://USER@HOST:PORT)",
          "mqtt-password-file");
    }
    if (url.password) {
      return Error::InvalidArgument(
          "--mqtt-password-file: the --mqtt URL already has a password; give it once",
          "mqtt-password-file");
    }
    std::ifstream in(password_file);
    std::string line;
    if (!in || !std::getline(in, line)) {
      return Error::InvalidArgument("--mqtt-password-file: cannot read " + password_file,
                                    "mqtt-password-file");
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    url.password = std::move(line);
    return OkStatus();
  }
  if (url.username && !url.password && env_password != nullptr && *env_password != '\0') {
    url.password = env_password;
  }
  return OkStatus();
}

}  // namespace hearth::adapters::mqtt

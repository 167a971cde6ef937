#include "services/device_credential_service.hpp"

namespace hearth::services {

Status CheckBrokerUsername(std::string_view name, const char* field) {
  if (name.empty() || name.size() > 128) {
    return Error::InvalidArgument("a broker user name has 1 to 128 characters", field);
  }
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || c == ' ' || c == ':' || c == '+' || c == '#' || c == '/') {
      return Error::InvalidArgument(
          "a broker user name may not hold control characters, spaces, ':', '+', '#' or '/'",
          field);
    }
  }
  return OkStatus();
}

Result<IssuedCredential> DeviceCredentialService::IssueForSensor(std::string_view code,
                                                                 const std::string& actor) {
  if (auto s = CheckBrokerUsername(code, "sensor"); !s.ok()) return s.error();
  auto sensor = sensors_.FindSensor(std::string(code));
  if (!sensor.ok()) return sensor.error();
  ports::DeviceCredential c;
  c.username = std::string(code);
  c.kind = "device";
  c.sensor_id = sensor->id;
  return Issue(std::move(c), actor);
}

Result<IssuedCredential> DeviceCredentialService::IssueService(std::string_view username,
                                                               const std::string& actor) {
  if (auto s = CheckBrokerUsername(username, "service"); !s.ok()) return s.error();
  auto all = store_.List();
  if (!all.ok()) return all.error();
  for (const auto& c : *all) {
    if (c.username == username && c.kind != "service") {
      return Error::FailedPrecondition(
          "'" + std::string(username) + "' is a device's broker account", "service");
    }
  }
  ports::DeviceCredential c;
  c.username = std::string(username);
  c.kind = "service";
  return Issue(std::move(c), actor);
}

Result<IssuedCredential> DeviceCredentialService::Issue(ports::DeviceCredential credential,
                                                        const std::string& actor) {
  auto password = random_.NewToken();  // 32 random bytes, URL-safe: no quoting anywhere
  if (!password.ok()) return password.error();
  auto hash = hasher_.Hash(*password);
  if (!hash.ok()) return hash.error();
  credential.password_hash = std::move(*hash);
  credential.issued_by = actor;
  credential.issued_at = FormatLocal(clock_.Now());
  if (auto s = store_.Put(credential, actor); !s.ok()) return s.error();
  return IssuedCredential{credential.username, std::move(*password)};
}

Status DeviceCredentialService::Revoke(std::string_view username, const std::string& actor) {
  return store_.Revoke(username, actor);
}

}  // namespace hearth::services

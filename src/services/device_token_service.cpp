#include "services/device_token_service.hpp"

#include <algorithm>

#include "core/civil_time.hpp"

namespace hearth::services {

Result<IssuedDeviceToken> DeviceTokenService::Issue(std::string_view name,
                                                    const std::vector<std::string>& codes,
                                                    const std::string& actor) {
  const bool printable = std::all_of(name.begin(), name.end(), [](char c) {
    return static_cast<unsigned char>(c) > 0x20 && c != 0x7f;
  });
  if (name.empty() || name.size() > 128 || !printable) {
    return Error::InvalidArgument(
        "a device token's name is 1 to 128 characters without spaces or control characters",
        "name");
  }
  if (codes.empty()) {
    return Error::InvalidArgument("a device token needs at least one sensor", "sensor");
  }
  std::vector<std::string> unique = codes;  // FindSensors takes each code once
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  auto found = sensors_.FindSensors(unique);
  if (!found.ok()) return found.error();
  std::vector<int64_t> ids;
  for (size_t i = 0; i < unique.size(); ++i) {
    if (!(*found)[i]) return Error::NotFound("unknown sensor " + unique[i], "sensor");
    ids.push_back((*found)[i]->id);
  }
  std::sort(ids.begin(), ids.end());
  auto random = tokens_.NewToken();
  if (!random.ok()) return random.error();
  const std::string token = std::string(kDeviceTokenPrefix) + *random;
  ports::DeviceToken stored{std::string(name), tokens_.Digest(token), ids, actor,
                            FormatLocal(clock_.Now())};
  if (auto s = store_.PutToken(stored, actor); !s.ok()) return s.error();
  return IssuedDeviceToken{std::string(name), token, ids};
}

Result<std::vector<int64_t>> DeviceTokenService::SensorsOf(std::string_view token) {
  if (!IsDeviceToken(token)) return Error::Unauthenticated("not a device token");
  auto found = store_.FindToken(tokens_.Digest(token));
  if (!found.ok()) return found.error();
  if (!*found) return Error::Unauthenticated("invalid device token");
  return (*found)->sensor_ids;
}

}  // namespace hearth::services

// R-TEMP-1 evidence, issue 11.
#include "services/weather_service.hpp"

#include <set>

namespace hearth::services {

Result<WeatherOutcome> WeatherService::Record(const std::vector<ports::OutdoorMean>& means,
                                              WeatherAuthority authority,
                                              const std::string& actor) const {
  if (authority == WeatherAuthority::kNone) {
    return Error::PermissionDenied(
        "outdoor means come from the regulator or an admin; a company's manager may submit them "
        "for confirmation");
  }
  if (means.empty()) return Error::InvalidArgument("no outdoor means given", "body");
  std::set<int64_t> districts;
  for (const auto& m : means) districts.insert(m.district_id);
  for (int64_t d : districts) {
    auto rec = records_.Get(*model::FindResource("districts"), d, {});
    if (!rec.ok()) {
      if (rec.error().code != ErrorCode::kNotFound) return rec.error();
      return Error::InvalidArgument("no district " + std::to_string(d), "district_id");
    }
  }
  WeatherOutcome out;
  if (authority == WeatherAuthority::kOfficial) {
    if (auto s = store_.PutOutdoorMeans(means, actor); !s.ok()) return s.error();
    out.confirmed = true;
    return out;
  }
  auto ids = store_.SubmitOutdoorMeans(means, actor);
  if (!ids.ok()) return ids.error();
  out.submission_ids = std::move(*ids);
  return out;
}

Result<ports::OutdoorMeanSubmission> WeatherService::Decide(int64_t id, bool confirm,
                                                            WeatherAuthority authority,
                                                            const std::string& actor) const {
  if (authority != WeatherAuthority::kOfficial) {
    return Error::PermissionDenied("submitted outdoor means are confirmed by the regulator");
  }
  return store_.DecideOutdoorMean(id, confirm, actor);
}

}  // namespace hearth::services

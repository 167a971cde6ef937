#include "services/ingest_service.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "core/civil_time.hpp"
#include "core/decimal.hpp"

namespace hearth::services {
namespace {

constexpr const char* kUnknownSensor = "unknown sensor";
constexpr const char* kMalformedTime =
    "malformed time (expected RFC 3339, e.g. 2025-12-01T08:00:00+08:00)";
constexpr const char* kImpossibleTime =
    "impossible time (a leap second, or a year before 2000)";
constexpr const char* kNotANumber = "value is not a number";
constexpr const char* kFuture = "time in the future";

std::string RangeReason(const IngestOptions& o) {
  return "value out of range [" + FormatFen(o.min_centi) + ", " + FormatFen(o.max_centi) + "]";
}

struct SensorLookup {
  bool known = false;
  int64_t id = 0;
};

}  // namespace

IngestService::IngestService(ports::ReadingStore& store, const ports::Clock& clock,
                             IngestOptions options)
    : store_(store), clock_(clock), options_(options) {}

Result<IngestReport> IngestService::Ingest(const std::vector<IncomingReading>& batch,
                                           const IngestScope& scope, std::string_view channel) {
  IngestReport report;
  const int64_t latest = clock_.Now().time_since_epoch().count() + options_.max_future_skew_s;
  std::vector<ports::Reading> valid;
  valid.reserve(batch.size());
  std::vector<ports::QuarantinedReading> quarantine;
  // Sensors are looked up once per batch, all in one call: a gateway's batch repeats few sensors
  // many times, and a remote database answers them in one round trip.
  std::unordered_map<std::string_view, SensorLookup> sensors;
  {
    std::vector<std::string> codes;
    for (const IncomingReading& in : batch) {
      if (!in.sensor.empty() && sensors.try_emplace(in.sensor).second) codes.push_back(in.sensor);
    }
    auto found = store_.FindSensors(codes);
    if (!found.ok()) return found.error();
    for (size_t c = 0; c < codes.size(); ++c) {
      const auto& info = (*found)[c];
      if (info) {
        const bool in_scope =
            (!scope.company_id || *scope.company_id == info->company_id) &&
            (!scope.sensor_ids ||
             std::binary_search(scope.sensor_ids->begin(), scope.sensor_ids->end(), info->id));
        sensors[codes[c]] = {in_scope, info->id};
      }
    }
  }
  std::string_view last_code;
  SensorLookup last;
  bool have_last = false;

  auto reject = [&](size_t i, std::string reason) {
    report.rejected.push_back({static_cast<int64_t>(i), batch[i].sensor, std::move(reason)});
  };

  for (size_t i = 0; i < batch.size(); ++i) {
    const IncomingReading& in = batch[i];
    std::string_view code = in.sensor;
    if (!have_last || code != last_code) {
      auto it = sensors.find(code);
      last = it == sensors.end() ? SensorLookup{} : it->second;  // "" is never looked up
      last_code = code;
      have_last = true;
    }
    if (!last.known) {
      reject(i, kUnknownSensor);
      continue;
    }
    auto ts = ParseEvidenceTime(in.ts);
    if (!ts.ok()) {
      reject(i, ParseRfc3339(in.ts).ok() ? kImpossibleTime : kMalformedTime);
      continue;
    }
    auto centi = ParseScaled(in.value, 2);  // hundredths of a degree
    if (!centi) {
      reject(i, kNotANumber);
      continue;
    }
    if (*centi < options_.min_centi || *centi > options_.max_centi) {
      reject(i, RangeReason(options_));
      continue;
    }
    int64_t seconds = ts->time_since_epoch().count();
    if (seconds > latest) {
      // Issue 18, item 5: kept with its reason, so a fast clock shows in the alerts.
      reject(i, kFuture);
      report.rejected.back().quarantined = true;
      quarantine.push_back({last.id, seconds, static_cast<int32_t>(*centi), kFuture});
      continue;
    }
    valid.push_back({last.id, seconds, static_cast<int32_t>(*centi)});
  }

  if (!valid.empty() || !quarantine.empty()) {
    const int64_t now = clock_.Now().time_since_epoch().count();
    auto counts = store_.Insert(valid, quarantine, ports::InsertSource{channel, now});
    if (!counts.ok()) return counts.error();
    report.accepted = counts->inserted;
    report.duplicate = counts->duplicate;
    report.conflicting = counts->conflicting;
    report.quarantined = static_cast<int64_t>(quarantine.size());
  }
  totals_.accepted += report.accepted;
  totals_.duplicate += report.duplicate;
  totals_.conflicting += report.conflicting;
  totals_.rejected += static_cast<int64_t>(report.rejected.size());
  totals_.quarantined += report.quarantined;
  return report;
}

IngestTotals IngestService::Totals() const {
  return {totals_.accepted.load(), totals_.duplicate.load(), totals_.conflicting.load(),
          totals_.rejected.load(), totals_.quarantined.load()};
}

}  // namespace hearth::services

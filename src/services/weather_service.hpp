// Outdoor daily means (R-TEMP-1): the evidence that makes a cold day exempt, so it is written
// by those the means do not judge (issue 11).
//
// Decisions:
//   - The means used in judging come from the regulator or an admin: the city's meteorological
//     data, imported by them (Record with a regulator or admin actor).
//   - A heating company (its manager) may submit values. They are kept as submissions, used in
//     judging only once the regulator (or an admin) confirms them; a confirmed value replaces
//     the district-day's mean and records who submitted and who confirmed it.
//   - Every write is audited (resource "weather"), by the store in the write's transaction.
// Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "ports/monitoring_store.hpp"
#include "ports/record_store.hpp"

namespace hearth::services {

/// Who writes outdoor means.
enum class WeatherAuthority {
  kOfficial,   ///< regulator or admin: the means are used in judging
  kSubmitter,  ///< a company's manager: the means wait for confirmation
  kNone,       ///< may not write means
};

struct WeatherOutcome {
  bool confirmed = false;             ///< stored as official means
  std::vector<int64_t> submission_ids;  ///< kept as pending submissions
};

class WeatherService {
 public:
  /// Neither is owned; both must outlive the service.
  WeatherService(ports::MonitoringStore& store, ports::RecordStore& records)
      : store_(store), records_(records) {}

  /// Stores `means` (all or nothing) as official means or as submissions, per `authority`.
  /// permission_denied for kNone; invalid_argument (field district_id) for an unknown district;
  /// invalid_argument (field body) for no means.
  Result<WeatherOutcome> Record(const std::vector<ports::OutdoorMean>& means,
                                WeatherAuthority authority, const std::string& actor) const;

  /// Confirms or rejects a pending submission (kOfficial only: permission_denied otherwise).
  Result<ports::OutdoorMeanSubmission> Decide(int64_t id, bool confirm, WeatherAuthority authority,
                                              const std::string& actor) const;

 private:
  ports::MonitoringStore& store_;
  ports::RecordStore& records_;
};

}  // namespace hearth::services

// GET /api/v1/alerts (issue 5): what needs attention now.
//   - "unqualified": households whose day today is judged unqualified (R-TEMP-5), by the same
//     judgement as their days (JudgingService), with its share and reason;
//   - "silent": sensors whose newest reading is older than `silent_hours`, or that never sent one;
//   - "out-of-range": sensors whose newest reading is outside R-TEMP-3's valid range
//     [valid_min, valid_max] of their company's profile (such readings never count).
// "Today" is the local (UTC+08:00) day of the clock. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ports/clock.hpp"
#include "services/judging_service.hpp"

namespace hearth::services {

struct Alert {
  std::string kind;  ///< "unqualified", "silent", "out-of-range"
  int64_t company_id = 0;
  int64_t household_id = 0;
  std::string household_code;
  std::optional<int64_t> sensor_id;  ///< silent, out-of-range
  std::string sensor_code;
  std::string details;                     ///< a sentence for people
  std::optional<Instant> last_reading;     ///< silent, out-of-range: its time (none: never)
  std::optional<rules::Milli> last_value;  ///< out-of-range
  std::optional<JudgedDay> day;            ///< unqualified: today as judged
};

class AlertService {
 public:
  /// None is owned; all must outlive the service.
  AlertService(ports::MonitoringStore& store, ports::RecordStore& records,
               const PolicyRegistry& policies, const JudgingService& judging,
               RollupService* rollups, const ports::Clock& clock)
      : store_(store),
        records_(records),
        policies_(policies),
        judging_(judging),
        rollups_(rollups),
        clock_(clock) {}

  /// The alerts of one company (or of all when `company_id` is empty): unqualified households
  /// first (by household id), then sensors (by sensor id). Rolls up pending readings first when
  /// it has a RollupService. Errors: invalid_argument (field "silent_hours") unless
  /// 1 <= silent_hours <= 8760; the stores' errors.
  Result<std::vector<Alert>> Alerts(std::optional<int64_t> company_id, int silent_hours) const;

 private:
  ports::MonitoringStore& store_;
  ports::RecordStore& records_;
  const PolicyRegistry& policies_;
  const JudgingService& judging_;
  RollupService* rollups_;
  const ports::Clock& clock_;
};

}  // namespace hearth::services

// GET /api/v1/alerts (issue 5): what needs attention now.
//   - "unqualified": households whose day today is judged unqualified (R-TEMP-5), by the same
//     judgement as their days (JudgingService), with its share and reason;
//   - "silent": sensors whose newest reading is older than `silent_hours`, or that never sent one;
//   - "out-of-range": sensors whose newest reading is outside R-TEMP-3's valid range
//     [valid_min, valid_max] of their company's profile (such readings never count);
//   - "clock-skew": sensors with readings kept in quarantine for a time in the future, received
//     in the last kClockSkewWindowS (issue 18, item 5: a device whose clock runs fast), with how
//     many, the latest time sent and how far ahead of the clock it was when received. A sensor
//     whose clock was fixed drops out a day after its last such reading.
// "Today" is the local (UTC+08:00) day of the clock.
//
// Operators' daily views (issue 11): today's list is empty all morning, since no day is complete,
// so two more views:
//   - unqualified over a period: households with at least `min_days` unqualified days from..to,
//     judged as their days are, with how many and how deep (the largest shortfall);
//   - cold now: households whose latest reading in a guaranteed room (bedroom or living room,
//     R-TEMP-3), no older than `fresh_minutes`, is below their guarantee (R-TEMP-2). A single
//     reading decides nothing (R-TEMP-3 judges days); this view is for calling back today.
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ports/clock.hpp"
#include "rules/energy.hpp"
#include "services/judging_service.hpp"

namespace hearth::services {

/// A company's energy alert (R-ENERGY-1; services/energy_service.hpp says when one is raised).
struct EnergyAlert {
  Date day;                 ///< the last reporting day judged
  int missing_days = 0;     ///< reporting days of the season so far without a report
  std::optional<rules::LowSpell> spell;  ///< energy-reserve-low: the spell running on `day`
  int threshold_days = 0;
  std::string basis;        ///< the threshold's clause
};

struct Alert {
  /// "unqualified", "silent", "out-of-range", "clock-skew"; a company's "energy-report-missing"
  /// and "energy-reserve-low" (household_id 0)
  std::string kind;
  int64_t company_id = 0;
  int64_t household_id = 0;
  std::string household_code;
  std::optional<int64_t> sensor_id;  ///< silent, out-of-range, clock-skew
  std::string sensor_code;
  std::string details;                     ///< a sentence for people
  std::optional<Instant> last_reading;     ///< silent, out-of-range: its time (none: never)
  std::optional<rules::Milli> last_value;  ///< out-of-range
  std::optional<JudgedDay> day;            ///< unqualified: today as judged
  /// clock-skew: the sensor's quarantined readings in the window (ports::SensorQuarantine).
  std::optional<ports::SensorQuarantine> quarantine;
  std::optional<EnergyAlert> energy;  ///< energy-report-missing, energy-reserve-low
};

/// How far back the clock-skew alerts look (by when the readings were received).
inline constexpr int64_t kClockSkewWindowS = 24 * 3600;

/// One household's unqualified days over a period.
struct UnqualifiedPeriod {
  int64_t household_id = 0;
  int64_t company_id = 0;
  std::string household_code;
  int unqualified_days = 0;
  int judged_days = 0;             ///< qualified + unqualified
  rules::Tenths deepest = 0;       ///< the largest guarantee − value, tenths of a degree
  rules::Tenths lowest = 0;        ///< the lowest unqualified value
  Date first{}, last{};            ///< the first and last unqualified day
  int share_days_percent = 0;      ///< Σ refund shares of those days (e.g. 3 days at 20 % = 60)
};

/// A household cold at its latest readings.
struct ColdNow {
  int64_t household_id = 0;
  int64_t company_id = 0;
  std::string household_code;
  std::string room, sensor_code;  ///< the coldest guaranteed room's
  Instant at;                     ///< its latest reading's time
  rules::Milli value = 0;         ///< that reading
  rules::Tenths guarantee = 0;
};

enum class PeriodOrder { kDays, kDepth };

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
  /// first (by household id), then sensors (by sensor id). Rolls up the pending readings of
  /// today first when it has a RollupService (the rest wait for the background rollups).
  /// Errors: invalid_argument (field "silent_hours") unless 1 <= silent_hours <= 8760; the
  /// stores' errors.
  Result<std::vector<Alert>> Alerts(std::optional<int64_t> company_id, int silent_hours) const;

  /// Households with at least `min_days` unqualified days from..to, most days (kDays) or the
  /// deepest shortfall (kDepth) first, then by household id. invalid_argument: from > to or more
  /// than 92 days (field "from"), min_days outside 1..92 (field "min_days").
  Result<std::vector<UnqualifiedPeriod>> UnqualifiedOver(std::optional<int64_t> company_id,
                                                         Date from, Date to, int min_days,
                                                         PeriodOrder order) const;

  /// Households cold now, the coldest (value − guarantee) first. invalid_argument (field
  /// "fresh_minutes") unless 1 <= fresh_minutes <= 1440.
  Result<std::vector<ColdNow>> ColdNowList(std::optional<int64_t> company_id,
                                           int fresh_minutes) const;

  /// The local day of the clock.
  Date Today() const { return LocalDate(clock_.Now()); }

 private:
  /// The households that may have a judged day from..to, by id: a stored day in the period, or
  /// valid manual measurements. Rolls up the pending readings of from..to first.
  Result<std::vector<int64_t>> Candidates(std::optional<int64_t> company_id, Date from,
                                          Date to) const;

  ports::MonitoringStore& store_;
  ports::RecordStore& records_;
  const PolicyRegistry& policies_;
  const JudgingService& judging_;
  RollupService* rollups_;
  const ports::Clock& clock_;
};

}  // namespace hearth::services

// R-SAMPLE-3 [W 5.4.4]: "the season plan names the households, the collection times and the staff,
// and is followed." A company adopts the plan drawn from its records (company_sample_plan.hpp)
// for a season: its points are scheduled over a collection window among the named technicians
// (rules/sample_schedule.hpp) and stored as records "sample_plans" and "sample_points" (written by
// Hearth alone, audited). The follow-up says, for each point, whether it was collected: a manual
// point by a valid manual measurement (R-TEMP-4) of its household within the window, a remote
// point by a household-day with data within it.
//
// Decisions:
// - One plan per company and season: it is adopted once (already_exists after), so that the plan
//   followed is the plan announced. Its days and staff may be changed point by point (audited).
// - The window lies within the season (a date from July to June belongs to the season starting
//   that July); the staff are enabled technicians of the company.
// Thread-safe (the stores are).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/monitoring_store.hpp"
#include "ports/record_store.hpp"
#include "ports/user_store.hpp"
#include "rules/sample_schedule.hpp"
#include "services/company_sample_plan.hpp"
#include "services/progress.hpp"

namespace hearth::services {

/// What adopting a drawn plan adds to it.
struct PlanAdoption {
  int64_t season = 0;
  Date from, to;                   ///< the collection window, inclusive
  std::vector<std::string> staff;  ///< technicians' usernames, in the order visits are shared
};

struct PointFollowUp {
  ports::Record point;  ///< a record of "sample_points"
  std::string household_code;
  std::optional<std::string> address;
  rules::CollectionStatus status = rules::CollectionStatus::kDue;
  std::optional<Date> collected_on;  ///< a manual point: the first valid measurement's day
  std::string collected_by;          ///< who took that measurement
};

struct PlanFollowUp {
  ports::Record plan;  ///< a record of "sample_plans"
  Instant at;          ///< when it was read
  Date today;          ///< at's local day
  std::array<int64_t, 4> counts{};  ///< by rules::CollectionStatus, over every point
  std::vector<PointFollowUp> points;  ///< by id; only `staff`'s when given
};

class SamplePlanAdoptionService {
 public:
  /// None is owned; all must outlive the service.
  SamplePlanAdoptionService(ports::RecordStore& records, ports::UserStore& users,
                            ports::MonitoringStore& monitoring, const ports::Clock& clock)
      : records_(records), users_(users), monitoring_(monitoring), clock_(clock) {}

  /// Stores `drawn` as its company's plan for the season, with `summary_json` (the quotas,
  /// achieved and shortfalls as the API shows them), and returns the plan's record.
  /// invalid_argument for a window outside the season or backwards (field "from" or "to"), a
  /// staff member who is not an enabled technician of the company, or none with points to visit
  /// (field "staff"); already_exists (field "season") when the season has a plan.
  /// `progress` (may be empty) counts the points scheduled and stored.
  Result<ports::Record> Adopt(const CompanySamplePlan& drawn, const PlanAdoption& adoption,
                              const std::string& summary_json, const std::string& actor,
                              const Progress& progress = {}) const;

  /// The plan and where each point stands today; not_found outside `scope`. With `staff`, the
  /// points are that technician's only (the counts stay the plan's).
  Result<PlanFollowUp> FollowUp(int64_t plan_id, const ports::Scope& scope,
                                const std::optional<std::string>& staff = {}) const;

  /// Changes a manual point's day (within the window; field "collect_on") and/or technician
  /// (field "staff"), audited under `actor`. failed_precondition for a remote point; not_found
  /// outside `scope`.
  Result<ports::Record> Reschedule(int64_t point_id, std::optional<Date> on,
                                   const std::optional<std::string>& staff,
                                   const ports::Scope& scope, const std::string& actor) const;

 private:
  Status CheckStaff(const std::string& username, int64_t company_id) const;

  ports::RecordStore& records_;
  ports::UserStore& users_;
  ports::MonitoringStore& monitoring_;
  const ports::Clock& clock_;
};

}  // namespace hearth::services

// The season's public duties (R-SEASON-1, issue 15), per company and district it is licensed in
// (Z 3.4): the season's dates as the district decided them (its season record, else the dates of
// the district's profile) with the decision behind an early start or extension, and the two
// announcements (commissioning, start of heating) judged by rules/season_announcement.hpp on the
// local day of the clock.
//
// Sources: records only (ports::RecordStore): companies, districts, licensed_districts, seasons
// and season_announcements of the season; a few pages each, whatever the city's size.
// Access: admin and regulator see every company (or the one named), a company's staff their own,
// households none (permission_denied).
// Thread-safe (the store and the registry are; the service keeps nothing).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/record_store.hpp"
#include "ports/record_views.hpp"
#include "rules/season.hpp"
#include "rules/season_announcement.hpp"
#include "services/policy_registry.hpp"

namespace hearth::services {

/// A duty with the announcement that decided it, if any.
struct SeasonDuty {
  rules::AnnouncementDuty duty;
  std::optional<ports::SeasonAnnouncementView> announcement;
};

struct SeasonDutyRow {
  ports::CompanyView company;
  ports::DistrictView district;
  std::optional<ports::SeasonView> record;  ///< the district's season record, if any
  rules::SeasonDates dates;                 ///< the record's dates, else the profile's
  Date first_heated_day;                    ///< the early start, else the official start
  std::array<SeasonDuty, 2> duties;         ///< commissioning, heating start
};

struct SeasonDutyReport {
  int season = 0;
  Date today;
  std::vector<SeasonDutyRow> rows;  ///< by company id, then district id
};

class SeasonDutyService {
 public:
  /// None is owned; all must outlive the service.
  SeasonDutyService(ports::RecordStore& records, const PolicyRegistry& policies,
                    const ports::Clock& clock)
      : records_(records), policies_(policies), clock_(clock) {}

  /// The duties of `season` (its start year; none: the season of the clock's local day, which
  /// from July on is that year's) within `scope` (of `company` only, when given; a
  /// company scope names its own). Errors: permission_denied for a household scope;
  /// failed_precondition naming the district whose profile is not loaded; the store's.
  Result<SeasonDutyReport> Duties(std::optional<int> season, std::optional<int64_t> company,
                                  const ports::Scope& scope) const;

 private:
  ports::RecordStore& records_;
  const PolicyRegistry& policies_;
  const ports::Clock& clock_;
};

}  // namespace hearth::services

// The monthly hotline report's data (R-WO-7), as services/hotline_report_service.hpp computes it
// (each column's meaning is stated there) and the adapters that write it (adapters/xlsx) read
// it. Plain data.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "rules/policy.hpp"

namespace hearth::ports {

/// A period of local time: a calendar month (year and month set), or a run of whole days
/// (year and month 0), as the live indicators take (issue 15).
struct ReportMonth {
  int year = 0;
  unsigned month = 0;  ///< 1..12, or 0 for a run of days
  Instant from;        ///< its first second
  Instant until;       ///< the first second after it
  bool IsMonth() const { return month != 0; }
  /// "2026-01", or "2026-01-05..2026-02-10" for a run of days (both days inclusive)
  std::string Text() const {
    if (!IsMonth()) {
      return FormatDate(LocalDate(from)) + ".." +
             FormatDate(LocalDate(until) - std::chrono::days{1});
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u", year, month);
    return buf;
  }
};

/// One row of the hotline report.
struct HotlineRow {
  rules::Channel channel = rules::Channel::kCityHotline;  ///< unused in a total
  int64_t received = 0;
  int64_t on_time = 0;
  int64_t late = 0;
  int64_t pending = 0;
  int64_t returned = 0;
  int64_t extended = 0;
  int64_t satisfied = 0;
  int64_t basically_satisfied = 0;
  int64_t unsatisfied = 0;
  int64_t not_visited = 0;
  int64_t second_complaints = 0;
  int64_t duplicates = 0;       ///< orders merged into a parent (R-WO-1): the same complaint again
  std::vector<int64_t> orders;  ///< the orders received, by id

  bool operator==(const HotlineRow&) const = default;
};

struct CompanyRef {
  int64_t id = 0;
  std::string code;
  std::string name;
  std::string policy;
};

struct CompanyHotlineReport {
  CompanyRef company;
  std::vector<HotlineRow> channels;  ///< one per channel, in rules::kAllChannels order
  HotlineRow total;
};

struct HotlineReport {
  ReportMonth month;
  Instant generated_at;
  std::vector<CompanyHotlineReport> companies;  ///< by company id
};

}  // namespace hearth::ports

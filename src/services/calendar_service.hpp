// The working-day calendar in use: the shipped years plus every import, kept current.
//
// Current() is called per request. It re-reads the store only when the store's version changed
// (checked at most once per `check_interval`), so a year imported by `hearth calendar import`
// reaches a running server without a restart. Thread-safe.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/calendar_store.hpp"
#include "rules/calendar.hpp"

namespace hearth::services {

class CalendarService {
 public:
  /// `store` may be null (no imports). Not owned; must outlive the service.
  CalendarService(const rules::CalendarFile& base, ports::CalendarStore* store,
                  std::chrono::milliseconds check_interval = std::chrono::seconds{1});

  /// The calendar to use now. On a store error it keeps serving the last good calendar.
  std::shared_ptr<const rules::HolidayCalendar> Current();

  /// Reads a calendar file with `decode` and, when it has no problem, records it as an import by
  /// `actor` (audited with it); the next Current() sees it. The source is the file's own, else
  /// `default_source`. `replace`: its years replace those years wholly, else merge by date.
  /// Errors: invalid_argument listing every problem of the file, one per line ("the calendar
  /// file has N problems; nothing was imported:\nyears.2027[3].date: …"; field: the first
  /// problem's path), and nothing stored; failed_precondition (no store).
  Result<ports::CalendarImport> Import(std::string_view text, const ports::CalendarDecoder& decode,
                                       const std::string& default_source, bool replace,
                                       const std::string& actor);

  /// Every import, oldest first (none without a store).
  Result<std::vector<ports::CalendarImport>> Imports();

  /// Years that a rule may need soon but the calendar lacks (this year and the next), for the
  /// operator's warning (R-CAL-1 decision).
  std::vector<int> MissingYears(Instant now);

 private:
  Status Reload() REQUIRES(mutex_);

  rules::HolidayCalendar base_;
  ports::CalendarStore* store_;
  std::chrono::milliseconds check_interval_;
  Mutex mutex_;
  std::shared_ptr<const rules::HolidayCalendar> current_ GUARDED_BY(mutex_);
  int64_t version_ GUARDED_BY(mutex_) = -1;
  std::chrono::steady_clock::time_point checked_at_ GUARDED_BY(mutex_) = {};
};

}  // namespace hearth::services

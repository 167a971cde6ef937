// Port: where imported calendar years are kept (R-CAL-1: new years are loaded at run time), and
// the decoder of a calendar file that lists every problem of it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "rules/calendar.hpp"

namespace hearth::ports {

/// One `hearth calendar import` (or POST /api/v1/calendar/imports), kept as it was given so the
/// history can be replayed.
struct CalendarImport {
  int64_t id = 0;
  std::string imported_at;  ///< RFC 3339
  std::string source;
  bool replace = false;     ///< the years given replace those years wholly
  std::vector<rules::HolidayYear> years;
};

/// One problem of a calendar file: where (a JSON path such as `years.2027[3].date`, "$" for the
/// whole document) and what.
struct CalendarProblem {
  std::string path;
  std::string message;
};

/// A decoded calendar file: the years read, and every problem found, in document order. The
/// file may be imported only when `problems` is empty.
struct DecodedCalendar {
  rules::CalendarFile file;
  std::vector<CalendarProblem> problems;
};

/// Reads a calendar file (adapters/json/calendar_import_json.hpp), never stopping at the first
/// problem.
using CalendarDecoder = std::function<DecodedCalendar(std::string_view text)>;

/// Thread-safe: implementations serialise their own access.
class CalendarStore {
 public:
  virtual ~CalendarStore() = default;

  /// Every import, oldest first.
  virtual Result<std::vector<CalendarImport>> LoadCalendarImports() = 0;
  /// Changes whenever an import is added; cheap enough to call per request.
  virtual Result<int64_t> CalendarVersion() = 0;
  /// Records an import and its audit entry (resource "calendar", action "import", by `actor`)
  /// in one transaction; returns the import as stored (id and imported_at set).
  virtual Result<CalendarImport> AddCalendarImport(const CalendarImport& import,
                                                   const std::string& actor) = 0;
};

}  // namespace hearth::ports

// Port: where imported calendar years are kept (R-CAL-1: new years are loaded at run time).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "rules/calendar.hpp"

namespace hearth::ports {

/// One `hearth calendar import`, kept as it was given so the history can be replayed.
struct CalendarImport {
  int64_t id = 0;
  std::string imported_at;  ///< RFC 3339
  std::string source;
  bool replace = false;     ///< the years given replace those years wholly
  std::vector<rules::HolidayYear> years;
};

/// Thread-safe: implementations serialise their own access.
class CalendarStore {
 public:
  virtual ~CalendarStore() = default;

  /// Every import, oldest first.
  virtual Result<std::vector<CalendarImport>> LoadCalendarImports() = 0;
  /// Changes whenever an import is added; cheap enough to call per request.
  virtual Result<int64_t> CalendarVersion() = 0;
  /// Records an import atomically; returns its id.
  virtual Result<int64_t> AddCalendarImport(const CalendarImport& import) = 0;
};

}  // namespace hearth::ports

// R-CAL-1: new years are loaded at run time.
#include "services/calendar_service.hpp"

#include <spdlog/spdlog.h>

namespace hearth::services {

CalendarService::CalendarService(const rules::CalendarFile& base, ports::CalendarStore* store,
                                 std::chrono::milliseconds check_interval)
    : store_(store), check_interval_(check_interval) {
  auto cal = rules::HolidayCalendar::Create(base.years);
  if (!cal.ok()) {
    spdlog::critical("the shipped calendar is invalid: {}", cal.error().message);
    std::abort();
  }
  base_ = std::move(*cal);
  current_ = std::make_shared<rules::HolidayCalendar>(base_);
}

Status CalendarService::Reload() {
  auto version = store_->CalendarVersion();
  if (!version.ok()) return version.error();
  if (*version == version_) return OkStatus();
  auto imports = store_->LoadCalendarImports();
  if (!imports.ok()) return imports.error();
  rules::HolidayCalendar cal = base_;
  for (const auto& imp : *imports) cal = cal.With(imp.years, imp.replace);
  current_ = std::make_shared<rules::HolidayCalendar>(std::move(cal));
  if (version_ >= 0) spdlog::info("calendar reloaded: import #{} is in use", *version);
  version_ = *version;
  return OkStatus();
}

std::shared_ptr<const rules::HolidayCalendar> CalendarService::Current() {
  MutexLock lock(mutex_);
  if (store_ != nullptr) {
    auto now = std::chrono::steady_clock::now();
    if (version_ < 0 || now - checked_at_ >= check_interval_) {
      checked_at_ = now;
      if (auto s = Reload(); !s.ok()) {
        spdlog::warn("calendar reload failed, keeping the last one: {} {}", s.error().message,
                     s.error().detail);
      }
    }
  }
  return current_;
}

Result<int64_t> CalendarService::Import(const rules::CalendarFile& file, bool replace) {
  if (store_ == nullptr) return Error::FailedPrecondition("no database to import into");
  // The years must form a valid calendar on their own (each date in its year, once).
  if (auto check = rules::HolidayCalendar::Create(file.years); !check.ok()) {
    return check.error();
  }
  auto id = store_->AddCalendarImport({0, {}, file.source, replace, file.years});
  if (!id.ok()) return id;
  MutexLock lock(mutex_);
  checked_at_ = {};
  if (auto s = Reload(); !s.ok()) return s.error();
  return id;
}

std::vector<int> CalendarService::MissingYears(Instant now) {
  auto cal = Current();
  int year = YearOf(LocalDate(now));
  std::vector<int> missing;
  for (int y : {year, year + 1}) {
    if (!cal->HasYear(y)) missing.push_back(y);
  }
  return missing;
}

}  // namespace hearth::services

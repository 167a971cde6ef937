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

namespace {

// At most this many problems are listed; the rest are counted.
Error CalendarProblemsError(const std::vector<ports::CalendarProblem>& problems) {
  constexpr size_t kListed = 50;  // as the household import lists them
  std::string message = "the calendar file has " + std::to_string(problems.size()) +
                        (problems.size() == 1 ? " problem" : " problems") +
                        "; nothing was imported:";
  for (size_t i = 0; i < problems.size() && i < kListed; ++i) {
    message += "\n" + problems[i].path + ": " + problems[i].message;
  }
  if (problems.size() > kListed) {
    message += "\n… and " + std::to_string(problems.size() - kListed) + " more";
  }
  return Error::InvalidArgument(std::move(message), problems.empty() ? "" : problems[0].path);
}

}  // namespace

Result<ports::CalendarImport> CalendarService::Import(std::string_view text,
                                                      const ports::CalendarDecoder& decode,
                                                      const std::string& default_source,
                                                      bool replace, const std::string& actor) {
  if (store_ == nullptr) return Error::FailedPrecondition("no database to import into");
  ports::DecodedCalendar decoded = decode(text);
  if (decoded.problems.empty()) {
    // The decoder's checks include these; kept so that no other decoder can let a bad year in.
    if (auto check = rules::HolidayCalendar::Create(decoded.file.years); !check.ok()) {
      decoded.problems.push_back({"years", check.error().message});
    }
  }
  if (!decoded.problems.empty()) return CalendarProblemsError(decoded.problems);
  ports::CalendarImport import{0, {}, decoded.file.source.empty() ? default_source
                                                                  : decoded.file.source,
                               replace, std::move(decoded.file.years)};
  auto added = store_->AddCalendarImport(import, actor);
  if (!added.ok()) return added.error();
  MutexLock lock(mutex_);
  checked_at_ = {};
  if (auto s = Reload(); !s.ok()) return s.error();
  return added;
}

Result<std::vector<ports::CalendarImport>> CalendarService::Imports() {
  if (store_ == nullptr) return std::vector<ports::CalendarImport>{};
  return store_->LoadCalendarImports();
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

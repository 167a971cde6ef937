#include "rules/login_throttle.hpp"

#include <algorithm>

namespace hearth::rules {

std::string ThrottleKey(std::string_view username, std::string_view client) {
  std::string key(username);
  key += '|';
  key += client;
  return key;
}

std::optional<Instant> LockedUntil(const std::optional<LoginFailures>& record, Instant now) {
  if (record && record->locked_until && now < *record->locked_until) return record->locked_until;
  return std::nullopt;
}

std::chrono::seconds LockFor(int64_t failures, const ThrottleSettings& settings) {
  if (failures < settings.free_failures) return std::chrono::seconds{0};
  std::chrono::seconds lock = settings.first_lock;
  // Doubling stops at the cap, so this neither overflows nor loops long.
  for (int64_t i = settings.free_failures; i < failures && lock < settings.max_lock; ++i) lock *= 2;
  return std::min(lock, settings.max_lock);
}

bool IsForgotten(const LoginFailures& record, Instant now, const ThrottleSettings& settings) {
  Instant quiet_since = std::max(record.last_failure, record.locked_until.value_or(Instant{}));
  return now >= quiet_since + settings.window;
}

LoginFailures AfterFailure(const std::optional<LoginFailures>& before, Instant now,
                           const ThrottleSettings& settings) {
  LoginFailures out;
  out.failures = (before && !IsForgotten(*before, now, settings)) ? before->failures + 1 : 1;
  out.last_failure = now;
  if (auto lock = LockFor(out.failures, settings); lock.count() > 0) out.locked_until = now + lock;
  return out;
}

}  // namespace hearth::rules

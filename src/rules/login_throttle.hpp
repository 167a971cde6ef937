// Slowing down password guessing: failed logins are counted per username, and after
// `free_failures` of them the username is locked for a delay that doubles with each further
// failure, up to `max_lock`. Failures are forgotten once `window` passes with no failure and no
// lock. Pure; thread-safe; the times are given by the caller (a clock port in the service).
//
// Platform defaults (no document sets them): 5 free failures, a 15-minute window, a first lock
// of 30 s, doubling to at most 15 minutes. While locked, attempts are refused without checking
// the password and are not counted, so a lock cannot be extended by hammering it; a lock lets
// anyone who knows a username delay its owner's login by at most max_lock at a time, the price
// of slowing guessing without per-client state.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

#include "core/civil_time.hpp"

namespace hearth::rules {

struct ThrottleSettings {
  int64_t free_failures = 5;               ///< failures allowed before the first lock; >= 1
  std::chrono::seconds window{15 * 60};    ///< quiet time after which failures are forgotten
  std::chrono::seconds first_lock{30};     ///< lock after the free_failures-th failure
  std::chrono::seconds max_lock{15 * 60};  ///< locks double up to this
};

/// What is kept per username.
struct LoginFailures {
  int64_t failures = 0;                 ///< counted since the record was last forgotten
  Instant last_failure;                 ///< when the last one happened
  std::optional<Instant> locked_until;  ///< refused before this instant
};

/// When the username is locked at `now`, the instant logins are allowed again; else nullopt.
std::optional<Instant> LockedUntil(const std::optional<LoginFailures>& record, Instant now);

/// The record after one more failure at `now`: a record whose failures are forgotten (the window
/// has passed since the later of its last failure and its lock) starts again at 1.
LoginFailures AfterFailure(const std::optional<LoginFailures>& before, Instant now,
                           const ThrottleSettings& settings);

/// The lock after the `failures`-th failure: none below free_failures, then first_lock doubled
/// per further failure, at most max_lock.
std::chrono::seconds LockFor(int64_t failures, const ThrottleSettings& settings);

/// Whether a record can be deleted at `now`: it would be forgotten at its next failure and is
/// not locked.
bool IsForgotten(const LoginFailures& record, Instant now, const ThrottleSettings& settings);

}  // namespace hearth::rules

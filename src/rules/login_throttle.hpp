// Slowing down password guessing: failed logins are counted per (client address, username)
// pair, and after `free_failures` of them the pair is locked for a delay that doubles with each
// further failure, up to `max_lock`. Failures are forgotten once `window` passes with no failure
// and no lock. Pure; thread-safe; the times are given by the caller (a clock port in the service).
//
// Platform defaults (no document sets them): 5 free failures, a 15-minute window, a first lock
// of 30 s, doubling to at most 15 minutes. While locked, attempts are refused without checking
// the password and are not counted, so a lock cannot be extended by hammering it.
//
// Decision (issue 12, item 4): the pair, not the username alone, is throttled, so a client that
// knows a username cannot lock its owner out: the owner's own address has no failures and gets
// in. A guesser spreading over many addresses gets free_failures guesses per address and lock;
// the per-address rate limit of logins (rules/rate_limit.hpp) and the cost of each guess bound
// that. The pair is one key of the store (ThrottleKey), so processes sharing a database throttle
// together.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_time.hpp"

namespace hearth::rules {

struct ThrottleSettings {
  int64_t free_failures = 5;               ///< failures allowed before the first lock; >= 1
  std::chrono::seconds window{15 * 60};    ///< quiet time after which failures are forgotten
  std::chrono::seconds first_lock{30};     ///< lock after the free_failures-th failure
  std::chrono::seconds max_lock{15 * 60};  ///< locks double up to this
};

/// The store's key of the pair: "<username>|<client>", e.g. "li.manager|203.0.113.7". A
/// username never holds '|', so keys of different pairs differ. `client` may be empty (callers in
/// process: tests, benchmarks).
std::string ThrottleKey(std::string_view username, std::string_view client);

/// What is kept per (client, username) pair.
struct LoginFailures {
  int64_t failures = 0;                 ///< counted since the record was last forgotten
  Instant last_failure;                 ///< when the last one happened
  std::optional<Instant> locked_until;  ///< refused before this instant
};

/// When the pair is locked at `now`, the instant logins are allowed again; else nullopt.
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

// Logins per client address (issue 12, item 3): a token bucket per address (rules/rate_limit.hpp),
// kept in this process's memory. Several `hearth serve` processes behind one balancer each keep
// their own, so a client gets at most N times the rate across N processes: the limit protects
// each process's CPU, which is what it is for.
//
// Memory is bounded: at most `max_clients` buckets. When that many are kept, full buckets (the
// same as none) are dropped first, then the one refilled longest ago. A client whose bucket is
// dropped that way starts again full: only a flood from more addresses than max_clients gets
// that, and the hashing pool still bounds what it costs.
//
// Thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/civil_time.hpp"
#include "core/mutex.hpp"
#include "core/result.hpp"
#include "rules/rate_limit.hpp"

namespace hearth::services {

class ClientRateLimiter {
 public:
  explicit ClientRateLimiter(rules::RateSettings settings, size_t max_clients = 100'000);

  /// Takes one token of `client` (an address; "" is one client too) at `now`. Error:
  /// resource_exhausted ("too many logins from this address; try again in N s", retry_after_s N)
  /// when it has none left.
  Status Take(std::string_view client, Instant now);

  /// Buckets kept (for tests).
  size_t size() const;

 private:
  void MakeRoom(Instant now) REQUIRES(mutex_);

  const rules::RateSettings settings_;
  const size_t max_clients_;
  mutable Mutex mutex_;
  std::unordered_map<std::string, rules::TokenBucket> buckets_ GUARDED_BY(mutex_);
};

}  // namespace hearth::services

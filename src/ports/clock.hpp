// Port: the current time. Services take a Clock so that tests can move time (session expiry,
// login throttling) without sleeping; adapters/clock/system_clock.hpp is the real one.
#pragma once

#include <atomic>

#include "core/civil_time.hpp"

namespace hearth::ports {

/// Thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant Now() const = 0;
};

/// A clock that stands still until told to move: for tests. Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Instant start) : now_(start.time_since_epoch().count()) {}
  Instant Now() const override { return Instant{std::chrono::seconds{now_.load()}}; }
  void Set(Instant t) { now_.store(t.time_since_epoch().count()); }
  void Advance(std::chrono::seconds d) { now_.fetch_add(d.count()); }

 private:
  std::atomic<std::chrono::seconds::rep> now_;
};

}  // namespace hearth::ports

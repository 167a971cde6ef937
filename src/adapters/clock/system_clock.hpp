// The wall clock, to the second, as a ports::Clock.
#pragma once

#include "ports/clock.hpp"

namespace hearth::adapters::clock {

/// Stateless and thread-safe.
class SystemClock final : public ports::Clock {
 public:
  Instant Now() const override {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  }
};

}  // namespace hearth::adapters::clock

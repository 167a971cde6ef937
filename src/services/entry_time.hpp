// When a paper form was taken in, as the service hall types it (R-CONN-1 applications, R-ACCT-1
// increase, decrease, stop and resume): not ahead of the server's clock by more than the clocks
// of the hall's computers may be (kFutureSlack), and at most kMaxEntryDelay behind it: a form is
// entered within the week it was taken in. Pure; thread-safe.
#pragma once

#include <chrono>
#include <string>

#include "core/civil_time.hpp"
#include "core/result.hpp"

namespace hearth::services {

inline constexpr auto kFutureSlack = std::chrono::minutes{5};
inline constexpr auto kMaxEntryDelay = std::chrono::days{7};

/// invalid_argument naming `field` when `received` is over kFutureSlack after `now` or over
/// kMaxEntryDelay before it.
inline Status CheckEntryTime(Instant received, Instant now,
                             const std::string& field = "received_at") {
  if (received > now + kFutureSlack) {
    return Error::InvalidArgument(field + " is in the future", field);
  }
  if (received < now - kMaxEntryDelay) {
    return Error::InvalidArgument(
        field + " is more than 7 days ago: a form is entered within the week it was taken in",
        field);
  }
  return OkStatus();
}

}  // namespace hearth::services

#include "rules/rate_limit.hpp"

#include <algorithm>

namespace hearth::rules {
namespace {

// The bucket refilled at `now`. A clock that went back refills nothing (and moves nothing back).
TokenBucket Refilled(const TokenBucket& b, Instant now, const RateSettings& s) {
  if (now <= b.refilled_at) return b;
  int64_t earned = (now - b.refilled_at) / s.per_token;
  if (b.tokens + earned >= s.burst) return {s.burst, now};
  return {b.tokens + earned, b.refilled_at + earned * s.per_token};
}

}  // namespace

Admission TakeToken(const std::optional<TokenBucket>& bucket, Instant now,
                    const RateSettings& settings) {
  TokenBucket b = bucket ? Refilled(*bucket, now, settings) : TokenBucket{settings.burst, now};
  if (b.tokens > 0) {
    --b.tokens;
    return {true, std::chrono::seconds{0}, b};
  }
  auto wait = std::max(b.refilled_at + settings.per_token - now, std::chrono::seconds{1});
  return {false, std::chrono::duration_cast<std::chrono::seconds>(wait), b};
}

bool IsFull(const TokenBucket& bucket, Instant now, const RateSettings& settings) {
  return Refilled(bucket, now, settings).tokens >= settings.burst;
}

}  // namespace hearth::rules

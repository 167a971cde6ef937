// A token bucket: at most `burst` actions at once, then one more per `per_token` (issue 12,
// item 3: logins per client address). Pure; thread-safe; the times are given by the caller.
//
// Platform defaults (no document sets them), for logins per client address: a burst of 20, then
// one every 3 s (20 a minute). A person mistyping or a household's family behind one NAT address
// stays far below it; a client guessing passwords gets one argon2id check (about 0.2 s of one
// core) per 3 s at most, so one address cannot keep even one core busy.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

#include "core/civil_time.hpp"

namespace hearth::rules {

struct RateSettings {
  int64_t burst = 20;                 ///< tokens of a full bucket; >= 1
  std::chrono::seconds per_token{3};  ///< one token comes back each; >= 1 s
};

/// What is kept per client. A client with no bucket has a full one.
struct TokenBucket {
  int64_t tokens = 0;   ///< 0..burst, as of `refilled_at`
  Instant refilled_at;  ///< the instant the last whole token came back (or the bucket was made)
};

struct Admission {
  bool allowed = false;
  std::chrono::seconds retry_after{0};  ///< when refused: >= 1 s until a token is back
  TokenBucket after;                    ///< the bucket to keep (also when refused)
};

/// Takes one token at `now` from `bucket` (nullopt: a full bucket), refilling it first with the
/// whole tokens earned since refilled_at. Refused when none is left; a refusal takes nothing,
/// so a client hammering while refused is allowed again as soon as a token is back.
Admission TakeToken(const std::optional<TokenBucket>& bucket, Instant now,
                    const RateSettings& settings);

/// Whether the bucket is full again at `now`, i.e. the same as having none (it can be dropped).
bool IsFull(const TokenBucket& bucket, Instant now, const RateSettings& settings);

}  // namespace hearth::rules

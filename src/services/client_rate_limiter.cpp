#include "services/client_rate_limiter.hpp"

#include <algorithm>

namespace hearth::services {

ClientRateLimiter::ClientRateLimiter(rules::RateSettings settings, size_t max_clients)
    : settings_(settings), max_clients_(std::max<size_t>(max_clients, 1)) {}

size_t ClientRateLimiter::size() const {
  MutexLock lock(mutex_);
  return buckets_.size();
}

void ClientRateLimiter::MakeRoom(Instant now) {
  std::erase_if(buckets_, [&](const auto& kv) { return rules::IsFull(kv.second, now, settings_); });
  if (buckets_.size() < max_clients_) return;
  auto oldest = std::min_element(
      buckets_.begin(), buckets_.end(),
      [](const auto& a, const auto& b) { return a.second.refilled_at < b.second.refilled_at; });
  buckets_.erase(oldest);
}

Status ClientRateLimiter::Take(std::string_view client, Instant now) {
  MutexLock lock(mutex_);
  std::string key(client);
  auto it = buckets_.find(key);
  std::optional<rules::TokenBucket> bucket;
  if (it != buckets_.end()) bucket = it->second;
  rules::Admission a = rules::TakeToken(bucket, now, settings_);
  if (it != buckets_.end()) {
    it->second = a.after;
  } else {
    if (buckets_.size() >= max_clients_) MakeRoom(now);
    buckets_.emplace(std::move(key), a.after);
  }
  if (a.allowed) return OkStatus();
  return Error::ResourceExhausted("too many logins from this address; try again in " +
                                      std::to_string(a.retry_after.count()) + " s",
                                  a.retry_after.count());
}

}  // namespace hearth::services

#include "services/outbox_service.hpp"

#include <algorithm>

namespace hearth::services {

std::chrono::seconds Backoff(int attempts) {
  if (attempts <= 1) return kFirstBackoff;
  const int doublings = std::min(attempts - 1, 20);  // 5 s × 2^20 is far past the cap
  return std::min(kFirstBackoff * (int64_t{1} << doublings), kMaxBackoff);
}

Result<DeliveryRound> OutboxService::RunOnce(int limit) {
  const Instant now = clock_.Now();
  auto due = store_.OutboxDue(now, limit);
  if (!due.ok()) return due.error();
  DeliveryRound round;
  for (const ports::OutboxMessage& m : *due) {
    Status sent = sender_.Send(m);
    if (sent.ok()) {
      if (auto s = store_.OutboxDelivered(m.id, clock_.Now()); !s.ok()) return s.error();
      ++round.delivered;
      continue;
    }
    const Error& e = sent.error();
    const std::string why = e.detail.empty() ? e.message : e.message + ": " + e.detail;
    if (auto s = store_.OutboxFailed(m.id, why, clock_.Now() + Backoff(m.attempts + 1)); !s.ok()) {
      return s.error();
    }
    ++round.failed;
  }
  return round;
}

}  // namespace hearth::services

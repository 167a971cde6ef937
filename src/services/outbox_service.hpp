// Delivers the notifications outbox (issue 13): each undelivered message whose time has come is
// sent through the NotificationSender; a failure is retried with exponential backoff (5 s, 10 s,
// 20 s, … at most an hour between attempts), for ever, so nothing written is ever dropped. The
// rows were written in the transaction of the change that caused them (WorkOrderStore), so a
// crash between the change and the delivery loses nothing; a crash between the delivery and its
// mark sends the message again, with the same message_id, which receivers deduplicate by.
// Thread-compatible: one deliverer per database at a time is enough (several only send some
// messages twice, never lose one).
#pragma once

#include <chrono>
#include <cstdint>

#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/notification_sender.hpp"
#include "ports/work_order_store.hpp"

namespace hearth::services {

/// The wait before attempt `attempts + 1` after `attempts` failed ones: 5 s × 2^(attempts − 1),
/// at most kMaxBackoff.
inline constexpr std::chrono::seconds kFirstBackoff{5};
inline constexpr std::chrono::seconds kMaxBackoff{3600};
std::chrono::seconds Backoff(int attempts);

struct DeliveryRound {
  int64_t delivered = 0;
  int64_t failed = 0;
};

class OutboxService {
 public:
  /// None is owned; all must outlive the service.
  OutboxService(ports::WorkOrderStore& store, ports::NotificationSender& sender,
                const ports::Clock& clock)
      : store_(store), sender_(sender), clock_(clock) {}

  /// Sends up to `limit` messages that are due now. Errors: the store's (a failed send is
  /// counted, not an error).
  Result<DeliveryRound> RunOnce(int limit = 100);

 private:
  ports::WorkOrderStore& store_;
  ports::NotificationSender& sender_;
  const ports::Clock& clock_;
};

}  // namespace hearth::services

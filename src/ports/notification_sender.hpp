// Port: delivers one outbox message to its receiver (a hotline platform, an SMS or WeChat gateway,
// a company's webhook). Adapters: adapters/notify/webhook_sender.hpp (JSON over HTTP).
//
// Contract: ok means the receiver took the message (it will not be sent again); any error means
// it may or may not have arrived, and it will be sent again later with the same message_id, so
// receivers deduplicate by it. Thread-compatible: one caller at a time.
#pragma once

#include "core/result.hpp"
#include "ports/work_order_store.hpp"

namespace hearth::ports {

class NotificationSender {
 public:
  virtual ~NotificationSender() = default;
  virtual Status Send(const OutboxMessage& message) = 0;
};

}  // namespace hearth::ports

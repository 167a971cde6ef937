// ports::NotificationSender over HTTP (issue 13): POSTs each message as JSON to one configured
// URL (a hotline platform's gateway, an SMS or WeChat gateway, the company's own service):
//
//   POST <url>   Content-Type: application/json
//   X-Hearth-Message-Id: work-order-17-4-household     (receivers deduplicate by it)
//   X-Hearth-Timestamp: <Unix seconds>
//   X-Hearth-Signature: <hex HMAC-SHA256(secret, timestamp + "\n" + body)>   (with a secret)
//   {"message_id":…,"receiver":"household","topic":"work-order.replied","company_id":…,
//    "household_id":…,"order_id":…,"created_at":"<RFC 3339>","fields":{…}}
//
// Any 2xx is delivery; anything else, a timeout (connect, write and read: `timeout` each) or a
// refused connection is an error naming it, and the outbox tries again later. http:// only: a
// gateway reached over the Internet sits behind a TLS-terminating proxy on the same host.
// Thread-compatible.
#pragma once

#include <chrono>
#include <string>

#include "core/result.hpp"
#include "ports/notification_sender.hpp"

namespace hearth::adapters::notify {

struct WebhookUrl {
  std::string host, port, target;
};
/// http://HOST[:PORT][/PATH]; invalid_argument (field "notify_webhook") for anything else.
Result<WebhookUrl> ParseWebhookUrl(const std::string& url);

class WebhookSender final : public ports::NotificationSender {
 public:
  WebhookSender(WebhookUrl url, std::string secret,
                std::chrono::milliseconds timeout = std::chrono::seconds{5})
      : url_(std::move(url)), secret_(std::move(secret)), timeout_(timeout) {}

  Status Send(const ports::OutboxMessage& message) override;

  /// The body sent for `message`.
  static std::string Body(const ports::OutboxMessage& message);

 private:
  WebhookUrl url_;
  std::string secret_;
  std::chrono::milliseconds timeout_;
};

}  // namespace hearth::adapters::notify

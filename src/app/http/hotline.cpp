#include "app/http/hotline.hpp"

#include <charconv>

#include "adapters/crypto/hmac.hpp"
#include "app/http/filters.hpp"
#include "app/http/work_orders.hpp"
#include "rules/deadline.hpp"

namespace hearth::app::http {
namespace {

using adapters::http::ErrorResponse;
using adapters::http::Request;

std::string Header(const Request& req, const char* name) {
  auto it = req.headers.find(name);
  return it == req.headers.end() ? "" : it->second;
}

// The key that signed `req` for `platform`, checked: unauthenticated naming what is wrong.
Result<ports::PartnerKey> Verify(const Request& req, rules::Channel platform,
                                 ports::PartnerKeyStore& keys, Instant now) {
  const std::string key_id = Header(req, "x-hearth-key");
  const std::string ts = Header(req, "x-hearth-timestamp");
  const std::string signature = Header(req, "x-hearth-signature");
  if (key_id.empty() || ts.empty() || signature.empty()) {
    return Error::Unauthenticated(
        "a platform signs its requests: X-Hearth-Key, X-Hearth-Timestamp and X-Hearth-Signature "
        "are required");
  }
  auto key = keys.Find(key_id);
  if (!key.ok()) {
    if (key.error().code == ErrorCode::kNotFound) {
      return Error::Unauthenticated("no partner key " + key_id);
    }
    return key.error();
  }
  if (key->disabled) return Error::Unauthenticated("partner key " + key_id + " was revoked");
  if (key->platform != platform) {
    return Error::Unauthenticated("partner key " + key_id + " is not " +
                                  std::string(rules::ChannelName(platform)) + "'s");
  }
  int64_t seconds = 0;
  auto [end, ec] = std::from_chars(ts.data(), ts.data() + ts.size(), seconds);
  if (ec != std::errc() || end != ts.data() + ts.size()) {
    return Error::Unauthenticated("X-Hearth-Timestamp must be Unix seconds");
  }
  const Instant at{std::chrono::seconds{seconds}};
  if (at < now - kPartnerClockSkew || at > now + kPartnerClockSkew) {
    return Error::Unauthenticated("X-Hearth-Timestamp is more than " +
                                  std::to_string(kPartnerClockSkew.count()) +
                                  " s from the server's clock (" + FormatLocal(now) + ")");
  }
  const std::string want = adapters::crypto::HmacSha256Hex(key->secret, ts + "\n" + req.body);
  if (!adapters::crypto::ConstantTimeEquals(want, signature)) {
    return Error::Unauthenticated(
        "the signature does not match: hex HMAC-SHA256 of timestamp, newline, body");
  }
  // Signatures older than the window cannot come back: their timestamps would be refused.
  if (auto s = keys.SeeRequest(key_id, signature, now, now - 2 * kPartnerClockSkew); !s.ok()) {
    if (s.error().code == ErrorCode::kAlreadyExists) {
      return Error::Unauthenticated("this request was sent before: a replay is refused");
    }
    return s.error();
  }
  return key;
}

}  // namespace

void AddHotlineRoutes(adapters::http::Router& router, const services::WorkOrderService& orders,
                      ports::PartnerKeyStore& keys, const ports::Clock& clock) {
  router.Add(
      "POST", "/api/v1/hotline/{platform}/orders",
      [&orders, &keys, &clock](const Request& req) {
        auto platform = rules::ParseChannel(req.params.at("platform"));
        if (!platform || !rules::IsHotline(*platform)) {
          return ErrorResponse(Error::NotFound("no hotline platform '" +
                                                   req.params.at("platform") + "'",
                                               "platform"));
        }
        auto key = Verify(req, *platform, keys, clock.Now());
        if (!key.ok()) return ErrorResponse(key.error());
        auto body = ObjectBody(req.body, {"channel", "external_id", "received_at", "household",
                                          "category", "content", "caller_phone", "parent"});
        if (!body.ok()) return ErrorResponse(body.error());
        const std::string channel{rules::ChannelName(*platform)};
        if (!body->contains("channel")) (*body)["channel"] = channel;
        if ((*body)["channel"] != channel) {
          return ErrorResponse(Error::InvalidArgument(
              "channel must be the platform's own, " + channel, "channel"));
        }
        auto in = NewWorkOrderFromJson(*body);
        if (!in.ok()) return ErrorResponse(in.error());
        services::OrderActor actor{"hotline:" + channel + ":" + key->key_id, rules::Role::kAgent,
                                   {key->company_id, std::nullopt}};
        auto received = orders.Receive(*in, actor);
        if (!received.ok()) return ErrorResponse(received.error());
        return adapters::http::Json(received->created ? 201 : 200,
                                    WorkOrderToJson(received->order, rules::Role::kAgent,
                                                    clock.Now()));
      },
      {.summary = "A hotline platform pushes a work order, signed with its key (X-Hearth-Key, "
                  "X-Hearth-Timestamp, X-Hearth-Signature = hex HMAC-SHA256 of timestamp, "
                  "newline, body); replays are refused; a re-sent order answers 200",
       .query = {},
       .request_schema = "WorkOrderNew",
       .response_schema = "WorkOrderDetail",
       .list = false,
       .same_body = {{200, "the order was received before (a platform's re-send)"}}});
}

}  // namespace hearth::app::http

#include "adapters/notify/webhook_sender.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include "adapters/crypto/hmac.hpp"

namespace hearth::adapters::notify {

Result<WebhookUrl> ParseWebhookUrl(const std::string& url) {
  const std::string scheme = "http://";
  const Error bad = Error::InvalidArgument(
      "the notification webhook must be http://HOST[:PORT][/PATH], not '" + url + "'",
      "notify_webhook");
  if (url.rfind(scheme, 0) != 0) return bad;
  std::string rest = url.substr(scheme.size());
  WebhookUrl out;
  const size_t slash = rest.find('/');
  out.target = slash == std::string::npos ? "/" : rest.substr(slash);
  std::string authority = rest.substr(0, slash);
  const size_t colon = authority.rfind(':');
  out.host = authority.substr(0, colon);
  out.port = colon == std::string::npos ? "80" : authority.substr(colon + 1);
  if (out.host.empty() || out.port.empty() ||
      out.port.find_first_not_of("0123456789") != std::string::npos ||
      authority.find('@') != std::string::npos) {
    return bad;
  }
  return out;
}

std::string WebhookSender::Body(const ports::OutboxMessage& m) {
  nlohmann::ordered_json fields = nlohmann::ordered_json::object();
  for (const auto& [key, value] : m.fields) fields[key] = value;
  auto opt = [](const std::optional<int64_t>& v) {
    return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
  };
  return nlohmann::ordered_json{{"message_id", m.message_id},
                                {"receiver", m.receiver},
                                {"topic", m.topic},
                                {"company_id", m.company_id},
                                {"household_id", opt(m.household_id)},
                                {"order_id", opt(m.order_id)},
                                {"created_at", FormatLocal(m.created_at)},
                                {"fields", std::move(fields)}}
      .dump();
}

Status WebhookSender::Send(const ports::OutboxMessage& m) {
  namespace beast = boost::beast;
  namespace bhttp = beast::http;
  const std::string where = url_.host + ":" + url_.port;
  try {
    boost::asio::io_context io;
    boost::asio::ip::tcp::resolver resolver(io);
    beast::tcp_stream stream(io);
    stream.expires_after(timeout_);
    stream.connect(resolver.resolve(url_.host, url_.port));
    bhttp::request<bhttp::string_body> req{bhttp::verb::post, url_.target, 11};
    req.set(bhttp::field::host, url_.host);
    req.set(bhttp::field::content_type, "application/json");
    req.set("X-Hearth-Message-Id", m.message_id);
    req.body() = Body(m);
    if (!secret_.empty()) {
      const std::string ts = std::to_string(
          std::chrono::duration_cast<std::chrono::seconds>(
              std::chrono::system_clock::now().time_since_epoch())
              .count());
      req.set("X-Hearth-Timestamp", ts);
      req.set("X-Hearth-Signature", crypto::HmacSha256Hex(secret_, ts + "\n" + req.body()));
    }
    req.prepare_payload();
    stream.expires_after(timeout_);
    bhttp::write(stream, req);
    beast::flat_buffer buffer;
    bhttp::response<bhttp::string_body> res;
    stream.expires_after(timeout_);
    bhttp::read(stream, buffer, res);
    beast::error_code ignored;
    stream.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
    if (res.result_int() / 100 != 2) {
      return Error::Unavailable("the webhook at " + where + " answered " +
                                    std::to_string(res.result_int()),
                                res.body().substr(0, 200));
    }
    return OkStatus();
  } catch (const std::exception& e) {
    return Error::Unavailable("cannot deliver to the webhook at " + where, e.what());
  }
}

}  // namespace hearth::adapters::notify

// A minimal blocking HTTP/1.1 client for tests: real sockets on loopback, keep-alive capable
// (TestClient), or one request per connection (Fetch).
// Test-only (header-only, not part of the library).
#pragma once

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace hearth::support {

struct TestResponse {
  unsigned status = 0;
  std::string body;
  bool keep_alive = false;
  std::map<std::string, std::string> headers;
  nlohmann::json Json() const { return nlohmann::json::parse(body); }
};

/// "Bearer <token>", or "" for no token: the Authorization value of Fetch.
inline std::string Bearer(const std::string& token) {
  return token.empty() ? "" : "Bearer " + token;
}

/// One request on a fresh connection to 127.0.0.1:`port`. `authorization` is the whole header
/// value (see Bearer), sent when not empty; `content_type` is sent when the body is not empty.
/// Throws when nothing listens (tests poll a starting server this way).
inline TestResponse Fetch(uint16_t port, const std::string& method, const std::string& target,
                          const std::string& body = {}, const std::string& authorization = {},
                          const std::string& content_type = "application/json") {
  namespace bhttp = boost::beast::http;
  boost::asio::io_context io;
  boost::beast::tcp_stream stream(io);
  stream.connect({boost::asio::ip::make_address("127.0.0.1"), port});
  bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
  req.set(bhttp::field::host, "127.0.0.1");
  if (!authorization.empty()) req.set(bhttp::field::authorization, authorization);
  if (!body.empty() && !content_type.empty()) req.set(bhttp::field::content_type, content_type);
  req.body() = body;
  req.prepare_payload();
  bhttp::write(stream, req);
  boost::beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> res;
  bhttp::read(stream, buffer, res);
  TestResponse out{res.result_int(), res.body(), res.keep_alive(), {}};
  for (const auto& field : res) out.headers[std::string(field.name_string())] = field.value();
  return out;
}

class TestClient {
 public:
  /// `content_type`: what Send declares for a body unless told otherwise.
  explicit TestClient(uint16_t port, std::string content_type = "application/json")
      : stream_(io_), content_type_(std::move(content_type)) {
    stream_.connect({boost::asio::ip::make_address("127.0.0.1"), port});
  }

  /// `authorization` as for Fetch; `content_type` as for Fetch, the client's when not given.
  TestResponse Send(const std::string& method, const std::string& target,
                    const std::string& body = {}, bool keep_alive = true,
                    const std::string& authorization = {},
                    const std::optional<std::string>& content_type_given = std::nullopt) {
    const std::string& content_type = content_type_given ? *content_type_given : content_type_;
    namespace bhttp = boost::beast::http;
    bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
    req.set(bhttp::field::host, "127.0.0.1");
    req.keep_alive(keep_alive);
    if (!authorization.empty()) req.set(bhttp::field::authorization, authorization);
    if (!body.empty()) {
      if (!content_type.empty()) req.set(bhttp::field::content_type, content_type);
      req.body() = body;
    }
    req.prepare_payload();
    bhttp::write(stream_, req);
    return Read();
  }

  /// Writes raw bytes (for malformed requests) and reads one response.
  TestResponse SendRaw(const std::string& bytes) {
    boost::asio::write(stream_, boost::asio::buffer(bytes));
    return Read();
  }

  /// Writes raw bytes and returns everything the server sends until it closes (a HEAD answer,
  /// which a response parser would wait on for a body).
  std::string SendRawUntilClosed(const std::string& bytes) {
    boost::asio::write(stream_, boost::asio::buffer(bytes));
    std::string out;
    char chunk[4096];
    boost::system::error_code ec;
    while (!ec) {
      size_t n = stream_.socket().read_some(boost::asio::buffer(chunk), ec);
      out.append(chunk, n);
    }
    return out;
  }

  TestResponse Get(const std::string& target) { return Send("GET", target); }

 private:
  TestResponse Read() {
    namespace bhttp = boost::beast::http;
    bhttp::response<bhttp::string_body> res;
    bhttp::read(stream_, buffer_, res);
    TestResponse out{res.result_int(), res.body(), res.keep_alive(), {}};
    for (const auto& field : res) out.headers[std::string(field.name_string())] = field.value();
    return out;
  }

  boost::asio::io_context io_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::string content_type_;
};

}  // namespace hearth::support

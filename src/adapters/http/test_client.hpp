// A minimal blocking HTTP/1.1 client for tests: real sockets on loopback, keep-alive capable.
// Test-only (header-only, not part of the library).
#pragma once

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <string>

namespace hearth::http::testing {

struct TestResponse {
  unsigned status = 0;
  std::string body;
  bool keep_alive = false;
};

class TestClient {
 public:
  explicit TestClient(uint16_t port) : stream_(io_) {
    stream_.connect({boost::asio::ip::make_address("127.0.0.1"), port});
  }

  TestResponse Send(const std::string& method, const std::string& target,
                    const std::string& body = {}, bool keep_alive = true) {
    namespace bhttp = boost::beast::http;
    bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
    req.set(bhttp::field::host, "127.0.0.1");
    req.keep_alive(keep_alive);
    if (!body.empty()) {
      req.set(bhttp::field::content_type, "application/json");
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

  TestResponse Get(const std::string& target) { return Send("GET", target); }

 private:
  TestResponse Read() {
    namespace bhttp = boost::beast::http;
    bhttp::response<bhttp::string_body> res;
    bhttp::read(stream_, buffer_, res);
    return {res.result_int(), res.body(), res.keep_alive()};
  }

  boost::asio::io_context io_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
};

}  // namespace hearth::http::testing

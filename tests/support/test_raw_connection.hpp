// Test-only: a blocking loopback socket that writes raw bytes and reads until the server ends the
// stream, telling a clean end (FIN: asio::error::eof) from a reset (ECONNRESET), for the tests
// of the HTTP server's graceful stop (header-only, not part of the library).
#pragma once

#include <boost/asio.hpp>
#include <string>

namespace hearth::support {

class RawConnection {
 public:
  /// Connects to 127.0.0.1:`port`; throws when nothing listens.
  explicit RawConnection(uint16_t port) : socket_(io_) {
    socket_.connect({boost::asio::ip::make_address("127.0.0.1"), port});
  }
  /// Writes all of `bytes`; throws on error.
  void Write(const std::string& bytes) { boost::asio::write(socket_, boost::asio::buffer(bytes)); }
  /// Everything the server sends until the stream ends; `end` is asio::error::eof for a clean
  /// end, connection_reset for a reset.
  std::string ReadToEnd(boost::system::error_code& end) {
    std::string out;
    char chunk[4096];
    end = {};
    while (!end) out.append(chunk, socket_.read_some(boost::asio::buffer(chunk), end));
    return out;
  }

 private:
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
};

/// Whether a new connection to 127.0.0.1:`port` is refused (nothing listens there).
inline bool ConnectionRefused(uint16_t port) {
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket s(io);
  boost::system::error_code ec;
  s.connect({boost::asio::ip::make_address("127.0.0.1"), port}, ec);
  return ec == boost::asio::error::connection_refused;
}

}  // namespace hearth::support

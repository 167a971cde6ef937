// The HTTP/1.1 server: Boost.Beast over Asio, asynchronous, many keep-alive connections served by
// a small pool of threads (not a thread per connection).
//
// Lifetime: Start() binds and starts the threads; Stop() closes the listener and every
// connection and joins the threads. The Router must outlive the server.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "adapters/http/router.hpp"
#include "core/result.hpp"

namespace hearth::adapters::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;                              ///< 0 picks a free port
  unsigned threads = 0;                              ///< 0: one per core
  size_t max_body_bytes = 8 * 1024 * 1024;           ///< larger bodies get 413
  std::chrono::seconds idle_timeout{60};             ///< idle keep-alive connections close
};

class Server {
 public:
  Server(ServerOptions options, const Router& router);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds and starts serving. unavailable when the address cannot be bound.
  Status Start();
  /// The bound port (after Start()).
  uint16_t port() const;
  /// Blocks until SIGINT or SIGTERM, then stops.
  void WaitForSignal();
  /// Stops serving; idempotent.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Parses "HOST:PORT" (e.g. "127.0.0.1:8080"); invalid_argument names the flag `listen`.
Result<std::pair<std::string, uint16_t>> ParseListen(const std::string& text);

}  // namespace hearth::adapters::http

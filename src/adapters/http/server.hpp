// The HTTP/1.1 server: Boost.Beast over Asio, asynchronous, many keep-alive connections served by
// a small pool of threads (not a thread per connection).
//
// Defences (issue 12, findings 5 and 11): a body limit that is small until the request
// authenticates, caps on connections per client address and in all, 400 for a repeated
// Authorization or Content-Type header, and memory given back to the system after a burst of large
// bodies. HEAD is answered with GET's head and no body.
//
// Lifetime: Start() binds and starts the threads. Drain() stops gracefully (issue 18, item 6):
// the listener closes first, requests being received are read, handled and answered with
// `Connection: close`, idle keep-alive connections are closed cleanly (FIN, never a reset), and
// after ServerOptions::drain_timeout whatever is left is closed. Stop() stops at once. The
// Router must outlive the server.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "adapters/http/router.hpp"
#include "core/result.hpp"

namespace hearth::adapters::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;                              ///< 0 picks a free port
  unsigned threads = 0;                              ///< 0: one per core
  size_t max_body_bytes = 8 * 1024 * 1024;           ///< larger bodies get 413
  /// The body limit of a request that does not authenticate (issue 12, finding 5): a login or a
  /// stranger's request never makes the server hold more than this per connection.
  size_t max_unauthenticated_body_bytes = 64 * 1024;
  /// Connections at once from one client address, and in all; more are closed on accept.
  /// Loopback is one address: a reverse proxy or a load test on this machine counts as one.
  size_t max_connections_per_address = 1024;
  size_t max_connections = 20000;
  std::chrono::seconds idle_timeout{60};             ///< idle keep-alive connections close
  /// How long Drain() waits for requests being received and answers being written before it
  /// closes what is left (flag --drain-seconds); 0: close at once.
  std::chrono::seconds drain_timeout{10};
  /// Whether an Authorization header value authenticates (a valid, live token), asked once the
  /// request's head has arrived and before its body is read. Unset: any Authorization header
  /// counts (unit tests). Called on the server's threads; must be thread-safe.
  std::function<bool(std::string_view authorization)> authenticates;
};

/// What a drain did (Server::Drain); also logged.
struct DrainReport {
  size_t open = 0;                ///< connections open when it began
  size_t answered = 0;            ///< answers given during it, each with `Connection: close`
  size_t idle_closed = 0;         ///< idle keep-alive connections closed cleanly (FIN)
  size_t cut = 0;                 ///< connections closed at the deadline mid-request
  bool deadline_reached = false;  ///< connections were still open at the deadline
  std::chrono::milliseconds took{0};
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
  /// Blocks until SIGINT or SIGTERM, then Drain()s.
  void WaitForSignal();
  /// Begins a graceful stop and returns once the listener is closed: from then on new
  /// connections are refused, while those the kernel had already queued are taken and served
  /// as below. Every open connection is told (adapters/http/session.hpp): a request being
  /// received is answered with `Connection: close`, an idle one is closed cleanly. The drain
  /// ends options.drain_timeout from now. Idempotent; does nothing before Start() or after
  /// Stop(); not to be called concurrently with Stop().
  void BeginDrain();
  /// BeginDrain() if not yet begun; waits until every connection has closed or the drain's
  /// deadline has passed; then closes what is left (an answer being written gets 2 s more) and
  /// Stop()s. Blocks; returns what the drain did, and logs it.
  DrainReport Drain();
  /// Stops at once: the listener and every connection are closed (a connection with unread
  /// input gets a reset) and the threads joined; idempotent.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Parses "HOST:PORT" (e.g. "127.0.0.1:8080"); invalid_argument names the flag `listen`.
Result<std::pair<std::string, uint16_t>> ParseListen(const std::string& text);

}  // namespace hearth::adapters::http

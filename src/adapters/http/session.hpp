// The HTTP server's connections (internal to adapters/http; Server is the public face): one
// Session per accepted socket, the caps on open connections, and the registry through which the
// server drains them at shutdown.
//
// Drain (issue 18, item 6). Once SessionRegistry::BeginDrain has been called and each live
// session told (Session::OnDrainBegun):
// - a request being received (any byte of it read) is read to its end, handled and answered with
//   `Connection: close`; so is one that arrives while the drain lasts;
// - a connection idle between requests is closed cleanly: its send side is shut down (FIN), what
//   the client still sends is read and dropped until it closes too (at most kLinger), and only
//   then is the socket closed, so that Linux never answers unread input with a reset;
// - a connection whose keep-alive answer was being written when the drain began, or that was
//   accepted during it, gets kDrainGrace for its next request to start, then closes as idle;
// - at the deadline, Session::Cut closes what is still open, except a request being handled and
//   an answer being written: the answer gets kLinger more to finish.
// Every Session method runs on the session's strand; the registry is thread-safe.
#pragma once

#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "adapters/http/router.hpp"
#include "adapters/http/server.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"

namespace hearth::adapters::http::detail {

using tcp = boost::asio::ip::tcp;
using Clock = std::chrono::steady_clock;

/// How long a closing connection's input is read and dropped while waiting for the client's own
/// close (a lingering close); during a drain, never beyond its deadline.
inline constexpr std::chrono::seconds kLinger{2};
/// During a drain, how long a connection that may still be sent a request waits for it.
inline constexpr std::chrono::seconds kDrainGrace{1};

/// Open connections per client address and in all. A Slot holds one and gives it back when the
/// connection's session ends. Thread-safe; must outlive its slots.
class ConnectionCount {
 public:
  explicit ConnectionCount(const ServerOptions& options) : options_(options) {}

  class Slot {
   public:
    Slot(ConnectionCount& count, std::string address)
        : count_(count), address_(std::move(address)) {}
    ~Slot() { count_.Release(address_); }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

   private:
    ConnectionCount& count_;
    std::string address_;
  };

  /// A slot for a connection from `address`, or null when a cap is reached.
  std::unique_ptr<Slot> Take(const std::string& address);

 private:
  void Release(const std::string& address);

  const ServerOptions& options_;
  Mutex mu_;
  std::unordered_map<std::string, size_t> by_address_ GUARDED_BY(mu_);
  size_t total_ GUARDED_BY(mu_) = 0;
};

class Session;

/// The live sessions and the drain's state and counts. Thread-safe; must outlive the sessions
/// (each removes itself when destroyed).
class SessionRegistry {
 public:
  void Add(const std::shared_ptr<Session>& session);
  void Remove(const Session* session);
  /// The sessions alive now.
  std::vector<std::shared_ptr<Session>> Live();
  size_t size();
  /// Blocks until no session is left or `until` has passed; true when none is left.
  bool WaitEmpty(Clock::time_point until);

  /// Starts the drain, which ends at `deadline`. Once only (later calls do nothing); false when
  /// it had already begun.
  bool BeginDrain(Clock::time_point deadline);
  bool draining() const { return draining_.load(std::memory_order_acquire); }
  /// The drain's deadline; only meaningful once draining() is true.
  Clock::time_point deadline() const { return deadline_; }
  /// How long a lingering close may last now: kLinger, and during a drain not beyond its deadline
  /// (zero after it).
  Clock::duration LingerBound() const;

  // What the drain did (Server::DrainReport), counted by the sessions.
  std::atomic<size_t> answered{0};     ///< answers with `Connection: close` because of it
  std::atomic<size_t> idle_closed{0};  ///< idle connections closed cleanly
  std::atomic<size_t> cut{0};          ///< connections closed at the deadline, mid-request
  /// Requests whose handler is running now: their answers are written even after the deadline.
  std::atomic<size_t> handling{0};

 private:
  Mutex mu_;
  CondVar emptied_;
  std::unordered_map<const Session*, std::weak_ptr<Session>> live_ GUARDED_BY(mu_);
  Clock::time_point deadline_{};  // written once, before draining_ is set (release)
  std::atomic<bool> draining_{false};
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  /// `socket` must run on a strand of its own (asio::make_strand). `router`, `options` and
  /// `registry` must outlive the session; it adds itself to `registry` in Run().
  Session(tcp::socket socket, const Router& router, const ServerOptions& options,
          SessionRegistry& registry, std::unique_ptr<ConnectionCount::Slot> slot,
          std::string remote);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  /// Starts reading the first request.
  void Run();
  /// Tells the session, on its strand, that the registry's drain has begun.
  void OnDrainBegun();
  /// Tells the session, on its strand, that the drain's deadline has passed.
  void Cut();

 private:
  enum class Phase { kHeader, kBody, kWriting, kClosing };

  void Read();
  void OnHeader(boost::beast::error_code ec);
  bool Authenticates(const boost::beast::http::request<boost::beast::http::string_body>& req) const;
  void OnRead(boost::beast::error_code ec);
  void Send(Response resp, bool keep_alive, unsigned status_override, unsigned version,
            bool head = false);
  // Closes the connection cleanly when no request has begun to arrive (nothing read, nothing
  // waiting in the kernel); otherwise the request is read and answered as usual.
  void CloseIfIdle();
  // The lingering close: FIN, then the client's input dropped until it closes (LingerBound()).
  void Close();
  void Linger(std::shared_ptr<std::array<char, 4096>> scratch);

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  boost::asio::steady_timer grace_;  // kDrainGrace for the next request, during a drain
  const Router& router_;
  const ServerOptions& options_;
  SessionRegistry& registry_;
  std::unique_ptr<ConnectionCount::Slot> slot_;
  std::string remote_;
  Phase phase_ = Phase::kHeader;
  bool grace_armed_ = false;            // the header read began during the drain
  bool closing_idle_ = false;           // CloseIfIdle cancelled the header read
  bool closing_started_ = false;        // Close() ran
  bool cut_ = false;                    // closed at the drain's deadline
  bool unauthenticated_limit_ = false;  // the request being read has the small body limit
  bool held_large_body_ = false;
};

}  // namespace hearth::adapters::http::detail

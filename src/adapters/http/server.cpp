#include "adapters/http/server.hpp"

#include <malloc.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <thread>
#include <vector>

namespace hearth::adapters::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

// Converts a parsed Beast request into our Request; a malformed query answers 400 directly.
// Moves the body out of `req`.
Result<Request> FromBeast(bhttp::request<bhttp::string_body>& req, std::string remote) {
  Request out;
  out.remote = std::move(remote);
  out.method = std::string(req.method_string());
  std::string_view target = req.target();
  size_t q = target.find('?');
  auto path = UrlDecode(target.substr(0, q), /*plus_is_space=*/false);
  if (!path) return Error::InvalidArgument("malformed request path");
  out.path = std::move(*path);
  if (q != std::string_view::npos) {
    auto query = ParseQuery(target.substr(q + 1));
    if (!query.ok()) return query.error();
    out.query = std::move(*query);
  }
  for (const auto& field : req) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Two credentials or two types would let two readers of one request disagree.
    if ((name == "authorization" || name == "content-type") && out.headers.count(name)) {
      return Error::InvalidArgument("the request has two " + std::string(field.name_string()) +
                                        " headers; send one",
                                    name);
    }
    out.headers[name] = std::string(field.value());
  }
  out.body = std::move(req.body());
  return out;
}

// Open connections per client address and in all. A Slot holds one and gives it back when the
// connection's session ends.
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
  std::unique_ptr<Slot> Take(const std::string& address) {
    {
      std::lock_guard lock(mu_);
      size_t& n = by_address_[address];
      if (total_ >= options_.max_connections || n >= options_.max_connections_per_address) {
        if (n == 0) by_address_.erase(address);
        return nullptr;
      }
      ++n;
      ++total_;
    }
    return std::make_unique<Slot>(*this, address);
  }

 private:
  void Release(const std::string& address) {
    std::lock_guard lock(mu_);
    --total_;
    auto it = by_address_.find(address);
    if (it != by_address_.end() && --it->second == 0) by_address_.erase(it);
  }

  const ServerOptions& options_;
  std::mutex mu_;
  std::unordered_map<std::string, size_t> by_address_;
  size_t total_ = 0;
};

// glibc keeps freed memory for reuse; after a large body, hand it back (at most once a second,
// as malloc_trim walks every arena).
void TrimMemorySoon() {
  static std::atomic<int64_t> last{0};
  const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::steady_clock::now().time_since_epoch())
                          .count();
  int64_t before = last.load();
  if (now - before >= 1 && last.compare_exchange_strong(before, now)) malloc_trim(0);
}

constexpr size_t kLargeBody = 64 * 1024;

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const Router& router, const ServerOptions& options,
          std::unique_ptr<ConnectionCount::Slot> slot, std::string remote)
      : stream_(std::move(socket)),
        router_(router),
        options_(options),
        slot_(std::move(slot)),
        remote_(std::move(remote)) {}
  ~Session() {
    if (held_large_body_) TrimMemorySoon();
  }

  void Run() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Read(); });
  }

 private:
  void Read() {
    parser_.emplace();
    parser_->body_limit(options_.max_body_bytes);
    stream_.expires_after(options_.idle_timeout);
    bhttp::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->OnHeader(ec); });
  }

  // Beast reads at most the buffer's free capacity per system call: a connection that sends a
  // large body (a batch of readings) gets a larger buffer while it does, or a 400 KB body takes
  // hundreds of 1 KB reads. Idle connections keep a small one.
  void OnHeader(beast::error_code ec) {
    if (ec) return OnRead(ec);
    // A body that may pass the small limit is read only for a request that authenticates.
    const auto length = parser_->content_length();
    const size_t small =
        std::min(options_.max_unauthenticated_body_bytes, options_.max_body_bytes);
    unauthenticated_limit_ =
        (parser_->chunked() || (length && *length > small)) && !Authenticates(parser_->get());
    if (unauthenticated_limit_) {
      // Beast checks a Content-Length against the limit only while parsing the head, which is
      // done: refuse it here, unread. A chunked body meets the new limit chunk by chunk.
      if (length) return OnRead(bhttp::error::body_limit);
      parser_->body_limit(small);
    }
    if (length && *length > kLargeBody && !unauthenticated_limit_) {
      held_large_body_ = true;
      buffer_.reserve(std::min<size_t>(*length, 1024 * 1024));
    }
    bhttp::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code read_ec, size_t) { self->OnRead(read_ec); });
  }

  // Whether the request's Authorization header authenticates (ServerOptions::authenticates).
  bool Authenticates(const bhttp::request<bhttp::string_body>& req) const {
    auto it = req.find(bhttp::field::authorization);
    if (it == req.end()) return false;
    return !options_.authenticates || options_.authenticates(it->value());
  }

  void OnRead(beast::error_code ec) {
    if (buffer_.capacity() > kLargeBody && buffer_.size() < kLargeBody) buffer_.shrink_to_fit();
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted || ec == asio::error::connection_reset) {
      return Close();
    }
    if (ec == bhttp::error::body_limit) {
      const size_t limit = unauthenticated_limit_ ? options_.max_unauthenticated_body_bytes
                                                  : options_.max_body_bytes;
      return Send(ErrorResponse(Error::InvalidArgument(
                      "the request body is larger than " + std::to_string(limit / 1024) + " KiB" +
                          (unauthenticated_limit_ ? " (the limit before authentication)" : ""),
                      "body")),
                  false, 413, 11);
    }
    if (ec) {
      return Send(ErrorResponse(Error::InvalidArgument("malformed HTTP request: " + ec.message())),
                  false, 400, 11);
    }
    auto& req = parser_->get();
    bool keep_alive = req.keep_alive();
    unsigned version = req.version();
    const bool head = req.method() == bhttp::verb::head;
    auto request = FromBeast(req, remote_);
    Response resp =
        request.ok() ? router_.Handle(std::move(*request)) : ErrorResponse(request.error());
    Send(std::move(resp), keep_alive, 0, version, head);
  }

  void Send(Response resp, bool keep_alive, unsigned status_override, unsigned version,
            bool head = false) {
    auto msg = std::make_shared<bhttp::response<bhttp::string_body>>();
    msg->version(version);
    msg->result(status_override ? status_override : resp.status);
    msg->set(bhttp::field::server, "hearth");
    msg->set(bhttp::field::content_type, resp.content_type);
    for (const auto& [k, v] : resp.headers) msg->set(k, v);
    msg->keep_alive(keep_alive);
    if (head) {  // GET's head: its Content-Length, no body (RFC 9110 §9.3.2)
      msg->content_length(resp.body.size());
    } else {
      msg->body() = std::move(resp.body);
      msg->prepare_payload();
    }
    bhttp::async_write(stream_, *msg,
                       [self = shared_from_this(), msg](beast::error_code ec, size_t) {
                         if (ec || !msg->keep_alive()) return self->Close();
                         self->Read();
                       });
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  const Router& router_;
  const ServerOptions& options_;
  std::unique_ptr<ConnectionCount::Slot> slot_;
  std::string remote_;
  bool unauthenticated_limit_ = false;  // the request being read has the small body limit
  bool held_large_body_ = false;
};

}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, const Router& r)
      : options(std::move(o)), router(r), connections(options), acceptor(io), retry_timer(io) {}

  void Accept() {
    acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket s) {
      if (ec == asio::error::operation_aborted) return;
      if (!ec) {
        beast::error_code peer_ec;
        auto peer = s.remote_endpoint(peer_ec);
        std::string remote = peer_ec ? std::string() : peer.address().to_string();
        if (auto slot = connections.Take(remote)) {
          std::make_shared<Session>(std::move(s), router, options, std::move(slot),
                                    std::move(remote))
              ->Run();
        } else {
          RefuseConnection(remote);
          s.close(peer_ec);
        }
        Accept();
        return;
      }
      // Out of file descriptors (EMFILE) and the like: back off instead of spinning, so that
      // connections that close make room.
      spdlog::warn("accept failed: {}", ec.message());
      retry_timer.expires_after(std::chrono::milliseconds(50));
      retry_timer.async_wait([this](beast::error_code wait_ec) {
        if (wait_ec != asio::error::operation_aborted) Accept();
      });
    });
  }

  // Logged at most once a minute, so that a flood does not flood the log too.
  void RefuseConnection(const std::string& remote) {
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(refused_mu);
    ++refused;
    if (now - last_refusal_log >= std::chrono::minutes(1)) {
      spdlog::warn("connections refused: {} since the last report (the latest from {}); caps: {} "
                   "per address, {} in all",
                   refused, remote, options.max_connections_per_address, options.max_connections);
      refused = 0;
      last_refusal_log = now;
    }
  }

  ServerOptions options;
  const Router& router;
  ConnectionCount connections;
  std::mutex refused_mu;
  size_t refused = 0;
  std::chrono::steady_clock::time_point last_refusal_log{};
  asio::io_context io;
  tcp::acceptor acceptor;
  asio::steady_timer retry_timer;
  std::vector<std::thread> threads;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  bool stopped = false;
};

Server::Server(ServerOptions options, const Router& router)
    : impl_(std::make_unique<Impl>(std::move(options), router)) {}

Server::~Server() { Stop(); }

// Each connection is a file descriptor: the usual soft limit of 1024 would cap the server below
// the thousands of keep-alive connections it is built for, so raise it to the hard limit.
void RaiseOpenFileLimit() {
  rlimit lim{};
  if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < lim.rlim_max) {
    lim.rlim_cur = lim.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &lim) != 0) spdlog::warn("cannot raise the open-file limit");
  }
}

Status Server::Start() {
  RaiseOpenFileLimit();
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->options.address, ec);
  if (ec) return Error::InvalidArgument("not an IP address: " + impl_->options.address, "listen");
  tcp::endpoint endpoint{address, impl_->options.port};
  auto& acc = impl_->acceptor;
  acc.open(endpoint.protocol(), ec);
  if (!ec) acc.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acc.bind(endpoint, ec);
  if (!ec) acc.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Error::Unavailable("cannot listen on " + impl_->options.address + ":" +
                              std::to_string(impl_->options.port) + ": " + ec.message());
  }
  impl_->work.emplace(impl_->io.get_executor());
  impl_->Accept();
  unsigned n = impl_->options.threads ? impl_->options.threads
                                      : std::max(1u, std::thread::hardware_concurrency());
  for (unsigned i = 0; i < n; ++i) impl_->threads.emplace_back([this] { impl_->io.run(); });
  return OkStatus();
}

uint16_t Server::port() const { return impl_->acceptor.local_endpoint().port(); }

void Server::WaitForSignal() {
  asio::io_context signals_io;
  asio::signal_set signals(signals_io, SIGINT, SIGTERM);
  signals.async_wait([](beast::error_code, int sig) { spdlog::info("signal {}: stopping", sig); });
  signals_io.run();
  Stop();
}

void Server::Stop() {
  if (impl_->stopped) return;
  impl_->stopped = true;
  impl_->work.reset();
  impl_->io.stop();
  for (auto& t : impl_->threads) {
    if (t.joinable()) t.join();
  }
  beast::error_code ignored;
  impl_->acceptor.close(ignored);
}

Result<std::pair<std::string, uint16_t>> ParseListen(const std::string& text) {
  size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
    return Error::InvalidArgument("--listen must be HOST:PORT, e.g. 127.0.0.1:8080", "listen");
  }
  std::string host = text.substr(0, colon);
  if (host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  std::string port = text.substr(colon + 1);
  if (port.find_first_not_of("0123456789") != std::string::npos || port.size() > 5 ||
      std::stoul(port) > 65535) {
    return Error::InvalidArgument("--listen port must be 0–65535, got '" + port + "'", "listen");
  }
  return std::pair{host, static_cast<uint16_t>(std::stoul(port))};
}

}  // namespace hearth::adapters::http

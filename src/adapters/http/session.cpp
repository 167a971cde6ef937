#include "adapters/http/session.hpp"

#include <malloc.h>

#include <algorithm>
#include <cctype>

namespace hearth::adapters::http::detail {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;

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
      return Error::InvalidArgument(
          "the request has two " + std::string(field.name_string()) + " headers; send one", name);
    }
    out.headers[name] = std::string(field.value());
  }
  out.body = std::move(req.body());
  return out;
}

// glibc keeps freed memory for reuse; after a large body, hand it back (at most once a second,
// as malloc_trim walks every arena).
void TrimMemorySoon() {
  static std::atomic<int64_t> last{0};
  const int64_t now =
      std::chrono::duration_cast<std::chrono::seconds>(Clock::now().time_since_epoch()).count();
  int64_t before = last.load();
  if (now - before >= 1 && last.compare_exchange_strong(before, now)) malloc_trim(0);
}

constexpr size_t kLargeBody = 64 * 1024;

}  // namespace

std::unique_ptr<ConnectionCount::Slot> ConnectionCount::Take(const std::string& address) {
  {
    MutexLock lock(mu_);
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

void ConnectionCount::Release(const std::string& address) {
  MutexLock lock(mu_);
  --total_;
  auto it = by_address_.find(address);
  if (it != by_address_.end() && --it->second == 0) by_address_.erase(it);
}

void SessionRegistry::Add(const std::shared_ptr<Session>& session) {
  MutexLock lock(mu_);
  live_[session.get()] = session;
}

void SessionRegistry::Remove(const Session* session) {
  MutexLock lock(mu_);
  live_.erase(session);
  if (live_.empty()) emptied_.NotifyAll();
}

std::vector<std::shared_ptr<Session>> SessionRegistry::Live() {
  MutexLock lock(mu_);
  std::vector<std::shared_ptr<Session>> out;
  out.reserve(live_.size());
  for (const auto& [raw, weak] : live_) {
    if (auto s = weak.lock()) out.push_back(std::move(s));
  }
  return out;
}

size_t SessionRegistry::size() {
  MutexLock lock(mu_);
  return live_.size();
}

bool SessionRegistry::WaitEmpty(Clock::time_point until) {
  MutexLock lock(mu_);
  const auto left = std::max(until - Clock::now(), Clock::duration::zero());
  return emptied_.WaitFor(mu_, left, [this]() REQUIRES(mu_) { return live_.empty(); });
}

bool SessionRegistry::BeginDrain(Clock::time_point deadline) {
  MutexLock lock(mu_);
  if (draining_.load(std::memory_order_relaxed)) return false;
  deadline_ = deadline;
  draining_.store(true, std::memory_order_release);
  return true;
}

Clock::duration SessionRegistry::LingerBound() const {
  if (!draining()) return kLinger;
  return std::clamp<Clock::duration>(deadline_ - Clock::now(), Clock::duration::zero(), kLinger);
}

Session::Session(tcp::socket socket, const Router& router, const ServerOptions& options,
                 SessionRegistry& registry, std::unique_ptr<ConnectionCount::Slot> slot,
                 std::string remote)
    : stream_(std::move(socket)),
      grace_(stream_.get_executor()),
      router_(router),
      options_(options),
      registry_(registry),
      slot_(std::move(slot)),
      remote_(std::move(remote)) {}

Session::~Session() {
  registry_.Remove(this);
  if (held_large_body_) TrimMemorySoon();
}

void Session::Run() {
  registry_.Add(shared_from_this());
  asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Read(); });
}

void Session::OnDrainBegun() {
  asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    // A session that began to wait for a request after the drain began has its grace already;
    // one that was waiting before is idle and closes now. A request being received or handled,
    // and an answer being written, go on (the answer says `Connection: close`).
    if (self->phase_ == Phase::kHeader && !self->grace_armed_) self->CloseIfIdle();
  });
}

void Session::Cut() {
  asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    switch (self->phase_) {
      case Phase::kClosing:  // lingering, bounded by the deadline already
        return;
      case Phase::kWriting:  // an answer in progress finishes, a little later
        self->stream_.expires_after(kLinger);
        return;
      case Phase::kHeader:
      case Phase::kBody:
        break;
    }
    self->CloseIfIdle();  // still nothing of a request: a clean close, not a cut
    if (self->closing_idle_) return;
    self->cut_ = true;
    ++self->registry_.cut;
    self->phase_ = Phase::kClosing;
    self->grace_.cancel();
    beast::error_code ignored;
    self->stream_.socket().close(ignored);  // the pending read ends with operation_aborted
  });
}

void Session::Read() {
  phase_ = Phase::kHeader;
  parser_.emplace();
  parser_->body_limit(options_.max_body_bytes);
  stream_.expires_after(options_.idle_timeout);
  grace_armed_ = registry_.draining();
  if (grace_armed_) {
    grace_.expires_after(kDrainGrace);
    grace_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (!ec) self->CloseIfIdle();
    });
  }
  bhttp::async_read_header(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code ec, size_t) { self->OnHeader(ec); });
}

// Beast reads at most the buffer's free capacity per system call: a connection that sends a
// large body (a batch of readings) gets a larger buffer while it does, or a 400 KB body takes
// hundreds of 1 KB reads. Idle connections keep a small one.
void Session::OnHeader(beast::error_code ec) {
  if (ec) return OnRead(ec);
  phase_ = Phase::kBody;
  grace_.cancel();
  // A body that may pass the small limit is read only for a request that authenticates.
  const auto length = parser_->content_length();
  const size_t small = std::min(options_.max_unauthenticated_body_bytes, options_.max_body_bytes);
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
bool Session::Authenticates(const bhttp::request<bhttp::string_body>& req) const {
  auto it = req.find(bhttp::field::authorization);
  if (it == req.end()) return false;
  return !options_.authenticates || options_.authenticates(it->value());
}

void Session::OnRead(beast::error_code ec) {
  if (buffer_.capacity() > kLargeBody && buffer_.size() < kLargeBody) buffer_.shrink_to_fit();
  if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
      ec == asio::error::operation_aborted || ec == asio::error::connection_reset) {
    if (ec == asio::error::operation_aborted && closing_idle_ && !cut_) ++registry_.idle_closed;
    return Close();
  }
  if (ec == bhttp::error::body_limit) {
    const size_t limit =
        unauthenticated_limit_ ? options_.max_unauthenticated_body_bytes : options_.max_body_bytes;
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
  ++registry_.handling;
  Response resp =
      request.ok() ? router_.Handle(std::move(*request)) : ErrorResponse(request.error());
  --registry_.handling;
  Send(std::move(resp), keep_alive, 0, version, head);
}

void Session::Send(Response resp, bool keep_alive, unsigned status_override, unsigned version,
                   bool head) {
  phase_ = Phase::kWriting;
  grace_.cancel();
  // Read after the handler ran: an answer built once the drain has begun closes the connection.
  if (registry_.draining()) {
    keep_alive = false;
    ++registry_.answered;
  }
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
  bhttp::async_write(stream_, *msg, [self = shared_from_this(), msg](beast::error_code ec, size_t) {
    if (ec || !msg->keep_alive()) return self->Close();
    self->Read();
  });
}

void Session::CloseIfIdle() {
  if (phase_ != Phase::kHeader || closing_idle_ || cut_) return;
  if ((parser_ && parser_->got_some()) || buffer_.size() > 0) return;
  beast::error_code ec;
  if (stream_.socket().available(ec) > 0 && !ec) return;  // a request has arrived
  closing_idle_ = true;
  stream_.cancel();  // the header read ends with operation_aborted: OnRead closes
}

void Session::Close() {
  if (closing_started_) return;
  closing_started_ = true;
  phase_ = Phase::kClosing;
  grace_.cancel();
  auto& socket = stream_.socket();
  if (!socket.is_open()) return;  // a timeout or a cut closed it
  beast::error_code ignored;
  socket.shutdown(tcp::socket::shutdown_send, ignored);
  const auto bound = registry_.LingerBound();
  if (bound <= Clock::duration::zero()) {
    socket.close(ignored);
    return;
  }
  stream_.expires_after(bound);
  Linger(std::make_shared<std::array<char, 4096>>());
}

// Closing a socket whose input is unread makes Linux send a reset, which may also destroy the
// answer not yet read by the client: read until the client closes, and close after it.
void Session::Linger(std::shared_ptr<std::array<char, 4096>> scratch) {
  stream_.async_read_some(asio::buffer(*scratch),
                          [self = shared_from_this(), scratch](beast::error_code ec, size_t) {
                            if (!ec) return self->Linger(scratch);
                            beast::error_code ignored;
                            self->stream_.socket().close(ignored);
                          });
}

}  // namespace hearth::adapters::http::detail

#include "adapters/http/server.hpp"

#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <algorithm>
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
Result<Request> FromBeast(const bhttp::request<bhttp::string_body>& req) {
  Request out;
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
    out.headers[name] = std::string(field.value());
  }
  out.body = req.body();
  return out;
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const Router& router, const ServerOptions& options)
      : stream_(std::move(socket)), router_(router), options_(options) {}

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
    constexpr size_t kLargeBody = 64 * 1024;
    if (auto length = parser_->content_length(); length && *length > kLargeBody) {
      buffer_.reserve(std::min<size_t>(*length, 1024 * 1024));
    }
    bhttp::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code read_ec, size_t) { self->OnRead(read_ec); });
  }

  void OnRead(beast::error_code ec) {
    if (buffer_.capacity() > 64 * 1024 && buffer_.size() < 64 * 1024) buffer_.shrink_to_fit();
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted || ec == asio::error::connection_reset) {
      return Close();
    }
    if (ec == bhttp::error::body_limit) {
      return Send(ErrorResponse(Error::InvalidArgument("the request body is too large")), false,
                  413, 11);
    }
    if (ec) {
      return Send(ErrorResponse(Error::InvalidArgument("malformed HTTP request: " + ec.message())),
                  false, 400, 11);
    }
    auto& req = parser_->get();
    bool keep_alive = req.keep_alive();
    unsigned version = req.version();
    auto request = FromBeast(req);
    Response resp =
        request.ok() ? router_.Handle(std::move(*request)) : ErrorResponse(request.error());
    Send(std::move(resp), keep_alive, 0, version);
  }

  void Send(Response resp, bool keep_alive, unsigned status_override, unsigned version) {
    auto msg = std::make_shared<bhttp::response<bhttp::string_body>>();
    msg->version(version);
    msg->result(status_override ? status_override : resp.status);
    msg->set(bhttp::field::server, "hearth");
    msg->set(bhttp::field::content_type, resp.content_type);
    for (const auto& [k, v] : resp.headers) msg->set(k, v);
    msg->body() = std::move(resp.body);
    msg->keep_alive(keep_alive);
    msg->prepare_payload();
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
};

}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, const Router& r)
      : options(std::move(o)), router(r), acceptor(io), retry_timer(io) {}

  void Accept() {
    acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket s) {
      if (ec == asio::error::operation_aborted) return;
      if (!ec) {
        std::make_shared<Session>(std::move(s), router, options)->Run();
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

  ServerOptions options;
  const Router& router;
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

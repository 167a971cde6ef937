#include "adapters/http/server.hpp"

#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <algorithm>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "adapters/http/session.hpp"

namespace hearth::adapters::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using detail::Clock;
using detail::tcp;

struct Server::Impl {
  Impl(ServerOptions o, const Router& r)
      : options(std::move(o)),
        router(r),
        connections(options),
        acceptor(asio::make_strand(io)),
        retry_timer(acceptor.get_executor()) {}

  // On the acceptor's strand, as is everything that touches the acceptor while threads run.
  void Accept() {
    acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket s) {
      if (ec == asio::error::operation_aborted) return;
      if (!ec) {
        StartSession(std::move(s));  // accepted before the drain closed the listener: served
        if (accepting) Accept();
        return;
      }
      // Out of file descriptors (EMFILE) and the like: back off instead of spinning, so that
      // connections that close make room.
      spdlog::warn("accept failed: {}", ec.message());
      retry_timer.expires_after(std::chrono::milliseconds(50));
      retry_timer.async_wait([this](beast::error_code wait_ec) {
        if (wait_ec != asio::error::operation_aborted && accepting) Accept();
      });
    });
  }

  void StartSession(tcp::socket s) {
    beast::error_code peer_ec;
    auto peer = s.remote_endpoint(peer_ec);
    std::string remote = peer_ec ? std::string() : peer.address().to_string();
    if (auto slot = connections.Take(remote)) {
      std::make_shared<detail::Session>(std::move(s), router, options, registry, std::move(slot),
                                        std::move(remote))
          ->Run();
    } else {
      RefuseConnection(remote);
      s.close(peer_ec);
    }
  }

  // The drain's first step, on the acceptor's strand. The connections the kernel has completed
  // but nobody accepted yet would be reset by closing the listener: their clients may have sent
  // a request already, so they are taken (and served as the drain says) before it closes.
  void StopAccepting() {
    accepting = false;
    beast::error_code ec;
    acceptor.non_blocking(true, ec);
    while (!ec) {
      tcp::socket s(asio::make_strand(io));
      acceptor.accept(s, ec);
      if (!ec) StartSession(std::move(s));
    }
    retry_timer.cancel();
    acceptor.close(ec);
  }

  // Logged at most once a minute, so that a flood does not flood the log too.
  void RefuseConnection(const std::string& remote) {
    const auto now = Clock::now();
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
  // Before io: the sessions that io's destructor destroys give their slots back and remove
  // themselves from the registry.
  detail::ConnectionCount connections;
  detail::SessionRegistry registry;
  std::mutex refused_mu;
  size_t refused = 0;
  Clock::time_point last_refusal_log{};
  asio::io_context io;
  tcp::acceptor acceptor;
  asio::steady_timer retry_timer;
  bool accepting = true;  // on the acceptor's strand
  std::vector<std::thread> threads;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  uint16_t port = 0;     // bound, kept after the listener closes
  bool started = false;  // Start, BeginDrain, Drain and Stop run on the owner's thread
  bool stopped = false;
  Clock::time_point drain_began{};
  size_t drain_open = 0;
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
  impl_->port = acc.local_endpoint().port();
  impl_->work.emplace(impl_->io.get_executor());
  impl_->started = true;
  asio::post(impl_->acceptor.get_executor(), [this] { impl_->Accept(); });
  unsigned n = impl_->options.threads ? impl_->options.threads
                                      : std::max(1u, std::thread::hardware_concurrency());
  for (unsigned i = 0; i < n; ++i) impl_->threads.emplace_back([this] { impl_->io.run(); });
  return OkStatus();
}

uint16_t Server::port() const { return impl_->port; }

void Server::WaitForSignal() {
  asio::io_context signals_io;
  asio::signal_set signals(signals_io, SIGINT, SIGTERM);
  signals.async_wait([this](beast::error_code, int sig) {
    spdlog::info("signal {}: no new connections; draining the open ones (at most {} s)", sig,
                 impl_->options.drain_timeout.count());
  });
  signals_io.run();
  Drain();
}

void Server::BeginDrain() {
  if (!impl_->started || impl_->stopped) return;
  const auto now = Clock::now();
  if (!impl_->registry.BeginDrain(now + impl_->options.drain_timeout)) return;
  impl_->drain_began = now;
  std::promise<void> closed;
  asio::post(impl_->acceptor.get_executor(), [this, &closed] {
    impl_->StopAccepting();
    closed.set_value();
  });
  closed.get_future().wait();
  auto live = impl_->registry.Live();
  impl_->drain_open = live.size();
  for (auto& session : live) session->OnDrainBegun();
}

DrainReport Server::Drain() {
  BeginDrain();
  DrainReport report;
  if (!impl_->started || impl_->stopped) {
    Stop();
    return report;
  }
  auto& registry = impl_->registry;
  if (!registry.WaitEmpty(registry.deadline())) {
    report.deadline_reached = true;
    for (auto& session : registry.Live()) session->Cut();
    // A request being handled is answered (what it changed is stored): wait for its handler,
    // then give its answer kLinger to be written; Stop() closes whatever is left after that.
    const auto write_time = detail::kLinger + std::chrono::milliseconds(500);
    auto until = Clock::now() + write_time;
    while (!registry.WaitEmpty(std::min(until, Clock::now() + std::chrono::milliseconds(100)))) {
      if (registry.handling.load() > 0) {
        until = Clock::now() + write_time;
      } else if (Clock::now() >= until) {
        break;
      }
    }
  }
  report.open = impl_->drain_open;
  report.answered = registry.answered.load();
  report.idle_closed = registry.idle_closed.load();
  report.cut = registry.cut.load();
  report.took =
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - impl_->drain_began);
  const size_t left = registry.size();
  Stop();
  const auto level = report.deadline_reached ? spdlog::level::warn : spdlog::level::info;
  spdlog::log(level,
              "HTTP drain done in {} ms: open at its start {}, answered (Connection: close) {}, "
              "idle closed cleanly {}, {}",
              report.took.count(), report.open, report.answered, report.idle_closed,
              report.deadline_reached
                  ? fmt::format("cut at the {} s deadline {} (still open when stopped {})",
                                impl_->options.drain_timeout.count(), report.cut, left)
                  : std::string("no deadline reached"));
  return report;
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

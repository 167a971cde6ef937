// A webhook receiver for tests: a real HTTP server on 127.0.0.1 (one connection at a time) that
// answers each POST as told and records it, deduplicating by X-Hearth-Message-Id as a real
// receiver must. Test-only (header-only).
#pragma once

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace hearth::support {

class WebhookReceiver {
 public:
  /// Answers 500 to the first `fail_first` requests, then 200 after `delay` each.
  explicit WebhookReceiver(int fail_first = 0,
                           std::chrono::milliseconds delay = std::chrono::milliseconds{0})
      : acceptor_(io_, {boost::asio::ip::make_address("127.0.0.1"), 0}),
        fail_first_(fail_first),
        delay_(delay),
        thread_([this] { Serve(); }) {}
  ~WebhookReceiver() {
    stop_ = true;
    boost::system::error_code ignored;
    // Wake the blocking accept with a connection of our own.
    boost::asio::ip::tcp::socket poke(io_);
    poke.connect(acceptor_.local_endpoint(), ignored);
    thread_.join();
  }
  WebhookReceiver(const WebhookReceiver&) = delete;
  WebhookReceiver& operator=(const WebhookReceiver&) = delete;

  std::string url() const {
    return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) + "/hook";
  }
  /// Message id -> how many times it was delivered with a 200.
  std::map<std::string, int> Delivered() const {
    std::lock_guard lock(mutex_);
    return delivered_;
  }
  /// The last body and headers delivered with a 200 for `id`.
  std::string Body(const std::string& id) const {
    std::lock_guard lock(mutex_);
    auto it = bodies_.find(id);
    return it == bodies_.end() ? "" : it->second;
  }
  std::map<std::string, std::string> Headers(const std::string& id) const {
    std::lock_guard lock(mutex_);
    auto it = headers_.find(id);
    return it == headers_.end() ? std::map<std::string, std::string>{} : it->second;
  }
  int Requests() const { return requests_.load(); }

 private:
  void Serve() {
    namespace bhttp = boost::beast::http;
    while (!stop_) {
      boost::system::error_code ec;
      boost::asio::ip::tcp::socket socket(io_);
      acceptor_.accept(socket, ec);
      if (ec || stop_) continue;
      boost::beast::flat_buffer buffer;
      bhttp::request<bhttp::string_body> req;
      bhttp::read(socket, buffer, req, ec);
      if (ec) continue;
      const int n = ++requests_;
      bhttp::response<bhttp::string_body> res{bhttp::status::ok, 11};
      if (n <= fail_first_) {
        res.result(bhttp::status::internal_server_error);
        res.body() = "not now";
      } else {
        std::this_thread::sleep_for(delay_);
        std::lock_guard lock(mutex_);
        const std::string id(req["X-Hearth-Message-Id"]);
        ++delivered_[id];
        bodies_[id] = req.body();
        auto& h = headers_[id];
        for (const auto& f : req) h[std::string(f.name_string())] = std::string(f.value());
        res.body() = "ok";
      }
      res.prepare_payload();
      bhttp::write(socket, res, ec);
      socket.shutdown(boost::asio::ip::tcp::socket::shutdown_both, ec);
    }
  }

  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  const int fail_first_;
  const std::chrono::milliseconds delay_;
  std::atomic<bool> stop_{false};
  std::atomic<int> requests_{0};
  mutable std::mutex mutex_;
  std::map<std::string, int> delivered_;
  std::map<std::string, std::string> bodies_;
  std::map<std::string, std::map<std::string, std::string>> headers_;
  std::thread thread_;
};

}  // namespace hearth::support

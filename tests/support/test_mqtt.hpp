// Test-only: the mosquitto broker of this test run, and a paho publisher (a sensor's side).
//
// The broker is the one the CTest fixture started (scripts/test-mosquitto.sh, found through
// $HEARTH_TEST_MQTT_DIR/url), else one this process starts with the same script on first use and
// stops when it exits. Throws (failing the test) when no broker can be started: never skips.
#pragma once

#include <mqtt/async_client.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include "support/test_servers.hpp"
#include <vector>

namespace hearth::support {

class Mosquitto {
 public:
  /// The broker of this test run (see above).
  static Mosquitto& Shared() {
    RequireServerLabel("mqtt");
    static std::unique_ptr<Mosquitto> broker(new Mosquitto());
    return *broker;
  }
  const std::string& url() const { return url_; }

  ~Mosquitto() {
    if (!dir_.empty()) {
      std::system((Script() + " stop " + dir_ + " >/dev/null 2>&1").c_str());
    }
  }

 private:
  Mosquitto() {
    if (const char* shared = std::getenv("HEARTH_TEST_MQTT_DIR"); shared && *shared) {
      std::ifstream in(std::string(shared) + "/url");
      if (in >> url_) return;
    }
    char tmpl[] = "/tmp/hearth-mqtt-XXXXXX";
    if (mkdtemp(tmpl) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = tmpl;
    if (std::system((Script() + " start " + dir_ + " >/dev/null").c_str()) != 0) {
      throw std::runtime_error("could not start mosquitto (scripts/test-mosquitto.sh)");
    }
    std::ifstream in(dir_ + "/url");
    if (!(in >> url_)) throw std::runtime_error("mosquitto wrote no url in " + dir_);
  }
  static std::string Script() {
    const char* src = std::getenv("HEARTH_SOURCE_DIR");
    return std::string(src && *src ? src : HEARTH_SOURCE_DIR) + "/scripts/test-mosquitto.sh";
  }

  std::string url_;
  std::string dir_;
};

/// A unique client id / topic suffix for one test (tests share the broker).
inline std::string UniqueName(const std::string& prefix) {
  static int counter = 0;
  auto tick = std::chrono::steady_clock::now().time_since_epoch().count() % 1000000000;
  return prefix + "-" + std::to_string(getpid()) + "-" + std::to_string(++counter) + "-" +
         std::to_string(tick);
}

/// A sensor or gateway: publishes with paho (MQTT 3.1.1), waiting for the broker's PUBACKs.
class Publisher {
 public:
  // paho queues at most max_buffered publishes not yet written to the socket.
  explicit Publisher(const std::string& url)
      : client_(url, UniqueName("pub"), kMaxBuffered, nullptr) {
    auto opts = ::mqtt::connect_options_builder().clean_session(true).finalize();
    client_.connect(opts)->wait();
  }
  ~Publisher() {
    try {
      client_.disconnect()->wait();
    } catch (...) {
    }
  }
  /// Publishes and waits until the broker has it (QoS 1: its PUBACK).
  void Publish(const std::string& topic, const std::string& payload, int qos = 1) {
    client_.publish(topic, payload.data(), payload.size(), qos, false)->wait();
  }
  /// Publishes all, then waits for every PUBACK (many in flight at once).
  void PublishAll(const std::vector<std::pair<std::string, std::string>>& messages, int qos = 1) {
    std::vector<::mqtt::delivery_token_ptr> tokens;
    tokens.reserve(messages.size());
    for (const auto& [topic, payload] : messages) {
      tokens.push_back(client_.publish(topic, payload.data(), payload.size(), qos, false));
      if (tokens.size() >= kMaxBuffered / 2) {
        for (auto& t : tokens) t->wait();
        tokens.clear();
      }
    }
    for (auto& t : tokens) t->wait();
  }

 private:
  static constexpr int kMaxBuffered = 1000;
  ::mqtt::async_client client_;
};

/// Polls `done` every 20 ms until it holds or `timeout` passes; returns its last value.
template <typename F>
bool WaitFor(F done, std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done();
}

}  // namespace hearth::support

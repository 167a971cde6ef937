// Test-only: the mosquitto broker of this test run, and a paho publisher (a sensor's side).
//
// The broker is the one the CTest fixture started (scripts/test-mosquitto.sh, found through
// $HEARTH_TEST_MQTT_DIR/url), else one this process starts with the same script on first use and
// stops when it exits. Throws (failing the test) when no broker can be started: never skips.
// Anonymous clients are refused (issue 12): url() is the service account's, publisher_url() a
// gateway's that may publish to every sensor's topic and test/#; a device account (its sensor's
// topic only) comes from `hearth devices credentials` on a broker of one's own (Mosquitto(env)).
#pragma once

#include <mqtt/async_client.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include <utility>
#include <vector>

#include "adapters/mqtt/mqtt_url.hpp"
#include "support/test_servers.hpp"

namespace hearth::support {

class Mosquitto {
 public:
  /// The broker of this test run (see above).
  static Mosquitto& Shared() {
    RequireServerLabel("mqtt");
    // As the CTest fixture (src/CMakeLists.txt): a save every 1,000 changes.
    static std::unique_ptr<Mosquitto> broker(
        new Mosquitto(Env{{"MOSQUITTO_AUTOSAVE", "1000"}}, true));
    return *broker;
  }
  /// Extra settings of a broker of one's own (scripts/test-mosquitto.sh's environment), e.g.
  /// {{"MOSQUITTO_MAX_QUEUED", "10"}} or {{"MOSQUITTO_AUTH_DIR", dir}}.
  using Env = std::vector<std::pair<std::string, std::string>>;
  /// Starts a broker of its own, stopped when destroyed. Throws when it cannot.
  explicit Mosquitto(const Env& env) : Mosquitto(env, false) {}
  Mosquitto(const Mosquitto&) = delete;
  Mosquitto& operator=(const Mosquitto&) = delete;

  /// The service account's URL, password included (as `hearth serve --mqtt` logs in).
  const std::string& url() const { return url_; }
  /// A gateway's account: may publish to every sensor's topic and to test/#.
  std::string publisher_url() const { return Read("publisher-url"); }
  /// No user name: the broker refuses it.
  std::string anonymous_url() const { return Read("anonymous-url"); }
  /// mqtts:// with the service account; its certificate is signed by ca_file().
  std::string tls_url() const { return Read("tls-url"); }
  std::string ca_file() const { return dir_ + "/ca.crt"; }
  const std::string& dir() const { return dir_; }

  /// A broker of one's own only: SIGKILL, as a crash (issue 18, item 3) ...
  void Kill() {
    std::ifstream in(dir_ + "/mosquitto.pid");
    pid_t pid = 0;
    if (!owned_ || !(in >> pid) || pid <= 0) throw std::runtime_error("no broker of one's own");
    ::kill(pid, SIGKILL);
    for (int i = 0; i < 100 && ::kill(pid, 0) == 0; ++i) usleep(10'000);
  }
  /// ... and started again on the same ports with what it had saved.
  void Restart() {
    if (std::system((Script() + " restart " + dir_ + " >/dev/null").c_str()) != 0) {
      throw std::runtime_error("could not restart mosquitto in " + dir_);
    }
  }

  ~Mosquitto() {
    if (owned_) std::system((Script() + " stop " + dir_ + " >/dev/null 2>&1").c_str());
  }

 private:
  Mosquitto(const Env& env, bool shared) {
    if (const char* fixture = std::getenv("HEARTH_TEST_MQTT_DIR");
        shared && fixture && *fixture) {
      dir_ = fixture;
      std::ifstream in(dir_ + "/url");
      if (in >> url_) return;
    }
    char tmpl[] = "/tmp/hearth-mqtt-XXXXXX";
    if (mkdtemp(tmpl) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = tmpl;
    owned_ = true;
    std::string vars;
    for (const auto& [k, v] : env) vars += k + "='" + v + "' ";
    if (std::system((vars + Script() + " start " + dir_ + " >/dev/null").c_str()) != 0) {
      throw std::runtime_error("could not start mosquitto (scripts/test-mosquitto.sh)");
    }
    url_ = Read("url");
    if (url_.empty()) throw std::runtime_error("mosquitto wrote no url in " + dir_);
  }
  std::string Read(const std::string& name) const {
    std::ifstream in(dir_ + "/" + name);
    std::string line;
    in >> line;
    return line;
  }
  static std::string Script() {
    const char* src = std::getenv("HEARTH_SOURCE_DIR");
    return std::string(src && *src ? src : HEARTH_SOURCE_DIR) + "/scripts/test-mosquitto.sh";
  }

  std::string url_;
  std::string dir_;
  bool owned_ = false;
};

/// A unique client id / topic suffix for one test (tests share the broker).
inline std::string UniqueName(const std::string& prefix) {
  static int counter = 0;
  auto tick = std::chrono::steady_clock::now().time_since_epoch().count() % 1000000000;
  return prefix + "-" + std::to_string(getpid()) + "-" + std::to_string(++counter) + "-" +
         std::to_string(tick);
}

/// A sensor or gateway: publishes with paho (MQTT 3.1.1), waiting for the broker's PUBACKs. The
/// URL's user name and password are sent (adapters/mqtt/mqtt_url.hpp); mqtts:// trusts `ca_file`.
/// Throws ::mqtt::exception when the broker refuses the connection.
class Publisher {
 public:
  // paho queues at most max_buffered publishes not yet written to the socket.
  explicit Publisher(const std::string& url, const std::string& ca_file = "")
      : client_(PahoUrl(url), UniqueName("pub"), kMaxBuffered, nullptr) {
    auto parsed = *adapters::mqtt::ParseMqttUrl(url);
    auto opts = ::mqtt::connect_options_builder().clean_session(true).finalize();
    if (parsed.username) opts.set_user_name(*parsed.username);
    if (parsed.password) opts.set_password(*parsed.password);
    if (parsed.tls) {
      auto ssl = ::mqtt::ssl_options_builder().trust_store(ca_file).finalize();
      opts.set_ssl(ssl);
    }
    client_.connect(opts)->wait();
  }
  /// Whether the broker refused a connection with these credentials (it never got in).
  static bool Refused(const std::string& url, const std::string& ca_file = "") {
    try {
      Publisher p(url, ca_file);
      return false;
    } catch (const ::mqtt::exception&) {
      return true;
    }
  }
  /// paho's form of the URL: tcp:// or ssl://, without the user name and password.
  static std::string PahoUrl(const std::string& url) {
    auto parsed = *adapters::mqtt::ParseMqttUrl(url);
    return std::string(parsed.tls ? "ssl://" : "tcp://") + parsed.host + ":" +
           std::to_string(parsed.port);
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

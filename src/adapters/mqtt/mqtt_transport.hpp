// One connection to a broker, plain TCP or TLS (OpenSSL libssl), for the MQTT clients of this
// folder (the subscriber, the broker probe). Non-blocking: every wait is a poll() that a wake
// eventfd can end early (Stop()). Not thread-safe: one thread uses a transport.
//
// TLS verifies the broker's certificate chain against `ca_file` (the system's trust store when
// empty) and its name or IP address against the host of the URL; TLS 1.2 at least.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;

namespace hearth::adapters::mqtt {

struct TlsOptions {
  bool enabled = false;
  std::string ca_file;  ///< PEM; empty: the system's trust store
};

/// invalid_argument (field mqtt-ca-file) when `ca_file` is given and cannot be loaded: a
/// misconfiguration to report at start, not to retry.
Status CheckCaFile(const std::string& ca_file);

class Transport {
 public:
  using Clock = std::chrono::steady_clock;

  /// `wake_fd`: an eventfd whose readability ends every wait (-1: none).
  explicit Transport(int wake_fd) : wake_fd_(wake_fd) {}
  ~Transport();
  Transport(const Transport&) = delete;
  Transport& operator=(const Transport&) = delete;

  /// Connects (and, with TLS, handshakes) within `timeout`. unavailable when the broker cannot
  /// be reached or its certificate is not trusted (the message says which).
  Status Open(const std::string& host, uint16_t port, std::chrono::milliseconds timeout,
              const TlsOptions& tls);

  /// Waits for `events` (POLLIN/POLLOUT) until `deadline`: 1 ready, 0 timed out, -1 woken.
  int Wait(short events, Clock::time_point deadline) const;
  /// Writes all of `data` within `timeout`; unavailable otherwise.
  Status Write(std::string_view data, std::chrono::milliseconds timeout);
  /// Appends to `in` what can be read now without blocking (at most about `cap` bytes); returns
  /// how many bytes. unavailable when the broker closed the connection.
  Result<size_t> ReadAvailable(size_t cap);

  std::string in;  ///< read and not yet parsed

 private:
  Status Handshake(const std::string& host, Clock::time_point deadline, const TlsOptions& tls);

  int fd_ = -1;
  int wake_fd_ = -1;
  SSL_CTX* ctx_ = nullptr;
  SSL* ssl_ = nullptr;
};

}  // namespace hearth::adapters::mqtt

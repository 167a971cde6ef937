#include "adapters/mqtt/mqtt_transport.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace hearth::adapters::mqtt {
namespace {

using Clock = Transport::Clock;
using std::chrono::milliseconds;

Error Lost(std::string what) { return Error::Unavailable("mqtt: " + what); }

std::string Errno(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

int MillisUntil(Clock::time_point t) {
  auto ms = std::chrono::duration_cast<milliseconds>(t - Clock::now()).count();
  return ms < 0 ? 0 : static_cast<int>(std::min<int64_t>(ms, 60'000));
}

// The oldest OpenSSL error queued by this thread, and the queue cleared.
std::string SslErrors() {
  unsigned long e = ERR_get_error();
  std::string out;
  if (e != 0) {
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    out = buf;
  }
  ERR_clear_error();
  return out.empty() ? "unknown error" : out;
}

bool IsIpLiteral(const std::string& host) {
  unsigned char buf[sizeof(in6_addr)];
  return inet_pton(AF_INET, host.c_str(), buf) == 1 || inet_pton(AF_INET6, host.c_str(), buf) == 1;
}

}  // namespace

Status CheckCaFile(const std::string& ca_file) {
  if (ca_file.empty()) return OkStatus();
  SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
  if (ctx == nullptr) return Error::Internal("mqtt: SSL_CTX_new failed: " + SslErrors());
  bool loaded = SSL_CTX_load_verify_locations(ctx, ca_file.c_str(), nullptr) == 1;
  std::string why = loaded ? "" : SslErrors();
  SSL_CTX_free(ctx);
  if (!loaded) {
    Error e = Error::InvalidArgument("--mqtt-ca-file: cannot load " + ca_file, "mqtt-ca-file");
    e.detail = why;
    return e;
  }
  return OkStatus();
}

Transport::~Transport() {
  if (ssl_ != nullptr) SSL_free(ssl_);
  if (ctx_ != nullptr) SSL_CTX_free(ctx_);
  if (fd_ >= 0) close(fd_);
}

int Transport::Wait(short events, Clock::time_point deadline) const {
  // Decrypted bytes that OpenSSL already holds are not on the socket for poll() to see.
  if (ssl_ != nullptr && (events & POLLIN) != 0 && SSL_pending(ssl_) > 0) return 1;
  for (;;) {
    pollfd fds[2] = {{fd_, events, 0}, {wake_fd_, POLLIN, 0}};
    int n = poll(fds, wake_fd_ >= 0 ? 2 : 1, MillisUntil(deadline));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return 0;
    if (wake_fd_ >= 0 && fds[1].revents != 0) return -1;
    if (fds[0].revents != 0) return 1;
    if (Clock::now() >= deadline) return 0;
  }
}

Status Transport::Open(const std::string& host, uint16_t port, milliseconds timeout,
                       const TlsOptions& tls) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  std::string service = std::to_string(port);
  if (int rc = getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0) {
    return Lost("cannot resolve " + host + ": " + gai_strerror(rc));
  }
  std::string last = "no address";
  auto deadline = Clock::now() + timeout;
  for (addrinfo* a = found; a != nullptr; a = a->ai_next) {
    fd_ = socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
    if (fd_ < 0) {
      last = Errno("socket");
      continue;
    }
    int one = 1;
    setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(fd_, a->ai_addr, a->ai_addrlen) == 0) break;
    if (errno == EINPROGRESS) {
      int ready = Wait(POLLOUT, deadline);
      int err = 0;
      socklen_t len = sizeof err;
      if (ready == 1 && getsockopt(fd_, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0) break;
      last = ready == 1 ? std::string("connect: ") + std::strerror(err)
                        : std::string(ready == 0 ? "connect: timed out" : "stopped");
    } else {
      last = Errno("connect");
    }
    close(fd_);
    fd_ = -1;
  }
  freeaddrinfo(found);
  if (fd_ < 0) return Lost("cannot connect to " + host + ":" + service + " (" + last + ")");
  if (tls.enabled) return Handshake(host, deadline, tls);
  return OkStatus();
}

Status Transport::Handshake(const std::string& host, Clock::time_point deadline,
                            const TlsOptions& tls) {
  ERR_clear_error();
  ctx_ = SSL_CTX_new(TLS_client_method());
  if (ctx_ == nullptr) return Error::Internal("mqtt: SSL_CTX_new failed: " + SslErrors());
  SSL_CTX_set_min_proto_version(ctx_, TLS1_2_VERSION);
  SSL_CTX_set_verify(ctx_, SSL_VERIFY_PEER, nullptr);
  int loaded = tls.ca_file.empty()
                   ? SSL_CTX_set_default_verify_paths(ctx_)
                   : SSL_CTX_load_verify_locations(ctx_, tls.ca_file.c_str(), nullptr);
  if (loaded != 1) return Lost("cannot load the CA file " + tls.ca_file + ": " + SslErrors());
  ssl_ = SSL_new(ctx_);
  if (ssl_ == nullptr) return Error::Internal("mqtt: SSL_new failed: " + SslErrors());
  SSL_set_mode(ssl_, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
  if (IsIpLiteral(host)) {
    X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl_), host.c_str());
  } else {
    // SSL_set_tlsext_host_name, without the macro's C cast.
    SSL_ctrl(ssl_, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
             const_cast<char*>(host.c_str()));
    SSL_set1_host(ssl_, host.c_str());
  }
  SSL_set_fd(ssl_, fd_);
  for (;;) {
    int rc = SSL_connect(ssl_);
    if (rc == 1) return OkStatus();
    int err = SSL_get_error(ssl_, rc);
    int ready = 0;
    if (err == SSL_ERROR_WANT_READ) {
      ready = Wait(POLLIN, deadline);
    } else if (err == SSL_ERROR_WANT_WRITE) {
      ready = Wait(POLLOUT, deadline);
    } else {
      long verify = SSL_get_verify_result(ssl_);
      std::string why = verify != X509_V_OK ? X509_verify_cert_error_string(verify) : SslErrors();
      return Lost("TLS handshake with " + host + " failed: " + why);
    }
    if (ready != 1) return Lost(ready == 0 ? "TLS handshake timed out" : "stopped");
  }
}

Status Transport::Write(std::string_view data, milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  while (!data.empty()) {
    if (ssl_ != nullptr) {
      ERR_clear_error();
      int n =
          SSL_write(ssl_, data.data(), static_cast<int>(std::min<size_t>(data.size(), 1 << 30)));
      if (n > 0) {
        data.remove_prefix(static_cast<size_t>(n));
        continue;
      }
      int err = SSL_get_error(ssl_, n);
      if (err != SSL_ERROR_WANT_READ && err != SSL_ERROR_WANT_WRITE) {
        return Lost("TLS write: " + SslErrors());
      }
      if (Wait(err == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, deadline) != 1) {
        return Lost("write timed out or stopped");
      }
      continue;
    }
    ssize_t n = send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
    if (n > 0) {
      data.remove_prefix(static_cast<size_t>(n));
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
      if (Wait(POLLOUT, deadline) != 1) return Lost("write timed out or stopped");
    } else {
      return Lost(Errno("write"));
    }
  }
  return OkStatus();
}

Result<size_t> Transport::ReadAvailable(size_t cap) {
  size_t total = 0;
  char buf[65536];
  while (total < cap) {
    if (ssl_ != nullptr) {
      ERR_clear_error();
      int n = SSL_read(ssl_, buf, sizeof buf);
      if (n > 0) {
        in.append(buf, static_cast<size_t>(n));
        total += static_cast<size_t>(n);
        continue;
      }
      int err = SSL_get_error(ssl_, n);
      if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) break;
      if (err == SSL_ERROR_ZERO_RETURN) return Lost("the broker closed the connection");
      if (err == SSL_ERROR_SYSCALL && errno == EINTR) continue;
      return Lost("TLS read: " + (err == SSL_ERROR_SYSCALL && ERR_peek_error() == 0
                                      ? std::string("the broker closed the connection")
                                      : SslErrors()));
    }
    ssize_t n = recv(fd_, buf, sizeof buf, MSG_DONTWAIT);
    if (n > 0) {
      in.append(buf, static_cast<size_t>(n));
      total += static_cast<size_t>(n);
    } else if (n == 0) {
      return Lost("the broker closed the connection");
    } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
      break;
    } else if (errno != EINTR) {
      return Lost(Errno("read"));
    }
  }
  return total;
}

}  // namespace hearth::adapters::mqtt

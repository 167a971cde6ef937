// Result<T>: the error-or-value type of every fallible call in Hearth.
//
// GCC 12 has no std::expected, so this is a small one of our own. An Error carries a canonical
// code, a message that is safe to show to a client (it never contains internals such as SQL or file
// paths of the server), an optional detail for the log only, and optionally the input field that
// was wrong. Codes map to HTTP statuses and exit codes in exactly one table each
// (adapters/http/message.cpp HttpStatus, app/cli/environment.cpp ExitCode). Every code has a
// factory below; build errors with them, not with braces.
#pragma once

#include <cassert>
#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace hearth {

/// Canonical error codes, after abseil's status codes.
enum class ErrorCode {
  kInvalidArgument,     ///< The caller's input is wrong; retrying it unchanged fails again.
  kNotFound,            ///< A named entity does not exist (or is not visible to the caller).
  kAlreadyExists,       ///< A create met an existing entity (a unique key is taken).
  kFailedPrecondition,  ///< The system is not in a state that allows the operation: a record
                        ///< that refers to one that does not exist, or is still referred to;
                        ///< an event not allowed in a state.
  kUnauthenticated,     ///< No valid credentials.
  kPermissionDenied,    ///< Valid credentials without the right.
  kUnavailable,         ///< Transient: a dependency is down; retrying may succeed.
  kResourceExhausted,   ///< Too many requests from this caller (a rate limit); retry after
                        ///< Error::retry_after_s seconds.
  kInternal,            ///< A bug or broken invariant; the client message stays generic.
};

/// The wire name of a code ("invalid_argument", ...), stable across releases.
const char* ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  ///< Safe for clients: names what is wrong in the caller's terms.
  std::string field;    ///< The input field at fault, or empty.
  std::string detail;   ///< For the log only; may be empty.
  int64_t retry_after_s = 0;  ///< kResourceExhausted, kUnavailable: when to retry (0: unknown).

  static Error InvalidArgument(std::string message, std::string field = {}) {
    return {ErrorCode::kInvalidArgument, std::move(message), std::move(field), {}};
  }
  static Error NotFound(std::string message, std::string field = {}) {
    return {ErrorCode::kNotFound, std::move(message), std::move(field), {}};
  }
  static Error AlreadyExists(std::string message, std::string field = {},
                             std::string detail = {}) {
    return {ErrorCode::kAlreadyExists, std::move(message), std::move(field), std::move(detail)};
  }
  static Error FailedPrecondition(std::string message, std::string field = {},
                                  std::string detail = {}) {
    return {ErrorCode::kFailedPrecondition, std::move(message), std::move(field),
            std::move(detail)};
  }
  static Error Unauthenticated(std::string message) {
    return {ErrorCode::kUnauthenticated, std::move(message), {}, {}};
  }
  static Error PermissionDenied(std::string message, std::string field = {}) {
    return {ErrorCode::kPermissionDenied, std::move(message), std::move(field), {}};
  }
  static Error Unavailable(std::string message, std::string detail = {}) {
    return {ErrorCode::kUnavailable, std::move(message), {}, std::move(detail)};
  }
  /// A rate limit: retry after `retry_after_s` seconds (HTTP 429 with Retry-After).
  static Error ResourceExhausted(std::string message, int64_t retry_after_s) {
    return {ErrorCode::kResourceExhausted, std::move(message), {}, {}, retry_after_s};
  }
  /// Internal errors show clients a generic message; `detail` goes to the log.
  static Error Internal(std::string detail) {
    return {ErrorCode::kInternal, "internal error", {}, std::move(detail)};
  }
};

/// Holds either a T or an Error. Accessing the wrong alternative is a bug (asserts).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}      // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok()); return std::get<0>(v_); }
  const T& value() const& { assert(ok()); return std::get<0>(v_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { assert(!ok()); return std::get<1>(v_); }
  Error&& take_error() && { assert(!ok()); return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

/// Result of an operation with no value.
struct Ok {};
using Status = Result<Ok>;
inline Status OkStatus() { return Ok{}; }

}  // namespace hearth

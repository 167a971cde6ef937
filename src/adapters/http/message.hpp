// HTTP messages as the handlers see them: plain structs, independent of Beast.
#pragma once

#include <map>
#include <optional>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace hearth::adapters::http {

struct Request {
  std::string method;                          ///< "GET", "POST", ...
  std::string path;                            ///< decoded path, without the query
  std::map<std::string, std::string> query;    ///< decoded; a repeated key keeps the last value
  std::map<std::string, std::string> params;   ///< from `{name}` segments of the route
  std::map<std::string, std::string> headers;  ///< lower-case names
  std::string body;
  std::string remote;  ///< the client's IP address ("127.0.0.1", "::1"); empty in unit tests
};

struct Response {
  unsigned status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

/// The one table from error codes to HTTP statuses (STYLE.md).
unsigned HttpStatus(ErrorCode code);

Response Json(unsigned status, const nlohmann::ordered_json& body);
/// {"error":{"code","message","field"}} with the status of its code, and Retry-After when the
/// error says when to retry. Internal details are logged, never sent.
Response ErrorResponse(const Error& error);

/// Error answers given so far by code (ErrorResponse counts them): /metrics.
uint64_t ErrorsAnswered(ErrorCode code);

/// 405 for a path served with other methods: {"error":{"code":"method_not_allowed","message"}}
/// naming them, and the Allow header (RFC 9110 §15.5.6). Not an ErrorCode: only the router
/// knows which methods a path has, and no use case ever answers it.
Response MethodNotAllowed(const std::string& method, const std::vector<std::string>& allowed);

/// 415 for a body of a media type the route does not take: {"error":{"code":
/// "unsupported_media_type","message","field":"content-type"}} naming the types it takes (RFC 9110
/// §15.5.16). Like 405, a transport answer that no use case gives.
Response UnsupportedMediaType(const std::string& type, const std::string& accepted);

/// The media type of the request body, lower case, without parameters; "" when none was declared.
std::string MediaType(const Request& request);

/// Decodes %XX escapes, and '+' as a space when `plus_is_space` (queries, as HTML forms send
/// them). Returns nullopt for a malformed escape.
std::optional<std::string> UrlDecode(std::string_view text, bool plus_is_space = true);

/// Splits `a=1&b=2`; errors (invalid_argument) name a malformed parameter.
Result<std::map<std::string, std::string>> ParseQuery(std::string_view query);

/// Rejects query parameters outside `allowed` (field = the first unknown one).
Status OnlyParams(const Request& request, std::initializer_list<std::string_view> allowed);

/// The non-negative integer spelled by `text` in at most `max_digits` decimal digits (ids, cursors,
/// counts in paths and query strings), or nullopt for anything else. Callers choose the error.
std::optional<int64_t> ParseDigits(std::string_view text, size_t max_digits = 18);

}  // namespace hearth::adapters::http

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
/// {"error":{"code","message","field"}} with the status of its code. Internal details are logged,
/// never sent.
Response ErrorResponse(const Error& error);

/// 405 for a path served with other methods: {"error":{"code":"method_not_allowed","message"}}
/// naming them, and the Allow header (RFC 9110 §15.5.6). Not an ErrorCode: only the router
/// knows which methods a path has, and no use case ever answers it.
Response MethodNotAllowed(const std::string& method, const std::vector<std::string>& allowed);

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

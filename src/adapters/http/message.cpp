#include "adapters/http/message.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>

#include "adapters/json/error_json.hpp"

namespace hearth::adapters::http {

unsigned HttpStatus(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kPermissionDenied: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kAlreadyExists: return 409;
    case ErrorCode::kFailedPrecondition: return 409;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kResourceExhausted: return 429;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

Response Json(unsigned status, const nlohmann::ordered_json& body) {
  return Response{status, "application/json", body.dump(), {}};
}

Response MethodNotAllowed(const std::string& method, const std::vector<std::string>& allowed) {
  std::string list;
  for (const auto& m : allowed) list += (list.empty() ? "" : ", ") + m;
  Response resp = Json(405, {{"error",
                              {{"code", "method_not_allowed"},
                               {"message", "method " + method + " is not allowed here; allowed: " +
                                               list}}}});
  resp.headers.emplace_back("Allow", list);
  return resp;
}

Response UnsupportedMediaType(const std::string& type, const std::string& accepted) {
  return Json(415, {{"error",
                     {{"code", "unsupported_media_type"},
                      {"message", "the body's Content-Type " + type +
                                      " is not taken here; send " + accepted},
                      {"field", "content-type"}}}});
}

std::string MediaType(const Request& request) {
  auto it = request.headers.find("content-type");
  if (it == request.headers.end()) return "";
  std::string type = it->second.substr(0, it->second.find(';'));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type;
}

namespace {
constexpr size_t kCodes = static_cast<size_t>(ErrorCode::kInternal) + 1;
std::array<std::atomic<uint64_t>, kCodes> answered{};
}  // namespace

uint64_t ErrorsAnswered(ErrorCode code) { return answered[static_cast<size_t>(code)].load(); }

Response ErrorResponse(const Error& error) {
  answered[static_cast<size_t>(error.code)].fetch_add(1, std::memory_order_relaxed);
  if (error.code == ErrorCode::kInternal || !error.detail.empty()) {
    spdlog::error("{}: {} {}", ErrorCodeName(error.code), error.message, error.detail);
  }
  Response resp = Json(HttpStatus(error.code), adapters::json::ErrorToJson(error));
  // RFC 9110 §10.2.3, with 429 (RFC 6585 §4) and 503. Every 503 says when to come back (issue
  // 18, item 2): a second unless the error knows better (a reconnection is tried every 0.5 s).
  int64_t retry_after = error.retry_after_s;
  if (retry_after <= 0 && error.code == ErrorCode::kUnavailable) retry_after = 1;
  if (retry_after > 0) resp.headers.emplace_back("Retry-After", std::to_string(retry_after));
  return resp;
}

std::optional<std::string> UrlDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int hi = hex(text[i + 1]), lo = hex(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

Result<std::map<std::string, std::string>> ParseQuery(std::string_view query) {
  std::map<std::string, std::string> out;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view part = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (part.empty()) continue;
    size_t eq = part.find('=');
    auto key = UrlDecode(part.substr(0, eq));
    auto value = UrlDecode(eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1));
    if (!key || !value || key->empty()) {
      return Error::InvalidArgument("malformed query parameter '" + std::string(part) + "'");
    }
    out[*key] = *value;
  }
  return out;
}

Status OnlyParams(const Request& request, std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : request.query) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      return Error::InvalidArgument("unknown query parameter '" + key + "'", key);
    }
  }
  return OkStatus();
}

std::optional<int64_t> ParseDigits(std::string_view text, size_t max_digits) {
  if (text.empty() || text.size() > max_digits ||
      text.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  int64_t value = 0;
  for (char c : text) value = value * 10 + (c - '0');  // ≤ 18 digits: no overflow
  return value;
}

}  // namespace hearth::adapters::http

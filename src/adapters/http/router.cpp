#include "adapters/http/router.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <optional>

#include <spdlog/spdlog.h>

#include "adapters/json/json_input.hpp"

namespace hearth::adapters::http {
namespace {

std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') { ++i; continue; }
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    out.emplace_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

bool Match(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
           std::map<std::string, std::string>& params) {
  if (pattern.size() != path.size()) return false;
  std::map<std::string, std::string> captured;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const std::string& p = pattern[i];
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      captured[p.substr(1, p.size() - 2)] = path[i];
    } else if (p != path[i]) {
      return false;
    }
  }
  params = std::move(captured);
  return true;
}

// Types a CSV upload may come as: curl --data-binary sends form encoding unless told otherwise.
bool IsCsvType(const std::string& type) {
  return type == "text/csv" || type == "text/plain" || type == "application/octet-stream" ||
         type == "application/x-www-form-urlencoded";
}

bool IsJsonType(const std::string& type) {
  return type == "application/json" || type.ends_with("+json");
}

// What every route with a body checks before its handler runs: the body's media type is one the
// route takes (else 415; no declared type is taken as the route's own), and a JSON body nests at
// most adapters::json::kMaxJsonDepth levels (else 400), so no handler ever sees a deeper one.
std::optional<Response> CheckBody(const RouteDoc& doc, const Request& request) {
  if (request.body.empty()) return std::nullopt;
  const std::string type = MediaType(request);
  const bool csv_route = doc.request_schema == "csv";
  const bool json_route = !doc.request_schema.empty() && !csv_route;
  if (csv_route && !type.empty() && !IsCsvType(type)) {
    return UnsupportedMediaType(type, "text/csv");
  }
  if (json_route && !type.empty() && !IsJsonType(type) && !(doc.csv_too && type == "text/csv")) {
    return UnsupportedMediaType(type, doc.csv_too ? "application/json or text/csv"
                                                  : "application/json");
  }
  const bool json_body = json_route ? (type.empty() || IsJsonType(type)) : IsJsonType(type);
  if (json_body && adapters::json::ExceedsDepth(request.body)) {
    return ErrorResponse(adapters::json::TooDeep());
  }
  return std::nullopt;
}

// Headers every answer carries (issue 12, finding 11): browsers never guess a type
// (X-Content-Type-Options), and no cache keeps an API answer, which may hold personal data.
void AddCommonHeaders(const Request& request, Response& resp) {
  auto has = [&resp](std::string_view name) {
    return std::any_of(resp.headers.begin(), resp.headers.end(), [name](const auto& h) {
      return std::equal(h.first.begin(), h.first.end(), name.begin(), name.end(),
                        [](char a, char b) {
                          return std::tolower(static_cast<unsigned char>(a)) ==
                                 std::tolower(static_cast<unsigned char>(b));
                        });
    });
  };
  if (!has("X-Content-Type-Options")) {
    resp.headers.emplace_back("X-Content-Type-Options", "nosniff");
  }
  if (request.path.starts_with("/api/") && !has("Cache-Control")) {
    resp.headers.emplace_back("Cache-Control", "no-store");
  }
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler, RouteDoc doc) {
  auto segments = Split(pattern);
  routes_.push_back({std::move(method), std::move(pattern), std::move(segments),
                     std::move(handler), std::move(doc)});
}

Response Router::Handle(Request request) const {
  const auto start = std::chrono::steady_clock::now();
  const Route* route = nullptr;
  Response resp = Dispatch(request, route);
  AddCommonHeaders(request, resp);
  if (observer_) {
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    observer_(request, route ? route->pattern : std::string(), resp, took.count());
  }
  return resp;
}

Response Router::Dispatch(Request& request, const Route*& matched) const {
  auto path = Split(request.path);
  // HEAD is answered as GET; the server sends the head only (RFC 9110 §9.3.2).
  const std::string method = request.method == "HEAD" ? "GET" : request.method;
  std::vector<std::string> allowed;  // the methods of the path, when the request's is not one
  for (const Route& r : routes_) {
    std::map<std::string, std::string> params;
    if (!Match(r.segments, path, params)) continue;
    if (r.method != method) {
      if (std::find(allowed.begin(), allowed.end(), r.method) == allowed.end()) {
        allowed.push_back(r.method);
      }
      continue;
    }
    request.params = std::move(params);
    matched = &r;
    if (auto refused = CheckBody(r.doc, request)) return std::move(*refused);
    return Run(r, request);
  }
  if (!allowed.empty()) {
    if (std::find(allowed.begin(), allowed.end(), "GET") != allowed.end()) allowed.push_back("HEAD");
    return MethodNotAllowed(request.method, allowed);
  }
  if (fallback_ && method == "GET") {
    if (auto answer = fallback_(request)) return std::move(*answer);
  }
  return ErrorResponse(Error::NotFound("no such resource: " + request.path));
}

Response Router::Run(const Route& route, const Request& request) const {
  const bool gated = gate_ && route.doc.gated;
  if (gated) {
    if (auto open = gate_(); !open.ok()) return ErrorResponse(open.error());
  }
  Response resp;
  try {
    resp = route.handler(request);
  } catch (const std::exception& e) {
    return ErrorResponse(Error::Internal(std::string("handler threw: ") + e.what()));
  }
  const bool change = request.method != "GET" && request.method != "HEAD";
  if (gated && change && resp.status < 300) {
    if (auto open = gate_(); !open.ok()) {
      Error e = open.error();
      e.message += " (this change may be lost: send it again once the service is back)";
      return ErrorResponse(e);
    }
  }
  return resp;
}

}  // namespace hearth::adapters::http

#include "adapters/http/router.hpp"

#include <spdlog/spdlog.h>

namespace hearth::http {
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

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler, RouteDoc doc) {
  auto segments = Split(pattern);
  routes_.push_back({std::move(method), std::move(pattern), std::move(segments),
                     std::move(handler), std::move(doc)});
}

Response Router::Handle(Request request) const {
  auto path = Split(request.path);
  bool path_known = false;
  for (const Route& r : routes_) {
    std::map<std::string, std::string> params;
    if (!Match(r.segments, path, params)) continue;
    path_known = true;
    if (r.method != request.method) continue;
    request.params = std::move(params);
    try {
      return r.handler(request);
    } catch (const std::exception& e) {
      return ErrorResponse(Error::Internal(std::string("handler threw: ") + e.what()));
    }
  }
  if (path_known) {
    Response resp = ErrorResponse(
        {ErrorCode::kInvalidArgument, "method " + request.method + " is not allowed here", "", ""});
    resp.status = 405;
    return resp;
  }
  return ErrorResponse(Error::NotFound("no such resource: " + request.path));
}

}  // namespace hearth::http

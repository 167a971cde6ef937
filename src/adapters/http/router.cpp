#include "adapters/http/router.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

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

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler, RouteDoc doc) {
  auto segments = Split(pattern);
  routes_.push_back({std::move(method), std::move(pattern), std::move(segments),
                     std::move(handler), std::move(doc)});
}

Response Router::Handle(Request request) const {
  auto path = Split(request.path);
  std::vector<std::string> allowed;  // the methods of the path, when the request's is not one
  for (const Route& r : routes_) {
    std::map<std::string, std::string> params;
    if (!Match(r.segments, path, params)) continue;
    if (r.method != request.method) {
      if (std::find(allowed.begin(), allowed.end(), r.method) == allowed.end()) {
        allowed.push_back(r.method);
      }
      continue;
    }
    request.params = std::move(params);
    try {
      return r.handler(request);
    } catch (const std::exception& e) {
      return ErrorResponse(Error::Internal(std::string("handler threw: ") + e.what()));
    }
  }
  if (!allowed.empty()) return MethodNotAllowed(request.method, allowed);
  return ErrorResponse(Error::NotFound("no such resource: " + request.path));
}

}  // namespace hearth::adapters::http

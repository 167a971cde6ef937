// Routes requests by method and path. Patterns are literal segments and `{name}` segments, which
// capture into Request::params: "/api/v1/households/{id}". Immutable once serving starts;
// Handle() is thread-safe.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "adapters/http/message.hpp"

namespace hearth::http {

using Handler = std::function<Response(const Request&)>;

class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler);

  /// Dispatches; 404 for an unknown path, 405 for a known path with another method. A handler
  /// that throws answers 500 (and is logged): an exception here is a bug.
  Response Handle(Request request) const;

  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace hearth::http

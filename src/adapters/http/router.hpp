// Routes requests by method and path. Patterns are literal segments and `{name}` segments, which
// capture into Request::params: "/api/v1/households/{id}". Immutable once serving starts;
// Handle() is thread-safe.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "adapters/http/message.hpp"

namespace hearth::adapters::http {

using Handler = std::function<Response(const Request&)>;

/// What the OpenAPI document says of a route (app/http/openapi.cpp).
struct RouteDoc {
  std::string summary;                     ///< required: a route without one fails the tests
  std::vector<std::string> query;          ///< query parameter names
  std::string request_schema;              ///< a component schema name, or "" (none), or "csv"
  std::string response_schema;             ///< a component schema name, or ""
  bool list = false;                       ///< the response is a page {"items":[…],"next_cursor"}
  bool csv_too = false;                    ///< the body may also be text/csv
  int status = 0;  ///< the success status; 0: 201 for a POST with a JSON body, 204 for a DELETE,
                   ///< 200 otherwise
};

class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler, RouteDoc doc = {});

  /// Dispatches; 404 for an unknown path, 405 for a known path with another method. A handler
  /// that throws answers 500 (and is logged): an exception here is a bug.
  Response Handle(Request request) const;

  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
    RouteDoc doc;
  };
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace hearth::adapters::http

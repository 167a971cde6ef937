// Routes requests by method and path. Patterns are literal segments and `{name}` segments, which
// capture into Request::params: "/api/v1/households/{id}". Immutable once serving starts;
// Handle() is thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
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
  bool gated = true;  ///< false: answered while the gate (Router::SetGate) is shut (/healthz)
  int status = 0;  ///< the success status; 0: 201 for a POST with a JSON body, 204 for a DELETE,
                   ///< 200 otherwise
  /// Other statuses answered with the success body, and when (e.g. 422 for a batch of readings
  /// of which none was taken): documented beside the success in the OpenAPI document.
  std::vector<std::pair<int, std::string>> same_body = {};
};

class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler, RouteDoc doc = {});

  /// A condition every gated route needs (the database being there: issue 12, finding 6). While
  /// it fails, gated routes answer its error (503) without running; and a change (any method
  /// but GET and HEAD) that succeeded while the gate shut behind it answers the gate's error
  /// instead of its success, because what it wrote may be lost. Set before serving.
  void SetGate(std::function<Status()> gate) { gate_ = std::move(gate); }

  /// Answers a GET or HEAD that no route matches, before the 404: the web console
  /// (StaticSite::Serve), whose deep links are paths the router does not know. nullopt: 404.
  /// Not gated: the console loads while the database is away, and says so from the API. Set
  /// before serving.
  using Fallback = std::function<std::optional<Response>(const Request&)>;
  void SetFallback(Fallback fallback) { fallback_ = std::move(fallback); }

  /// Called after every request with its matched route pattern ("" when none matched), the
  /// answer and the seconds it took: the access log and the metrics. Set before serving; called
  /// on the serving threads.
  using Observer = std::function<void(const Request& request, const std::string& route,
                                      const Response& response, double seconds)>;
  void SetObserver(Observer observer) { observer_ = std::move(observer); }

  /// Dispatches; 404 for an unknown path, 405 for a known path with another method, HEAD as
  /// GET. Before the handler: 415 for a body of a media type the route does not take, 400 for a
  /// JSON body nested deeper than adapters::json::kMaxJsonDepth. Every answer gets
  /// X-Content-Type-Options: nosniff, and answers under /api/ Cache-Control: no-store unless the
  /// handler set one. A handler that throws answers 500 (and is logged): an exception here is a
  /// bug.
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
  Response Dispatch(Request& request, const Route*& matched) const;
  Response Run(const Route& route, const Request& request) const;

  std::vector<Route> routes_;
  std::function<Status()> gate_;
  Observer observer_;
  Fallback fallback_;
};

}  // namespace hearth::adapters::http

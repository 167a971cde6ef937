// Every route of `hearth serve`, registered in one place so that the tests (OpenAPI coverage,
// the role matrix) see exactly what is served.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "adapters/http/metrics.hpp"
#include "adapters/http/router.hpp"
#include "adapters/mqtt/mqtt_subscriber.hpp"
#include "app/http/records.hpp"
#include "app/runtime/runtime.hpp"

namespace hearth::app::http {

/// What GET /metrics reports beyond the runtime's own figures.
struct MetricsRoute {
  const adapters::http::HttpMetrics* http = nullptr;  ///< the router's requests
  std::function<double()> rollup_lag_seconds;         ///< the background rollups', when running
  /// The MQTT subscriber's counters, when MQTT ingest runs (nullopt while it starts).
  std::function<std::optional<adapters::mqtt::SubscriberStats>()> mqtt;
  std::string token;  ///< a scraper's bearer token; empty: loopback only
};

/// What GET /readyz checks beyond the database (app/http/routes.hpp, ReadyCheck).
struct ReadyRoute {
  /// A SQLite database's disk must have this much room (flag --ready-min-free-mb).
  uint64_t min_free_bytes = uint64_t{100} << 20;
  std::function<Status()> broker;  ///< the MQTT subscription, when MQTT ingest runs
};

/// Registers every route (GET /metrics when `metrics` is given), the OpenAPI document last. `rt`
/// must outlive the router and have a database (store, records, auth).
void AddApiRoutes(adapters::http::Router& router, runtime::Runtime& rt,
                  const std::optional<MetricsRoute>& metrics = std::nullopt,
                  const ReadyRoute& ready = {});

/// GET /metrics (app/http/metrics_route.cpp).
void AddMetricsRoute(adapters::http::Router& router, runtime::Runtime& rt,
                     const MetricsRoute& metrics);

/// The records' access rule: a bearer token (401 without), the role's read/write rights per
/// resource (403), its scope (company or household) and masking (rules/access, W 12.1).
Authorizer MakeAuthorizer(services::AuthService& auth);

}  // namespace hearth::app::http

// GET /metrics: Prometheus's text format (issue 12, finding 11), for the Prometheus and Grafana
// operators already run. Served to loopback, or to a scraper that sends the metrics token.
#include <openssl/crypto.h>

#include <optional>
#include <tuple>

#include "adapters/http/metrics.hpp"
#include "adapters/storage/pg_link.hpp"
#include "app/http/api.hpp"

namespace hearth::app::http {
namespace {

bool IsLoopback(const std::string& address) {
  return address.rfind("127.", 0) == 0 || address == "::1" || address.rfind("::ffff:127.", 0) == 0;
}

// Compared in constant time: the token is a credential.
bool HasToken(const adapters::http::Request& req, const std::string& token) {
  if (token.empty()) return false;
  auto it = req.headers.find("authorization");
  if (it == req.headers.end()) return false;
  const std::string expected = "Bearer " + token;
  return it->second.size() == expected.size() &&
         CRYPTO_memcmp(it->second.data(), expected.data(), expected.size()) == 0;
}

}  // namespace

void AddMetricsRoute(adapters::http::Router& router, runtime::Runtime& rt,
                     const MetricsRoute& metrics) {
  router.Add(
      "GET", "/metrics",
      [&rt, metrics](const adapters::http::Request& req) {
        if (!IsLoopback(req.remote) && !HasToken(req, metrics.token)) {
          return adapters::http::ErrorResponse(Error::PermissionDenied(
              "metrics are served to loopback, or with the metrics token (--metrics-token)"));
        }
        adapters::http::MetricsText text;
        if (metrics.http) metrics.http->Render(text);
        text.Family("hearth_http_errors_total", "counter",
                    "Error answers by code (unavailable and internal include database errors)");
        for (ErrorCode code : {ErrorCode::kInvalidArgument, ErrorCode::kNotFound,
                               ErrorCode::kAlreadyExists, ErrorCode::kFailedPrecondition,
                               ErrorCode::kUnauthenticated, ErrorCode::kPermissionDenied,
                               ErrorCode::kUnavailable, ErrorCode::kResourceExhausted,
                               ErrorCode::kInternal}) {
          text.Sample("hearth_http_errors_total",
                      std::string("{code=\"") + ErrorCodeName(code) + "\"}",
                      static_cast<double>(adapters::http::ErrorsAnswered(code)));
        }
        text.Family("hearth_database_up", "gauge",
                    "1 while the database file is there and writable (issue 12, finding 6)");
        text.Sample("hearth_database_up", "", rt.db->watch.Check().ok() ? 1 : 0);
        const auto totals = rt.db->ingest.Totals();
        text.Family("hearth_readings_total", "counter",
                    "Readings received by this process, by outcome");
        for (const auto& [outcome, n] :
             {std::pair{"stored", totals.accepted}, std::pair{"duplicate", totals.duplicate},
              std::pair{"conflicting", totals.conflicting},
              std::pair{"rejected", totals.rejected}}) {
          text.Sample("hearth_readings_total", std::string("{outcome=\"") + outcome + "\"}",
                      static_cast<double>(n));
        }
        text.Family("hearth_readings_quarantined_total", "counter",
                    "Rejected readings kept in quarantine: timed too far ahead (a fast clock)");
        text.Sample("hearth_readings_quarantined_total", "",
                    static_cast<double>(totals.quarantined));
        if (auto backlog = rt.db->monitoring.DirtyMarkCount(); backlog.ok()) {
          text.Family("hearth_rollup_backlog", "gauge",
                      "Sensor-days with readings not yet rolled up into household-days");
          text.Sample("hearth_rollup_backlog", "", static_cast<double>(*backlog));
        }
        if (metrics.rollup_lag_seconds) {
          text.Family("hearth_rollup_last_run_age_seconds", "gauge",
                      "Seconds since the background rollup last finished without an error");
          text.Sample("hearth_rollup_last_run_age_seconds", "", metrics.rollup_lag_seconds());
        }
        text.Family("hearth_database_reconnections_total", "counter",
                    "PostgreSQL sessions made again after the server ended or lost one (issue 18)");
        text.Sample("hearth_database_reconnections_total", "",
                    static_cast<double>(adapters::storage::PgReconnections()));
        if (auto mqtt = metrics.mqtt ? metrics.mqtt() : std::nullopt) {
          text.Family("hearth_mqtt_subscribed", "gauge",
                      "1 while subscribed to the MQTT broker");
          text.Sample("hearth_mqtt_subscribed", "", mqtt->subscribed ? 1 : 0);
          for (const auto& [name, help, n] : {
                   std::tuple{"hearth_mqtt_sessions_total", "Sessions the broker accepted",
                              mqtt->sessions},
                   std::tuple{"hearth_mqtt_sessions_lost_total",
                              "Sessions the broker did not resume: it lost what it had queued",
                              mqtt->sessions_lost},
                   std::tuple{"hearth_mqtt_acknowledged_total",
                              "Messages acknowledged (stored, or never storable)",
                              mqtt->acknowledged},
                   std::tuple{"hearth_mqtt_failed_batches_total",
                              "Batches not stored (nothing acknowledged; tried again)",
                              mqtt->failed_batches}}) {
            text.Family(name, "counter", help);
            text.Sample(name, "", static_cast<double>(n));
          }
        }
        return adapters::http::Response{200, "text/plain; version=0.0.4; charset=utf-8",
                                        text.Take(), {}};
      },
      {.summary = "Prometheus metrics (text format): requests by route and status with latency "
                  "histograms, errors by code, readings by outcome, the rollups' backlog and "
                  "lag, the database's state and reconnections, the MQTT subscription's "
                  "sessions (lost ones too); to loopback or with the metrics token",
       .query = {},
       .request_schema = "",
       .response_schema = "",
       .list = false,
       .gated = false});
}

}  // namespace hearth::app::http

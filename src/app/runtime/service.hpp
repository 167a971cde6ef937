// `hearth serve` and `hearth demo` as a running service: the HTTP API over a runtime with its
// database, the rollup worker, and MQTT ingest when a broker is given. Members are built in
// order (router, server, workers) and stopped in reverse: the workers before the server, all
// before the runtime, which must outlive the service.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

#include <spdlog/logger.h>

#include "adapters/http/metrics.hpp"
#include "adapters/http/router.hpp"
#include "adapters/http/server.hpp"
#include "adapters/http/static_site.hpp"
#include "app/runtime/mqtt_ingestion.hpp"
#include "app/runtime/rollup_worker.hpp"
#include "app/runtime/work_order_worker.hpp"
#include "app/runtime/runtime.hpp"

namespace hearth::app::runtime {

struct ServiceOptions {
  std::string listen = "127.0.0.1:8080";  ///< HOST:PORT (flag --listen)
  unsigned threads = 0;  ///< serving requests, 0: one per core; plus one per admitted login
  MqttFlags mqtt;        ///< url empty: no MQTT ingest
  std::chrono::milliseconds rollup_interval{3000};
  /// One line per request (method, path without the query, status, time, user id, client):
  /// a file, "-" for standard output, "" for none (flag --access-log).
  std::string access_log;
  /// GET /metrics to others than loopback with `Authorization: Bearer <token>` (flag
  /// --metrics-token, or $HEARTH_METRICS_TOKEN); empty: loopback only.
  std::string metrics_token;
  /// At SIGTERM or SIGINT, how long requests being received may take to be answered before the
  /// connections left are closed (flag --drain-seconds; 0..300).
  int drain_seconds = 10;
  /// GET /readyz fails while a SQLite database's disk has less room (MiB; --ready-min-free-mb).
  uint64_t ready_min_free_mb = 100;
  /// Deliver the notifications outbox to this http:// URL (--notify-webhook); empty: keep them.
  std::string notify_webhook;
  /// Sign each delivery with HMAC-SHA256 under this secret (--notify-secret,
  /// $HEARTH_NOTIFY_SECRET); empty: unsigned.
  std::string notify_secret;
  /// How often the work-order worker scans, checks the calendar and delivers.
  std::chrono::milliseconds work_order_interval{1000};
  /// The built web console served at / (flag --web-dir; adapters/http/static_site.hpp); empty:
  /// the API only.
  std::string web_dir;
};

class Service {
 public:
  /// Binds the address, starts serving and the workers. Errors: invalid_argument naming
  /// `listen`, `drain-seconds`, `mqtt`, `notify_webhook` or `web-dir`; unavailable when the address cannot be bound;
  /// failed_precondition when the runtime has no database.
  static Result<std::unique_ptr<Service>> Start(Runtime& rt, const ServiceOptions& options);

  ~Service();
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  /// "http://HOST:PORT" as bound.
  std::string url() const;
  /// Blocks until SIGINT or SIGTERM, then stops: the HTTP server drains first (no new
  /// connections; requests being received are answered; at most drain_seconds), then MQTT ingest
  /// stops, then the rollup and work-order workers.
  void WaitForSignal();

 private:
  Service(Runtime& rt, adapters::http::ServerOptions options, const ServiceOptions& service);

  adapters::http::HttpMetrics metrics_;  // before the router, whose observer feeds it
  std::shared_ptr<spdlog::logger> access_log_;  // null: no access log
  adapters::http::Router router_;
  std::optional<adapters::http::StaticSite> site_;  // the console; before the server serves it
  adapters::http::Server server_;
  std::string address_;
  std::unique_ptr<RollupWorker> rollups_;
  std::unique_ptr<MqttIngestion> mqtt_;
  std::unique_ptr<WorkOrderWorker> work_orders_;
  // The workers as the HTTP threads see them (/metrics, /readyz): set once each is running, after
  // the server started, and cleared before they stop.
  std::atomic<const RollupWorker*> rollups_view_{nullptr};
  std::atomic<const MqttIngestion*> mqtt_view_{nullptr};
};

}  // namespace hearth::app::runtime

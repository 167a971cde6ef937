#include "app/runtime/service.hpp"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <thread>

#include "adapters/notify/webhook_sender.hpp"
#include "app/http/api.hpp"
#include "app/http/auth.hpp"

namespace hearth::app::runtime {

namespace {

// A drain longer than this is more likely a typo than a plan; supervisors kill sooner anyway
// (systemd's TimeoutStopSec defaults to 90 s, Kubernetes' grace period to 30 s).
constexpr int kMaxDrainSeconds = 300;

// The access log's sink: a file (appended), or standard output for "-".
Result<std::shared_ptr<spdlog::logger>> AccessLogger(const std::string& target) {
  try {
    std::shared_ptr<spdlog::logger> logger =
        target == "-" ? spdlog::stdout_logger_mt("access")
                      : spdlog::basic_logger_mt("access", target);
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %v");
    logger->flush_on(spdlog::level::info);
    return logger;
  } catch (const spdlog::spdlog_ex& e) {
    return Error::InvalidArgument("--access-log: cannot open " + target + ": " + e.what(),
                                  "access-log");
  }
}

}  // namespace

Service::Service(Runtime& rt, adapters::http::ServerOptions options,
                 const ServiceOptions& service)
    : server_(options, router_), address_(options.address) {
  http::MetricsRoute metrics{.http = &metrics_,
                             .rollup_lag_seconds =
                                 [this] {
                                   const RollupWorker* r = rollups_view_.load();
                                   return r ? r->SecondsSinceLastRun() : 0.0;
                                 },
                             .mqtt = [this]() -> std::optional<adapters::mqtt::SubscriberStats> {
                               const MqttIngestion* m = mqtt_view_.load();
                               if (!m) return std::nullopt;
                               return m->stats();
                             },
                             .token = service.metrics_token};
  http::ReadyRoute ready{.min_free_bytes = service.ready_min_free_mb << 20, .broker = {}};
  if (!service.mqtt.url.empty()) {
    ready.broker = [this]() -> Status {
      const MqttIngestion* m = mqtt_view_.load();
      return m ? m->Ready() : Error::Unavailable("MQTT ingest is starting");
    };
  }
  http::AddApiRoutes(router_, rt, metrics, ready);
  // Every route but /healthz answers 503 while the database file is gone (issue 12, finding 6).
  router_.SetGate([&rt] { return rt.db->watch.Check(); });
  router_.SetFallback([this](const adapters::http::Request& req) {
    return site_ ? site_->Serve(req) : std::nullopt;
  });
  router_.SetObserver([this](const adapters::http::Request& req, const std::string& route,
                             const adapters::http::Response& resp, double seconds) {
    metrics_.Observe(req.method, route, resp.status, seconds);
    const int64_t user = http::TakeRequestUserId();
    if (access_log_) {
      // The path only: a query may carry personal data (a phone number searched for).
      access_log_->info("{} {} {} {:.1f}ms user={} from={}", req.method, req.path, resp.status,
                        seconds * 1000, user ? std::to_string(user) : "-",
                        req.remote.empty() ? "-" : req.remote);
    }
  });
}

Service::~Service() {
  mqtt_view_ = nullptr;
  rollups_view_ = nullptr;
  mqtt_.reset();     // stop taking readings first,
  rollups_.reset();  // then judging them,
  server_.Stop();    // then answering
}

Result<std::unique_ptr<Service>> Service::Start(Runtime& rt, const ServiceOptions& options) {
  if (!rt.db) return Error::FailedPrecondition("serving needs a database", "db");
  auto listen = adapters::http::ParseListen(options.listen);
  if (!listen.ok()) return listen.error();
  if (options.drain_seconds < 0 || options.drain_seconds > kMaxDrainSeconds) {
    return Error::InvalidArgument("--drain-seconds must be 0–" +
                                      std::to_string(kMaxDrainSeconds) + ", got " +
                                      std::to_string(options.drain_seconds),
                                  "drain-seconds");
  }
  adapters::http::ServerOptions server_options;
  server_options.address = listen->first;
  server_options.port = listen->second;
  server_options.drain_timeout = std::chrono::seconds(options.drain_seconds);
  // Logins wait on the hashing pool on an HTTP thread; at most hashing.capacity() of them at
  // once (the pool refuses the rest at once), so that many threads are added and the others stay
  // free for every other request during a login flood (issue 12, item 3).
  unsigned serving = options.threads ? options.threads
                                     : std::max(1u, std::thread::hardware_concurrency());
  server_options.threads = serving + rt.db->hashing.capacity();
  server_options.authenticates = [&rt](std::string_view authorization) {
    auto token = http::BearerToken(authorization);
    if (!token.ok()) return false;
    if (services::DeviceTokenService::IsDeviceToken(*token)) {
      return rt.db->device_tokens.SensorsOf(*token).ok();
    }
    return rt.db->auth.Authenticate(*token).ok();
  };
  std::shared_ptr<spdlog::logger> access_log;
  if (!options.access_log.empty()) {
    spdlog::drop("access");  // a previous service of this process (tests)
    auto logger = AccessLogger(options.access_log);
    if (!logger.ok()) return logger.error();
    access_log = std::move(*logger);
  }
  std::unique_ptr<ports::NotificationSender> sender;
  if (!options.notify_webhook.empty()) {
    auto url = adapters::notify::ParseWebhookUrl(options.notify_webhook);
    if (!url.ok()) return url.error();
    sender = std::make_unique<adapters::notify::WebhookSender>(*url, options.notify_secret);
  }
  std::optional<adapters::http::StaticSite> site;
  if (!options.web_dir.empty()) {
    auto loaded = adapters::http::StaticSite::Load(options.web_dir);
    if (!loaded.ok()) return loaded.error();
    spdlog::info("the console: {} files ({} KiB) from {}", loaded->files(), loaded->bytes() >> 10,
                 options.web_dir);
    site = std::move(*loaded);
  }
  std::unique_ptr<Service> service(new Service(rt, server_options, options));
  service->access_log_ = std::move(access_log);
  service->site_ = std::move(site);
  if (auto s = service->server_.Start(); !s.ok()) return s.error();
  // Household-days follow the readings (issue 5).
  service->rollups_ = std::make_unique<RollupWorker>(rt.db->rollups, options.rollup_interval);
  service->rollups_view_ = service->rollups_.get();
  // Overdue deadlines, calendar changes and notifications (issue 13).
  service->work_orders_ = std::make_unique<WorkOrderWorker>(
      rt.db->work_orders, rt.calendar, rt.db->work_order_store, std::move(sender), rt.clock,
      options.work_order_interval, &rt.db->mass_complaints);
  if (!options.mqtt.url.empty()) {
    auto started = StartMqttIngestion(rt, options.mqtt, service->server_.port());
    if (!started.ok()) return started.error();
    service->mqtt_ = std::move(*started);
    service->mqtt_view_ = service->mqtt_.get();
  }
  for (int y : rt.calendar.MissingYears(std::chrono::time_point_cast<std::chrono::seconds>(
           std::chrono::system_clock::now()))) {
    spdlog::warn("the calendar lacks {}: load it with `hearth calendar import FILE`", y);
  }
  return service;
}

std::string Service::url() const {
  return "http://" + address_ + ":" + std::to_string(server_.port());
}

void Service::WaitForSignal() {
  server_.WaitForSignal();  // drained: every request that had begun to arrive is answered
  mqtt_view_ = nullptr;
  rollups_view_ = nullptr;
  mqtt_.reset();            // then MQTT stops taking readings,
  rollups_.reset();         // then judging them,
  work_orders_.reset();     // and the work orders' duties
}

}  // namespace hearth::app::runtime

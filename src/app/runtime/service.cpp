#include "app/runtime/service.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <thread>

#include "app/http/api.hpp"

namespace hearth::app::runtime {

Service::Service(Runtime& rt, adapters::http::ServerOptions options)
    : server_(options, router_), address_(options.address) {
  http::AddApiRoutes(router_, rt);
}

Service::~Service() {
  mqtt_.reset();     // stop taking readings first,
  rollups_.reset();  // then judging them,
  server_.Stop();    // then answering
}

Result<std::unique_ptr<Service>> Service::Start(Runtime& rt, const ServiceOptions& options) {
  if (!rt.db) return Error::FailedPrecondition("serving needs a database", "db");
  auto listen = adapters::http::ParseListen(options.listen);
  if (!listen.ok()) return listen.error();
  adapters::http::ServerOptions server_options;
  server_options.address = listen->first;
  server_options.port = listen->second;
  // Logins wait on the hashing pool on an HTTP thread; at most hashing.capacity() of them at
  // once (the pool refuses the rest at once), so that many threads are added and the others stay
  // free for every other request during a login flood (issue 12, item 3).
  unsigned serving = options.threads ? options.threads
                                     : std::max(1u, std::thread::hardware_concurrency());
  server_options.threads = serving + rt.db->hashing.capacity();
  std::unique_ptr<Service> service(new Service(rt, server_options));
  if (auto s = service->server_.Start(); !s.ok()) return s.error();
  // Household-days follow the readings (issue 5).
  service->rollups_ = std::make_unique<RollupWorker>(rt.db->rollups, options.rollup_interval);
  if (!options.mqtt.url.empty()) {
    auto started = StartMqttIngestion(rt, options.mqtt, service->server_.port());
    if (!started.ok()) return started.error();
    service->mqtt_ = std::move(*started);
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

void Service::WaitForSignal() { server_.WaitForSignal(); }

}  // namespace hearth::app::runtime

// hearth serve | hearth demo
#include <spdlog/spdlog.h>

#include <iostream>

#include "adapters/http/server.hpp"
#include "app/api/api.hpp"
#include "app/commands.hpp"
#include "app/demo_seed.hpp"
#include "app/environment.hpp"
#include "app/live_simulation.hpp"
#include "app/runtime.hpp"
#include "app/simulation_sinks.hpp"
#include "app/serve_mqtt.hpp"
#include "app/serve_rollups.hpp"

namespace hearth::app {
namespace {

struct ServeFlags {
  std::string db = DefaultDbPath();
  std::string listen = "127.0.0.1:8080";
  std::string policies = DefaultPolicyDir().string();
  unsigned threads = 0;
  bool demo = false;
  uint64_t seed = 1;  // hearth demo --seed
  bool no_simulate = false;  // hearth demo --no-simulate
  MqttFlags mqtt;
};

int RunServe(const ServeFlags& f) {
  auto listen = http::ParseListen(f.listen);
  if (!listen.ok()) return Fail(listen.error());
  auto rt = MakeRuntime(f.db, f.policies, DbMode::kRequired);
  if (!rt.ok()) return Fail(rt.error());
  if (int rc = f.demo ? SeedDemoCity(*rt, f.seed) : 0; rc != 0) return rc;

  http::Router router;
  api::AddApiRoutes(router, *rt);

  http::ServerOptions options;
  options.address = listen->first;
  options.port = listen->second;
  options.threads = f.threads;
  http::Server server(options, router);
  if (auto s = server.Start(); !s.ok()) return Fail(s.error());
  // Household-days follow the readings (issue 5); stopped before the runtime goes.
  RollupWorker rollups(*rt->rollups, std::chrono::seconds(3));
  std::unique_ptr<MqttIngestion> mqtt;  // stopped before the runtime goes
  if (!f.mqtt.url.empty()) {
    auto started = StartMqttIngestion(*rt, f.mqtt, server.port());
    if (!started.ok()) return Fail(started.error());
    mqtt = std::move(*started);
  }

  // hearth demo: a living season, published over MQTT when a broker is given (so readings take
  // the sensors' path), else fed to the ingest service directly. Stopped before the runtime goes.
  std::optional<services::Simulation> simulation;
  std::unique_ptr<services::SimulationSink> sink;
  std::unique_ptr<LiveSimulation> live;
  if (f.demo && !f.no_simulate) {
    const Date today = LocalDate(
        std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
    services::SimOptions sim_options;
    sim_options.seed = f.seed;
    int season = SeasonYearOf(today);
    auto loaded = services::Simulation::Load(*rt->records, *rt->policies, season, sim_options);
    if (loaded.ok() && today < loaded->first_day()) {
      // Before this autumn's season: show the last one, whole.
      loaded = services::Simulation::Load(*rt->records, *rt->policies, --season, sim_options);
    }
    if (!loaded.ok()) return Fail(loaded.error());
    simulation = std::move(*loaded);
    if (f.mqtt.url.empty()) {
      sink = std::make_unique<InProcessSink>(*rt->ingest, *rt->monitoring);
    } else {
      auto mqtt_sink = MakeMqttSink(f.mqtt.url, *rt->monitoring);
      if (!mqtt_sink.ok()) return Fail(mqtt_sink.error());
      sink = std::move(*mqtt_sink);
    }
    // A restart resumes at the start of the newest day with readings (re-sent readings are
    // duplicates, harmless), not at the start of the season.
    Instant from = StartOfLocalDay(simulation->first_day());
    auto last = rt->monitoring->LastReadings(std::nullopt);
    if (!last.ok()) return Fail(last.error());
    for (const auto& sensor : *last) {
      if (sensor.last_ts) {
        from = std::max(from, StartOfLocalDay(LocalDate(Instant{std::chrono::seconds{
                                  *sensor.last_ts}})));
      }
    }
    spdlog::info("simulator: sending from {}", FormatLocal(from));
    live = std::make_unique<LiveSimulation>(*simulation, *sink, from, std::chrono::seconds(60));
    live->Start();
    spdlog::info("simulating the {} season for {} sensors{}", season,
                 simulation->sensors(), f.mqtt.url.empty() ? "" : " over MQTT");
  }

  std::string url = "http://" + options.address + ":" + std::to_string(server.port());
  spdlog::info("hearth serving {} (database {}, policies {})", url, f.db, f.policies);
  for (int y : rt->calendar->MissingYears(std::chrono::time_point_cast<std::chrono::seconds>(
           std::chrono::system_clock::now()))) {
    spdlog::warn("the calendar lacks {}: load it with `hearth calendar import FILE`", y);
  }
  if (f.demo) {
    std::cout << "Hearth demo on " << url << "\n"
              << "  " << url << "/healthz\n"
              << "  " << url
              << "/api/v1/calc/deadline?policy=weihai&rule=reply&channel=city-hotline"
                 "&from=2024-09-27T16:00:00%2B08:00\n"
              << "Press Ctrl-C to stop.\n"
              << std::flush;
  }
  server.WaitForSignal();
  return 0;
}

void AddServeFlags(CLI::App* cmd, ServeFlags& f) {
  cmd->add_option("--db", f.db, "Database: a SQLite file (created if missing) or a postgresql:// URL");
  cmd->add_option("--listen", f.listen, "HOST:PORT to listen on");
  cmd->add_option("--policies", f.policies, "Directory of policy profiles");
  cmd->add_option("--threads", f.threads, "Worker threads (0: one per core)");
  cmd->add_option("--mqtt", f.mqtt.url,
                  "Ingest readings from this MQTT broker (mqtt://HOST:PORT), topic "
                  "hearth/v1/readings/<sensor>");
  cmd->add_flag("--mqtt-shared", f.mqtt.shared,
                "Share the subscription with other instances ($share/hearth/...)");
  cmd->add_option("--mqtt-client-id", f.mqtt.client_id,
                  "MQTT client id, naming the persistent session (default hearth-<host>-<port>)");
}

}  // namespace

void AddServeCommands(CLI::App& app, int* exit_code) {
  auto serve = std::make_shared<ServeFlags>();
  auto* s = app.add_subcommand("serve", "Serve the HTTP API");
  AddServeFlags(s, *serve);
  s->callback([serve, exit_code] { *exit_code = RunServe(*serve); });

  auto demo = std::make_shared<ServeFlags>();
  demo->db = "var/demo.db";
  demo->demo = true;
  auto* d = app.add_subcommand("demo", "Serve a demo city");
  AddServeFlags(d, *demo);
  d->add_option("--seed", demo->seed, "Seed of the city generated into an empty database");
  d->add_flag("--no-simulate", demo->no_simulate,
              "Serve the city without the season simulator's readings");
  d->callback([demo, exit_code] { *exit_code = RunServe(*demo); });
}

}  // namespace hearth::app

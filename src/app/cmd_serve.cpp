// hearth serve | hearth demo
#include <spdlog/spdlog.h>

#include <iostream>

#include "adapters/http/server.hpp"
#include "app/api/api.hpp"
#include "app/commands.hpp"
#include "app/demo_seed.hpp"
#include "app/environment.hpp"
#include "app/runtime.hpp"

namespace hearth::app {
namespace {

struct ServeFlags {
  std::string db = DefaultDbPath();
  std::string listen = "127.0.0.1:8080";
  std::string policies = DefaultPolicyDir().string();
  unsigned threads = 0;
  bool demo = false;
  uint64_t seed = 1;  // hearth demo --seed
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
  d->callback([demo, exit_code] { *exit_code = RunServe(*demo); });
}

}  // namespace hearth::app

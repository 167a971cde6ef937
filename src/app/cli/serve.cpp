// hearth serve: the HTTP API over a database, with MQTT ingest when a broker is given.
#include <spdlog/spdlog.h>

#include "app/cli/commands.hpp"
#include "app/cli/environment.hpp"
#include "app/cli/serve_flags.hpp"
#include "app/runtime/service.hpp"

namespace hearth::app::cli {
namespace {

int RunServe(const ServeFlags& f) {
  auto opened = runtime::Runtime::Open({f.db, f.policies, runtime::DbMode::kRequired});
  if (!opened.ok()) return Fail(opened.error());
  runtime::Runtime& rt = **opened;
  auto service = runtime::Service::Start(rt, f.service);
  if (!service.ok()) return Fail(service.error());
  spdlog::info("hearth serving {} (database {}, policies {})", (*service)->url(), f.db,
               f.policies);
  (*service)->WaitForSignal();
  return 0;
}

}  // namespace

void AddServeCommands(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<ServeFlags>();
  auto* s = app.add_subcommand("serve", "Serve the HTTP API");
  AddServeFlags(s, *flags);
  s->callback([flags, exit_code] { *exit_code = RunServe(*flags); });
}

}  // namespace hearth::app::cli

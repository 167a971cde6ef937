// hearth serve: the HTTP API over a database, with MQTT ingest when a broker is given.
#include <spdlog/spdlog.h>

#include "app/cli/commands.hpp"
#include "app/cli/environment.hpp"
#include "app/cli/serve_flags.hpp"
#include "app/runtime/service.hpp"

namespace hearth::app::cli {
namespace {

int RunServe(const ServeFlags& f, bool init) {
  runtime::RuntimeOptions options{f.db, f.policies, runtime::DbMode::kRequired};
  options.create = init;
  auto opened = runtime::Runtime::Open(options);
  if (!opened.ok()) {
    Error e = opened.error();
    if (e.code == ErrorCode::kNotFound && e.field == "db") {
      e.message += " (serve creates no database: run `hearth migrate --db " + f.db +
                   "` or give --init)";
    }
    return Fail(e);
  }
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
  auto init = std::make_shared<bool>(false);
  auto* s = app.add_subcommand("serve", "Serve the HTTP API");
  AddServeFlags(s, *flags);
  s->add_flag("--init", *init,
              "Create the SQLite database when the file does not exist (without it, a missing "
              "file is an error)");
  s->callback([flags, init, exit_code] { *exit_code = RunServe(*flags, *init); });
}

}  // namespace hearth::app::cli

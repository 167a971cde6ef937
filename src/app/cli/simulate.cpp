// hearth simulate --season YEAR [--db URL] (--mqtt URL | --http URL --username U --password P)
//                 [--from T] [--until T] [--follow] [--seed N] [--interval-minutes M]
// Publishes realistic readings for the city's sensors (sim/season_simulator.hpp) and writes
// the outdoor daily means; prints what it sent. With --follow it keeps going with the clock.
#include <spdlog/spdlog.h>

#include <csignal>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/commands.hpp"
#include "app/cli/environment.hpp"
#include "app/runtime/runtime.hpp"
#include "sim/live_simulation.hpp"
#include "sim/simulation_sinks.hpp"

namespace hearth::app::cli {
namespace {

struct SimulateFlags {
  std::string db = DefaultDbPath();
  std::string policies = DefaultPolicyDir().string();
  int season = 0;
  std::string mqtt, mqtt_ca_file, http, username, password;
  std::string from, until;
  bool follow = false;
  uint64_t seed = 1;
  int interval_minutes = 10;
};

Result<Instant> TimeFlag(const std::string& text, const char* name) {
  auto t = ParseRfc3339(text);
  if (!t.ok())
    return Error::InvalidArgument(std::string("--") + name + " must be an RFC 3339 time", name);
  return *t;
}

int RunSimulate(const SimulateFlags& f) {
  if (f.mqtt.empty() == f.http.empty()) {
    return Fail(Error::InvalidArgument("give one of --mqtt or --http", "mqtt"));
  }
  if (!f.http.empty() && (f.username.empty() || f.password.empty())) {
    return Fail(Error::InvalidArgument("--http needs --username and --password", "username"));
  }
  auto opened = runtime::Runtime::Open({f.db, f.policies, runtime::DbMode::kIfPresent});
  if (!opened.ok()) return Fail(opened.error());
  runtime::Runtime& rt = **opened;
  if (!rt.db) return Fail(Error::InvalidArgument("no database at '" + f.db + "' (--db)", "db"));
  sim::SimOptions options;
  options.seed = f.seed;
  options.interval_minutes = f.interval_minutes;
  auto sim = sim::Simulation::Load(rt.db->records, rt.policies, f.season, options);
  if (!sim.ok()) return Fail(sim.error());

  const Instant now =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  Instant from = StartOfLocalDay(sim->first_day());
  Instant until = std::min(now, StartOfLocalDay(sim->last_day() + std::chrono::days{1}));
  if (!f.from.empty()) {
    auto t = TimeFlag(f.from, "from");
    if (!t.ok()) return Fail(t.error());
    from = *t;
  }
  if (!f.until.empty()) {
    auto t = TimeFlag(f.until, "until");
    if (!t.ok()) return Fail(t.error());
    if (*t > now) return Fail(Error::InvalidArgument("--until is in the future", "until"));
    until = *t;
  }

  auto sink = f.mqtt.empty() ? sim::MakeHttpSink(f.http, f.username, f.password, rt.db->monitoring)
                             : sim::MakeMqttSink(f.mqtt, f.mqtt_ca_file, rt.db->monitoring);
  if (!sink.ok()) return Fail(sink.error());

  if (f.follow) {
    sim::LiveSimulation live(*sim, **sink, from, std::chrono::seconds(60));
    live.Start();
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    int sig = 0;
    sigwait(&signals, &sig);
    live.Stop();
    std::cout << nlohmann::json{{"readings", live.readings()}}.dump() << "\n";
    return 0;
  }
  auto counts = sim->Run(**sink, from, until);
  if (!counts.ok()) return Fail(counts.error());
  std::cout << nlohmann::ordered_json{{"sensors", sim->sensors()},
                                      {"from", FormatLocal(from)},
                                      {"until", FormatLocal(until)},
                                      {"readings", counts->readings},
                                      {"outdoor_means", counts->outdoor_means}}
                   .dump()
            << "\n";
  return 0;
}

}  // namespace

void AddSimulateCommands(CLI::App& app, int* exit_code) {
  auto f = std::make_shared<SimulateFlags>();
  auto* cmd = app.add_subcommand(
      "simulate", "Publish realistic readings for the city's sensors over MQTT or HTTP");
  cmd->add_option("--season", f->season, "The year the season starts (2025: 2025-2026)")
      ->required()
      ->check(CLI::Range(2000, 2200));
  auto* db = cmd->add_option("--db", f->db,
                             "The city's database (sensors, buildings; outdoor means go there)");
  cmd->add_option("--policies", f->policies, "Directory of policy profiles");
  cmd->add_option("--mqtt", f->mqtt,
                  "Publish to this broker, mqtt[s]://[USER[:PASSWORD]@]HOST[:PORT] (the password "
                  "also from $HEARTH_MQTT_PASSWORD), as a gateway allowed to write every "
                  "sensor's topic");
  cmd->add_option("--mqtt-ca-file", f->mqtt_ca_file, "mqtts://: the CA certificates to trust");
  cmd->add_option("--http", f->http, "POST to this server (http://HOST:PORT)");
  cmd->add_option("--username", f->username, "With --http: a user allowed to post readings");
  cmd->add_option("--password", f->password, "With --http");
  cmd->add_option("--from", f->from, "First instant (RFC 3339; default: the season's start)");
  cmd->add_option("--until", f->until, "End instant (RFC 3339; default: now or the season's end)");
  cmd->add_flag("--follow", f->follow, "Keep publishing with the clock until interrupted");
  cmd->add_option("--seed", f->seed, "Seed of the simulated season");
  cmd->add_option("--interval-minutes", f->interval_minutes, "Minutes between readings")
      ->check(CLI::Range(1, 60));
  cmd->callback([f, db, exit_code] {
    NoteDefaultDb(db->count() > 0, f->db);
    *exit_code = RunSimulate(*f);
  });
}

}  // namespace hearth::app::cli

// hearth demo: generates a demo city, with its work orders, into an empty database, prints its
// logins, and serves it with a living season from the simulator: published over MQTT when a
// broker is given (so the readings take the sensors' path), else fed to the ingest service
// directly.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <optional>

#include "adapters/json/sample_plan_json.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/environment.hpp"
#include "app/cli/serve_flags.hpp"
#include "rules/season.hpp"
#include "sim/demo_arrears.hpp"
#include "sim/demo_bills.hpp"
#include "sim/demo_city.hpp"
#include "sim/demo_connections.hpp"
#include "sim/demo_energy.hpp"
#include "sim/demo_findings.hpp"
#include "sim/demo_heating_changes.hpp"
#include "sim/demo_insurance.hpp"
#include "sim/demo_meter_disputes.hpp"
#include "sim/demo_outages.hpp"
#include "sim/demo_sample_plans.hpp"
#include "sim/demo_work_orders.hpp"
#include "sim/live_simulation.hpp"
#include "sim/simulation_sinks.hpp"

namespace hearth::app::cli {
namespace {

struct DemoFlags {
  ServeFlags serve;
  uint64_t seed = 1;
  int64_t orders_per_season = 0;  ///< 0: the generator's default; -1: no work orders
  bool no_simulate = false;
  std::string simulate_mqtt;  ///< the simulator's broker account; empty: the --mqtt URL
};

void PrintCity(const sim::DemoSummary& c, uint64_t seed) {
  std::cout << "Generated the demo city (seed " << seed << "): " << c.companies << " companies, "
            << c.districts << " districts, " << c.seasons << " seasons, " << c.substations
            << " substations, " << c.buildings << " buildings, " << c.partitions << " partitions, "
            << c.households << " households, " << c.rooms << " rooms, " << c.sensors << " sensors, "
            << c.tariffs << " tariffs, " << c.fees << " fees, " << c.payments << " payments.\n";
  if (!c.logins.empty()) {
    std::cout << "Demo logins (POST /api/v1/auth/login with {\"username\",\"password\"}); each "
                 "company has its own manager, agent and technician:\n";
    for (const auto& login : c.logins) {
      std::cout << "  " << login.username << " / " << login.password << "  (" << login.role << ", "
                << login.scope << ")\n";
    }
  }
  std::cout << std::flush;
}

Date Today() {
  return LocalDate(
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
}

// The season the simulator runs (StartSeason): this autumn's once the first of the profiles'
// seasons has started, else the one before. The city is generated around it, with its fees.
int ShownSeason(const services::PolicyRegistry& policies, Date today) {
  const int season = rules::SeasonYearOf(today);
  std::optional<Date> first;
  for (const char* name : {"weihai", "zibo"}) {
    auto p = policies.Find(name);
    if (!p.ok()) continue;  // GenerateDemoCity names the missing profile
    const Date start = rules::SeasonOf((*p)->season, season).official_start;
    first = first ? std::min(*first, start) : start;
  }
  return first && today < *first ? season - 1 : season;
}

// About how many work orders a whole season of the city has, unless --orders-per-season says.
// Each order is received and moved on through WorkOrderService, about 6 calls: some 3 ms an
// order in an optimized build (3,200 orders in 9 s), ten times that under the sanitizers of the
// debug build, which gets fewer so that its demo (and the e2e tests) start within ~20 s.
#ifdef NDEBUG
constexpr int64_t kOrdersPerSeason = 2400;
#else
constexpr int64_t kOrdersPerSeason = 450;
#endif

// The city's work orders: the season before the one shown, whole, and the shown one up to now
// (sim/demo_work_orders.hpp).
Status SeedWorkOrders(runtime::Runtime& rt, uint64_t seed, int season, int64_t per_season) {
  if (per_season < 0) return OkStatus();
  sim::DemoOrderOptions options;
  options.seed = seed;
  options.season = season - 1;
  options.now = rt.db->work_orders.Now();
  options.per_season = per_season > 0 ? per_season : kOrdersPerSeason;
  auto started = std::chrono::steady_clock::now();
  auto orders =
      sim::GenerateDemoWorkOrders(rt.db->records, rt.policies, rt.db->work_orders, options);
  if (!orders.ok()) return orders.error();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  started)
                .count();
  spdlog::info("generated {} work orders ({} events) in {} ms", orders->orders, orders->events, ms);
  std::cout << "Generated " << orders->orders << " work orders from " << orders->by_channel.size()
            << " channels since the " << options.season << " season: " << orders->open << " open, "
            << orders->late << " late, " << orders->returned << " returned, " << orders->extended
            << " extended, " << orders->second_complaints << " second complaints, "
            << orders->duplicates << " duplicates.\n"
            << std::flush;
  return OkStatus();
}

// The city's heating stops: the season before the one shown, whole, and the shown one up to now
// (sim/demo_outages.hpp; the simulator's building stops among them, at the readings' hours).
Status SeedOutages(runtime::Runtime& rt, uint64_t seed, int season) {
  sim::DemoOutageOptions options;
  options.sim.seed = seed;
  options.season = season - 1;
  options.now = rt.db->outages.Now();
  auto stops = sim::GenerateDemoOutages(rt.db->records, rt.policies, rt.db->outages, options);
  if (!stops.ok()) return stops.error();
  std::cout << "Recorded " << stops->stops << " heating stops since the " << options.season
            << " season: " << stops->notices << " notices, " << stops->late
            << " with a notice late, " << stops->overruns << " overrunning.\n"
            << std::flush;
  return OkStatus();
}

// Household-caused findings (sim/demo_findings.hpp), one on the household login's household.
// The household login's household code; "" for none.
std::string LoginHousehold(const std::vector<sim::DemoLogin>& logins) {
  for (const auto& l : logins) {
    // Its scope reads "household <code>, with a sensor".
    if (l.role == "household" && l.scope.rfind("household ", 0) == 0) {
      return l.scope.substr(10, l.scope.find(',') - 10);
    }
  }
  return "";
}

Status SeedFindings(runtime::Runtime& rt, const std::vector<sim::DemoLogin>& logins) {
  sim::DemoFindingOptions options;
  options.now = rt.clock.Now();
  options.login_household = LoginHousehold(logins);
  auto found = sim::GenerateDemoFindings(rt.db->records, rt.db->findings, options);
  if (!found.ok()) return found.error();
  std::cout << "Recorded " << found->findings
            << " household-caused findings: " << found->acknowledged << " acknowledged, "
            << found->disputed << " disputed, " << found->upheld << " upheld by the regulator.\n"
            << std::flush;
  return OkStatus();
}

// Insurance claims in every state (sim/demo_insurance.hpp), one on the household login's.
Status SeedInsurance(runtime::Runtime& rt, const std::string& login_household) {
  sim::DemoInsuranceOptions options;
  options.now = rt.clock.Now();
  options.login_household = login_household;
  auto claims = sim::GenerateDemoInsurance(rt.db->records, rt.db->insurance, options);
  if (!claims.ok()) return claims.error();
  std::cout << "Recorded " << claims->claims << " insurance claims: " << claims->agreed
            << " agreed, " << claims->paid << " paid, " << claims->rejected << " rejected.\n"
            << std::flush;
  return OkStatus();
}

// Connection applications in every state (sim/demo_connections.hpp), over the last months.
Status SeedConnections(runtime::Runtime& rt) {
  auto made = sim::GenerateDemoConnections(rt.db->records, rt.db->connection_store, rt.policies,
                                           rt.calendar, rt.clock.Now());
  if (!made.ok()) return made.error();
  std::cout << "Took in " << made->applications << " connection applications: " << made->approved
            << " approved, " << made->refused << " refused, " << made->visited << " visited back.\n"
            << std::flush;
  return OkStatus();
}

// Applications to change heating in every state (sim/demo_heating_changes.hpp), this week.
Status SeedHeatingChanges(runtime::Runtime& rt, const std::string& login_household) {
  auto made = sim::GenerateDemoHeatingChanges(rt.db->records, rt.db->heating_change_store,
                                              rt.db->judging, login_household, rt.clock.Now());
  if (!made.ok()) return made.error();
  std::cout << "Took in " << made->applications
            << " applications to change heating: " << made->approved << " approved, "
            << made->refused << " refused, " << made->pending << " pending.\n"
            << std::flush;
  return OkStatus();
}

// The meters' readings of the last whole season and its billing runs (sim/demo_bills.hpp).
Status SeedBills(runtime::Runtime& rt, int season) {
  auto made = sim::GenerateDemoBills(rt.db->records, rt.db->billing, season);
  if (!made.ok()) return made.error();
  std::cout << "Billed the " << season << " season: " << made->issued
            << " households without a fee (" << made->readings << " meter readings, "
            << made->meter_by_area << " meters billed by area for a fault or no reading); "
            << made->already_billed << " had their fee already.\n"
            << std::flush;
  return OkStatus();
}

// Arrears reminded and one stop for arrears per company (sim/demo_arrears.hpp), these two weeks.
Status SeedArrears(runtime::Runtime& rt, const std::string& login_household) {
  auto made = sim::GenerateDemoArrears(rt.db->records, rt.db->arrears_store,
                                       rt.db->heating_change_store, rt.db->judging,
                                       login_household, rt.clock.Now());
  if (!made.ok()) return made.error();
  std::cout << "Reminded households in arrears " << made->reminders << " times; stopped heat for "
            << made->stops << " of them.\n"
            << std::flush;
  return OkStatus();
}

// Heat-meter disputes (sim/demo_meter_disputes.hpp): failed, passed and open, per company.
Status SeedMeterDisputes(runtime::Runtime& rt) {
  auto made = sim::GenerateDemoMeterDisputes(rt.db->records, rt.db->meter_disputes);
  if (!made.ok()) return made.error();
  std::cout << "Recorded " << made->disputes << " heat-meter disputes: " << made->failed
            << " meters failed, " << made->passed << " passed, " << made->open << " open.\n"
            << std::flush;
  return OkStatus();
}

// Each company's adopted sampling plan for the season (sim/demo_sample_plans.hpp, R-SAMPLE-3).
Status SeedSamplePlans(runtime::Runtime& rt, int season) {
  auto made = sim::GenerateDemoSamplePlans(
      rt.db->records, rt.policies, rt.db->sample_plans, rt.db->sample_plan_adoption,
      [](const services::CompanySamplePlan& p) {
        return adapters::json::SamplePlanSummary(p.plan, p.households);
      },
      season);
  if (!made.ok()) return made.error();
  std::cout << "Adopted " << made->plans << " sampling plans: " << made->points << " points, "
            << made->visits << " to visit.\n"
            << std::flush;
  return OkStatus();
}

// Daily dispatch reports of fuel (sim/demo_energy.hpp): the season before the one shown, whole,
// and the shown one up to yesterday, each with a gap and a low-reserve spell.
Status SeedEnergy(runtime::Runtime& rt, int season) {
  sim::DemoEnergyOptions options;
  options.season = season - 1;
  options.now = rt.clock.Now();
  auto filed = sim::GenerateDemoEnergy(rt.db->records, rt.policies, rt.db->energy, options);
  if (!filed.ok()) return filed.error();
  std::cout << "Filed " << filed->reports << " daily dispatch reports of fuel since the "
            << options.season << " season: " << filed->gaps << " days without one, "
            << filed->low_days << " below the reserve.\n"
            << std::flush;
  return OkStatus();
}

// Generates the city, with its work orders, heating stops, findings, insurance claims,
// connection applications, heating changes, meter disputes, bills, arrears and dispatch reports,
// when the database has no company; a database with companies is served as it is.
Status SeedDemoCity(runtime::Runtime& rt, uint64_t seed, int64_t orders_per_season) {
  auto empty = sim::HasNoCompanies(rt.db->records);
  if (!empty.ok()) return empty.error();
  if (!*empty) {
    spdlog::info("the database has companies already: serving it as it is");
    return OkStatus();
  }
  sim::DemoOptions options;
  options.seed = seed;
  options.season = ShownSeason(rt.policies, Today());
  auto started = std::chrono::steady_clock::now();
  auto city = sim::GenerateDemoCity(rt.db->records, rt.policies, &rt.db->auth, options);
  if (!city.ok()) return city.error();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  started)
                .count();
  spdlog::info("generated the demo city in {} ms ({} households, {} users)", ms, city->households,
               city->logins.size());
  PrintCity(*city, seed);
  if (auto s = SeedWorkOrders(rt, seed, options.season, orders_per_season); !s.ok()) return s;
  if (auto s = SeedOutages(rt, seed, options.season); !s.ok()) return s;
  if (auto s = SeedFindings(rt, city->logins); !s.ok()) return s;
  if (auto s = SeedInsurance(rt, LoginHousehold(city->logins)); !s.ok()) return s;
  if (auto s = SeedConnections(rt); !s.ok()) return s;
  if (auto s = SeedHeatingChanges(rt, LoginHousehold(city->logins)); !s.ok()) return s;
  if (auto s = SeedMeterDisputes(rt); !s.ok()) return s;
  if (auto s = SeedBills(rt, options.season - 1); !s.ok()) return s;
  if (auto s = SeedArrears(rt, LoginHousehold(city->logins)); !s.ok()) return s;
  if (auto s = SeedSamplePlans(rt, options.season); !s.ok()) return s;
  return SeedEnergy(rt, options.season);
}

// The running simulation and where it sends; stopped (destroyed) before the service.
struct LiveSeason {
  sim::Simulation simulation;
  std::unique_ptr<sim::SimulationSink> sink;
  std::unique_ptr<sim::LiveSimulation> live;
};

Result<std::unique_ptr<LiveSeason>> StartSeason(runtime::Runtime& rt, const DemoFlags& f) {
  const Date today = Today();
  sim::SimOptions sim_options;
  sim_options.seed = f.seed;
  int season = rules::SeasonYearOf(today);
  auto loaded = sim::Simulation::Load(rt.db->records, rt.policies, season, sim_options);
  if (loaded.ok() && today < loaded->first_day()) {
    // Before this autumn's season: show the last one, whole.
    loaded = sim::Simulation::Load(rt.db->records, rt.policies, --season, sim_options);
  }
  if (!loaded.ok()) return loaded.error();
  auto live = std::make_unique<LiveSeason>(LiveSeason{std::move(*loaded), nullptr, nullptr});
  const std::string& mqtt = f.serve.service.mqtt.url;
  if (mqtt.empty()) {
    live->sink = std::make_unique<sim::InProcessSink>(rt.db->ingest, rt.db->monitoring);
  } else {
    // Hearth's own account only reads readings; the simulator publishes as a gateway would.
    auto sink = sim::MakeMqttSink(f.simulate_mqtt.empty() ? mqtt : f.simulate_mqtt,
                                  f.serve.service.mqtt.ca_file, rt.db->monitoring);
    if (!sink.ok()) return sink.error();
    live->sink = std::move(*sink);
  }
  // A restart resumes at the start of the newest day with readings (re-sent readings are
  // duplicates, harmless), not at the start of the season.
  Instant from = StartOfLocalDay(live->simulation.first_day());
  auto last = rt.db->monitoring.LastReadings(std::nullopt);
  if (!last.ok()) return last.error();
  for (const auto& sensor : *last) {
    if (sensor.last_ts) {
      from = std::max(from,
                      StartOfLocalDay(LocalDate(Instant{std::chrono::seconds{*sensor.last_ts}})));
    }
  }
  spdlog::info("simulator: sending from {}", FormatLocal(from));
  live->live = std::make_unique<sim::LiveSimulation>(live->simulation, *live->sink, from,
                                                     std::chrono::seconds(60));
  live->live->Start();
  spdlog::info("simulating the {} season for {} sensors{}", season, live->simulation.sensors(),
               mqtt.empty() ? "" : " over MQTT");
  return live;
}

int RunDemo(const DemoFlags& f) {
  auto opened = runtime::Runtime::Open({f.serve.db, f.serve.policies, runtime::DbMode::kRequired});
  if (!opened.ok()) return Fail(opened.error());
  runtime::Runtime& rt = **opened;
  if (auto s = SeedDemoCity(rt, f.seed, f.orders_per_season); !s.ok()) return Fail(s.error());
  auto service = runtime::Service::Start(rt, f.serve.service);
  if (!service.ok()) return Fail(service.error());
  std::unique_ptr<LiveSeason> season;  // stopped before the service
  if (!f.no_simulate) {
    auto started = StartSeason(rt, f);
    if (!started.ok()) return Fail(started.error());
    season = std::move(*started);
  }
  const std::string url = (*service)->url();
  spdlog::info("hearth serving {} (database {}, policies {})", url, f.serve.db, f.serve.policies);
  std::cout << "Hearth demo on " << url << "\n"
            << "  " << url << "/healthz\n"
            << "  " << url
            << "/api/v1/calc/deadline?policy=weihai&rule=reply&channel=city-hotline"
               "&from=2024-09-27T16:00:00%2B08:00\n"
            << "Press Ctrl-C to stop.\n"
            << std::flush;
  (*service)->WaitForSignal();
  return 0;
}

}  // namespace

void AddDemoCommands(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<DemoFlags>();
  flags->serve.db = "var/demo.db";
  auto* d = app.add_subcommand("demo", "Serve a demo city");
  AddServeFlags(d, flags->serve);
  d->add_option("--seed", flags->seed, "Seed of the city generated into an empty database");
  d->add_option("--orders-per-season", flags->orders_per_season,
                "About how many work orders a whole season of the generated city has (0: the "
                "default, 2400, or 450 in a debug build; -1: none)");
  d->add_flag("--no-simulate", flags->no_simulate,
              "Serve the city without the season simulator's readings");
  d->add_option("--simulate-mqtt", flags->simulate_mqtt,
                "The simulator's broker URL, an account allowed to publish every sensor's topic "
                "(default: the --mqtt URL)");
  d->callback([flags, exit_code] { *exit_code = RunDemo(*flags); });
}

}  // namespace hearth::app::cli

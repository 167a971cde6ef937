// hearth calc sample-plan
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "adapters/csv/households_csv.hpp"
#include "adapters/json/sample_plan_json.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/environment.hpp"
#include "app/runtime/runtime.hpp"
#include "services/sample_plan_service.hpp"

namespace hearth::app::cli {
namespace {

struct SamplePlanFlags {
  services::SamplePlanQuery query;
  std::string households_path;
  std::string seed;
  std::string policies = DefaultPolicyDir().string();
};

// The whole file, or stdin for "-".
Result<std::string> ReadHouseholds(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) {
    return Error::InvalidArgument("--households: cannot read '" + path + "'", "households");
  }
  return text.str();
}

int RunSamplePlan(const SamplePlanFlags& f, bool seed_given) {
  // Named profiles when the directory has them; a .toml path works without.
  auto loaded = runtime::LoadPolicies(f.policies, /*missing_ok=*/true);
  if (!loaded.ok()) return Fail(loaded.error());
  const services::PolicyRegistry& policies = *loaded;
  auto text = ReadHouseholds(f.households_path);
  if (!text.ok()) return Fail(text.error());
  services::SamplePlanQuery q = f.query;
  if (seed_given) q.seed = f.seed;
  q.households_csv = std::move(*text);
  auto outcome = services::SamplePlanService(policies, adapters::csv::ParseHouseholdsCsv)
                     .Compute(q, /*allow_policy_files=*/true);
  if (!outcome.ok()) return Fail(outcome.error());
  std::cout << adapters::json::SamplePlanToJson(outcome->plan, outcome->households).dump() << "\n";
  return 0;
}

}  // namespace

void AddCalcSamplePlanCommand(CLI::App& calc, int* exit_code) {
  auto flags = std::make_shared<SamplePlanFlags>();
  auto* cmd = calc.add_subcommand("sample-plan",
                                  "The season's room-temperature sampling plan (R-SAMPLE-1..3)");
  cmd->add_option("--policy", flags->query.policy, "Profile name (weihai, zibo) or a .toml file")
      ->required();
  cmd->add_option("--households", flags->households_path,
                  "CSV id,building,substation,floor,floors,position,orientation,area_m2,"
                  "has_sensor[,tier] ('-': stdin)")
      ->required();
  auto* seed = cmd->add_option("--seed", flags->seed,
                               "Seed of the random order among equal households (default 0)");
  cmd->add_option("--policies", flags->policies, "Directory of named policy profiles");
  cmd->callback(
      [flags, exit_code, seed] { *exit_code = RunSamplePlan(*flags, seed->count() > 0); });
}

}  // namespace hearth::app::cli

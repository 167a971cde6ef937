// hearth calc daily
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "adapters/csv/readings_csv.hpp"
#include "adapters/json/daily_json.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/environment.hpp"
#include "app/runtime/runtime.hpp"
#include "services/daily_service.hpp"

namespace hearth::app::cli {
namespace {

struct DailyFlags {
  std::string readings_path;
  std::string policy = services::kDefaultDailyPolicy;
  std::string policies = DefaultPolicyDir().string();
};

// The whole file, or stdin for "-".
Result<std::string> ReadReadings(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) {
    return Error::InvalidArgument("--readings: cannot read '" + path + "'", "readings");
  }
  return text.str();
}

int RunDaily(const DailyFlags& f) {
  // Named profiles when the directory has them; a .toml path works without.
  auto loaded = runtime::LoadPolicies(f.policies, /*missing_ok=*/true);
  if (!loaded.ok()) return Fail(loaded.error());
  const services::PolicyRegistry& policies = *loaded;
  auto csv = ReadReadings(f.readings_path);
  if (!csv.ok()) return Fail(csv.error());
  // Everything is computed before anything is printed.
  auto days = services::DailyService(policies, adapters::csv::ParseReadingsCsv)
                  .Compute(*csv, f.policy, /*allow_policy_files=*/true);
  if (!days.ok()) return Fail(days.error());
  std::cout << adapters::json::DailyValuesToJson(*days).dump() << "\n";
  return 0;
}

}  // namespace

void AddCalcDailyCommand(CLI::App& calc, int* exit_code) {
  auto flags = std::make_shared<DailyFlags>();
  auto* cmd = calc.add_subcommand("daily",
                                  "Daily room-temperature values from sensor readings "
                                  "(R-TEMP-3)");
  cmd->add_option("--readings", flags->readings_path,
                  "CSV room,kind,ts,value (kind bedroom, living or other; ts RFC 3339; value °C) "
                  "('-': stdin)")
      ->required();
  cmd->add_option("--policy", flags->policy,
                  "Profile name (weihai, zibo) or a .toml file; default weihai");
  cmd->add_option("--policies", flags->policies, "Directory of named policy profiles");
  cmd->callback([flags, exit_code] { *exit_code = RunDaily(*flags); });
}

}  // namespace hearth::app::cli

// hearth calc refund
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "adapters/csv/refund_days_csv.hpp"
#include "adapters/json/refund_json.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/environment.hpp"
#include "app/runtime/runtime.hpp"
#include "services/refund_service.hpp"

namespace hearth::app::cli {
namespace {

struct RefundFlags {
  services::RefundQuery query;
  std::string days_path;
  std::string policies = DefaultPolicyDir().string();
};

// The whole file, or stdin for "-".
Result<std::string> ReadDays(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  if (std::error_code ec; std::filesystem::is_directory(path, ec)) {
    return Error::InvalidArgument("--days: '" + path + "' is a directory", "days");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) {
    return Error::InvalidArgument("--days: cannot read '" + path + "'", "days");
  }
  return text.str();
}

int RunRefund(const RefundFlags& f) {
  // Named profiles when the directory has them; a .toml path works without.
  auto loaded = runtime::LoadPolicies(f.policies, /*missing_ok=*/true);
  if (!loaded.ok()) return Fail(loaded.error());
  const services::PolicyRegistry& policies = *loaded;
  auto days = ReadDays(f.days_path);
  if (!days.ok()) return Fail(days.error());
  services::RefundQuery q = f.query;
  q.days_csv = std::move(*days);
  auto outcome = services::RefundService(policies, adapters::csv::ParseRefundDaysCsv)
                     .Compute(q, /*allow_policy_files=*/true);
  if (!outcome.ok()) return Fail(outcome.error());
  std::cout << adapters::json::RefundToJson(outcome->season, outcome->refund).dump() << "\n";
  return 0;
}

}  // namespace

void AddCalcRefundCommand(CLI::App& calc, int* exit_code) {
  auto flags = std::make_shared<RefundFlags>();
  auto* cmd = calc.add_subcommand("refund", "Refund of a household-season (R-REFUND-1..4)");
  cmd->add_option("--policy", flags->query.policy, "Profile name (weihai, zibo) or a .toml file")
      ->required();
  cmd->add_option("--season", flags->query.season,
                  "The year the season starts: 2025 for 2025-11-15 … 2026-03-15")
      ->required();
  cmd->add_option("--fee", flags->query.fee, "The season fee in yuan, e.g. 2640.00")->required();
  cmd->add_option("--days", flags->days_path,
                  "CSV date,value,guarantee,outdoor_mean,unheated_hours,excluded ('-': stdin)")
      ->required();
  cmd->add_option("--policies", flags->policies, "Directory of named policy profiles");
  cmd->callback([flags, exit_code] { *exit_code = RunRefund(*flags); });
}

}  // namespace hearth::app::cli

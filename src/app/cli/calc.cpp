// hearth calc …: the rule calculators on the command line.
#include "app/cli/commands.hpp"

namespace hearth::app::cli {

void AddCalcCommands(CLI::App& app, int* exit_code) {
  auto* calc = app.add_subcommand("calc", "Rule calculators");
  calc->require_subcommand(1);
  AddCalcDeadlineCommand(*calc, exit_code);
  AddCalcDailyCommand(*calc, exit_code);
  AddCalcRefundCommand(*calc, exit_code);
  AddCalcSamplePlanCommand(*calc, exit_code);
}

}  // namespace hearth::app::cli

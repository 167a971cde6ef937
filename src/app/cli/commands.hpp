// The subcommands of `hearth`. Each Add* registers one command group on the CLI11 app; the
// command's callback stores its exit status in `*exit_code`.
#pragma once

#include <CLI/CLI.hpp>

namespace hearth::app::cli {

void AddCalcCommands(CLI::App& app, int* exit_code);
// The calculators under `hearth calc` (one file each: calc_<name>.cpp).
void AddCalcDeadlineCommand(CLI::App& calc, int* exit_code);
void AddCalcDailyCommand(CLI::App& calc, int* exit_code);
void AddCalcRefundCommand(CLI::App& calc, int* exit_code);
void AddCalcSamplePlanCommand(CLI::App& calc, int* exit_code);
void AddPolicyCommands(CLI::App& app, int* exit_code);
void AddCalendarCommands(CLI::App& app, int* exit_code);
void AddServeCommands(CLI::App& app, int* exit_code);  // hearth serve (serve.cpp)
void AddDemoCommands(CLI::App& app, int* exit_code);   // hearth demo (demo.cpp)
void AddDbCommands(CLI::App& app, int* exit_code);
void AddUserCommands(CLI::App& app, int* exit_code);      // hearth user add (user.cpp)
void AddDevicesCommands(CLI::App& app, int* exit_code);   // hearth devices … (devices.cpp)
void AddHotlineCommands(CLI::App& app, int* exit_code);   // hearth hotline … (hotline.cpp)
void AddImportCommands(CLI::App& app, int* exit_code);    // hearth import households (import.cpp)
void AddRefundCommands(CLI::App& app, int* exit_code);    // hearth refunds run (refunds.cpp)
void AddBillingCommands(CLI::App& app, int* exit_code);   // hearth billing run (billing.cpp)
void AddSimulateCommands(CLI::App& app, int* exit_code);  // hearth simulate (simulate.cpp)
void AddWeatherCommands(CLI::App& app, int* exit_code);   // hearth weather import (weather.cpp)

/// Runs the CLI: parses, dispatches, and maps every bad flag to one line on stderr and exit 2.
int RunCli(int argc, char** argv);

}  // namespace hearth::app::cli

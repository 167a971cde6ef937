#include <iostream>

#include "app/cli/commands.hpp"

namespace hearth::app::cli {

int RunCli(int argc, char** argv) {
  CLI::App app{"Hearth: district-heating service platform"};
  app.name("hearth");
  app.require_subcommand(1);
  app.set_version_flag("--version", "hearth 0.1.0");
  int exit_code = 0;
  AddCalcCommands(app, &exit_code);
  AddPolicyCommands(app, &exit_code);
  AddCalendarCommands(app, &exit_code);
  AddServeCommands(app, &exit_code);
  AddDemoCommands(app, &exit_code);
  AddDbCommands(app, &exit_code);
  AddUserCommands(app, &exit_code);
  AddDevicesCommands(app, &exit_code);
  AddHotlineCommands(app, &exit_code);
  AddImportCommands(app, &exit_code);
  AddRefundCommands(app, &exit_code);
  AddBillingCommands(app, &exit_code);
  AddSimulateCommands(app, &exit_code);
  AddWeatherCommands(app, &exit_code);
  if (argc > 1 && argv[1][0] != '-') {
    try {
      app.get_subcommand(argv[1]);
    } catch (const CLI::OptionNotFound&) {
      std::cerr << "hearth: error: unknown command '" << argv[1] << "' (see hearth --help)\n";
      return 2;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string what = e.what();
    for (char& c : what) if (c == '\n') c = ' ';
    std::cerr << "hearth: error: " << what << " (see hearth --help)\n";
    return 2;
  }
  return exit_code;
}

}  // namespace hearth::app::cli

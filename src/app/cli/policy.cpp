// hearth policy check FILE
#include <iostream>

#include "adapters/policy/policy_loader.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/environment.hpp"

namespace hearth::app::cli {

void AddPolicyCommands(CLI::App& app, int* exit_code) {
  auto* group = app.add_subcommand("policy", "Policy profiles");
  group->require_subcommand(1);
  auto file = std::make_shared<std::string>();
  auto* check = group->add_subcommand("check", "Validate a policy profile (exit 2 if invalid)");
  check->add_option("FILE", *file, "The profile, e.g. policies/weihai.toml")->required();
  check->callback([file, exit_code] {
    auto policy = adapters::policy::LoadPolicyFile(*file);
    if (!policy.ok()) {
      std::cerr << policy.error().message << "\n";
      *exit_code = ExitCode(policy.error());
      return;
    }
    std::cout << *file << ": ok (profile " << policy->id << ", " << policy->name << ")\n";
    *exit_code = 0;
  });
}

}  // namespace hearth::app::cli

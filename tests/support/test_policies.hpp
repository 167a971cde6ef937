// Test-only: the policy profiles shipped in policies/, as the binary loads them.
#pragma once

#include <filesystem>
#include <string>

#include "adapters/policy/policy_loader.hpp"
#include "services/policy_registry.hpp"

namespace hearth::support {

/// The registry of `dir` (default: the source tree's policies/), with policy files allowed.
inline Result<services::PolicyRegistry> LoadPolicies(
    const std::filesystem::path& dir = std::filesystem::path(HEARTH_SOURCE_DIR) / "policies") {
  auto profiles = adapters::policy::LoadPolicyDir(dir);
  if (!profiles.ok()) return profiles.error();
  return services::PolicyRegistry(std::move(*profiles), [](const std::string& path) {
    return adapters::policy::LoadPolicyFile(path);
  });
}

}  // namespace hearth::support

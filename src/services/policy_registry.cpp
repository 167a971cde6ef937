#include "services/policy_registry.hpp"

#include "adapters/policy/policy_loader.hpp"

namespace hearth::services {

Result<PolicyRegistry> PolicyRegistry::LoadDir(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Error::NotFound("no policy directory at " + dir.string(), "policy");
  }
  PolicyRegistry reg;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".toml") continue;
    auto policy = adapters::LoadPolicyFile(entry.path());
    if (!policy.ok()) return policy.error();
    reg.by_name_[entry.path().stem().string()] =
        std::make_shared<const rules::Policy>(std::move(*policy));
  }
  return reg;
}

Result<std::shared_ptr<const rules::Policy>> PolicyRegistry::Find(const std::string& name) const {
  auto it = by_name_.find(name);
  if (it != by_name_.end()) return it->second;
  std::string known;
  for (const auto& n : Names()) known += (known.empty() ? "" : ", ") + n;
  return Error::InvalidArgument("unknown policy '" + name + "'; known: " + known, "policy");
}

Result<std::shared_ptr<const rules::Policy>> PolicyRegistry::Resolve(
    const std::string& name_or_file, bool allow_files) const {
  bool looks_like_file = name_or_file.find('/') != std::string::npos ||
                         std::filesystem::path(name_or_file).extension() == ".toml";
  if (allow_files && looks_like_file) {
    auto policy = adapters::LoadPolicyFile(name_or_file);
    if (!policy.ok()) return policy.error();
    return std::make_shared<const rules::Policy>(std::move(*policy));
  }
  return Find(name_or_file);
}

std::vector<std::string> PolicyRegistry::Names() const {
  std::vector<std::string> names;
  for (const auto& [n, p] : by_name_) names.push_back(n);
  return names;
}

}  // namespace hearth::services

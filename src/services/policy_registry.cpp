#include "services/policy_registry.hpp"

#include <filesystem>

namespace hearth::services {

PolicyRegistry::PolicyRegistry(std::map<std::string, rules::Policy> profiles,
                               ports::PolicyFileLoader load_file)
    : load_file_(std::move(load_file)) {
  for (auto& [name, policy] : profiles) {
    by_name_[name] = std::make_shared<const rules::Policy>(std::move(policy));
  }
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
  if (allow_files && looks_like_file && load_file_) {
    auto policy = load_file_(name_or_file);
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

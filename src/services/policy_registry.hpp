// The named policy profiles (policies/<name>.toml), validated when loaded (by
// adapters/policy/policy_loader.hpp LoadPolicyDir). Immutable after construction; thread-safe.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "ports/file_decoders.hpp"
#include "rules/policy.hpp"

namespace hearth::services {

class PolicyRegistry {
 public:
  PolicyRegistry() = default;
  /// The profiles by name; `load_file` reads a profile named by path (Resolve with allow_files),
  /// and may be empty where files are never allowed.
  explicit PolicyRegistry(std::map<std::string, rules::Policy> profiles,
                          ports::PolicyFileLoader load_file = {});

  /// The profile named `name` (its file name without .toml); not_found lists the known names.
  Result<std::shared_ptr<const rules::Policy>> Find(const std::string& name) const;

  /// A name, or, when `allow_files` and `name_or_file` looks like a path (has '/' or ends in
  /// .toml), that file. HTTP callers never allow files.
  Result<std::shared_ptr<const rules::Policy>> Resolve(const std::string& name_or_file,
                                                       bool allow_files) const;

  std::vector<std::string> Names() const;

 private:
  std::map<std::string, std::shared_ptr<const rules::Policy>> by_name_;
  ports::PolicyFileLoader load_file_;
};

}  // namespace hearth::services

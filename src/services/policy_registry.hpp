// The named policy profiles (policies/<name>.toml), loaded and validated once.
// Immutable after loading; thread-safe.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "rules/policy.hpp"

namespace hearth::services {

class PolicyRegistry {
 public:
  /// Loads every *.toml of `dir`. Any invalid profile fails the whole load, naming its problems.
  static Result<PolicyRegistry> LoadDir(const std::filesystem::path& dir);

  /// The profile named `name` (its file name without .toml); not_found lists the known names.
  Result<std::shared_ptr<const rules::Policy>> Find(const std::string& name) const;

  /// A name, or, when `allow_files` and `name_or_file` looks like a path (has '/' or ends in
  /// .toml), that file. HTTP callers never allow files.
  Result<std::shared_ptr<const rules::Policy>> Resolve(const std::string& name_or_file,
                                                       bool allow_files) const;

  std::vector<std::string> Names() const;

 private:
  std::map<std::string, std::shared_ptr<const rules::Policy>> by_name_;
};

}  // namespace hearth::services

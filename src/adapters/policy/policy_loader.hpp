// Loads and validates a policy profile (policies/*.toml) into rules::Policy.
//
// policy_loader.cpp is over 400 lines on purpose: one parser reads the profile section by
// section in the order of the file, so each key, its range, its unit and the clause it must cite
// are found in one place beside its neighbours; the generic TOML reading it builds on is
// toml_reader.hpp. Split it by section only when a section grows a parser of its own.
//
// Validation is complete: every problem in the file is reported, each with the line and column
// and the dotted key it concerns: TOML syntax, a wrong type, a missing or unknown key, a number
// without its source, and impossible values (shares that do not sum to 100, tiers out of order,
// a date that does not exist). A profile with any problem yields no Policy.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "rules/policy.hpp"

namespace hearth::adapters::policy {

struct PolicyProblem {
  int line = 0;
  int column = 0;
  std::string key;      ///< dotted path, e.g. "deadlines.reply.city-hotline.working-days"
  std::string message;
};

struct PolicyLoad {
  std::optional<rules::Policy> policy;   ///< set only when `problems` is empty
  std::vector<PolicyProblem> problems;   ///< in file order
};

/// Parses profile text. Problems carry no file name; FormatProblem adds it.
PolicyLoad ParsePolicy(std::string_view toml_text);

/// "FILE:LINE:COL: KEY: MESSAGE".
std::string FormatProblem(std::string_view file, const PolicyProblem& p);

/// Reads and parses a file. On failure the error (invalid_argument) lists every problem, one per
/// line, formatted by FormatProblem; a file that cannot be read is also invalid_argument.
Result<rules::Policy> LoadPolicyFile(const std::filesystem::path& path);

/// Every *.toml of `dir`, by file name without .toml. Any invalid profile fails the whole load,
/// naming its problems; a missing directory is not_found (field "policy").
Result<std::map<std::string, rules::Policy>> LoadPolicyDir(const std::filesystem::path& dir);

}  // namespace hearth::adapters::policy

// Loading policy profiles: the parse of one file's text (its schema is profile_parser.hpp's),
// the problems it found, and the files of a directory.
#include "adapters/policy/policy_loader.hpp"

#include <fstream>
#include <span>
#include <sstream>

#include "adapters/policy/profile_parser.hpp"
#include "adapters/policy/toml_reader.hpp"
#include "core/civil_time.hpp"
#include "rules/deadline.hpp"

namespace hearth::adapters::policy {

using detail::ProfileParser;
using detail::Reader;

PolicyLoad ParsePolicy(std::string_view text) {
  PolicyLoad out;
  Reader reader;
  try {
    toml::table root = toml::parse(text);
    ProfileParser parser(reader);
    auto policy = parser.Parse(root);
    out.problems = reader.TakeProblems();
    if (out.problems.empty() && policy) out.policy = std::move(policy);
    if (out.problems.empty() && !out.policy) {
      out.problems.push_back({1, 1, "", "the profile is incomplete"});
    }
  } catch (const toml::parse_error& e) {
    out.problems.push_back({static_cast<int>(e.source().begin.line),
                            static_cast<int>(e.source().begin.column), "",
                            "TOML syntax: " + std::string(e.description())});
  }
  return out;
}

std::string FormatProblem(std::string_view file, const PolicyProblem& p) {
  std::string out = std::string(file) + ":" + std::to_string(p.line) + ":" +
                    std::to_string(p.column) + ": ";
  if (!p.key.empty()) out += p.key + ": ";
  return out + p.message;
}

Result<rules::Policy> LoadPolicyFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error::InvalidArgument("cannot read policy file " + path.string(), "policy");
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  PolicyLoad load = ParsePolicy(buf.str());
  if (load.policy) return std::move(*load.policy);
  std::string message;
  for (const auto& p : load.problems) {
    if (!message.empty()) message += "\n";
    message += FormatProblem(path.string(), p);
  }
  return Error::InvalidArgument(message, "policy");
}

Result<std::map<std::string, rules::Policy>> LoadPolicyDir(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Error::NotFound("no policy directory at " + dir.string(), "policy");
  }
  std::map<std::string, rules::Policy> profiles;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".toml") continue;
    auto policy = LoadPolicyFile(entry.path());
    if (!policy.ok()) return policy.error();
    profiles.emplace(entry.path().stem().string(), std::move(*policy));
  }
  return profiles;
}

}  // namespace hearth::adapters::policy

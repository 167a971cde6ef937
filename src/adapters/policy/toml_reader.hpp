// A schema walker over toml++ tables that collects problems instead of stopping at the first.
// Internal to the policy adapter.
#pragma once

#include <toml++/toml.h>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "adapters/policy/policy_loader.hpp"
#include "rules/policy.hpp"

namespace hearth::adapters::policy::detail {

class Reader {
 public:
  void Problem(const toml::source_region& where, const std::string& key, std::string message);
  std::vector<PolicyProblem> TakeProblems();

 private:
  std::vector<PolicyProblem> problems_;
};

/// One table being read. Keys read through it are marked used; on destruction every key that was
/// not read is reported as unknown. `group` is the basis inherited by bare values.
class Scope {
 public:
  Scope(Reader& reader, const toml::table& table, std::string path,
        std::optional<rules::Basis> group = std::nullopt);
  ~Scope();
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;

  /// The node at `key`, or nullptr; a missing key is reported when `required`.
  const toml::node* Get(const std::string& key, bool required = true);
  /// A required sub-table; nullptr (reported) when missing or not a table.
  const toml::table* Table(const std::string& key);
  std::string Path(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
  Reader& reader() { return reader_; }
  const toml::table& table() const { return table_; }
  const std::optional<rules::Basis>& group() const { return group_; }
  void set_group(rules::Basis basis) { group_ = std::move(basis); }
  /// Reads this table's own `source`/`default`/`note`; nullopt (reported) without a source.
  std::optional<rules::Basis> OwnBasis(bool required);

  void Problem(const toml::node* node, const std::string& key, std::string message);

 private:
  Reader& reader_;
  const toml::table& table_;
  std::string path_;
  std::optional<rules::Basis> group_;
  std::set<std::string> used_;
};

std::string TypeName(const toml::node& node);

/// Integer in [min, max]. Reports and returns nullopt otherwise.
std::optional<long long> ReadInt(Scope& s, const toml::node& node, const std::string& key,
                                 long long min, long long max);
/// A decimal number with at most one decimal, as tenths, in [min, max] tenths.
std::optional<int> ReadTenths(Scope& s, const toml::node& node, const std::string& key, int min,
                              int max);
/// A string.
std::optional<std::string> ReadString(Scope& s, const toml::node& node, const std::string& key);

/// A cited value at `key`: either a bare value inside a group with a source, or a table
/// `{ <unit_key> = value, source = "…", default = bool, note = "…" }`. `read` reads the value.
template <typename T>
std::optional<rules::Cited<T>> ReadCited(
    Scope& s, const std::string& key, const std::string& unit_key,
    const std::function<std::optional<T>(Scope&, const toml::node&, const std::string&)>& read);

}  // namespace hearth::adapters::policy::detail

#include "adapters/policy/toml_reader_inl.hpp"

#include "adapters/policy/toml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace hearth::adapters::policy::detail {
namespace {

std::string TenthsText(int t) {
  int a = std::abs(t);
  return (t < 0 ? "-" : "") + std::to_string(a / 10) + "." + std::to_string(a % 10);
}

}  // namespace

void Reader::Problem(const toml::source_region& where, const std::string& key,
                     std::string message) {
  problems_.push_back({static_cast<int>(where.begin.line), static_cast<int>(where.begin.column),
                       key, std::move(message)});
}

std::vector<PolicyProblem> Reader::TakeProblems() {
  std::stable_sort(problems_.begin(), problems_.end(), [](const auto& a, const auto& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  return std::move(problems_);
}

Scope::Scope(Reader& reader, const toml::table& table, std::string path,
             std::optional<rules::Basis> group)
    : reader_(reader), table_(table), path_(std::move(path)), group_(std::move(group)) {}

Scope::~Scope() {
  for (auto&& [k, v] : table_) {
    std::string key{k.str()};
    if (!used_.count(key)) reader_.Problem(k.source(), Path(key), "unknown key");
  }
}

const toml::node* Scope::Get(const std::string& key, bool required) {
  used_.insert(key);
  const toml::node* node = table_.get(key);
  if (node == nullptr && required) {
    reader_.Problem(table_.source(), Path(key),
                    "missing key" + (path_.empty() ? std::string() : " in [" + path_ + "]"));
  }
  return node;
}

const toml::table* Scope::Table(const std::string& key) {
  const toml::node* node = Get(key);
  if (node == nullptr) return nullptr;
  if (!node->is_table()) {
    Problem(node, Path(key), "expected a table, got " + TypeName(*node));
    return nullptr;
  }
  return node->as_table();
}

void Scope::Problem(const toml::node* node, const std::string& key, std::string message) {
  reader_.Problem(node ? node->source() : table_.source(), key, std::move(message));
}

std::optional<rules::Basis> Scope::OwnBasis(bool required) {
  rules::Basis basis;
  const toml::node* src = Get("source", required);
  if (src == nullptr) return std::nullopt;
  auto text = ReadString(*this, *src, Path("source"));
  if (!text) return std::nullopt;
  if (text->empty()) {
    Problem(src, Path("source"), "must name a clause or the rule of a platform default");
    return std::nullopt;
  }
  basis.source = *text;
  if (const toml::node* d = Get("default", false)) {
    if (!d->is_boolean()) {
      Problem(d, Path("default"), "expected a boolean, got " + TypeName(*d));
    } else {
      basis.platform_default = d->as_boolean()->get();
    }
  }
  if (const toml::node* n = Get("note", false)) {
    if (auto note = ReadString(*this, *n, Path("note"))) basis.note = *note;
  }
  return basis;
}

std::string TypeName(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a float";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    default: return "nothing";
  }
}

std::optional<long long> ReadInt(Scope& s, const toml::node& node, const std::string& key,
                                 long long min, long long max) {
  if (!node.is_integer()) {
    s.Problem(&node, key, "expected an integer, got " + TypeName(node));
    return std::nullopt;
  }
  long long v = node.as_integer()->get();
  if (v < min || v > max) {
    s.Problem(&node, key,
              std::to_string(v) + " is out of range [" + std::to_string(min) + ", " +
                  std::to_string(max) + "]");
    return std::nullopt;
  }
  return v;
}

std::optional<int> ReadTenths(Scope& s, const toml::node& node, const std::string& key, int min,
                              int max) {
  double x = 0;
  if (node.is_integer()) {
    x = static_cast<double>(node.as_integer()->get());
  } else if (node.is_floating_point()) {
    x = node.as_floating_point()->get();
  } else {
    s.Problem(&node, key, "expected a number, got " + TypeName(node));
    return std::nullopt;
  }
  if (!std::isfinite(x)) {
    s.Problem(&node, key, "must be a finite number");
    return std::nullopt;
  }
  double tenths = x * 10.0;
  double rounded = std::round(tenths);
  if (std::fabs(tenths - rounded) > 1e-6) {
    s.Problem(&node, key, "must have at most one decimal (tenths of a degree)");
    return std::nullopt;
  }
  if (rounded < min || rounded > max) {
    // Only a value within int's range may be cast; a larger one is shown as written.
    std::string value =
        std::fabs(rounded) < 1e9 ? TenthsText(static_cast<int>(rounded)) : fmt::format("{}", x);
    s.Problem(&node, key,
              value + " is out of range [" + TenthsText(min) + ", " + TenthsText(max) + "]");
    return std::nullopt;
  }
  return static_cast<int>(rounded);
}

std::optional<std::string> ReadString(Scope& s, const toml::node& node, const std::string& key) {
  if (!node.is_string()) {
    s.Problem(&node, key, "expected a string, got " + TypeName(node));
    return std::nullopt;
  }
  return std::string(node.as_string()->get());
}

}  // namespace hearth::adapters::policy::detail

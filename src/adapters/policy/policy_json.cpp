#include "adapters/policy/policy_json.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

#include <toml++/toml.h>

namespace hearth::adapters::policy {
namespace {

nlohmann::ordered_json ToJson(const toml::node& node);

nlohmann::ordered_json TableToJson(const toml::table& table) {
  // toml++ keeps a table's keys sorted; the file's order is the order of their lines.
  std::vector<std::pair<const toml::key*, const toml::node*>> entries;
  for (const auto& [key, value] : table) entries.emplace_back(&key, &value);
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    const auto& sa = a.first->source().begin;
    const auto& sb = b.first->source().begin;
    return sa.line != sb.line ? sa.line < sb.line : sa.column < sb.column;
  });
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& [key, value] : entries) out[std::string(key->str())] = ToJson(*value);
  return out;
}

template <typename T>
std::string Text(const T& value) {
  std::ostringstream s;
  s << value;
  return s.str();
}

nlohmann::ordered_json ToJson(const toml::node& node) {
  if (const auto* t = node.as_table()) return TableToJson(*t);
  if (const auto* a = node.as_array()) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& item : *a) out.push_back(ToJson(item));
    return out;
  }
  if (const auto* v = node.as_string()) return v->get();
  if (const auto* v = node.as_integer()) return v->get();
  if (const auto* v = node.as_floating_point()) return v->get();
  if (const auto* v = node.as_boolean()) return v->get();
  if (const auto* v = node.as_date()) return Text(v->get());
  if (const auto* v = node.as_time()) return Text(v->get());
  if (const auto* v = node.as_date_time()) return Text(v->get());
  return nullptr;
}

}  // namespace

Result<nlohmann::ordered_json> PolicyTextAsJson(std::string_view toml_text) {
  try {
    toml::table root = toml::parse(toml_text);
    return TableToJson(root);
  } catch (const toml::parse_error& e) {
    return Error::InvalidArgument(std::string("not a TOML profile: ") + std::string(e.description()),
                                  "policy");
  }
}

}  // namespace hearth::adapters::policy

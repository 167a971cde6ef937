// A JSON list of an enum's wire names, read and written alike by the routes whose records carry
// one (the documents of a connection application and of a heating change).
#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "core/result.hpp"

namespace hearth::app::http {

/// The names of `values` (any range of an enum), in order, by `name_of`.
template <typename Values, typename NameOf>
nlohmann::ordered_json NamesJson(const Values& values, const NameOf& name_of) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& v : values) out.push_back(name_of(v));
  return out;
}

/// The member `key` of `body` as a set of enum values, each parsed by `parse` (an empty optional
/// for an unknown name); `names` lists the choices for the errors. Absent or null: an empty set,
/// unless `required`. invalid_argument naming the key, or "key[i]" for the element at fault.
template <typename Parse>
auto NameListMember(const nlohmann::json& body, const std::string& key, const Parse& parse,
                    const std::string& names, bool required)
    -> Result<std::set<typename decltype(parse(std::string()))::value_type>> {
  using Enum = typename decltype(parse(std::string()))::value_type;
  std::set<Enum> out;
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) {
    if (!required) return out;
    return Error::InvalidArgument(key + " is required: a list of " + names, key);
  }
  if (!it->is_array()) return Error::InvalidArgument(key + " must be a list of " + names, key);
  for (size_t i = 0; i < it->size(); ++i) {
    const auto& d = (*it)[i];
    auto value = d.is_string() ? parse(d.get<std::string>()) : std::nullopt;
    if (!value) {
      const std::string at = key + "[" + std::to_string(i) + "]";
      return Error::InvalidArgument(at + " must be one of " + names, at);
    }
    out.insert(*value);
  }
  return out;
}

}  // namespace hearth::app::http

// Template definitions for toml_reader.hpp.
#pragma once

namespace hearth::adapters::policy::detail {

template <typename T>
std::optional<rules::Cited<T>> ReadCited(
    Scope& s, const std::string& key, const std::string& unit_key,
    const std::function<std::optional<T>(Scope&, const toml::node&, const std::string&)>& read) {
  const toml::node* node = s.Get(key);
  if (node == nullptr) return std::nullopt;
  if (const toml::table* t = node->as_table()) {
    Scope inner(s.reader(), *t, s.Path(key));
    auto basis = inner.OwnBasis(true);
    const toml::node* v = inner.Get(unit_key);
    std::optional<T> value = v ? read(inner, *v, inner.Path(unit_key)) : std::nullopt;
    if (!basis || !value) return std::nullopt;
    return rules::Cited<T>{*value, *basis};
  }
  if (!s.group()) {
    s.Problem(node, s.Path(key),
              "expected a table such as { " + unit_key + " = …, source = \"…\" }, got " +
                  TypeName(*node) + "; a bare value needs a `source` on its table");
    return std::nullopt;
  }
  auto value = read(s, *node, s.Path(key));
  if (!value) return std::nullopt;
  return rules::Cited<T>{*value, *s.group()};
}

}  // namespace hearth::adapters::policy::detail

// Wire names of the rules' enums: a constexpr table of (value, name) pairs, read both ways.
//
// Pure; thread-safe.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace hearth::rules {

template <typename E, size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

/// The name of `value` in `table`; "?" for a value it lacks.
template <typename E, size_t N>
constexpr std::string_view NameIn(const NameTable<E, N>& table, E value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return "?";
}

/// The value named `text` in `table`; nullopt for any other text.
template <typename E, size_t N>
constexpr std::optional<E> ParseIn(const NameTable<E, N>& table, std::string_view text) {
  for (const auto& [v, name] : table)
    if (name == text) return v;
  return std::nullopt;
}

/// Every name in `table`, in its order, joined by ", " (for errors that list the choices).
template <typename E, size_t N>
std::string JoinNames(const NameTable<E, N>& table) {
  std::string out;
  for (const auto& [v, name] : table) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

}  // namespace hearth::rules

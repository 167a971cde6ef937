// The values of JSON answers that may be missing: every route says "absent" as null, never as ""
// or 0, and writes times as local RFC 3339 and money as yuan text ("4280.50") beside its fen.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/civil_time.hpp"
#include "core/decimal.hpp"

namespace hearth::app::http {

/// The text, or null when empty.
inline nlohmann::ordered_json OrNull(const std::string& text) {
  return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
}

/// The time as local RFC 3339, or null.
inline nlohmann::ordered_json OrNull(const std::optional<Instant>& t) {
  return t ? nlohmann::ordered_json(FormatLocal(*t)) : nlohmann::ordered_json(nullptr);
}

/// The day as YYYY-MM-DD, or null.
inline nlohmann::ordered_json OrNull(const std::optional<Date>& d) {
  return d ? nlohmann::ordered_json(FormatDate(*d)) : nlohmann::ordered_json(nullptr);
}

/// The value as it is (a number, a flag, a text that may be empty), or null.
template <typename T>
nlohmann::ordered_json OrNull(const std::optional<T>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

/// An amount of fen as yuan text ("4280.50"), or null.
inline nlohmann::ordered_json YuanOrNull(const std::optional<int64_t>& fen) {
  return fen ? nlohmann::ordered_json(FormatFen(*fen)) : nlohmann::ordered_json(nullptr);
}

}  // namespace hearth::app::http

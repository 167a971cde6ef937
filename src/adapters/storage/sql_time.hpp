// How the SQL stores keep times and optional values: an Instant is its Unix seconds (BIGINT), an
// absent value is NULL, a bool is 0 or 1.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

#include "adapters/storage/sql.hpp"
#include "core/civil_time.hpp"

namespace hearth::adapters::storage {

inline int64_t Unix(Instant t) { return t.time_since_epoch().count(); }
inline Instant FromUnix(int64_t s) { return Instant{std::chrono::seconds{s}}; }

/// A value to bind, NULL when absent.
inline Value Opt(const std::optional<Instant>& t) { return t ? Value{Unix(*t)} : Value{nullptr}; }
inline Value Opt(const std::optional<int64_t>& v) { return v ? Value{*v} : Value{nullptr}; }
inline Value Opt(const std::optional<bool>& b) {
  return b ? Value{int64_t{*b ? 1 : 0}} : Value{nullptr};
}

/// Column `c` of row `i` as a time, none when NULL.
inline std::optional<Instant> OptTime(const Rows& rows, size_t i, size_t c) {
  if (rows.IsNull(i, c)) return std::nullopt;
  return FromUnix(rows.Int(i, c));
}

}  // namespace hearth::adapters::storage

// Row helpers shared by SqlMonitoringStore's files (monitoring_store_sql.cpp, measurements_sql.cpp,
// weather_sql.cpp). Internal to the storage adapter.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "adapters/storage/sql.hpp"
#include "core/civil_time.hpp"
#include "rules/temperature.hpp"

namespace hearth::adapters::storage::monitoring_rows {

inline std::optional<int64_t> OptInt(const Rows& rows, size_t r, size_t c) {
  if (rows.IsNull(r, c)) return std::nullopt;
  return rows.Int(r, c);
}

inline Value OptValue(const std::optional<rules::Tenths>& v) {
  return v ? Value(int64_t{*v}) : Value(nullptr);
}

/// Now, as stored in created_at and like columns.
inline std::string NowText() {
  return FormatLocal(
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
}

}  // namespace hearth::adapters::storage::monitoring_rows

// Test-only: an in-memory ports::ReadingStore for the ingest services' tests. Knows sensors T-1
// (id 11, company 1) and T-2 (id 12, company 2); counts its transactions and sensor lookups, and
// refuses every batch while `unavailable` is set (a database that is down). Keeps quarantined
// readings once per (sensor, ts), as the real stores do.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "ports/reading_store.hpp"

namespace hearth::support {

class MemoryReadingStore final : public ports::ReadingStore {
 public:
  using ports::ReadingStore::Insert;
  Result<ports::InsertCounts> Insert(std::span<const ports::Reading> batch,
                                     std::span<const ports::QuarantinedReading> quarantine,
                                     const ports::InsertSource& source) override {
    ++inserts;
    if (unavailable) return Error::Unavailable("the database is unavailable");
    ports::InsertCounts c;
    for (const auto& q : quarantine) {
      bool kept = std::none_of(quarantined.begin(), quarantined.end(), [&](const auto& e) {
        return e.sensor_id == q.sensor_id && e.ts == q.ts;
      });
      if (!kept) continue;
      ++c.quarantined;
      quarantined.push_back({static_cast<int64_t>(quarantined.size()) + 1, q.sensor_id, q.ts,
                             q.centi, std::string(q.reason), source.received_at,
                             std::string(source.channel)});
    }
    for (const auto& r : batch) {
      auto [it, inserted] = rows.try_emplace({r.sensor_id, r.ts}, r.centi);
      if (inserted) {
        ++c.inserted;
      } else if (it->second == r.centi) {
        ++c.duplicate;
      } else {
        ++c.conflicting;
        conflicts.push_back({static_cast<int64_t>(conflicts.size()) + 1, r.sensor_id, r.ts,
                             it->second, r.centi, source.received_at,
                             std::string(source.channel)});
      }
    }
    return c;
  }
  Result<std::vector<ports::ReadingConflict>> Conflicts(int64_t sensor_id, int64_t after_id,
                                                        int64_t limit) override {
    std::vector<ports::ReadingConflict> out;
    for (const auto& c : conflicts) {
      if (c.sensor_id == sensor_id && c.id > after_id && std::ssize(out) < limit) {
        out.push_back(c);
      }
    }
    return out;
  }
  Result<std::vector<ports::QuarantineEntry>> Quarantined(int64_t sensor_id, int64_t after_id,
                                                          int64_t limit) override {
    std::vector<ports::QuarantineEntry> out;
    for (const auto& q : quarantined) {
      if (q.sensor_id == sensor_id && q.id > after_id && std::ssize(out) < limit) out.push_back(q);
    }
    return out;
  }
  Result<std::vector<ports::Reading>> Range(int64_t, int64_t, int64_t, int64_t) override {
    return std::vector<ports::Reading>{};
  }
  Result<std::vector<std::optional<ports::SensorInfo>>> FindSensors(
      std::span<const std::string> codes) override {
    std::vector<std::optional<ports::SensorInfo>> out;
    for (const std::string& code : codes) {
      ++lookups;
      if (code == "T-1") {
        out.push_back(ports::SensorInfo{11, 101, 1001, 1});
      } else if (code == "T-2") {
        out.push_back(ports::SensorInfo{12, 102, 1002, 2});
      } else {
        out.push_back(std::nullopt);
      }
    }
    return out;
  }

  std::map<std::pair<int64_t, int64_t>, int32_t> rows;  ///< (sensor id, ts) -> centi
  std::vector<ports::ReadingConflict> conflicts;
  std::vector<ports::QuarantineEntry> quarantined;  ///< once per (sensor id, ts)
  int inserts = 0;  ///< Insert calls, refused ones included
  int lookups = 0;  ///< codes looked up
  bool unavailable = false;
};

}  // namespace hearth::support

#include "adapters/storage/reading_store_sql.hpp"

#include <algorithm>

#include "adapters/storage/sql.hpp"
#include "ports/monitoring_store.hpp"

namespace hearth::adapters::storage {

void DistinctSensorDays(std::span<const std::span<const ports::Reading>> batches,
                        std::vector<std::pair<int64_t, int64_t>>& out) {
  out.clear();
  for (std::span<const ports::Reading> batch : batches) {
    for (const ports::Reading& r : batch) {
      std::pair<int64_t, int64_t> key{r.sensor_id, ports::LocalDayNumber(r.ts)};
      if (out.empty() || out.back() != key) out.push_back(key);  // runs of one sensor-day
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

Result<std::unique_ptr<ports::ReadingStore>> OpenReadingStore(const std::string& url) {
  if (IsPostgresUrl(url)) return OpenPostgresReadingStore(url);
  return OpenSqliteReadingStore(url);
}

}  // namespace hearth::adapters::storage

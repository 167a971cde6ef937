// ports::LicenceStore over Connection (SQLite or PostgreSQL), on the records' tables (buildings,
// licensed_districts, districts, partitions, households), outage_households and work_orders.
// Thread-safe: one connection of its own, guarded by mutex_.
#pragma once

#include <memory>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/licence_store.hpp"

namespace hearth::adapters::storage {

class SqlLicenceStore final : public ports::LicenceStore {
 public:
  /// Takes a migrated connection.
  explicit SqlLicenceStore(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Result<std::vector<ports::UnlicensedBuilding>> Unlicensed(
      std::optional<int64_t> company_id) override;

 private:
  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

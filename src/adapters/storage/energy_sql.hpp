// ports::EnergyStore over Connection (SQLite or PostgreSQL), on the table of migration 16
// (schema_history_energy.hpp). Thread-safe: one connection of its own, guarded by mutex_.
#pragma once

#include <memory>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/energy_store.hpp"

namespace hearth::adapters::storage {

class SqlEnergyStore final : public ports::EnergyStore {
 public:
  /// Takes a migrated connection.
  explicit SqlEnergyStore(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Result<std::pair<ports::EnergyReport, bool>> File(const ports::EnergyReport& report) override;
  Result<std::vector<ports::EnergyReport>> List(const ports::EnergyQuery& query) override;

 private:
  Result<std::vector<ports::EnergyReport>> Select(const std::string& where,
                                                  const std::vector<Value>& params,
                                                  const std::string& tail) REQUIRES(mutex_);

  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

// ports::ContractHistory over Connection (SQLite or PostgreSQL), on the contract_versions table of
// migration 33 (schema_history_contracts.hpp). Thread-safe: one connection of its own, guarded by
// mutex_.
#pragma once

#include <memory>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/contract_history.hpp"

namespace hearth::adapters::storage {

class SqlContractHistory final : public ports::ContractHistory {
 public:
  /// Takes a migrated connection.
  explicit SqlContractHistory(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Result<std::vector<ports::SupersededTerms>> SupersededFrom(
      int64_t company_id, Date from, std::optional<int64_t> household = std::nullopt) override;

 private:
  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

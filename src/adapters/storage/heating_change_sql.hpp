// ports::HeatingChangeStore over Connection (SQLite or PostgreSQL), on the table of migration 24
// (schema_history_heating_changes.hpp). Thread-safe: one connection of its own, guarded by mutex_.
#pragma once

#include <memory>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/heating_change_store.hpp"

namespace hearth::adapters::storage {

class SqlHeatingChangeStore final : public ports::HeatingChangeStore {
 public:
  /// Takes a migrated connection.
  explicit SqlHeatingChangeStore(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Result<ports::HeatingChangeRecord> Create(const ports::HeatingChangeRecord& application,
                                            std::span<const ports::OutboxMessage> outbox) override;
  Result<ports::HeatingChangeRecord> StopForArrears(
      const ports::HeatingChangeRecord& stop,
      std::span<const ports::OutboxMessage> outbox) override;
  Result<ports::HeatingChangeRecord> Get(int64_t id) override;
  Result<std::vector<ports::HeatingChangeRecord>> List(
      const ports::HeatingChangeQuery& query) override;
  Result<std::vector<ports::ApprovedHeatingChange>> ApprovedAfter(
      int64_t company_id, Date after, std::optional<int64_t> household = std::nullopt) override;
  Result<ports::HeatingChangeRecord> Move(int64_t id, const ports::HeatingChangeRecord& after,
                                          rules::HeatingChangeAction action,
                                          const std::string& actor,
                                          std::span<const ports::OutboxMessage> outbox) override;

 private:
  Result<ports::HeatingChangeRecord> GetLocked(int64_t id) REQUIRES(mutex_);
  Status ChangeHousehold(const ports::HeatingChangeRecord& application, const std::string& actor)
      REQUIRES(mutex_);

  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

// ports::MeterDisputeStore over Connection (SQLite or PostgreSQL), on the table of migration 23
// (schema_history_meters.hpp). Thread-safe: one connection of its own, guarded by mutex_.
#pragma once

#include <memory>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/meter_dispute_store.hpp"

namespace hearth::adapters::storage {

class SqlMeterDisputeStore final : public ports::MeterDisputeStore {
 public:
  /// Takes a migrated connection.
  explicit SqlMeterDisputeStore(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Result<ports::MeterDispute> Create(const ports::MeterDispute& dispute,
                                     std::span<const ports::OutboxMessage> outbox) override;
  Result<ports::MeterDispute> Get(int64_t id) override;
  Result<std::vector<ports::MeterDispute>> List(const ports::MeterDisputeQuery& query) override;
  Result<ports::MeterDispute> Move(int64_t id, rules::DisputeState from,
                                   const ports::MeterDispute& after, const std::string& actor,
                                   std::span<const ports::OutboxMessage> outbox) override;

 private:
  Result<ports::MeterDispute> GetLocked(int64_t id) REQUIRES(mutex_);

  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

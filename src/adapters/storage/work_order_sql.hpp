// ports::WorkOrderStore over Connection (SQLite or PostgreSQL), on the tables of migration 12
// (schema_history_work_orders.hpp). Events are JSON (adapters/json/work_order_json.hpp); times
// are Unix seconds. Thread-safe: one connection of its own, guarded by mutex_.
#pragma once

#include <memory>
#include <vector>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/work_order_store.hpp"

namespace hearth::adapters::storage {

class SqlWorkOrderStore final : public ports::WorkOrderStore {
 public:
  /// Takes a migrated connection.
  explicit SqlWorkOrderStore(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Result<Created> Create(const ports::WorkOrderHead& head,
                         const ports::OrderProjection& projection,
                         std::span<const ports::OutboxMessage> outbox) override;
  Result<ports::WorkOrder> Get(int64_t id) override;
  Status Append(std::span<const ports::OrderChange> changes,
                std::span<const ports::OutboxMessage> outbox, const std::string& actor) override;
  Result<std::vector<ports::WorkOrder>> List(const ports::WorkOrderQuery& query) override;
  Result<int64_t> CountPrior(const ports::PriorComplaints& query) override;
  Result<std::vector<ports::DueDeadline>> DueUnalerted(Instant before, int limit) override;
  Status MarkAlerted(std::span<const ports::DueDeadline> deadlines,
                     std::span<const ports::OutboxMessage> outbox) override;
  Result<std::vector<int64_t>> OpenOrderIds(int64_t after, int limit) override;
  Result<std::vector<ports::OutboxMessage>> OutboxDue(Instant now, int limit) override;
  Status OutboxDelivered(int64_t id, Instant at) override;
  Status OutboxFailed(int64_t id, const std::string& error, Instant next_attempt_at) override;
  Result<std::vector<ports::OutboxMessage>> HouseholdMessages(int64_t household_id,
                                                              std::optional<int64_t> before,
                                                              int limit) override;
  Result<std::vector<ports::WorkOrder>> ListActive(
      const ports::OrderActivityQuery& query) override;

 private:
  Result<ports::WorkOrder> GetLocked(int64_t id, bool with_entries) REQUIRES(mutex_);
  Status WriteProjection(int64_t id, int64_t company_id, const ports::OrderProjection& p,
                         int64_t last_seq) REQUIRES(mutex_);

  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

// ports::ConnectionStore over Connection (SQLite or PostgreSQL), on the tables of migration 22
// (schema_history_connections.hpp). Thread-safe: one connection of its own, guarded by mutex_.
#pragma once

#include <memory>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/connection_store.hpp"

namespace hearth::adapters::storage {

class SqlConnectionStore final : public ports::ConnectionStore {
 public:
  /// Takes a migrated connection.
  explicit SqlConnectionStore(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Result<ports::ConnectionRecord> Create(const ports::ConnectionRecord& application,
                                         const ports::ConnectionEvent& received,
                                         std::span<const ports::OutboxMessage> outbox) override;
  Result<ports::ConnectionRecord> Get(int64_t id) override;
  Result<std::vector<ports::ConnectionRecord>> List(const ports::ConnectionQuery& query) override;
  Result<ports::ConnectionRecord> Move(int64_t id, const ports::ConnectionRecord& after,
                                       const ports::ConnectionEvent& event,
                                       std::span<const ports::OutboxMessage> outbox) override;

 private:
  Result<ports::ConnectionRecord> GetLocked(int64_t id, bool with_history) REQUIRES(mutex_);
  Status AppendEvent(int64_t id, int64_t seq, const ports::ConnectionEvent& event) REQUIRES(mutex_);
  Status Connect(int64_t household_id, int64_t application_id, const std::string& actor)
      REQUIRES(mutex_);

  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

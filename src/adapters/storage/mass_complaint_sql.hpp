// ports::MassComplaintStore over Connection (SQLite or PostgreSQL), on the table of migration 18
// (schema_history_mass_complaints.hpp) and the work orders, households, partitions and buildings.
// Thread-safe: one connection of its own, guarded by mutex_.
#pragma once

#include <memory>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/mass_complaint_store.hpp"

namespace hearth::adapters::storage {

class SqlMassComplaintStore final : public ports::MassComplaintStore {
 public:
  /// Takes a migrated connection.
  explicit SqlMassComplaintStore(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Result<std::vector<ports::CommunityComplaint>> Complaints(
      const ports::CommunityComplaintQuery& query) override;
  Result<std::string> CommunityOf(int64_t household_id) override;
  Result<bool> Flag(const ports::MassComplaintFlag& flag,
                    std::span<const ports::OutboxMessage> outbox,
                    const std::string& actor) override;
  Result<std::vector<ports::MassComplaintFlag>> List(
      const ports::MassComplaintQuery& query) override;

 private:
  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

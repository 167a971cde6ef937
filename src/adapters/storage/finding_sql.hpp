// ports::FindingStore over Connection (SQLite or PostgreSQL), on the tables of migration 15
// (schema_history_findings.hpp). Thread-safe: one connection of its own, guarded by mutex_.
#pragma once

#include <memory>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/finding_store.hpp"

namespace hearth::adapters::storage {

class SqlFindingStore final : public ports::FindingStore {
 public:
  /// Takes a migrated connection.
  explicit SqlFindingStore(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Result<ports::Finding> Create(const ports::Finding& finding, const ports::FindingEvent& recorded,
                                std::span<const ports::OutboxMessage> outbox) override;
  Result<ports::Finding> Get(int64_t id) override;
  Result<std::vector<ports::Finding>> List(const ports::FindingQuery& query) override;
  Result<ports::Finding> Move(int64_t id, rules::FindingState from,
                              const ports::FindingEvent& event,
                              std::span<const ports::OutboxMessage> outbox) override;
  Result<std::vector<ports::HouseholdCover>> CoveringOf(int64_t first, int64_t last, Date from,
                                                        Date to) override;
  Result<std::vector<rules::FindingCover>> Covering(int64_t household_id, Date from,
                                                    Date to) override;

 private:
  Result<ports::Finding> GetLocked(int64_t id, bool with_history) REQUIRES(mutex_);
  Status AppendEvent(int64_t id, int64_t seq, const ports::FindingEvent& event) REQUIRES(mutex_);

  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

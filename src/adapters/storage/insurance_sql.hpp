// ports::InsuranceStore over Connection (SQLite or PostgreSQL), on the tables of migration 20
// (schema_history_insurance.hpp). Thread-safe: one connection of its own, guarded by mutex_.
#pragma once

#include <memory>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/insurance_store.hpp"

namespace hearth::adapters::storage {

class SqlInsuranceStore final : public ports::InsuranceStore {
 public:
  /// Takes a migrated connection.
  explicit SqlInsuranceStore(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Result<ports::InsuranceClaim> Create(const ports::InsuranceClaim& claim,
                                       const ports::ClaimEvent& recorded,
                                       std::span<const ports::OutboxMessage> outbox) override;
  Result<ports::InsuranceClaim> Get(int64_t id) override;
  Result<std::vector<ports::InsuranceClaim>> List(const ports::ClaimQuery& query) override;
  Result<ports::InsuranceClaim> Move(int64_t id, rules::ClaimState from,
                                     const ports::InsuranceClaim& after,
                                     const ports::ClaimEvent& event,
                                     std::span<const ports::OutboxMessage> outbox) override;

 private:
  Result<ports::InsuranceClaim> GetLocked(int64_t id, bool with_history) REQUIRES(mutex_);
  Status AppendEvent(int64_t id, int64_t seq, const ports::ClaimEvent& event) REQUIRES(mutex_);

  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

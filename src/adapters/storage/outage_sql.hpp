// ports::OutageStore over Connection (SQLite or PostgreSQL), on the tables of migration 14
// (schema_history_outages.hpp). The affected households are derived by one INSERT … SELECT
// through the network tables, and a notice's household messages by one INSERT … SELECT over
// them, so that neither grows with round trips. Times are Unix seconds. Thread-safe: one
// connection of its own, guarded by mutex_.
#pragma once

#include <memory>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/outage_store.hpp"

namespace hearth::adapters::storage {

class SqlOutageStore final : public ports::OutageStore {
 public:
  /// Takes a migrated connection.
  explicit SqlOutageStore(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Result<ports::Outage> Create(const ports::Outage& outage,
                               std::span<const ports::OutboxMessage> outbox) override;
  Result<ports::Outage> Get(int64_t id) override;
  Result<std::vector<ports::Outage>> List(const ports::OutageQuery& query) override;
  Result<ports::Outage> AddNotice(
      int64_t id, const ports::OutageNotice& notice,
      std::span<const std::pair<std::string, std::string>> fields) override;
  Result<ports::Outage> End(int64_t id, Instant at, const std::string& actor) override;
  Result<bool> Affects(int64_t outage_id, int64_t household_id) override;
  Result<std::vector<int64_t>> AffectedHouseholds(int64_t outage_id) override;
  Result<std::vector<ports::HouseholdStop>> CompanyStopsOf(int64_t first, int64_t last,
                                                           Instant from, Instant until) override;
  Result<std::vector<rules::StopSpan>> CompanyStops(int64_t household_id, Instant from,
                                                    Instant until) override;

 private:
  Result<ports::Outage> GetLocked(int64_t id, bool with_notices) REQUIRES(mutex_);
  Status CheckScope(int64_t company_id, const ports::OutageScope& scope) REQUIRES(mutex_);

  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

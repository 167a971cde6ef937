// ports::IndicatorPublicationStore over Connection (SQLite or PostgreSQL), on the tables of
// migration 17 (schema_history_indicators.hpp). Thread-safe: one connection of its own, guarded
// by mutex_.
#pragma once

#include <memory>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/indicator_publication_store.hpp"

namespace hearth::adapters::storage {

class SqlIndicatorPublicationStore final : public ports::IndicatorPublicationStore {
 public:
  /// Takes a migrated connection.
  explicit SqlIndicatorPublicationStore(std::unique_ptr<Connection> conn)
      : conn_(std::move(conn)) {}

  Result<ports::IndicatorPublication> Publish(
      const ports::IndicatorPublication& publication,
      const std::vector<ports::IndicatorRecord>& records) override;
  Result<std::vector<ports::IndicatorPublication>> List(
      const ports::PublicationQuery& query) override;
  Result<ports::IndicatorPublication> Get(int64_t id) override;
  Result<std::vector<ports::IndicatorRecord>> Records(int64_t id, const std::string& rule,
                                                      int64_t offset, int limit) override;

 private:
  /// The publications matching `where` (heads and indicators).
  Result<std::vector<ports::IndicatorPublication>> Select(const std::string& where,
                                                          const std::vector<Value>& params,
                                                          const std::string& tail)
      REQUIRES(mutex_);

  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

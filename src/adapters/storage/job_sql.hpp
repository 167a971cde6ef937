// ports::JobStore over Connection (SQLite or PostgreSQL), on the table of migration 27
// (schema_history_jobs.hpp). Thread-safe: one connection of its own, guarded by mutex_.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/job_store.hpp"

namespace hearth::adapters::storage {

class SqlJobStore final : public ports::JobStore {
 public:
  /// Takes a migrated connection.
  explicit SqlJobStore(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Result<ports::Job> Start(const ports::Job& job, Instant stale_before) override;
  Status Progress(int64_t id, int64_t done, int64_t total, Instant at) override;
  Status Finish(int64_t id, ports::JobState state, const std::string& result_json,
                const Error* error, Instant at) override;
  Result<ports::Job> Get(int64_t id) override;
  Result<std::vector<ports::Job>> List(const ports::JobQuery& query) override;

 private:
  Result<std::vector<ports::Job>> Select(const std::string& where, const std::vector<Value>& params,
                                         const std::string& tail) REQUIRES(mutex_);

  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

// ports::RecordStore over Connection (SQLite or PostgreSQL): the SQL is generated from the
// resource descriptors; table and column names come only from the descriptors, values only
// through parameters. Thread-safe: one connection guarded by mutex_.
#pragma once

#include <memory>
#include <span>
#include <vector>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/record_store.hpp"

namespace hearth::adapters::storage {

class SqlRecordStore final : public ports::RecordStore {
 public:
  /// Takes a migrated connection.
  explicit SqlRecordStore(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Result<ports::Record> Create(const model::Resource& r, const ports::Fields& fields,
                               const ports::Scope& scope, const std::string& actor) override;
  Result<ports::Record> Get(const model::Resource& r, int64_t id,
                            const ports::Scope& scope) override;
  Result<ports::Page> List(const model::Resource& r, const ports::ListQuery& query) override;
  Result<ports::Record> Update(const model::Resource& r, int64_t id, const ports::Fields& changes,
                               const ports::Scope& scope, const std::string& actor) override;
  Status Delete(const model::Resource& r, int64_t id, const ports::Scope& scope,
                const std::string& actor) override;
  Result<std::vector<ports::AuditEntry>> Audit(std::optional<int64_t> before, int limit) override;
  Status AppendAudit(const ports::AuditEntry& entry) override;
  Status Transact(const std::function<Status(ports::RecordTransaction&)>& fn) override;
  Result<std::vector<ports::UsageRateRow>> UsageRates(ports::UsageGrouping by,
                                                      const ports::Scope& scope) override;
  Result<ports::Page> SearchHouseholds(const ports::HouseholdSearch& query) override;

 private:
  class Transaction;

  // The bodies of the methods above, with mutex_ held and inside a transaction (writes).
  Result<ports::Record> GetLocked(const model::Resource& r, int64_t id, const ports::Scope& scope)
      REQUIRES(mutex_);
  Result<ports::Record> CreateLocked(const model::Resource& r, const ports::Fields& fields,
                                     const ports::Scope& scope, const std::string& actor)
      REQUIRES(mutex_);
  Result<std::vector<ports::Record>> CreateManyLocked(const model::Resource& r,
                                                      std::span<const ports::Fields> rows,
                                                      const ports::Scope& scope,
                                                      const std::string& actor) REQUIRES(mutex_);
  Result<ports::Page> ListLocked(const model::Resource& r, const ports::ListQuery& query)
      REQUIRES(mutex_);
  Result<ports::Record> UpdateLocked(const model::Resource& r, int64_t id,
                                     const ports::Fields& changes, const ports::Scope& scope,
                                     const std::string& actor) REQUIRES(mutex_);
  Status DeleteLocked(const model::Resource& r, int64_t id, const ports::Scope& scope,
                      const std::string& actor) REQUIRES(mutex_);
  Status AuditLocked(const std::string& actor, const std::string& action,
                     const model::Resource& r, int64_t id, const ports::Record* before,
                     const ports::Record* after) REQUIRES(mutex_);

  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

// ports::RefundLedgerStore over Connection (SQLite or PostgreSQL), on the refund_entries
// table of migration 6. Thread-safe: one connection of its own, guarded by mutex_.
#pragma once

#include <memory>
#include <vector>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/refund_ledger.hpp"

namespace hearth::adapters::storage {

class SqlRefundLedger final : public ports::RefundLedgerStore {
 public:
  /// Takes a migrated connection.
  explicit SqlRefundLedger(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Result<ports::ReplaceCounts> ReplaceDrafts(std::span<const ports::RefundEntry> entries) override;
  Result<std::vector<ports::RefundEntry>> List(const ports::LedgerQuery& query) override;
  Result<ports::RefundEntry> Get(int64_t id) override;
  Result<std::vector<ports::LedgerTotal>> Totals(int season_start_year,
                                                 const std::string& now) override;
  Result<ports::RefundEntry> SetStatus(int64_t id, const std::string& from, const std::string& to,
                                       const std::string& actor) override;
  Result<ports::RefundEntry> Pay(int64_t id, const std::string& method,
                                 const std::string& reference, const std::string& paid_at,
                                 const std::string& actor) override;
  Result<ports::RefundEntry> SetChoice(int64_t id, const std::string& choice,
                                       const std::string& actor) override;

 private:
  Result<ports::RefundEntry> GetLocked(int64_t id) REQUIRES(mutex_);
  // In one transaction: `UPDATE … SET <set> WHERE id AND <where>` ($1.. are `params`), then
  // the audit entry; failed_precondition "<id> is <status>: <refused>" when no row matched.
  Result<ports::RefundEntry> ChangeLocked(int64_t id, const std::string& set,
                                          const std::string& where, std::vector<Value> params,
                                          const std::string& refused, const std::string& actor)
      REQUIRES(mutex_);

  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

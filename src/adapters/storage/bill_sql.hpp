// ports::BillStore over Connection (SQLite or PostgreSQL), on the tables of migration 25
// (schema_history_bills.hpp) and the fees, payments and refund entries before them. A chunk's
// rows go in as multi-row statements (kRowsPerStatement at a time), in one transaction.
// The writes are in bill_sql.cpp, the reads in bill_read_sql.cpp. Thread-safe: one connection of
// its own, guarded by mutex_.
#pragma once

#include <memory>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/bill_store.hpp"

namespace hearth::adapters::storage {

class SqlBillStore final : public ports::BillStore {
 public:
  /// Takes a migrated connection.
  explicit SqlBillStore(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Result<ports::CandidateCounts> CountCandidates(int64_t company_id, int season,
                                                 Date basis_on) override;
  Result<int64_t> CountBilled(int64_t company_id, int season) override;
  Result<std::vector<ports::BillingCandidate>> Candidates(int64_t company_id, int season,
                                                          int64_t after_id, int limit) override;
  Result<ports::BillingRunRecord> StartRun(const ports::BillingRunRecord& run) override;
  Status IssueChunk(int64_t run_id, std::span<const ports::NewBill> bills, int64_t not_heated,
                    int64_t meter_by_area) override;
  Result<std::vector<int64_t>> FailedMeters(
      int64_t company_id, Instant from, Instant to,
      std::optional<int64_t> household = std::nullopt) override;
  Result<ports::BillingCandidate> BilledCandidate(int64_t fee_id) override;
  Status Adjust(int64_t fee_id, const ports::NewBill& bill, const std::string& actor) override;
  Result<ports::BillRecord> PayBack(const ports::Payback& payback) override;
  Result<ports::BillingRunRecord> FinishRun(int64_t run_id) override;
  Result<std::vector<ports::BillingRunRecord>> ListRuns(
      const ports::BillingRunQuery& query) override;
  Result<ports::BillRecord> Get(int64_t fee_id) override;
  Result<std::vector<ports::BillRecord>> List(const ports::BillQuery& query) override;

  /// Rows per multi-row INSERT: well under SQLite's 32,766 parameters.
  static constexpr size_t kRowsPerStatement = 200;

 private:
  Result<ports::BillingRunRecord> GetRunLocked(int64_t id) REQUIRES(mutex_);
  Result<ports::BillRecord> GetLocked(int64_t fee_id) REQUIRES(mutex_);

  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

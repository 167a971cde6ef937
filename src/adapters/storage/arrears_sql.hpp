// ports::ArrearsStore over Connection (SQLite or PostgreSQL): fees with the sum of their
// payments, and the reminders of migration 30 (schema_history_bills.hpp) joined to their outbox
// messages. Thread-safe: one connection of its own, guarded by mutex_.
#pragma once

#include <memory>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/arrears_store.hpp"

namespace hearth::adapters::storage {

class SqlArrearsStore final : public ports::ArrearsStore {
 public:
  /// Takes a migrated connection.
  explicit SqlArrearsStore(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Result<std::vector<ports::ArrearsRecord>> Overdue(const ports::ArrearsQuery& query) override;
  Result<ports::ArrearsRecord> Fee(int64_t fee_id) override;
  Result<ports::ReminderRecord> Remind(const ports::ReminderRecord& reminder,
                                       const std::optional<ports::OutboxMessage>& message) override;

 private:
  /// `where` over fees f joined to households h; reminders attached.
  Result<std::vector<ports::ArrearsRecord>> Read(const Where& where, const std::string& tail)
      REQUIRES(mutex_);
  Status AttachReminders(std::vector<ports::ArrearsRecord>& fees) REQUIRES(mutex_);

  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

// ports::PriceNoticeStore over Connection (SQLite or PostgreSQL), on the table of migration 32
// (schema_history_bills.hpp) and the outbox. Thread-safe: one connection of its own, guarded by
// mutex_.
#pragma once

#include <memory>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/price_notice_store.hpp"

namespace hearth::adapters::storage {

class SqlPriceNoticeStore final : public ports::PriceNoticeStore {
 public:
  /// Takes a migrated connection.
  explicit SqlPriceNoticeStore(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Result<ports::PriceNotice> Announce(
      const ports::PriceNotice& notice,
      const std::vector<std::pair<std::string, std::string>>& fields) override;
  Result<ports::PriceNotice> OfTariff(int64_t tariff_id) override;
  Result<std::vector<ports::PriceNotice>> List(const ports::PriceNoticeQuery& query) override;

 private:
  Result<std::vector<ports::PriceNotice>> Read(const Where& where, const std::string& tail)
      REQUIRES(mutex_);

  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

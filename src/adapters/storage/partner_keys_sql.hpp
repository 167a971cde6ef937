// ports::PartnerKeyStore over Connection (SQLite or PostgreSQL), on the tables of migration 13
// (schema_history_partners.hpp). Thread-safe: one connection of its own, guarded by mutex_.
#pragma once

#include <memory>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/partner_keys.hpp"

namespace hearth::adapters::storage {

class SqlPartnerKeyStore final : public ports::PartnerKeyStore {
 public:
  /// Takes a migrated connection.
  explicit SqlPartnerKeyStore(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Result<ports::PartnerKey> Add(const ports::PartnerKey& key) override;
  Result<ports::PartnerKey> Find(const std::string& key_id) override;
  Result<std::vector<ports::PartnerKey>> List() override;
  Status Revoke(const std::string& key_id, const std::string& actor) override;
  Status SeeRequest(const std::string& key_id, const std::string& signature, Instant at,
                    Instant forget_before) override;

 private:
  Result<std::vector<ports::PartnerKey>> Select(const std::string& where,
                                                const std::vector<Value>& params)
      REQUIRES(mutex_);

  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

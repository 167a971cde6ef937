// ports::DeviceTokenStore on the device_tokens tables of migration 10, over SQLite or PostgreSQL;
// each change and its audit entry in one transaction.
#pragma once

#include <memory>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/device_tokens.hpp"

namespace hearth::adapters::storage {

class SqlDeviceTokenStore final : public ports::DeviceTokenStore {
 public:
  /// Takes a migrated connection.
  explicit SqlDeviceTokenStore(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Status PutToken(const ports::DeviceToken& token, const std::string& actor) override;
  Status RevokeToken(std::string_view name, const std::string& actor) override;
  Result<std::optional<ports::DeviceToken>> FindToken(std::string_view token_hash) override;
  Result<std::vector<ports::DeviceToken>> ListTokens() override;

 private:
  // The tokens WHERE `where` ($1 its parameter, or none), with their sensors.
  Result<std::vector<ports::DeviceToken>> Select(const std::string& where,
                                                 std::vector<Value> params) REQUIRES(mutex_);

  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

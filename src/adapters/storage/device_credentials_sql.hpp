// ports::DeviceCredentialStore on the device_credentials table of migration 9, over SQLite or
// PostgreSQL; each change and its audit entry in one transaction.
#pragma once

#include <memory>

#include "adapters/storage/sql.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/device_credentials.hpp"

namespace hearth::adapters::storage {

class SqlDeviceCredentialStore final : public ports::DeviceCredentialStore {
 public:
  /// Takes a migrated connection.
  explicit SqlDeviceCredentialStore(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Status Put(const ports::DeviceCredential& credential, const std::string& actor) override;
  Status Revoke(std::string_view username, const std::string& actor) override;
  Result<std::vector<ports::DeviceCredential>> List() override;

 private:
  Mutex mutex_;
  std::unique_ptr<Connection> conn_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

// The PostgreSQL engine of Connection, over libpq.
#pragma once

#include "adapters/storage/sql.hpp"

namespace hearth::adapters::storage {

/// Connects with a libpq URL (postgresql://user@host:port/db). unavailable when the server
/// cannot be reached.
Result<std::unique_ptr<Connection>> ConnectPostgres(const std::string& url);

}  // namespace hearth::adapters::storage

// The PostgreSQL engine of Connection, over libpq.
#pragma once

#include "adapters/storage/sql.hpp"

namespace hearth::adapters::storage {

/// Connects with a libpq URL (postgresql://user@host:port/db). unavailable when the server
/// cannot be reached. The connection reconnects by itself after the server ended or lost its
/// session (pg_link.hpp): outside a transaction the next statement runs on a new session (a
/// BEGIN or a read that the loss interrupted is sent once more); inside one, every statement
/// fails until the caller's COMMIT (unavailable) or ROLLBACK (ok), and nothing of it is kept.
Result<std::unique_ptr<Connection>> ConnectPostgres(const std::string& url);

}  // namespace hearth::adapters::storage

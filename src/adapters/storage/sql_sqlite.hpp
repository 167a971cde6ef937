// The SQLite engine of Connection (WAL mode, foreign keys on, 5 s busy timeout).
#pragma once

#include "adapters/storage/sql.hpp"

namespace hearth::adapters::storage {

Result<std::unique_ptr<Connection>> ConnectSqlite(const std::string& path, bool create);

/// Copies a live SQLite database with the online backup API (consistent while others write).
/// `conn` must be a SQLite connection.
Status SqliteBackup(Connection& conn, const std::string& target_path);

}  // namespace hearth::adapters::storage

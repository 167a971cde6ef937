// The SQLite engine of Connection (WAL mode, foreign keys on, 5 s busy timeout).
#pragma once

#include <string_view>

#include "adapters/storage/sql.hpp"

struct sqlite3;

namespace hearth::adapters::storage {

/// The Error of a failed SQLite call (`rc`, with `db`'s message when given), as the Connection
/// contract maps them: busy, locked, unopenable, read-only, a full disk, I/O errors and a damaged
/// file are unavailable, with a message naming the cause (issue 18, item 2: "the disk is full",
/// not only "unavailable"); `what` goes to the detail only.
Error SqliteError(sqlite3* db, int rc, std::string_view what);

Result<std::unique_ptr<Connection>> ConnectSqlite(const std::string& path, bool create);

/// Copies a live SQLite database with the online backup API (consistent while others write).
/// `conn` must be a SQLite connection.
Status SqliteBackup(Connection& conn, const std::string& target_path);

}  // namespace hearth::adapters::storage

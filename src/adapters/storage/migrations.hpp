// Versioned, forward-only schema migrations for the SQLite store.
#pragma once

#include "adapters/storage/sqlite_db.hpp"

namespace hearth::adapters::sqlite {

/// Applies every migration newer than the database's version, each in its own transaction, and
/// records it in schema_migrations. Refuses (failed_precondition) a database newer than this
/// binary knows.
Status Migrate(Db& db);

/// The newest migration this binary knows.
int LatestSchemaVersion();

}  // namespace hearth::adapters::sqlite

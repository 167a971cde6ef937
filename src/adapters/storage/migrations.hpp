// Versioned, forward-only schema migrations, written for each engine.
// The migrations themselves are in schema_history.cpp, appended, never edited.
#pragma once

#include "adapters/storage/sql.hpp"

namespace hearth::adapters::storage {

/// Applies every migration newer than the database's version, each in its own transaction, and
/// records it in schema_migrations. Refuses (failed_precondition) a database newer than this
/// binary knows. Safe when several processes start at once (the version row is the lock).
Status Migrate(Connection& conn);

/// Migrate, up to `version` only: a database as the release of that version left it (tests of a
/// migration over existing data). A newer database is still refused.
Status MigrateTo(Connection& conn, int version);

/// The newest migration this binary knows.
int LatestSchemaVersion();

}  // namespace hearth::adapters::storage

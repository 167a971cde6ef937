// Versioned, forward-only schema migrations, written for each engine.
//
// migrations.cpp is over 400 lines on purpose: it is the schema's history, every migration in
// the order it was released, and a released migration never changes. Splitting it would scatter
// one record that is read top to bottom; a new migration is appended, never edited in.
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

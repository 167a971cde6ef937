// ports::ReadingStore on the readings table of migration 4, over SQLite or PostgreSQL.
//
// Ingest is the hot path (issue 5 aims at a million readings a second), so these stores talk to
// the engines' C APIs directly instead of through Connection, which allocates per value:
//  - SQLite: one writer connection with prepared multi-row `INSERT … ON CONFLICT DO NOTHING`
//    statements, reused for every batch, in one BEGIN IMMEDIATE transaction. Batches that arrive
//    while one commits share the next transaction (adapters/storage/group_commit.hpp). WAL with
//    synchronous=NORMAL: a committed batch is in the WAL file (the OS holds it), so it survives
//    kill -9 of the process. A second connection serves the reads, so lookups for the next batch
//    do not wait for the commit of this one.
//  - PostgreSQL: COPY into a temporary table, then `INSERT … SELECT … ORDER BY … ON CONFLICT DO
//    NOTHING` in one transaction (synchronous_commit as the server is configured: on by default).
//    Rows are inserted in key order so that concurrent instances cannot deadlock on each other.
// Inserted versus duplicate counts come from the engine's count of rows actually inserted.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "ports/reading_store.hpp"

namespace hearth::adapters::storage {

/// The pragmas of the reading store's SQLite connections, exposed so that the ingest benchmark's
/// raw-SQLite baseline runs under the same settings. Those of Connect, plus: a 16 MB page
/// cache (a batch touches about one B-tree leaf per sensor it names, and those leaves are hot
/// for the next batch) and a checkpoint every 10,000 WAL pages instead of 1,000 (fewer, larger
/// copies back into the database file, off most batches' path). Durability is that of Connect:
/// synchronous=FULL, so a committed batch is on disk (the WAL fsynced) before COMMIT returns and
/// the reading is acknowledged (issue 12, finding 7).
inline constexpr const char* kReadingSqlitePragmas =
    "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
    "PRAGMA cache_size=-16384; PRAGMA wal_autocheckpoint=10000;";

/// Opens a reading store on connections of its own to `url`: a postgresql:// URL or a SQLite file
/// path. The schema must already be migrated (SqlStore::Open does it). Errors: not_found (no
/// SQLite file at the path), unavailable (cannot connect), internal. The store is thread-safe.
Result<std::unique_ptr<ports::ReadingStore>> OpenReadingStore(const std::string& url);

/// The distinct (sensor id, ports::LocalDayNumber) pairs of some batches, sorted: the dirty
/// marks both engines write in the batches' transaction. `out` is cleared first (a reused buffer).
void DistinctSensorDays(std::span<const std::span<const ports::Reading>> batches,
                        std::vector<std::pair<int64_t, int64_t>>& out);
inline void DistinctSensorDays(std::span<const ports::Reading> batch,
                               std::vector<std::pair<int64_t, int64_t>>& out) {
  DistinctSensorDays(std::span<const std::span<const ports::Reading>>(&batch, 1), out);
}

/// The engine-specific halves of OpenReadingStore.
Result<std::unique_ptr<ports::ReadingStore>> OpenSqliteReadingStore(const std::string& path);
Result<std::unique_ptr<ports::ReadingStore>> OpenPostgresReadingStore(const std::string& url);

}  // namespace hearth::adapters::storage

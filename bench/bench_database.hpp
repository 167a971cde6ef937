// The benchmarks' databases. Postgres(): their own PostgreSQL 15 cluster, durable (fsync,
// synchronous_commit and full_page_writes on, as in production; the tests' shared cluster turns
// them off), started on first use and stopped when the benchmarks end; one per process.
// FreshDatabase: a new, empty database on that cluster or in a SQLite file of its own.
// ScanRows: a baseline query stepped through on a connection of its own.
#pragma once

#include <sqlite3.h>
#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "adapters/storage/sql.hpp"
#include "support/test_postgres.hpp"

namespace hearth::bench {

inline support::PostgresCluster& Postgres() {
  static auto cluster = support::PostgresCluster::StartOwn(/*durable=*/true);
  return *cluster;
}

/// A new database: on Postgres() (kept until the cluster stops), or a SQLite file in a temporary
/// directory removed with the object.
struct FreshDatabase {
  std::string dir;  ///< SQLite's, else empty
  std::string url;

  explicit FreshDatabase(bool postgres) {
    if (postgres) {
      url = Postgres().CreateDatabase();
      return;
    }
    char tmpl[] = "/tmp/hearth-bench-db-XXXXXX";
    dir = mkdtemp(tmpl);
    url = dir + "/h.db";
  }
  ~FreshDatabase() {
    if (!dir.empty()) std::filesystem::remove_all(dir);
  }
  FreshDatabase(const FreshDatabase&) = delete;
  FreshDatabase& operator=(const FreshDatabase&) = delete;
};

/// Steps through every row of `sql` on a connection of its own to `db`; the rows, or -1. On
/// PostgreSQL through the project's Connection (libpq), which holds the result in memory.
inline int64_t ScanRows(const FreshDatabase& db, const std::string& sql) {
  if (db.dir.empty()) {
    auto conn = adapters::storage::Connect(db.url, false);
    if (!conn.ok()) return -1;
    auto rows = (*conn)->Query(sql);
    return rows.ok() ? static_cast<int64_t>(rows->rows.size()) : -1;
  }
  sqlite3* file = nullptr;
  sqlite3_open_v2(db.url.c_str(), &file, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* stmt = nullptr;
  int64_t rows = -1;
  if (sqlite3_prepare_v2(file, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK) {
    rows = 0;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) ++rows;  // each step computes its row
    if (rc != SQLITE_DONE) rows = -1;
  }
  sqlite3_finalize(stmt);
  sqlite3_close_v2(file);
  return rows;
}

}  // namespace hearth::bench

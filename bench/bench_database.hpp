// The benchmarks' databases. Postgres(): their own PostgreSQL 15 cluster, durable (fsync,
// synchronous_commit and full_page_writes on, as in production; the tests' shared cluster turns
// them off), started on first use and stopped when the benchmarks end; one per process.
// FreshDatabase: a new, empty database on that cluster or in a SQLite file of its own.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <string>

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

}  // namespace hearth::bench

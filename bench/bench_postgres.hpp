// The benchmarks' own PostgreSQL 15 cluster, durable (fsync, synchronous_commit and
// full_page_writes on, as in production; the tests' shared cluster turns them off), started on
// first use and stopped when the benchmarks end. One per process, shared by every benchmark.
#pragma once

#include "support/test_postgres.hpp"

namespace hearth::bench {

inline support::PostgresCluster& Postgres() {
  static auto cluster = support::PostgresCluster::StartOwn(/*durable=*/true);
  return *cluster;
}

}  // namespace hearth::bench

// Test-only: an empty, migrated-or-not database per test on either engine, for the tests that
// run the same cases on SQLite and on PostgreSQL (TEST_P over Engine).
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>

#include "support/test_postgres.hpp"

namespace hearth::support {

enum class Engine { kSqlite, kPostgres };

/// The case-name suffix gtest prints: "Sqlite" or "Postgres".
inline std::string EngineName(const ::testing::TestParamInfo<Engine>& info) {
  return info.param == Engine::kSqlite ? "Sqlite" : "Postgres";
}

/// A fresh, empty database: a SQLite file in a new temporary directory (removed with the
/// object), or a new database on the test run's PostgreSQL cluster (PostgresCluster::Shared).
class TestDatabase {
 public:
  explicit TestDatabase(Engine engine) {
    if (engine == Engine::kSqlite) {
      char tmpl[] = "/tmp/hearth-test-db-XXXXXX";
      if (mkdtemp(tmpl) == nullptr) throw std::runtime_error("mkdtemp failed");
      dir_ = tmpl;
      url_ = dir_ + "/h.db";
    } else {
      url_ = PostgresCluster::Shared().CreateDatabase();
    }
  }
  ~TestDatabase() {
    std::error_code ec;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  /// A SQLite file path or a postgresql:// URL: what sql::Connect and the stores open.
  const std::string& url() const { return url_; }

 private:
  std::string dir_, url_;
};

}  // namespace hearth::support

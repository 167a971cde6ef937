// The Connection contract's parameters on both engines: $n in any order and used more than once,
// quoted text left alone, and statements of thousands of parameters (multi-row inserts); and
// the statements each engine keeps prepared: run again, after a migration changed their table,
// and past the cache's size.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "adapters/storage/sql.hpp"
#include "support/test_database.hpp"

namespace hearth::adapters::storage {
namespace {

using support::Engine;
using support::EngineName;

class SqlParams : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    auto conn = Connect(db_->url());
    ASSERT_TRUE(conn.ok()) << conn.error().message;
    conn_ = std::move(*conn);
    ASSERT_TRUE(conn_->Script("CREATE TABLE t (id BIGINT PRIMARY KEY, name TEXT)").ok());
  }

  std::unique_ptr<support::TestDatabase> db_;
  std::unique_ptr<Connection> conn_;
};

TEST_P(SqlParams, InAnyOrderRepeatedOrQuoted) {
  struct Case {
    const char* sql;
    std::vector<Value> params;
    std::vector<std::string> row;
  };
  const std::vector<Case> cases = {
      {"SELECT $1, $2", {std::string("a"), std::string("b")}, {"a", "b"}},
      {"SELECT $2, $1", {std::string("a"), std::string("b")}, {"b", "a"}},
      {"SELECT $1, $1 || $2", {std::string("a"), std::string("b")}, {"a", "ab"}},
      {"SELECT '$1', $1", {std::string("a")}, {"$1", "a"}},
      {"SELECT $10, $1 || $2 || $3 || $4 || $5 || $6 || $7 || $8 || $9", {std::string("1"), std::string("2"), std::string("3"), std::string("4"),
                          std::string("5"), std::string("6"), std::string("7"), std::string("8"),
                          std::string("9"), std::string("10")},
       {"10", "123456789"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.sql);
    for (int again = 0; again < 3; ++again) {  // prepared the first time, kept after
      auto rows = conn_->Query(c.sql, c.params);
      ASSERT_TRUE(rows.ok()) << rows.error().message << " " << rows.error().detail;
      ASSERT_EQ(rows->rows.size(), 1u);
      for (size_t i = 0; i < c.row.size(); ++i) EXPECT_EQ(rows->Text(0, i), c.row[i]);
    }
  }
}

TEST_P(SqlParams, AMultiRowInsertOfThousandsOfParameters) {
  constexpr int kRows = 10000;
  std::string sql = "INSERT INTO t (id, name) VALUES ";
  std::vector<Value> params;
  for (int i = 0; i < kRows; ++i) {
    sql += (i ? ", ($" : "($") + std::to_string(2 * i + 1) + ", $" + std::to_string(2 * i + 2) +
           ")";
    params.emplace_back(int64_t{i});
    params.emplace_back("n" + std::to_string(i));
  }
  auto written = conn_->Query(sql, params);
  ASSERT_TRUE(written.ok()) << written.error().message;
  EXPECT_EQ(written->affected, kRows);
  auto back = conn_->Query("SELECT name FROM t WHERE id = $1", {int64_t{kRows - 1}});
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->Text(0, 0), "n" + std::to_string(kRows - 1));
}

TEST_P(SqlParams, KeptStatementsSurviveAMigrationAndACacheFull) {
  ASSERT_TRUE(conn_->Query("INSERT INTO t (id, name) VALUES ($1, $2)", {int64_t{1}, "a"}).ok());
  const std::string select = "SELECT * FROM t WHERE id = $1";
  auto before = conn_->Query(select, {int64_t{1}});
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->columns.size(), 2u);
  // A migration adds a column: the kept statement's result would change type.
  ASSERT_TRUE(conn_->Script("ALTER TABLE t ADD COLUMN extra TEXT").ok());
  auto after = conn_->Query(select, {int64_t{1}});
  ASSERT_TRUE(after.ok()) << after.error().message << " " << after.error().detail;
  EXPECT_EQ(after->columns.size(), 3u);
  // More distinct statements than either engine keeps, each run twice, and the first again.
  for (int i = 0; i < 700; ++i) {
    const std::string sql = "SELECT name, " + std::to_string(i) + " FROM t WHERE id = $1";
    for (int k = 0; k < 2; ++k) {
      auto rows = conn_->Query(sql, {int64_t{1}});
      ASSERT_TRUE(rows.ok()) << i << ": " << rows.error().message;
      ASSERT_EQ(rows->Int(0, 1), i);
    }
  }
  auto last = conn_->Query(select, {int64_t{1}});
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(last->Text(0, 1), "a");
  // A statement that fails to prepare leaves the connection usable.
  EXPECT_FALSE(conn_->Query("SELECT nope FROM t WHERE id = $1", {int64_t{1}}).ok());
  EXPECT_TRUE(conn_->Query(select, {int64_t{1}}).ok());
}

INSTANTIATE_TEST_SUITE_P(Engines, SqlParams, ::testing::Values(Engine::kSqlite, Engine::kPostgres),
                         EngineName);

}  // namespace
}  // namespace hearth::adapters::storage

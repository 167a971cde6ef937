// One contract, every engine: the same tests run on SQLite and on a real PostgreSQL cluster
// started by the test process (STYLE.md: one storage contract, several engines).
#include <gtest/gtest.h>

#include <thread>

#include "adapters/storage/migrations.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "adapters/storage/sql_store.hpp"
#include "support/raw_city.hpp"
#include "support/test_database.hpp"

namespace hearth::adapters::storage {
namespace {

using support::Engine;
using support::EngineName;

class StoreContract : public ::testing::TestWithParam<Engine> {
 protected:

  std::unique_ptr<Connection> Connect() {
    auto c = storage::Connect(url_);
    EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().detail);
    return std::move(*c);
  }

  support::TestDatabase db_{GetParam()};
  const std::string url_ = db_.url();
};

TEST_P(StoreContract, ValuesRoundTrip) {
  auto c = Connect();
  ASSERT_TRUE(c->Script("CREATE TABLE t (i BIGINT, s TEXT, n TEXT)").ok());
  auto ins = c->Query("INSERT INTO t (i, s, n) VALUES ($1, $2, $3), ($4, $5, $6)",
                      {int64_t{-9007199254740993}, std::string("温度 'quoted' $1"), nullptr,
                       int64_t{0}, std::string(""), std::string("x")});
  ASSERT_TRUE(ins.ok()) << ins.error().detail;
  EXPECT_EQ(ins->affected, 2);
  auto rows = c->Query("SELECT i, s, n FROM t ORDER BY i");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->rows.size(), 2u);
  EXPECT_EQ(rows->Int(0, 0), -9007199254740993);
  EXPECT_EQ(rows->Text(0, 1), "温度 'quoted' $1");
  EXPECT_TRUE(rows->IsNull(0, 2));
  EXPECT_EQ(rows->Text(1, 1), "");
  EXPECT_EQ(rows->columns, (std::vector<std::string>{"i", "s", "n"}));
}

TEST_P(StoreContract, ErrorsAreCanonical) {
  auto c = Connect();
  ASSERT_TRUE(c->Script("CREATE TABLE u (k TEXT PRIMARY KEY)").ok());
  ASSERT_TRUE(c->Query("INSERT INTO u VALUES ($1)", {std::string("a")}).ok());
  auto dup = c->Query("INSERT INTO u VALUES ($1)", {std::string("a")});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(dup.error().message.find("u"), std::string::npos) << "SQL leaked to the client";
  auto bad = c->Query("SELECT * FROM no_such_table");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInternal);
  EXPECT_EQ(bad.error().message, "internal error");
}

TEST_P(StoreContract, TransactionsRollBackWholly) {
  auto c = Connect();
  ASSERT_TRUE(c->Script("CREATE TABLE v (k TEXT PRIMARY KEY)").ok());
  Status s = InTransaction(*c, [&]() -> Status {
    if (auto r = c->Query("INSERT INTO v VALUES ('a')"); !r.ok()) return r.error();
    if (auto r = c->Query("INSERT INTO v VALUES ('a')"); !r.ok()) return r.error();
    return OkStatus();
  });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(c->Query("SELECT COUNT(*) FROM v")->Int(0, 0), 0) << "half-written";
  ASSERT_TRUE(InTransaction(*c, [&]() -> Status {
                return c->Query("INSERT INTO v VALUES ('b')").ok() ? OkStatus()
                                                                    : Error::Internal("x");
              }).ok());
  EXPECT_EQ(c->Query("SELECT COUNT(*) FROM v")->Int(0, 0), 1);
}

TEST_P(StoreContract, MigrationsAreIdempotentAndConcurrent) {
  std::vector<std::thread> threads;
  std::vector<Status> results(4, OkStatus());
  for (size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] {
      auto c = storage::Connect(url_);
      results[i] = c.ok() ? Migrate(**c) : Status(c.error());
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& r : results) EXPECT_TRUE(r.ok()) << r.error().message << r.error().detail;
  auto c = Connect();
  ASSERT_TRUE(Migrate(*c).ok());
  auto v = c->Query("SELECT COUNT(*), MAX(version) FROM schema_migrations");
  EXPECT_EQ(v->Int(0, 0), LatestSchemaVersion());
  EXPECT_EQ(v->Int(0, 1), LatestSchemaVersion());
  ASSERT_TRUE(c->Query("INSERT INTO schema_migrations VALUES (9999, 'future', 'x')").ok());
  auto future = Migrate(*c);
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.error().code, ErrorCode::kFailedPrecondition);
}

// Migration 8 renames seasons.start_year and fees.season_start_year to `season` (issue 11): a
// database a version-7 hearth wrote keeps its seasons and fees, read under the new name, with
// their natural keys still unique and no constraint left naming the old columns.
TEST_P(StoreContract, TheSeasonRenameKeepsSeasonsAndFees) {
  auto c = Connect();
  ASSERT_TRUE(MigrateTo(*c, 7).ok());
  const char* const kVersion7Rows[] = {
      "INSERT INTO seasons (district_id, start_year, official_start, official_end) "
      "VALUES (1, 2024, '2024-11-15', '2025-03-15'), (1, 2025, '2025-11-15', '2026-03-15')",
      "INSERT INTO fees (household_id, season_start_year, amount, due_on) "
      "VALUES (1, 2024, 264000, '2024-11-01'), (1, 2025, 270000, '2025-11-01')",
  };
  for (const char* sql : support::kRawHouseholdRows) ASSERT_TRUE(c->Query(sql).ok()) << sql;
  for (const char* sql : kVersion7Rows) {
    auto r = c->Query(sql);
    ASSERT_TRUE(r.ok()) << sql << ": " << r.error().detail;
  }
  ASSERT_TRUE(Migrate(*c).ok());
  EXPECT_EQ(c->Query("SELECT MAX(version) FROM schema_migrations")->Int(0, 0),
            LatestSchemaVersion());

  // No constraint or index of either table still names the old columns.
  auto names = GetParam() == Engine::kSqlite
                   ? c->Query("SELECT name || ' ' || COALESCE(sql, '') FROM sqlite_master "
                              "WHERE tbl_name IN ('seasons', 'fees')")
                   : c->Query("SELECT conname FROM pg_constraint WHERE conrelid IN "
                              "('seasons'::regclass, 'fees'::regclass) UNION ALL "
                              "SELECT indexname || ' ' || indexdef FROM pg_indexes "
                              "WHERE tablename IN ('seasons', 'fees')");
  ASSERT_TRUE(names.ok()) << names.error().detail;
  ASSERT_FALSE(names->rows.empty());
  for (size_t i = 0; i < names->rows.size(); ++i) {
    EXPECT_EQ(names->Text(i, 0).find("start_year"), std::string::npos) << names->Text(i, 0);
  }

  SqlRecordStore store(std::move(c));
  const model::Resource& seasons = *model::FindResource("seasons");
  const model::Resource& fees = *model::FindResource("fees");
  auto s = store.List(seasons, {});
  ASSERT_TRUE(s.ok()) << s.error().detail;
  ASSERT_EQ(s->items.size(), 2u);
  EXPECT_EQ(std::get<int64_t>(s->items[0].fields.at("season")), 2024);
  EXPECT_EQ(std::get<int64_t>(s->items[1].fields.at("season")), 2025);
  EXPECT_EQ(std::get<std::string>(s->items[1].fields.at("official_end")), "2026-03-15");
  ports::ListQuery of2025;
  of2025.equals["season"] = int64_t{2025};
  auto f = store.List(fees, of2025);
  ASSERT_TRUE(f.ok()) << f.error().detail;
  ASSERT_EQ(f->items.size(), 1u);
  EXPECT_EQ(std::get<int64_t>(f->items[0].fields.at("amount")), 270000);

  // The natural keys hold under the new name.
  auto again = store.Create(fees,
                            {{"household_id", int64_t{1}}, {"season", int64_t{2025}},
                             {"amount", int64_t{1}}, {"due_on", std::string("2025-11-01")}},
                            {}, "test");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
  EXPECT_NE(again.error().message.find("household_id+season"), std::string::npos)
      << again.error().message;
  auto twice = store.Create(seasons,
                            {{"district_id", int64_t{1}}, {"season", int64_t{2024}},
                             {"official_start", std::string("2024-11-15")},
                             {"official_end", std::string("2025-03-15")}},
                            {}, "test");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kAlreadyExists);
  auto next = store.Create(seasons,
                           {{"district_id", int64_t{1}}, {"season", int64_t{2026}},
                            {"official_start", std::string("2026-11-15")},
                            {"official_end", std::string("2027-03-15")}},
                           {}, "test");
  EXPECT_TRUE(next.ok()) << next.error().message << next.error().detail;
}

TEST_P(StoreContract, CalendarImportsReplayInOrder) {
  auto store = SqlStore::Open(url_);
  ASSERT_TRUE(store.ok()) << store.error().detail;
  EXPECT_EQ(*(*store)->CalendarVersion(), 0);
  rules::HolidayYear y2027{2027, {{*MakeDate(2027, 1, 1), "元旦", true}}};
  auto first = (*store)->AddCalendarImport({0, {}, "first", false, {y2027}}, "cli:ops");
  ASSERT_TRUE(first.ok()) << first.error().detail;
  EXPECT_TRUE(ParseRfc3339(first->imported_at).ok()) << first->imported_at;
  rules::HolidayYear y2028{2028, {{*MakeDate(2028, 1, 1), "元旦", true},
                                  {*MakeDate(2028, 1, 2), "元旦", false}}};
  auto second = (*store)->AddCalendarImport({0, {}, "second", true, {y2028}}, "root");
  ASSERT_TRUE(second.ok());
  EXPECT_GT(second->id, first->id);
  EXPECT_EQ(*(*store)->CalendarVersion(), second->id);
  auto imports = (*store)->LoadCalendarImports();
  ASSERT_TRUE(imports.ok());
  ASSERT_EQ(imports->size(), 2u);
  EXPECT_EQ((*imports)[0].source, "first");
  EXPECT_EQ((*imports)[0].imported_at, first->imported_at);
  EXPECT_FALSE((*imports)[0].replace);
  EXPECT_TRUE((*imports)[1].replace);
  ASSERT_EQ((*imports)[1].years.size(), 1u);
  ASSERT_EQ((*imports)[1].years[0].entries.size(), 2u);
  EXPECT_EQ((*imports)[1].years[0].entries[1].name, "元旦");
  // Each import has its audit entry, written with it: who, and the years as given.
  auto conn = storage::Connect(url_, false);
  ASSERT_TRUE(conn.ok());
  auto audit = (*conn)->Query(
      "SELECT actor, action, record_id, after_json FROM audit_log WHERE resource = 'calendar' "
      "ORDER BY id");
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->rows.size(), 2u);
  EXPECT_EQ(audit->Text(0, 0), "cli:ops");
  EXPECT_EQ(audit->Text(0, 1), "import");
  EXPECT_EQ(audit->Int(0, 2), first->id);
  EXPECT_EQ(audit->Text(1, 0), "root");
  EXPECT_NE(audit->Text(1, 3).find("\"2028\""), std::string::npos) << audit->Text(1, 3);
  EXPECT_NE(audit->Text(1, 3).find("\"replace\":true"), std::string::npos) << audit->Text(1, 3);
  EXPECT_FALSE((*imports)[1].years[0].entries[1].off);
}

TEST_P(StoreContract, BackupIsSqliteOnly) {
  auto store = SqlStore::Open(url_);
  ASSERT_TRUE(store.ok());
  std::string target = "/tmp/hearth-backup-" + std::to_string(getpid()) + ".db";
  auto s = (*store)->Backup(target);
  if (GetParam() == Engine::kSqlite) {
    ASSERT_TRUE(s.ok()) << s.error().detail;
    auto copy = SqlStore::Open(target, false);
    ASSERT_TRUE(copy.ok());
    EXPECT_EQ(*(*copy)->CalendarVersion(), 0);
    std::filesystem::remove(target);
  } else {
    EXPECT_EQ(s.error().code, ErrorCode::kFailedPrecondition);
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreContract,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage

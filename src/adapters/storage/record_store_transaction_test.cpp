// The record store's Transact contract (many records in one transaction), on SQLite and on a real
// PostgreSQL cluster.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "adapters/storage/migrations.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "support/test_database.hpp"

namespace hearth::adapters::storage {
namespace {

using ports::Fields;
using ports::RecordTransaction;

using support::Engine;
using support::EngineName;

class RecordStoreTransact : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    const std::string url = db_->url();
    auto conn = Connect(url);
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(Migrate(**conn).ok());
    store_ = std::make_unique<SqlRecordStore>(std::move(*conn));
  }
  void TearDown() override {
    store_.reset();
    db_.reset();
  }

  static const model::Resource& R(const std::string& name) { return *model::FindResource(name); }
  static Fields District(const std::string& code) {
    return {{"code", code}, {"name", "D " + code}, {"city", "Weihai"}, {"policy", "weihai"}};
  }
  static Fields Company(const std::string& code) {
    return {{"code", code}, {"name", "C " + code}, {"policy", "weihai"}};
  }
  size_t Count(const std::string& resource) {
    ports::ListQuery q;
    q.limit = 1000;
    auto page = store_->List(R(resource), q);
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->items.size() : 0;
  }
  size_t AuditCount() {
    auto log = store_->Audit(std::nullopt, 1000);
    EXPECT_TRUE(log.ok());
    return log.ok() ? log->size() : 0;
  }

  std::unique_ptr<support::TestDatabase> db_;
  std::unique_ptr<SqlRecordStore> store_;
};

TEST_P(RecordStoreTransact, CommitsEveryChangeWithItsAuditEntry) {
  int64_t company = 0;
  Status s = store_->Transact([&](RecordTransaction& tx) -> Status {
    auto d = tx.Create(R("districts"), District("d1"), {}, "importer");
    if (!d.ok()) return d.error();
    auto c = tx.Create(R("companies"), Company("c1"), {}, "importer");
    if (!c.ok()) return c.error();
    company = c->id;
    // The transaction reads its own writes.
    auto got = tx.Get(R("companies"), c->id, {});
    EXPECT_TRUE(got.ok());
    ports::ListQuery q;
    q.equals = {{"code", std::string("d1")}};
    EXPECT_EQ(tx.List(R("districts"), q)->items.size(), 1u);
    auto u = tx.Update(R("companies"), c->id, {{"name", std::string("Renamed")}}, {}, "importer");
    if (!u.ok()) return u.error();
    auto extra = tx.Create(R("districts"), District("d2"), {}, "importer");
    if (!extra.ok()) return extra.error();
    return tx.Delete(R("districts"), extra->id, {}, "importer");
  });
  ASSERT_TRUE(s.ok()) << s.error().message << " " << s.error().detail;
  auto c = store_->Get(R("companies"), company, {});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(std::get<std::string>(c->fields.at("name")), "Renamed");
  EXPECT_EQ(Count("districts"), 1u);
  auto log = store_->Audit(std::nullopt, 1000);
  ASSERT_EQ(log->size(), 5u);
  EXPECT_EQ((*log)[0].action, "delete");
  EXPECT_EQ((*log)[1].action, "create");
  EXPECT_EQ((*log)[2].action, "update");
  EXPECT_EQ((*log)[2].actor, "importer");
  EXPECT_EQ(nlohmann::json::parse((*log)[2].before_json)["name"], "C c1");
  EXPECT_EQ(nlohmann::json::parse((*log)[2].after_json)["name"], "Renamed");
}

TEST_P(RecordStoreTransact, AnErrorFromTheCallerWritesNothing) {
  Status s = store_->Transact([&](RecordTransaction& tx) -> Status {
    EXPECT_TRUE(tx.Create(R("districts"), District("d1"), {}, "t").ok());
    EXPECT_TRUE(tx.Create(R("companies"), Company("c1"), {}, "t").ok());
    return Error::InvalidArgument("line 9, column 2 (x): bad", "line 9");
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.error().field, "line 9");
  EXPECT_EQ(Count("districts"), 0u);
  EXPECT_EQ(Count("companies"), 0u);
  EXPECT_EQ(AuditCount(), 0u);
  // The connection is not left inside a transaction.
  EXPECT_TRUE(store_->Create(R("districts"), District("d1"), {}, "t").ok());
  EXPECT_EQ(AuditCount(), 1u);
}

// A failed write cannot be ignored: PostgreSQL aborts the transaction, and SQLite must not commit
// the rest of a half-done change either.
TEST_P(RecordStoreTransact, AFailedWriteRollsBackEvenWhenIgnored) {
  ASSERT_TRUE(store_->Create(R("companies"), Company("c0"), {}, "t").ok());
  Status s = store_->Transact([&](RecordTransaction& tx) -> Status {
    EXPECT_TRUE(tx.Create(R("districts"), District("d1"), {}, "t").ok());
    auto dup = tx.Create(R("companies"), Company("c0"), {}, "t");
    EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
    (void)tx.Create(R("districts"), District("d2"), {}, "t");
    return OkStatus();
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kAlreadyExists);
  EXPECT_NE(s.error().message.find("unique: code"), std::string::npos);
  EXPECT_EQ(Count("districts"), 0u);
  EXPECT_EQ(AuditCount(), 1u);
}

TEST_P(RecordStoreTransact, AWriteOutsideTheScopeIsUndone) {
  auto mine = store_->Create(R("companies"), Company("mine"), {}, "t");
  auto other = store_->Create(R("companies"), Company("other"), {}, "t");
  auto d = store_->Create(R("districts"), District("d1"), {}, "t");
  ASSERT_TRUE(mine.ok() && other.ok() && d.ok());
  const size_t audit_before = AuditCount();
  ports::Scope scope{mine->id, std::nullopt};
  Status s = store_->Transact([&](RecordTransaction& tx) -> Status {
    EXPECT_TRUE(tx.Create(R("licensed_districts"),
                          {{"company_id", mine->id}, {"district_id", d->id}}, scope, "t")
                    .ok());
    auto foreign = tx.Create(R("licensed_districts"),
                             {{"company_id", other->id}, {"district_id", d->id}}, scope, "t");
    EXPECT_EQ(foreign.error().code, ErrorCode::kPermissionDenied);
    return OkStatus();
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(Count("licensed_districts"), 0u);
  EXPECT_EQ(AuditCount(), audit_before);
}

TEST_P(RecordStoreTransact, ReadsThatFindNothingLeaveItUsable) {
  Status s = store_->Transact([&](RecordTransaction& tx) -> Status {
    auto missing = tx.Get(R("companies"), 4242, {});
    EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
    ports::ListQuery bad;
    bad.equals = {{"no_such_field", int64_t{1}}};
    EXPECT_EQ(tx.List(R("companies"), bad).error().code, ErrorCode::kInvalidArgument);
    auto c = tx.Create(R("companies"), Company("c1"), {}, "t");
    return c.ok() ? OkStatus() : Status(c.error());
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(Count("companies"), 1u);
}

TEST_P(RecordStoreTransact, AnExceptionRollsBackAndPropagates) {
  EXPECT_THROW((void)store_->Transact([&](RecordTransaction& tx) -> Status {
                 EXPECT_TRUE(tx.Create(R("districts"), District("d1"), {}, "t").ok());
                 throw std::runtime_error("bug");
               }),
               std::runtime_error);
  EXPECT_EQ(Count("districts"), 0u);
  EXPECT_TRUE(store_->Create(R("districts"), District("d1"), {}, "t").ok());
}

TEST_P(RecordStoreTransact, ManyRecordsInOneTransaction) {
  constexpr int kN = 500;
  Status s = store_->Transact([&](RecordTransaction& tx) -> Status {
    for (int i = 0; i < kN; ++i) {
      auto d = tx.Create(R("districts"), District("d" + std::to_string(i)), {}, "bulk");
      if (!d.ok()) return d.error();
      EXPECT_EQ(std::get<std::string>(d->fields.at("code")), "d" + std::to_string(i));
    }
    return OkStatus();
  });
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(Count("districts"), static_cast<size_t>(kN));
  EXPECT_EQ(AuditCount(), static_cast<size_t>(kN));
}

// CreateMany: each row as Create would write it, in the order given, in a few statements. Rows
// with different fields go in different statements; 2,500 rows cross the statement size.
TEST_P(RecordStoreTransact, CreateManyWritesEachRowAsCreateWould) {
  constexpr int kN = 2500;
  std::vector<Fields> rows;
  for (int i = 0; i < kN; ++i) {
    Fields c = Company("c" + std::to_string(i));
    if (i % 3 == 0) c["licence_no"] = "L-" + std::to_string(i);
    rows.push_back(std::move(c));
  }
  std::vector<ports::Record> made;
  int64_t before = 0, after = 0;
  Status s = store_->Transact([&](RecordTransaction& tx) -> Status {
    auto first = tx.Create(R("companies"), Company("first"), {}, "bulk");
    if (!first.ok()) return first.error();
    before = first->id;
    auto many = tx.CreateMany(R("companies"), rows, {}, "bulk");
    if (!many.ok()) return many.error();
    made = std::move(*many);
    auto empty = tx.CreateMany(R("companies"), {}, {}, "bulk");
    EXPECT_TRUE(empty.ok() && empty->empty());
    auto last = tx.Create(R("companies"), Company("last"), {}, "bulk");
    if (!last.ok()) return last.error();
    after = last->id;
    return OkStatus();
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  ASSERT_EQ(made.size(), static_cast<size_t>(kN));
  int64_t previous = before;
  for (int i = 0; i < kN; ++i) {
    const auto& rec = made[static_cast<size_t>(i)];
    EXPECT_GT(rec.id, previous) << i;
    previous = rec.id;
    EXPECT_EQ(rec.Text("code"), "c" + std::to_string(i));
    EXPECT_EQ(rec.Text("licence_no"), i % 3 == 0 ? "L-" + std::to_string(i) : "");
    auto stored = store_->Get(R("companies"), rec.id, {});
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->fields, rec.fields);
  }
  EXPECT_GT(after, previous);
  auto log = store_->Audit(std::nullopt, 1000);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 1000u);
  const auto& newest_bulk = (*log)[1];  // [0] is "last"
  EXPECT_EQ(newest_bulk.action, "create");
  EXPECT_EQ(newest_bulk.actor, "bulk");
  EXPECT_EQ(newest_bulk.record_id, made.back().id);
  EXPECT_EQ(nlohmann::json::parse(newest_bulk.after_json)["code"], "c" + std::to_string(kN - 1));
}

TEST_P(RecordStoreTransact, CreateManyFailsWholeAndWritesNothing) {
  auto other = store_->Create(R("companies"), Company("other"), {}, "t");
  auto mine = store_->Create(R("companies"), Company("mine"), {}, "t");
  ASSERT_TRUE(other.ok() && mine.ok());
  auto source = store_->Create(
      R("heat_sources"),
      {{"company_id", other->id}, {"code", "S1"}, {"name", "S1"}, {"kind", "chp"}}, {}, "t");
  ASSERT_TRUE(source.ok());
  const size_t audit_before = AuditCount();
  auto section = [&](int64_t company, const std::string& code) -> Fields {
    return {{"company_id", company},
            {"heat_source_id", source->id},
            {"code", code},
            {"name", code}};
  };
  struct Case {
    const char* name;
    std::vector<Fields> rows;
    ports::Scope scope;
    ErrorCode code;
  };
  const std::vector<Case> cases = {
      {"a taken natural key", {Company("a"), Company("mine")}, {}, ErrorCode::kAlreadyExists},
      {"the same key twice", {Company("a"), Company("a")}, {}, ErrorCode::kAlreadyExists},
      {"an unknown field", {Company("a"), {{"nope", int64_t{1}}}}, {}, ErrorCode::kInvalidArgument},
      {"a reference to another company's record",
       {section(other->id, "N1"), section(mine->id, "N2")},
       {},
       ErrorCode::kInvalidArgument},
      {"a record outside the scope",
       {section(other->id, "N1")},
       {mine->id, std::nullopt},
       ErrorCode::kPermissionDenied},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    Status s = store_->Transact([&](RecordTransaction& tx) -> Status {
      const std::string resource = c.rows[0].count("heat_source_id") ? "network_sections" : "companies";
      auto many = tx.CreateMany(R(resource), c.rows, c.scope, "t");
      EXPECT_FALSE(many.ok());
      return OkStatus();  // ignored: Transact still rolls back
    });
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, c.code) << s.error().message;
    EXPECT_EQ(Count("companies"), 2u);
    EXPECT_EQ(Count("network_sections"), 0u);
    EXPECT_EQ(AuditCount(), audit_before);
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, RecordStoreTransact,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage

// The published indicators' store contract on SQLite and on a real PostgreSQL cluster (issue 15,
// W 14.4.6): a publication keeps its indicators and records as given, audited; a second one of
// the same company and month is refused with nothing written; lists newest month first, filtered
// and paged by position; records page by rule in their published order.
#include <gtest/gtest.h>

#include "adapters/storage/indicator_publication_sql.hpp"
#include "adapters/storage/migrations.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "support/test_database.hpp"
#include "support/test_sensors.hpp"

namespace hearth::adapters::storage {
namespace {

using ports::IndicatorPublication;
using ports::IndicatorRecord;
using support::Engine;
using support::EngineName;

class IndicatorPublicationStoreContract : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    auto records = Connect(db_->url());
    ASSERT_TRUE(records.ok());
    ASSERT_TRUE(Migrate(**records).ok());
    records_ = std::make_unique<SqlRecordStore>(std::move(*records));
    auto conn = Connect(db_->url());
    ASSERT_TRUE(conn.ok());
    store_ = std::make_unique<SqlIndicatorPublicationStore>(std::move(*conn));
    a_ = support::MakeSensorCity(*records_, "a", 0, "sa");
    b_ = support::MakeSensorCity(*records_, "b", 0, "sb");
  }
  void TearDown() override {
    store_.reset();
    records_.reset();
    db_.reset();
  }

  static IndicatorPublication Of(const support::SensorCity& city, const char* month) {
    IndicatorPublication p;
    p.company_id = city.company_id;
    p.month = month;
    p.policy = "zibo";
    p.computed_at = *ParseRfc3339("2026-12-01T09:00:00+08:00");
    p.published_by = "manager";
    p.indicators = {
        {"R-KPI-Q", "repair response rate", 2, 3, "66.67%", 1000, "at-least", "W 14.4 表1",
         "not-met", 3},
        {"R-KPI-C", "room-temperature qualification rate", 59, 60, "98.33%", 990, "at-least",
         "W 14.4 表1", "not-met", 2},
    };
    return p;
  }
  static std::vector<IndicatorRecord> RecordsOf() {
    return {{"R-KPI-C", "17", 30, 30}, {"R-KPI-Q", "5/response", 1, 1},
            {"R-KPI-C", "18", 29, 30}, {"R-KPI-Q", "6/arrival", 0, 1},
            {"R-KPI-Q", "7/response", 1, 1}};
  }

  std::unique_ptr<support::TestDatabase> db_;
  std::unique_ptr<SqlRecordStore> records_;
  std::unique_ptr<SqlIndicatorPublicationStore> store_;
  support::SensorCity a_, b_;
};

TEST_P(IndicatorPublicationStoreContract, KeepsWhatWasPublishedAndAuditsIt) {
  auto published = store_->Publish(Of(a_, "2026-11"), RecordsOf());
  ASSERT_TRUE(published.ok()) << published.error().message;
  EXPECT_GT(published->id, 0);
  auto got = store_->Get(published->id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->company_id, a_.company_id);
  EXPECT_EQ(got->month, "2026-11");
  EXPECT_EQ(got->policy, "zibo");
  EXPECT_EQ(got->published_by, "manager");
  EXPECT_EQ(got->computed_at, *ParseRfc3339("2026-12-01T09:00:00+08:00"));
  ASSERT_EQ(got->indicators.size(), 2u);
  EXPECT_EQ(got->indicators[0].rule, "R-KPI-Q");  // in the order given
  EXPECT_EQ(got->indicators[1].numerator, 59);
  EXPECT_EQ(got->indicators[1].denominator, 60);
  EXPECT_EQ(got->indicators[1].display, "98.33%");
  EXPECT_EQ(got->indicators[1].target_per_mille, 990);
  EXPECT_EQ(got->indicators[1].basis, "W 14.4 表1");
  EXPECT_EQ(got->indicators[1].status, "not-met");
  EXPECT_EQ(got->indicators[1].records, 2);

  // Every rule's records: the rules in their published order, each rule's in the order given.
  auto all = store_->Records(published->id, "", 0, 100);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 5u);
  EXPECT_EQ((*all)[0].record, "5/response");
  EXPECT_EQ((*all)[2].record, "7/response");
  EXPECT_EQ((*all)[3].record, "17");
  EXPECT_EQ((*all)[4].record, "18");
  EXPECT_EQ((*all)[4].numerator, 29);
  EXPECT_EQ((*all)[4].denominator, 30);
  auto q = store_->Records(published->id, "R-KPI-Q", 1, 1);
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q->size(), 1u);
  EXPECT_EQ(q->front().record, "6/arrival");
  EXPECT_EQ(q->front().numerator, 0);

  auto audit = records_->Audit(std::nullopt, 1);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->front().resource, "indicator_publications");
  EXPECT_EQ(audit->front().record_id, published->id);
  EXPECT_NE(audit->front().after_json.find("98.33%"), std::string::npos);

  auto missing = store_->Get(published->id + 100);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(IndicatorPublicationStoreContract, AMonthIsPublishedOnceAndNothingOfASecondIsWritten) {
  ASSERT_TRUE(store_->Publish(Of(a_, "2026-11"), RecordsOf()).ok());
  IndicatorPublication again = Of(a_, "2026-11");
  again.indicators[0].display = "100.00%";
  std::vector<IndicatorRecord> more(900, {"R-KPI-C", "99", 1, 1});  // three INSERTs' worth
  auto second = store_->Publish(again, more);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::kAlreadyExists);
  EXPECT_NE(second.error().message.find("2026-11"), std::string::npos);
  ports::PublicationQuery q;
  auto list = store_->List(q);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().indicators[0].display, "66.67%");
  EXPECT_EQ(store_->Records(list->front().id, "", 0, 1001)->size(), 5u);
  // Another company's month, and many records (several INSERTs), all kept.
  auto other = store_->Publish(Of(b_, "2026-11"), more);
  ASSERT_TRUE(other.ok()) << other.error().message;
  auto records = store_->Records(other->id, "R-KPI-C", 0, 1001);
  ASSERT_TRUE(records.ok());
  EXPECT_EQ(records->size(), 900u);
}

TEST_P(IndicatorPublicationStoreContract, ListsNewestMonthFirstFilteredAndPaged) {
  for (const char* month : {"2026-01", "2026-03", "2026-02"}) {
    ASSERT_TRUE(store_->Publish(Of(a_, month), {}).ok());
    ASSERT_TRUE(store_->Publish(Of(b_, month), {}).ok());
  }
  ports::PublicationQuery q;
  auto all = store_->List(q);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 6u);
  EXPECT_EQ((*all)[0].month, "2026-03");
  EXPECT_EQ((*all)[0].company_id, a_.company_id);
  EXPECT_EQ((*all)[1].company_id, b_.company_id);
  EXPECT_EQ((*all)[5].month, "2026-01");
  EXPECT_EQ((*all)[5].indicators.size(), 2u);
  q.company_id = b_.company_id;
  q.month = "2026-02";
  auto one = store_->List(q);
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->size(), 1u);
  EXPECT_EQ(one->front().company_id, b_.company_id);
  ports::PublicationQuery page;
  page.offset = 2;
  page.limit = 2;
  auto second = store_->List(page);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->size(), 2u);
  EXPECT_EQ((*second)[0].month, "2026-02");
  EXPECT_EQ((*second)[1].month, "2026-02");
}

INSTANTIATE_TEST_SUITE_P(Engines, IndicatorPublicationStoreContract,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage

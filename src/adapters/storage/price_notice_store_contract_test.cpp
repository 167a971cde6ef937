// The price-notice store's contract on SQLite and on a real PostgreSQL cluster (issue 16,
// R-BILL-1, W 9.2.1): a tariff announced once, with one outbox message to every household of its
// company billed on its basis (none to another basis or company), counted, audited; found by its
// tariff; listed newest first by company with a cursor.
#include <gtest/gtest.h>

#include "adapters/storage/price_notice_sql.hpp"
#include "model/resources.hpp"
#include "support/store_contract.hpp"

namespace hearth::adapters::storage {
namespace {

using support::Engine;
using support::EngineName;

class PriceNoticeStoreContract : public support::StoreContract<SqlPriceNoticeStore> {
 protected:
  void SetUp() override {
    support::StoreContract<SqlPriceNoticeStore>::SetUp();
    if (HasFatalFailure()) return;
    auto h = records_->Get(*model::FindResource("households"), a_.household_id, {});
    ASSERT_TRUE(h.ok());
    for (const char* code : {"H-201", "H-202"}) {  // one more by area, one by meter
      auto made = records_->Create(
          *model::FindResource("households"),
          {{"company_id", a_.company_id},
           {"partition_id", *h->Int("partition_id")},
           {"code", code},
           {"area_m2", int64_t{9000}},
           {"floor", int64_t{2}},
           {"orientation", "sun"},
           {"billing", std::string(code) == "H-201" ? "area" : "meter"},
           {"heating_status", "heated"}},
          {}, "setup");
      ASSERT_TRUE(made.ok()) << made.error().message;
    }
    tariff_ = Tariff(a_.company_id, "2027-11-15");
  }
  int64_t Tariff(int64_t company, const char* from) {
    auto t = records_->Create(*model::FindResource("tariffs"),
                              {{"company_id", company},
                               {"name", std::string("居民按面积 ") + from},
                               {"billing", "area"},
                               {"price", int64_t{2800}},
                               {"valid_from", from}},
                              {}, "setup");
    EXPECT_TRUE(t.ok()) << t.error().message;
    return t.ok() ? t->id : 0;
  }
  ports::PriceNotice Notice(int64_t tariff, int64_t company) {
    ports::PriceNotice n;
    n.tariff_id = tariff;
    n.company_id = company;
    n.billing = "area";
    n.price_fen = 2800;
    n.valid_from = *ParseDate("2027-11-15");
    n.text = "热费价格调整通知";
    n.announced_at = *ParseRfc3339("2027-10-01T09:00:00+08:00");
    n.announced_by = "manager-a";
    return n;
  }
  const std::vector<std::pair<std::string, std::string>> kFields = {{"text", "热费价格调整通知"}};
  int64_t tariff_ = 0;
};

TEST_P(PriceNoticeStoreContract, TellsEveryHouseholdOnTheBasisOnce) {
  auto n = store_->Announce(Notice(tariff_, a_.company_id), kFields);
  ASSERT_TRUE(n.ok()) << n.error().message;
  EXPECT_GT(n->id, 0);
  EXPECT_EQ(n->households, 2);  // H-101 and H-201 by area; not H-202 by meter, not company b's
  EXPECT_EQ(n->text, "热费价格调整通知");
  EXPECT_EQ(n->announced_by, "manager-a");
  EXPECT_EQ(n->valid_from, *ParseDate("2027-11-15"));
  auto due = outbox_->OutboxDue(*ParseRfc3339("2027-10-01T10:00:00+08:00"), 100);
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 2u);
  for (const auto& m : *due) {
    EXPECT_EQ(m.topic, "tariff.changed");
    EXPECT_EQ(m.receiver, "household");
    EXPECT_EQ(m.company_id, a_.company_id);
    EXPECT_EQ(m.message_id, "price-notice-" + std::to_string(n->id) + "-household-" +
                                std::to_string(*m.household_id));
    ASSERT_EQ(m.fields.size(), 1u);
    EXPECT_EQ(m.fields[0].second, "热费价格调整通知");
  }
  auto audit = records_->Audit(std::nullopt, 1);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ(audit->front().resource, "price_notices");
  EXPECT_EQ(audit->front().actor, "manager-a");

  auto again = store_->Announce(Notice(tariff_, a_.company_id), kFields);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(again.error().field, "tariff");
  EXPECT_EQ(outbox_->OutboxDue(*ParseRfc3339("2027-10-02T00:00:00+08:00"), 100)->size(), 2u);
  auto found = store_->OfTariff(tariff_);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->id, n->id);
  EXPECT_EQ(found->households, 2);
  EXPECT_EQ(store_->OfTariff(999999).error().code, ErrorCode::kNotFound);
}

TEST_P(PriceNoticeStoreContract, ListsNewestFirstByCompany) {
  const int64_t later = Tariff(a_.company_id, "2028-11-15");
  const int64_t other = Tariff(b_.company_id, "2027-11-15");
  auto first = store_->Announce(Notice(tariff_, a_.company_id), kFields);
  auto second = store_->Announce(Notice(later, a_.company_id), kFields);
  auto theirs = store_->Announce(Notice(other, b_.company_id), kFields);
  ASSERT_TRUE(first.ok() && second.ok() && theirs.ok());
  EXPECT_EQ(theirs->households, 1);
  ports::PriceNoticeQuery q;
  q.company_id = a_.company_id;
  auto own = store_->List(q);
  ASSERT_TRUE(own.ok());
  ASSERT_EQ(own->size(), 2u);
  EXPECT_EQ((*own)[0].id, second->id);
  q.before = second->id;
  EXPECT_EQ(store_->List(q)->size(), 1u);
  EXPECT_EQ(store_->List({})->size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Engines, PriceNoticeStoreContract,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage

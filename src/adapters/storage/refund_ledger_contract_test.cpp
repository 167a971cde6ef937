// The refund ledger store's contract on SQLite and on a real PostgreSQL cluster (R-REFUND-6).
#include <gtest/gtest.h>

#include "adapters/storage/migrations.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "adapters/storage/refund_ledger_sql.hpp"
#include "support/test_database.hpp"
#include "support/test_sensors.hpp"

namespace hearth::adapters::storage {
namespace {

using support::Engine;
using support::EngineName;

class RefundLedgerContract : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    const std::string url = db_->url();
    auto records = Connect(url);
    ASSERT_TRUE(records.ok());
    ASSERT_TRUE(Migrate(**records).ok());
    records_ = std::make_unique<SqlRecordStore>(std::move(*records));
    auto ledger = Connect(url);
    ASSERT_TRUE(ledger.ok());
    ledger_ = std::make_unique<SqlRefundLedger>(std::move(*ledger));
    a_ = support::MakeSensorCity(*records_, "a", 0, "sa");
    b_ = support::MakeSensorCity(*records_, "b", 0, "sb");
  }
  void TearDown() override {
    ledger_.reset();
    records_.reset();
    db_.reset();
  }

  ports::RefundEntry Entry(const support::SensorCity& c, int season, int64_t refund) {
    ports::RefundEntry e;
    e.household_id = c.household_id;
    e.company_id = c.company_id;
    e.season_start_year = season;
    e.fee_fen = 264000;
    e.refund_fen = refund;
    e.official_days = 121;
    ports::LedgerDay day;
    day.date = *ParseDate("2025-12-01");
    day.share_percent = 20;
    day.cause = rules::RefundCause::kTemperature;
    day.reason = "17.5 °C against 18.0 °C";
    day.value = 175;
    day.guarantee = 180;
    day.evidence.source = rules::EvidenceSource::kRemote;
    day.evidence.room = "主卧";
    day.evidence.rooms = {{"主卧", rules::RoomKind::kBedroom, 24, true, 175}};
    ports::LedgerDay manual = day;
    manual.date = *ParseDate("2025-12-02");
    manual.evidence = {rules::EvidenceSource::kManual, "次卧", *ParseDate("2025-12-02"), 7, {}};
    e.days = {day, manual};
    e.payment_deadline = "2026-06-30T23:59:59+08:00";
    e.updated_by = "run";
    return e;
  }

  std::unique_ptr<support::TestDatabase> db_;
  std::unique_ptr<SqlRecordStore> records_;
  std::unique_ptr<SqlRefundLedger> ledger_;
  support::SensorCity a_, b_;
};

TEST_P(RefundLedgerContract, ReRunsReplaceDraftsAndKeepApprovedEntries) {
  std::vector<ports::RefundEntry> first{Entry(a_, 2025, 436), Entry(b_, 2025, 0),
                                        Entry(a_, 2024, 100)};
  auto c1 = ledger_->ReplaceDrafts(first);
  ASSERT_TRUE(c1.ok()) << c1.error().detail;
  EXPECT_EQ(c1->written, 3);
  EXPECT_EQ(c1->kept, 0);

  ports::LedgerQuery season;
  season.season_start_year = 2025;
  auto listed = ledger_->List(season);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2u);
  const auto a_entry = (*listed)[0];
  EXPECT_EQ(a_entry.household_id, a_.household_id);
  EXPECT_EQ(a_entry.status, "draft");
  EXPECT_EQ(a_entry.refund_fen, 436);
  EXPECT_EQ(a_entry.days, first[0].days);
  EXPECT_EQ(a_entry.choice, "");
  EXPECT_FALSE(a_entry.computed_at.empty());

  // The household chooses, b's entry is approved; then the season is run again.
  ASSERT_TRUE(ledger_->SetChoice(a_entry.id, "offset", "household").ok());
  auto approved = ledger_->SetStatus((*listed)[1].id, "draft", "approved", "manager");
  ASSERT_TRUE(approved.ok());
  EXPECT_EQ(approved->status, "approved");
  EXPECT_EQ(approved->updated_by, "manager");

  std::vector<ports::RefundEntry> again{Entry(a_, 2025, 872), Entry(b_, 2025, 999)};
  auto c2 = ledger_->ReplaceDrafts(again);
  ASSERT_TRUE(c2.ok());
  EXPECT_EQ(c2->written, 1);
  EXPECT_EQ(c2->kept, 1);
  auto a_after = ledger_->Get(a_entry.id);
  ASSERT_TRUE(a_after.ok());
  EXPECT_EQ(a_after->refund_fen, 872);     // the draft was replaced, in place
  EXPECT_EQ(a_after->choice, "offset");    // the household's choice survives the re-run
  auto b_after = ledger_->Get(approved->id);
  EXPECT_EQ(b_after->refund_fen, 0);       // the approved entry never changes
  EXPECT_EQ(b_after->status, "approved");
  EXPECT_EQ(ledger_->List(season)->size(), 2u);  // one entry per household and season
}

TEST_P(RefundLedgerContract, StatusMovesForwardOnlyAndPaidIsFinal) {
  ASSERT_TRUE(ledger_->ReplaceDrafts(std::vector{Entry(a_, 2025, 436)}).ok());
  int64_t id = ledger_->List({})->front().id;
  struct Step {
    const char* from;
    const char* to;
    bool ok;
  };
  const Step steps[] = {{"approved", "paid", false},  // still a draft
                        {"draft", "approved", true},
                        {"draft", "approved", false},  // already approved
                        {"approved", "paid", true}};
  for (const auto& s : steps) {
    SCOPED_TRACE(std::string(s.from) + " -> " + s.to);
    auto r = ledger_->SetStatus(id, s.from, s.to, "manager");
    EXPECT_EQ(r.ok(), s.ok);
    if (!s.ok) {
      EXPECT_EQ(r.error().code, ErrorCode::kFailedPrecondition);
    }
  }
  auto late = ledger_->SetChoice(id, "payment", "household");
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(ledger_->Get(id)->choice, "");
  EXPECT_EQ(ledger_->Get(999999).error().code, ErrorCode::kNotFound);
  // A paid entry survives a re-run too.
  auto c = ledger_->ReplaceDrafts(std::vector{Entry(a_, 2025, 1)});
  EXPECT_EQ(c->kept, 1);
  EXPECT_EQ(ledger_->Get(id)->refund_fen, 436);
}

TEST_P(RefundLedgerContract, ListFiltersAndPages) {
  ASSERT_TRUE(ledger_->ReplaceDrafts(std::vector{Entry(a_, 2025, 1), Entry(b_, 2025, 2),
                                                 Entry(a_, 2024, 3)}).ok());
  struct Case {
    ports::LedgerQuery q;
    std::vector<int64_t> refunds;
  };
  ports::LedgerQuery by_company, by_household, drafts, first_page;
  by_company.company_id = b_.company_id;
  by_household.household_id = a_.household_id;
  drafts.status = "draft";
  first_page.limit = 2;
  const Case cases[] = {{by_company, {2}}, {by_household, {1, 3}}, {drafts, {1, 2, 3}},
                        {first_page, {1, 2}}};
  for (const auto& c : cases) {
    auto got = ledger_->List(c.q);
    ASSERT_TRUE(got.ok());
    std::vector<int64_t> refunds;
    for (const auto& e : *got) refunds.push_back(e.refund_fen);
    EXPECT_EQ(refunds, c.refunds);
  }
  ports::LedgerQuery next;
  next.after = ledger_->List(first_page)->back().id;
  EXPECT_EQ(ledger_->List(next)->size(), 1u);
}

TEST_P(RefundLedgerContract, TotalsSumASeasonByCompanyAndStatus) {
  ASSERT_TRUE(ledger_->ReplaceDrafts(std::vector{Entry(a_, 2025, 100), Entry(b_, 2025, 250),
                                                 Entry(a_, 2024, 7)}).ok());
  auto second = support::MakeSensorCity(*records_, "a2", 0, "sa2");  // another company
  auto none = Entry(second, 2025, 0);  // no refund: not counted
  ASSERT_TRUE(ledger_->ReplaceDrafts(std::vector{none}).ok());
  auto entries = ledger_->List({});
  ASSERT_TRUE(entries.ok());
  const int64_t b_entry = entries->at(1).id;
  ASSERT_TRUE(ledger_->SetStatus(b_entry, "draft", "approved", "m").ok());
  using T = ports::LedgerTotal;
  // The deadline is 2026-06-30T23:59:59+08:00: before July nothing is overdue.
  auto june = ledger_->Totals(2025, "2026-06-01T00:00:00+08:00");
  ASSERT_TRUE(june.ok()) << june.error().message;
  EXPECT_EQ(*june, (std::vector<T>{{a_.company_id, "draft", 1, 100, 0},
                                   {b_.company_id, "approved", 1, 250, 0}}));
  auto july = ledger_->Totals(2025, "2026-07-01T00:00:00+08:00");
  ASSERT_TRUE(july.ok());
  EXPECT_EQ(july->at(1), (T{b_.company_id, "approved", 1, 250, 1}));
  ASSERT_TRUE(ledger_->SetStatus(b_entry, "approved", "paid", "m").ok());
  EXPECT_EQ(ledger_->Totals(2025, "2026-07-01T00:00:00+08:00")->at(1),
            (T{b_.company_id, "paid", 1, 250, 0}));
  EXPECT_TRUE(ledger_->Totals(2030, "2026-07-01T00:00:00+08:00")->empty());
}

// R-REFUND-6: a refund paid is a payment record: how, the channel's reference, when.
TEST_P(RefundLedgerContract, APaymentKeepsItsMethodReferenceAndTime) {
  ASSERT_TRUE(ledger_->ReplaceDrafts(std::vector{Entry(a_, 2025, 100)}).ok());
  const int64_t id = ledger_->List({})->at(0).id;
  auto early = ledger_->Pay(id, "bank", "B-1", "2026-06-01T10:00:00+08:00", "m");
  ASSERT_FALSE(early.ok());  // a draft is not paid
  EXPECT_EQ(early.error().code, ErrorCode::kFailedPrecondition);
  ASSERT_TRUE(ledger_->SetStatus(id, "draft", "approved", "m").ok());
  EXPECT_EQ(ledger_->Get(id)->payout_method, "");
  auto paid =
      ledger_->Pay(id, "wechat", "WX4200001234", "2026-06-01T10:00:00+08:00", "manager-a");
  ASSERT_TRUE(paid.ok()) << paid.error().message;
  EXPECT_EQ(paid->status, "paid");
  EXPECT_EQ(paid->payout_method, "wechat");
  EXPECT_EQ(paid->payout_reference, "WX4200001234");
  EXPECT_EQ(paid->paid_at, "2026-06-01T10:00:00+08:00");
  EXPECT_EQ(ledger_->Get(id)->payout_reference, "WX4200001234");
  auto audit = records_->Audit(std::nullopt, 1);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ(audit->front().resource, "refunds");
  EXPECT_EQ(audit->front().actor, "manager-a");
  EXPECT_NE(audit->front().after_json.find("WX4200001234"), std::string::npos);
  EXPECT_FALSE(ledger_->Pay(id, "cash", "", "2026-06-02T10:00:00+08:00", "m").ok());  // once
}

INSTANTIATE_TEST_SUITE_P(Engines, RefundLedgerContract,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage

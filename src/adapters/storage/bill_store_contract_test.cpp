// The bill store's contract on SQLite and on a real PostgreSQL cluster (issue 16, R-BILL-1,
// R-METER-1, R-REFUND-6): the households to bill, with the season's meter reading and the
// previous season's refunds chosen for offset; a chunk's fees, bills, audit and settled refunds
// written together, or nothing when a household has been billed meanwhile; the run's counts;
// bills read back with what was paid of them, newest first with filters.
#include <gtest/gtest.h>

#include <tuple>

#include "adapters/storage/bill_sql.hpp"
#include "model/resources.hpp"
#include "support/store_contract.hpp"

namespace hearth::adapters::storage {
namespace {

using support::Engine;
using support::EngineName;

ports::BillQuery Bills(std::optional<int64_t> company, std::optional<int64_t> household = {},
                       std::optional<int> season = {}, std::optional<int64_t> before = {}) {
  ports::BillQuery q;
  q.company_id = company;
  q.household_id = household;
  q.season = season;
  q.before = before;
  return q;
}

ports::BillingRunQuery Runs(std::optional<int64_t> company) {
  ports::BillingRunQuery q;
  q.company_id = company;
  return q;
}

class BillStoreContract : public support::StoreContract<SqlBillStore> {
 protected:
  void SetUp() override {
    support::StoreContract<SqlBillStore>::SetUp();
    auto conn = Connect(db_->url());
    ASSERT_TRUE(conn.ok());
    sql_ = std::move(*conn);
    auto h = records_->Get(*model::FindResource("households"), a_.household_id, {});
    ASSERT_TRUE(h.ok());
    const int64_t partition = *h->Int("partition_id");
    metered_ = Make("households", {{"company_id", a_.company_id},
                                   {"partition_id", partition},
                                   {"code", "H-102"},
                                   {"area_m2", int64_t{10000}},
                                   {"floor", int64_t{2}},
                                   {"orientation", "sun"},
                                   {"billing", "meter"},
                                   {"heating_status", "heated"}});
    stopped_ = Make("households", {{"company_id", a_.company_id},
                                   {"partition_id", partition},
                                   {"code", "H-103"},
                                   {"area_m2", int64_t{9000}},
                                   {"floor", int64_t{3}},
                                   {"orientation", "shade"},
                                   {"billing", "area"},
                                   {"heating_status", "stopped"}});
    Make("meter_readings", {{"household_id", metered_},
                            {"season", int64_t{2026}},
                            {"heat", int64_t{1234}},
                            {"read_on", "2027-03-16"},
                            {"fault", "none"}});
    // The household's 2025 refund, approved, to be offset against its 2026 bill.
    auto refund = sql_->Query(
        "INSERT INTO refund_entries (household_id, company_id, season_start_year, status, "
        "fee_fen, refund_fen, official_days, days_json, payment_deadline, choice, computed_at, "
        "updated_by, updated_at) VALUES ($1, $2, 2025, 'approved', 220000, 3500, 121, '[]', "
        "'2026-06-30T23:59:59+08:00', 'offset', '2026-03-20T00:00:00+08:00', 'm', "
        "'2026-03-20T00:00:00+08:00') RETURNING id",
        {a_.household_id, a_.company_id});
    ASSERT_TRUE(refund.ok()) << refund.error().message;
    refund_ = refund->Int(0, 0);
  }
  void TearDown() override {
    sql_.reset();
    support::StoreContract<SqlBillStore>::TearDown();
  }
  int64_t Make(const char* resource, const ports::Fields& fields) {
    auto r = records_->Create(*model::FindResource(resource), fields, {}, "setup");
    EXPECT_TRUE(r.ok()) << resource << ": " << r.error().message << " " << r.error().detail;
    return r.ok() ? r->id : 0;
  }
  ports::BillingRunRecord Run() {
    ports::BillingRunRecord run;
    run.company_id = a_.company_id;
    run.season = 2026;
    run.due_on = *ParseDate("2026-11-15");
    run.already_billed = 0;
    run.run_by = "manager-a";
    run.run_at = *ParseRfc3339("2026-11-01T09:00:00+08:00");
    auto started = store_->StartRun(run);
    EXPECT_TRUE(started.ok());
    return started.ok() ? *started : run;
  }
  static ports::NewBill Bill(const ports::BillingCandidate& c, int64_t total, int64_t offset = 0) {
    ports::NewBill b;
    b.household_id = c.household_id;
    b.household_code = c.code;
    b.area_centi = c.area_centi;
    b.bill.basis = c.basis;
    b.bill.lines.push_back({"area", "按面积", total + offset});
    if (offset > 0) {
      b.bill.lines.push_back({"offset", "上季退费抵扣", -offset});
      b.offset_refund_ids = c.offset_refund_ids;
    }
    b.bill.total_fen = total;
    return b;
  }
  std::string RefundStatus() {
    auto rows = sql_->Query("SELECT status FROM refund_entries WHERE id = $1", {refund_});
    return rows.ok() && !rows->empty() ? rows->Text(0, 0) : "?";
  }
  int64_t Count(const char* sql) {
    auto rows = sql_->Query(sql);
    return rows.ok() ? rows->Int(0, 0) : -1;
  }

  std::unique_ptr<Connection> sql_;
  int64_t metered_ = 0, stopped_ = 0, refund_ = 0;
};

TEST_P(BillStoreContract, FindsTheHouseholdsToBillWithTheirReadingAndOffset) {
  auto counts = store_->CountCandidates(a_.company_id, 2026, *ParseDate("2026-11-15"));
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->area, 1);
  EXPECT_EQ(counts->meter, 1);
  EXPECT_EQ(counts->stopped, 1);
  // R-ACCT-1: counted by the basis the contract held on the day asked, that of the earliest
  // version whose last day is on or after it: the metered household was by area until 12-01,
  // and by meter until 11-20 before that; the other by meter until 11-14 only.
  for (const auto& [household, until, billing] :
       {std::tuple{metered_, "2026-12-01", "area"}, std::tuple{metered_, "2026-11-20", "meter"},
        std::tuple{a_.household_id, "2026-11-14", "meter"}}) {
    ASSERT_TRUE(sql_->Query("INSERT INTO contract_versions (household_id, valid_until, billing) "
                            "VALUES ($1, $2, $3)",
                            {household, std::string(until), std::string(billing)})
                    .ok());
  }
  const std::tuple<const char*, int64_t, int64_t> on[] = {
      {"2026-11-14", 0, 2}, {"2026-11-15", 1, 1}, {"2026-11-21", 2, 0}, {"2026-12-02", 1, 1}};
  for (const auto& [day, area, meter] : on) {
    auto by_day = store_->CountCandidates(a_.company_id, 2026, *ParseDate(day));
    ASSERT_TRUE(by_day.ok()) << day;
    EXPECT_EQ(by_day->area, area) << day;
    EXPECT_EQ(by_day->meter, meter) << day;
    EXPECT_EQ(by_day->stopped, 1) << day;
  }
  auto all = store_->Candidates(a_.company_id, 2026, 0, 10);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].household_id, a_.household_id);
  EXPECT_EQ((*all)[0].offset_fen, 3500);
  EXPECT_EQ((*all)[0].offset_refund_ids, std::vector<int64_t>{refund_});
  EXPECT_EQ((*all)[1].basis, rules::BillingBasis::kMeter);
  EXPECT_EQ((*all)[1].heat_centi_gj, 1234);
  EXPECT_EQ((*all)[1].offset_fen, 0);
  EXPECT_FALSE((*all)[2].heated);
  // Paged by id; another season has no reading and no offset.
  auto after = store_->Candidates(a_.company_id, 2026, (*all)[0].household_id, 1);
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), 1u);
  EXPECT_EQ(after->front().household_id, metered_);
  auto next = store_->Candidates(a_.company_id, 2027, 0, 10);
  ASSERT_TRUE(next.ok());
  EXPECT_FALSE((*next)[1].heat_centi_gj.has_value());
  EXPECT_EQ((*next)[0].offset_fen, 0);
  auto other = store_->Candidates(b_.company_id, 2026, 0, 10);
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->size(), 1u);
}

TEST_P(BillStoreContract, AChunkWritesFeesBillsAuditAndSettlesItsOffsets) {
  auto candidates = store_->Candidates(a_.company_id, 2026, 0, 10);
  ASSERT_TRUE(candidates.ok());
  const ports::BillingRunRecord run = Run();
  const std::vector<ports::NewBill> bills = {Bill((*candidates)[0], 218000, 3500),
                                             Bill((*candidates)[1], 150000)};
  ASSERT_TRUE(store_->IssueChunk(run.id, bills, 1, 0).ok());
  auto finished = store_->FinishRun(run.id);
  ASSERT_TRUE(finished.ok());
  EXPECT_TRUE(finished->finished);
  EXPECT_EQ(finished->issued, 2);
  EXPECT_EQ(finished->not_heated, 1);
  EXPECT_EQ(finished->offsets_fen, 3500);
  EXPECT_EQ(finished->total_fen, 368000);
  EXPECT_EQ(RefundStatus(), "paid");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM refund_entries WHERE payout_method = 'offset' AND "
                  "paid_at IS NOT NULL"),
            1);  // R-REFUND-6: settled by the bill's offset
  EXPECT_EQ(*store_->CountBilled(a_.company_id, 2026), 2);
  auto left = store_->Candidates(a_.company_id, 2026, 0, 10);
  ASSERT_TRUE(left.ok());
  ASSERT_EQ(left->size(), 1u);
  EXPECT_EQ(left->front().household_id, stopped_);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE resource = 'fees' AND action = 'create' "
                  "AND actor = 'manager-a'"),
            2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE resource = 'refunds'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE resource = 'billing_runs'"), 2);
  EXPECT_FALSE(store_->FinishRun(run.id).ok());

  auto list = store_->List(Bills(a_.company_id));
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  const ports::BillRecord& own = (*list)[1];  // newest first
  EXPECT_EQ(own.household_id, a_.household_id);
  EXPECT_EQ(own.household_code, "H-101");
  EXPECT_EQ(own.due_on, *ParseDate("2026-11-15"));
  EXPECT_EQ(own.bill.total_fen, 218000);
  ASSERT_EQ(own.bill.lines.size(), 2u);
  EXPECT_EQ(own.bill.lines[1].code, "offset");
  EXPECT_EQ(own.bill.lines[1].amount_fen, -3500);
  EXPECT_EQ(own.issued_by, "manager-a");
  // A payment of the fee shows as paid.
  Make("payments", {{"household_id", a_.household_id},
                    {"fee_id", own.fee_id},
                    {"amount", int64_t{100000}},
                    {"paid_at", "2026-11-10T10:00:00+08:00"},
                    {"method", "wechat"}});
  auto got = store_->Get(own.fee_id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->paid_fen, 100000);
  auto fee = records_->Get(*model::FindResource("fees"), own.fee_id, {});
  ASSERT_TRUE(fee.ok());
  EXPECT_EQ(fee->Int("amount"), 218000);
  EXPECT_EQ(store_->Get(999999).error().code, ErrorCode::kNotFound);

  auto by_household = store_->List(Bills({}, metered_));
  ASSERT_TRUE(by_household.ok());
  ASSERT_EQ(by_household->size(), 1u);
  EXPECT_EQ(by_household->front().bill.basis, rules::BillingBasis::kMeter);
  auto older = store_->List(Bills(a_.company_id, {}, {}, (*list)[0].fee_id));
  ASSERT_TRUE(older.ok());
  ASSERT_EQ(older->size(), 1u);
  EXPECT_EQ(older->front().fee_id, own.fee_id);
  auto other_season = store_->List(Bills(a_.company_id, {}, 2027));
  ASSERT_TRUE(other_season.ok());
  EXPECT_TRUE(other_season->empty());
  auto runs = store_->ListRuns(Runs(a_.company_id));
  ASSERT_TRUE(runs.ok());
  ASSERT_EQ(runs->size(), 1u);
  EXPECT_TRUE(store_->ListRuns(Runs(b_.company_id))->empty());
}

TEST_P(BillStoreContract, ABillIsReadBackAsBilledAndAdjustedWithItsFee) {
  auto candidates = store_->Candidates(a_.company_id, 2026, 0, 10);
  ASSERT_TRUE(candidates.ok());
  const ports::BillingRunRecord run = Run();
  const std::vector<ports::NewBill> bills = {Bill((*candidates)[1], 150000)};
  ASSERT_TRUE(store_->IssueChunk(run.id, bills, 0, 0).ok());
  auto issued = store_->List(Bills({}, metered_));
  ASSERT_TRUE(issued.ok());
  ASSERT_EQ(issued->size(), 1u);
  const int64_t fee_id = issued->front().fee_id;

  // The household as the run takes it now, with the season's meter reading, no offsets.
  auto c = store_->BilledCandidate(fee_id);
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->household_id, metered_);
  EXPECT_EQ(c->code, "H-102");
  EXPECT_EQ(c->area_centi, 10000);
  EXPECT_TRUE(c->heated);
  EXPECT_EQ(c->basis, rules::BillingBasis::kMeter);
  EXPECT_EQ(c->heat_centi_gj, 1234);
  EXPECT_EQ(c->offset_fen, 0);
  EXPECT_TRUE(c->offset_refund_ids.empty());
  EXPECT_EQ(store_->BilledCandidate(999999).error().code, ErrorCode::kNotFound);

  ports::NewBill adjusted = Bill(*c, 120000);
  adjusted.bill.basis = rules::BillingBasis::kArea;
  adjusted.bill.basis_reason = "计量表损坏";
  adjusted.bill.lines.push_back({"change", "停止供暖", -30000});
  adjusted.bill.lines[0].amount_fen = 150000;
  ASSERT_TRUE(store_->Adjust(fee_id, adjusted, "manager-a").ok());
  auto got = store_->Get(fee_id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->bill.total_fen, 120000);
  EXPECT_EQ(got->bill.basis, rules::BillingBasis::kArea);
  EXPECT_EQ(got->bill.basis_reason, "计量表损坏");
  ASSERT_EQ(got->bill.lines.size(), 2u);
  EXPECT_EQ(got->bill.lines[1].code, "change");
  EXPECT_EQ(got->bill.lines[1].amount_fen, -30000);
  auto fee = records_->Get(*model::FindResource("fees"), fee_id, {});
  ASSERT_TRUE(fee.ok());
  EXPECT_EQ(fee->Int("amount"), 120000);
  auto audit = records_->Audit(std::nullopt, 1);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ(audit->front().resource, "fees");
  EXPECT_EQ(audit->front().action, "update");
  EXPECT_EQ(audit->front().actor, "manager-a");
  EXPECT_NE(audit->front().before_json.find("150000"), std::string::npos);
  EXPECT_NE(audit->front().after_json.find("120000"), std::string::npos);
  EXPECT_EQ(store_->Adjust(999999, adjusted, "m").error().code, ErrorCode::kNotFound);
}

// R-ACCT-1: a bill paid in full and settled again below it holds the difference overpaid, which
// is paid back whole, once, audited.
TEST_P(BillStoreContract, AnOverpaymentIsPaidBackWholeAndOnce) {
  auto candidates = store_->Candidates(a_.company_id, 2026, 0, 10);
  ASSERT_TRUE(candidates.ok());
  const ports::BillingRunRecord run = Run();
  const std::vector<ports::NewBill> bills = {Bill((*candidates)[0], 150000)};
  ASSERT_TRUE(store_->IssueChunk(run.id, bills, 0, 0).ok());
  const int64_t fee_id = store_->List(Bills({}, (*candidates)[0].household_id))->front().fee_id;
  Make("payments", {{"household_id", (*candidates)[0].household_id},
                    {"fee_id", fee_id},
                    {"amount", int64_t{150000}},
                    {"paid_at", "2026-11-10T10:00:00+08:00"},
                    {"method", "bank"}});
  ports::Payback back{
      fee_id, 30000, "bank", "ICBC-778", *ParseRfc3339("2027-01-12T10:00:00+08:00"), "agent-a"};
  EXPECT_EQ(store_->PayBack(back).error().field, "amount") << "nothing overpaid yet";

  ports::NewBill lower = Bill((*candidates)[0], 120000);
  ASSERT_TRUE(store_->Adjust(fee_id, lower, "manager-a").ok());
  auto got = store_->Get(fee_id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->paid_fen, 150000);
  EXPECT_EQ(got->OverpaidFen(), 30000);
  back.amount_fen = 20000;
  EXPECT_EQ(store_->PayBack(back).error().code, ErrorCode::kFailedPrecondition) << "not whole";
  back.amount_fen = 30000;
  auto paid = store_->PayBack(back);
  ASSERT_TRUE(paid.ok()) << paid.error().message;
  EXPECT_EQ(paid->paid_back_fen, 30000);
  EXPECT_EQ(paid->OverpaidFen(), 0);
  EXPECT_EQ(store_->PayBack(back).error().field, "amount") << "once";
  auto audit = records_->Audit(std::nullopt, 1);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->front().resource, "paybacks");
  EXPECT_EQ(audit->front().actor, "agent-a");
  EXPECT_NE(audit->front().after_json.find("ICBC-778"), std::string::npos);
  back.fee_id = 999999;
  EXPECT_EQ(store_->PayBack(back).error().code, ErrorCode::kNotFound);
}

// R-METER-1: meters that failed a calibration, by when their dispute was raised.
TEST_P(BillStoreContract, FindsTheMetersThatFailedTheirCalibration) {
  auto dispute = [&](int64_t company, int64_t household, const char* state, const char* result,
                     const char* raised) {
    auto r = sql_->Query(
        "INSERT INTO meter_disputes (company_id, household_id, raised_by, reason, state, result, "
        "created_by, created_at) VALUES ($1, $2, 'household', '偏高', $3, $4, 'h', $5)",
        {company, household, std::string(state),
         *result ? Value(std::string(result)) : Value(nullptr),
         ParseRfc3339(raised)->time_since_epoch().count()});
    ASSERT_TRUE(r.ok()) << r.error().message;
  };
  dispute(a_.company_id, metered_, "calibrated", "failed", "2027-01-10T09:00:00+08:00");
  dispute(a_.company_id, metered_, "calibrated", "failed", "2027-02-10T09:00:00+08:00");
  dispute(a_.company_id, a_.household_id, "calibrated", "passed", "2027-01-10T09:00:00+08:00");
  dispute(a_.company_id, stopped_, "open", "", "2027-01-10T09:00:00+08:00");
  dispute(a_.company_id, stopped_, "calibrated", "failed", "2026-06-30T23:00:00+08:00");
  dispute(b_.company_id, b_.household_id, "calibrated", "failed", "2027-01-10T09:00:00+08:00");
  const Instant from = *ParseRfc3339("2026-07-01T00:00:00+08:00");
  const Instant to = *ParseRfc3339("2027-07-01T00:00:00+08:00");
  auto failed = store_->FailedMeters(a_.company_id, from, to);
  ASSERT_TRUE(failed.ok()) << failed.error().message;
  EXPECT_EQ(*failed, std::vector<int64_t>{metered_});
  auto before =
      store_->FailedMeters(a_.company_id, *ParseRfc3339("2025-07-01T00:00:00+08:00"), from);
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(*before, std::vector<int64_t>{stopped_});
  // One household's only, when asked (settling one bill).
  EXPECT_EQ(*store_->FailedMeters(a_.company_id, from, to, metered_),
            std::vector<int64_t>{metered_});
  EXPECT_TRUE(store_->FailedMeters(a_.company_id, from, to, stopped_)->empty());
}

TEST_P(BillStoreContract, AChunkMeetingAFeeWrittenMeanwhileWritesNothing) {
  auto candidates = store_->Candidates(a_.company_id, 2026, 0, 10);
  ASSERT_TRUE(candidates.ok());
  const ports::BillingRunRecord run = Run();
  Make("fees", {{"household_id", metered_},
                {"season", int64_t{2026}},
                {"amount", int64_t{150000}},
                {"due_on", "2026-11-15"}});
  const std::vector<ports::NewBill> bills = {Bill((*candidates)[0], 218000, 3500),
                                             Bill((*candidates)[1], 150000)};
  auto issued = store_->IssueChunk(run.id, bills, 1, 0);
  ASSERT_FALSE(issued.ok());
  EXPECT_EQ(issued.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM bills"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM fees"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE resource = 'refunds'"), 0);
  EXPECT_EQ(RefundStatus(), "approved");
  auto runs = store_->ListRuns(Runs({}));
  ASSERT_TRUE(runs.ok());
  EXPECT_EQ(runs->front().issued, 0);
  EXPECT_FALSE(runs->front().finished);
}

INSTANTIATE_TEST_SUITE_P(Engines, BillStoreContract,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage

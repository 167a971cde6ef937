// Port: season bills (R-BILL-1, W 9.2.1; R-METER-1, W 10.3 (10.3 c); R-REFUND-6).
//
// A billing run issues, for each heated household of one company that has no fee for the
// season yet, the fee (a record of "fees", so that payments and arrears read it as before) and
// its bill: how it was computed (rules::ComputeBill), line by line. The run is written in
// chunks, each one transaction: a chunk's fees, bills and the refunds it offsets (moved from
// approved to paid, each audited) land together or not at all, and a household billed meanwhile
// (by hand or by another run) fails the chunk with already_exists. A run stopped halfway is
// resumed by running it again: the households billed already are skipped. The run itself is a
// row with its counts, audited (resource "billing_runs") when it starts and when it ends.
//
// Methods take no scope: services check access. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "rules/billing.hpp"
#include "rules/meter.hpp"

namespace hearth::ports {

/// A household of the company without a fee for the season, as the run bills it.
struct BillingCandidate {
  int64_t household_id = 0;
  std::string code;
  int64_t area_centi = 0;
  bool heated = true;
  rules::BillingBasis basis = rules::BillingBasis::kArea;
  std::string assistance;  ///< the class a relief may name (households.assistance); "" for none
  // The season's meter reading, if recorded (meter_readings):
  std::optional<int64_t> heat_centi_gj;  ///< GJ × 100
  rules::MeterFault meter_fault = rules::MeterFault::kNone;
  // The previous season's refunds the household chose to offset (approved, not yet paid):
  int64_t offset_fen = 0;
  std::vector<int64_t> offset_refund_ids;
};

struct CandidateCounts {
  int64_t area = 0;     ///< heated, billed by area
  int64_t meter = 0;    ///< heated, billed by meter
  int64_t stopped = 0;  ///< not heated
};

struct BillingRunRecord {
  int64_t id = 0;
  int64_t company_id = 0;
  int season = 0;
  Date due_on;
  bool finished = false;
  int64_t issued = 0;          ///< bills issued
  int64_t already_billed = 0;  ///< households with a fee for the season before the run
  int64_t not_heated = 0;      ///< stopped households, not billed
  int64_t meter_by_area = 0;   ///< meter-billed households billed by area (fault or no reading)
  int64_t offsets_fen = 0;     ///< refunds offset against the bills
  int64_t total_fen = 0;       ///< the bills' totals
  std::string run_by;
  Instant run_at;
};

/// One bill to issue: the household, its fee and how it was computed.
struct NewBill {
  int64_t household_id = 0;
  std::string household_code;
  int64_t area_centi = 0;
  rules::Bill bill;
  std::vector<int64_t> offset_refund_ids;  ///< settled by this bill's offset line
};

struct BillRecord {
  int64_t fee_id = 0;  ///< the bill's id
  int64_t run_id = 0;
  int64_t company_id = 0;
  int64_t household_id = 0;
  std::string household_code;
  int season = 0;
  Date due_on;
  int64_t area_centi = 0;
  rules::Bill bill;
  int64_t paid_fen = 0;       ///< the payments of its fee so far
  int64_t paid_back_fen = 0;  ///< the paybacks of its fee so far
  std::string issued_by;
  Instant issued_at;

  /// Paid beyond the total and not yet paid back: a bill settled again below what was paid.
  int64_t OverpaidFen() const {
    const int64_t over = paid_fen - paid_back_fen - bill.total_fen;
    return over > 0 ? over : 0;
  }
};

/// Money paid back to a household: the whole of what its bill holds overpaid.
struct Payback {
  int64_t fee_id = 0;
  int64_t amount_fen = 0;
  std::string method;     ///< "cash", "bank", "wechat" or "alipay"
  std::string reference;  ///< the channel's reference ("" for cash)
  Instant paid_at;
  std::string paid_by;
};

struct BillQuery {
  std::optional<int64_t> company_id;
  std::optional<int64_t> household_id;
  std::optional<int> season;
  std::optional<int64_t> before;  ///< cursor: fee ids below this (newest first)
  int limit = 50;                 ///< 1..1001
};

struct BillingRunQuery {
  std::optional<int64_t> company_id;
  std::optional<int64_t> before;  ///< cursor: ids below this (newest first)
  int limit = 50;                 ///< 1..1001
};

class BillStore {
 public:
  virtual ~BillStore() = default;

  /// The company's households without a fee for `season`, by status and by the basis their
  /// contract held on `basis_on` (R-ACCT-1: that of the earliest contract version whose last day
  /// is on or after it, else the household's now, as rules::TermsOn).
  virtual Result<CandidateCounts> CountCandidates(int64_t company_id, int season,
                                                  Date basis_on) = 0;
  /// Households already holding a fee for `season`.
  virtual Result<int64_t> CountBilled(int64_t company_id, int season) = 0;
  /// The company's households without a fee for `season`, ids above `after_id`, by id, at most
  /// `limit` (1..10000), with the season's meter reading and the offsets of season − 1.
  virtual Result<std::vector<BillingCandidate>> Candidates(int64_t company_id, int season,
                                                           int64_t after_id, int limit) = 0;

  /// Inserts the run (not finished, counts as given), audited by `run.run_by`.
  virtual Result<BillingRunRecord> StartRun(const BillingRunRecord& run) = 0;
  /// One chunk, in one transaction: each bill's fee (amount = its total, due on the run's day)
  /// and bill, and its refunds moved from approved to paid; adds the chunk's counts
  /// (`not_heated`, `meter_by_area` as given, the rest from the bills) to the run.
  /// already_exists when a household of the chunk has a fee for the season by now.
  virtual Status IssueChunk(int64_t run_id, std::span<const NewBill> bills, int64_t not_heated,
                            int64_t meter_by_area) = 0;
  /// The company's households (`household` only, when given) whose meter failed a calibration (a
  /// meter dispute calibrated "failed", R-METER-1) raised at or after `from` and before `to`:
  /// their meter's data are distorted (W 10.3 (10.3 c)). One statement.
  virtual Result<std::vector<int64_t>> FailedMeters(
      int64_t company_id, Instant from, Instant to,
      std::optional<int64_t> household = std::nullopt) = 0;
  /// The household of bill `fee_id` as it stands now, as the run would take it: area, status,
  /// basis, class and the bill's season's meter reading (no offsets: the bill's own stand).
  /// not_found (field "id").
  virtual Result<BillingCandidate> BilledCandidate(int64_t fee_id) = 0;
  /// Replaces bill `fee_id`'s basis, reason, area, lines, total and unapplied offset by `bill`'s
  /// and sets its fee's amount to the total, in one transaction, audited as an update of the fee
  /// by `actor` (before and after: the amount and the lines). not_found (field "id").
  virtual Status Adjust(int64_t fee_id, const NewBill& bill, const std::string& actor) = 0;
  /// Records `payback` against its fee, in one transaction, when its amount is what the bill holds
  /// overpaid now (BillRecord::OverpaidFen); audited as the creation of a payback by its
  /// `paid_by`. Answers the bill. not_found (field "id"); failed_precondition (field "amount")
  /// when the bill holds another amount overpaid (nothing, or a payment or payback came first).
  virtual Result<BillRecord> PayBack(const Payback& payback) = 0;
  /// Marks the run finished, audited; answers it.
  virtual Result<BillingRunRecord> FinishRun(int64_t run_id) = 0;

  virtual Result<std::vector<BillingRunRecord>> ListRuns(const BillingRunQuery& query) = 0;
  /// not_found (field "id").
  virtual Result<BillRecord> Get(int64_t fee_id) = 0;
  /// Newest first (by fee id, descending).
  virtual Result<std::vector<BillRecord>> List(const BillQuery& query) = 0;
};

}  // namespace hearth::ports

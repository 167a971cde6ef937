// Port: the refund ledger (issue 5, R-REFUND-6): one entry per household and season, with the
// days and the evidence behind its amount, so that the household can see why.
//
// An entry is a draft until a manager approves it, then paid. A draft covers the official days up
// to `covered_to` (the last complete day when it was run). Re-running a season replaces the
// drafts and never touches an approved or paid entry. Amounts are fen. Methods take no scope:
// services check access first. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "ports/monitoring_store.hpp"
#include "rules/refund.hpp"

namespace hearth::ports {

/// What a ledger day's value rests on (R-REFUND-5).
struct LedgerEvidence {
  rules::EvidenceSource source = rules::EvidenceSource::kNone;
  std::string room;                       ///< remote: the room with the minimum; manual: measured
  std::optional<Date> measured_on;        ///< manual, manual-period
  std::optional<int64_t> measurement_id;  ///< manual, manual-period
  std::vector<RoomSummary> rooms;         ///< remote: the household-day's rooms

  bool operator==(const LedgerEvidence&) const = default;
};

/// An official day with a share, as the entry keeps it.
struct LedgerDay {
  Date date;
  int share_percent = 0;
  rules::RefundCause cause = rules::RefundCause::kNone;
  std::string reason;
  std::optional<rules::Tenths> value, guarantee, outdoor_mean;
  LedgerEvidence evidence;

  bool operator==(const LedgerDay&) const = default;
};

struct RefundEntry {
  int64_t id = 0;
  int64_t household_id = 0;
  int64_t company_id = 0;
  int season_start_year = 0;
  std::string status = "draft";  ///< "draft", "approved", "paid"
  int64_t fee_fen = 0;
  int64_t refund_fen = 0;
  int official_days = 0;
  std::vector<LedgerDay> days;  ///< the official days with a share, each with its evidence
  std::string payment_deadline;  ///< RFC 3339, local: paid by then (R-REFUND-6)
  std::string covered_to;        ///< YYYY-MM-DD: the last day the run counted (issue 11)
  std::string season_end;        ///< YYYY-MM-DD: the season's official end
  std::string choice;            ///< "payment", "offset" (the household's consent), "" undecided
  // Once paid (R-REFUND-6): how ("bank", "wechat", "alipay", "cash", or "offset" against the
  // next season's bill), the channel's reference, and when (RFC 3339, the server's); "" before.
  std::string payout_method, payout_reference, paid_at;
  std::string computed_at;       ///< when the run computed it
  std::string updated_by, updated_at;
};

struct LedgerQuery {
  std::optional<int> season_start_year;
  std::optional<int64_t> household_id;
  std::optional<int64_t> company_id;
  std::optional<std::string> status;
  /// Overdue only: not paid, with a payment deadline before this RFC 3339 time (same offset).
  std::optional<std::string> unpaid_past;
  std::optional<int64_t> after;  ///< cursor: ids greater than this
  int limit = 50;                ///< 1..1001 (a page of 1,000 and one row more)
};

/// The entries of one company and status in a season, summed (the regulator's view, issue 15).
struct LedgerTotal {
  int64_t company_id = 0;
  std::string status;  ///< "draft", "approved", "paid"
  int64_t entries = 0;
  int64_t refund_fen = 0;
  int64_t unpaid_past_deadline = 0;  ///< of those, not paid with the deadline before `now` given

  bool operator==(const LedgerTotal&) const = default;
};

struct ReplaceCounts {
  int64_t written = 0;  ///< drafts inserted or replaced
  int64_t kept = 0;     ///< approved or paid entries left as they were
};

class RefundLedgerStore {
 public:
  virtual ~RefundLedgerStore() = default;

  /// In one transaction: for each entry, inserts it as a draft, or replaces the draft of its
  /// (household, season); an approved or paid entry of that pair is kept unchanged.
  virtual Result<ReplaceCounts> ReplaceDrafts(std::span<const RefundEntry> entries) = 0;

  /// Entries by id; `next` is set when there are more.
  virtual Result<std::vector<RefundEntry>> List(const LedgerQuery& query) = 0;
  virtual Result<RefundEntry> Get(int64_t id) = 0;
  /// The entries of `season_start_year` with a refund, by company and status (ordered so), one
  /// aggregate statement; `now` is an RFC 3339 time (same offset as the deadlines) for
  /// unpaid_past_deadline.
  virtual Result<std::vector<LedgerTotal>> Totals(int season_start_year,
                                                  const std::string& now) = 0;

  /// Moves an entry from `from` to `to` status (failed_precondition when it is not in `from`),
  /// with its audit entry (resource "refunds") in the same transaction.
  virtual Result<RefundEntry> SetStatus(int64_t id, const std::string& from,
                                        const std::string& to, const std::string& actor) = 0;
  /// approved -> paid with its payout (method, reference, paid_at: RFC 3339), failed_precondition
  /// otherwise; audited as SetStatus is.
  virtual Result<RefundEntry> Pay(int64_t id, const std::string& method,
                                  const std::string& reference, const std::string& paid_at,
                                  const std::string& actor) = 0;
  /// Records the household's choice (failed_precondition once the entry is paid), audited the
  /// same way.
  virtual Result<RefundEntry> SetChoice(int64_t id, const std::string& choice,
                                        const std::string& actor) = 0;
};

}  // namespace hearth::ports

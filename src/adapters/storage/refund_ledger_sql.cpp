#include "adapters/storage/refund_ledger_sql.hpp"

#include <algorithm>
#include <chrono>

#include <nlohmann/json.hpp>

#include "adapters/json/ledger_json.hpp"
#include "adapters/storage/audit_sql.hpp"
#include "core/civil_time.hpp"

namespace hearth::adapters::storage {
namespace {

constexpr const char* kColumns =
    "id, household_id, company_id, season_start_year, status, fee_fen, refund_fen, "
    "official_days, days_json, payment_deadline, choice, computed_at, updated_by, updated_at, "
    "covered_to, season_end, COALESCE(payout_method, ''), COALESCE(payout_reference, ''), "
    "COALESCE(paid_at, '')";

Result<ports::RefundEntry> ToEntry(const Rows& rows, size_t i) {
  ports::RefundEntry e;
  size_t c = 0;
  e.id = rows.Int(i, c++);
  e.household_id = rows.Int(i, c++);
  e.company_id = rows.Int(i, c++);
  e.season_start_year = static_cast<int>(rows.Int(i, c++));
  e.status = rows.Text(i, c++);
  e.fee_fen = rows.Int(i, c++);
  e.refund_fen = rows.Int(i, c++);
  e.official_days = static_cast<int>(rows.Int(i, c++));
  auto days = json::LedgerDaysFromText(rows.Text(i, c++));
  if (!days.ok()) return days.error();
  e.days = std::move(*days);
  e.payment_deadline = rows.Text(i, c++);
  e.choice = rows.Text(i, c++);
  e.computed_at = rows.Text(i, c++);
  e.updated_by = rows.Text(i, c++);
  e.updated_at = rows.Text(i, c++);
  e.covered_to = rows.Text(i, c++);
  e.season_end = rows.Text(i, c++);
  e.payout_method = rows.Text(i, c++);
  e.payout_reference = rows.Text(i, c++);
  e.paid_at = rows.Text(i, c++);
  return e;
}

std::string NowText() {
  return FormatLocal(
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
}

Error NoEntry(int64_t id) { return Error::NotFound("no refund entry " + std::to_string(id), "id"); }

}  // namespace

Result<ports::ReplaceCounts> SqlRefundLedger::ReplaceDrafts(
    std::span<const ports::RefundEntry> entries) {
  MutexLock lock(mutex_);
  ports::ReplaceCounts counts;
  const std::string now = NowText();
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    for (const auto& e : entries) {
      // The conflict target is (household, season); only a draft is replaced, and the household's
      // choice survives the re-run.
      auto res = conn_->Query(
          "INSERT INTO refund_entries (household_id, company_id, season_start_year, status, "
          "fee_fen, refund_fen, official_days, days_json, payment_deadline, choice, computed_at, "
          "updated_by, updated_at, covered_to, season_end) VALUES ($1, $2, $3, 'draft', $4, $5, "
          "$6, $7, $8, '', $9, $10, $9, $11, $12) "
          "ON CONFLICT (household_id, season_start_year) DO UPDATE SET "
          "company_id = excluded.company_id, fee_fen = excluded.fee_fen, "
          "refund_fen = excluded.refund_fen, official_days = excluded.official_days, "
          "days_json = excluded.days_json, payment_deadline = excluded.payment_deadline, "
          "computed_at = excluded.computed_at, updated_by = excluded.updated_by, "
          "updated_at = excluded.updated_at, covered_to = excluded.covered_to, "
          "season_end = excluded.season_end WHERE refund_entries.status = 'draft'",
          {e.household_id, e.company_id, int64_t{e.season_start_year}, e.fee_fen, e.refund_fen,
           int64_t{e.official_days}, json::LedgerDaysToText(e.days), e.payment_deadline, now,
           e.updated_by, e.covered_to, e.season_end});
      if (!res.ok()) return res.error();
      (res->affected > 0 ? counts.written : counts.kept) += 1;
    }
    return OkStatus();
  });
  if (!s.ok()) return s.error();
  return counts;
}

Result<std::vector<ports::RefundEntry>> SqlRefundLedger::List(const ports::LedgerQuery& q) {
  Where where;
  if (q.season_start_year) where.And("season_start_year =", int64_t{*q.season_start_year});
  if (q.household_id) where.And("household_id =", *q.household_id);
  if (q.company_id) where.And("company_id =", *q.company_id);
  if (q.status) where.And("status =", *q.status);
  if (q.unpaid_past) {
    where.And("status <> 'paid'");
    where.And("payment_deadline <", *q.unpaid_past);
  }
  if (q.after) where.And("id >", *q.after);
  MutexLock lock(mutex_);
  auto rows =
      conn_->Query(std::string("SELECT ") + kColumns + " FROM refund_entries WHERE " +
                       where.sql() + " ORDER BY id LIMIT " +
                       std::to_string(std::clamp(q.limit, 1, kMaxPageRows)),
                   where.params());
  if (!rows.ok()) return rows.error();
  std::vector<ports::RefundEntry> out;
  out.reserve(rows->rows.size());
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    auto e = ToEntry(*rows, i);
    if (!e.ok()) return e.error();
    out.push_back(std::move(*e));
  }
  return out;
}

Result<std::vector<ports::LedgerTotal>> SqlRefundLedger::Totals(int season_start_year,
                                                                const std::string& now) {
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT company_id, status, COUNT(*), SUM(refund_fen), "
      "SUM(CASE WHEN status <> 'paid' AND payment_deadline < $2 THEN 1 ELSE 0 END) "
      "FROM refund_entries WHERE season_start_year = $1 AND refund_fen > 0 "
      "GROUP BY company_id, status ORDER BY company_id, status",
      {int64_t{season_start_year}, now});
  if (!rows.ok()) return rows.error();
  std::vector<ports::LedgerTotal> out;
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    out.push_back({rows->Int(i, 0), rows->Text(i, 1), rows->Int(i, 2), rows->Int(i, 3),
                   rows->Int(i, 4)});
  }
  return out;
}

Result<ports::RefundEntry> SqlRefundLedger::GetLocked(int64_t id) {
  auto rows =
      conn_->Query(std::string("SELECT ") + kColumns + " FROM refund_entries WHERE id = $1", {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return NoEntry(id);
  return ToEntry(*rows, 0);
}

Result<ports::RefundEntry> SqlRefundLedger::Get(int64_t id) {
  MutexLock lock(mutex_);
  return GetLocked(id);
}

Result<ports::RefundEntry> SqlRefundLedger::ChangeLocked(int64_t id, const std::string& set,
                                                         const std::string& where,
                                                         std::vector<Value> params,
                                                         const std::string& refused,
                                                         const std::string& actor) {
  Result<ports::RefundEntry> out = NoEntry(id);
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto before = GetLocked(id);
    if (!before.ok()) return before.error();
    const size_t n = params.size();
    params.insert(params.end(), {Value(actor), Value(NowText()), Value(id)});
    auto res = conn_->Query("UPDATE refund_entries SET " + set + ", updated_by = $" +
                                std::to_string(n + 1) + ", updated_at = $" +
                                std::to_string(n + 2) + " WHERE id = $" + std::to_string(n + 3) +
                                " AND " + where,
                            params);
    if (!res.ok()) return res.error();
    if (res->affected == 0) {
      return Error::FailedPrecondition("refund entry " + std::to_string(id) + " is " +
                                       before->status + ": " + refused);
    }
    auto after = GetLocked(id);
    if (!after.ok()) return after.error();
    auto state = [](const ports::RefundEntry& e) {
      return nlohmann::json{{"household_id", e.household_id},
                            {"season", e.season_start_year},
                            {"status", e.status},
                            {"choice", e.choice},
                            {"refund_fen", e.refund_fen},
                            {"payout_method", e.payout_method},
                            {"payout_reference", e.payout_reference},
                            {"paid_at", e.paid_at}}
          .dump();
    };
    if (auto a = InsertAudit(*conn_, {0, "", actor, "update", "refunds", id, state(*before),
                                      state(*after)});
        !a.ok()) {
      return a;
    }
    out = std::move(*after);
    return OkStatus();
  });
  if (!s.ok()) return s.error();
  return out;
}

Result<ports::RefundEntry> SqlRefundLedger::SetStatus(int64_t id, const std::string& from,
                                                      const std::string& to,
                                                      const std::string& actor) {
  MutexLock lock(mutex_);
  return ChangeLocked(id, "status = $1", "status = $2", {to, from}, "it is not " + from, actor);
}

Result<ports::RefundEntry> SqlRefundLedger::Pay(int64_t id, const std::string& method,
                                                const std::string& reference,
                                                const std::string& paid_at,
                                                const std::string& actor) {
  MutexLock lock(mutex_);
  return ChangeLocked(id,
                      "status = 'paid', payout_method = $1, payout_reference = $2, paid_at = $3",
                      "status = 'approved'", {method, reference, paid_at}, "it is not approved",
                      actor);
}

Result<ports::RefundEntry> SqlRefundLedger::SetChoice(int64_t id, const std::string& choice,
                                                      const std::string& actor) {
  MutexLock lock(mutex_);
  return ChangeLocked(id, "choice = $1", "status <> 'paid'", {choice}, "its choice is final",
                      actor);
}

}  // namespace hearth::adapters::storage

#include "adapters/storage/bill_sql.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "adapters/storage/audit_sql.hpp"
#include "adapters/storage/sql_time.hpp"
#include "core/decimal.hpp"

namespace hearth::adapters::storage {
namespace {

using nlohmann::json;
using ports::BillingRunRecord;
using ports::BillRecord;

std::string BasisName(rules::BillingBasis b) {
  return b == rules::BillingBasis::kMeter ? "meter" : "area";
}

std::string LinesJson(const rules::Bill& bill) {
  json out = json::array();
  for (const auto& l : bill.lines) {
    out.push_back({{"code", l.code}, {"text", l.text}, {"amount_fen", l.amount_fen}});
  }
  return out.dump();
}

std::string RunJson(const BillingRunRecord& r) {
  return json{{"company_id", r.company_id},
              {"season", r.season},
              {"due_on", FormatDate(r.due_on)},
              {"finished", r.finished},
              {"issued", r.issued},
              {"already_billed", r.already_billed},
              {"not_heated", r.not_heated},
              {"meter_by_area", r.meter_by_area},
              {"offsets_fen", r.offsets_fen},
              {"total_fen", r.total_fen}}
      .dump();
}

/// "INSERT … VALUES ($1, …, $n), (…) <suffix>" for `rows` rows of `columns` values.
std::string MultiRowInsert(std::string_view head, size_t columns, size_t rows,
                           std::string_view suffix = {}) {
  std::string sql(head);
  sql += " VALUES ";
  size_t n = 0;
  for (size_t r = 0; r < rows; ++r) {
    sql += r ? ", (" : "(";
    for (size_t c = 0; c < columns; ++c) {
      sql += (c ? ", $" : "$") + std::to_string(++n);
    }
    sql += ")";
  }
  sql += suffix;
  return sql;
}

Result<ports::BillingCandidate> ToCandidate(const Rows& rows, size_t i) {
  ports::BillingCandidate c;
  c.household_id = rows.Int(i, 0);
  c.code = rows.Text(i, 1);
  c.area_centi = rows.Int(i, 2);
  c.heated = rows.Text(i, 3) == "heated";
  c.basis = rows.Text(i, 4) == "meter" ? rules::BillingBasis::kMeter : rules::BillingBasis::kArea;
  if (!rows.IsNull(i, 5)) {
    c.heat_centi_gj = rows.Int(i, 5);
    auto fault = rules::ParseMeterFault(rows.Text(i, 6));
    if (!fault) return Error::Internal("a stored meter reading is malformed: fault");
    c.meter_fault = *fault;
  }
  if (!rows.IsNull(i, 7)) {
    c.offset_refund_ids.push_back(rows.Int(i, 7));
    c.offset_fen = rows.Int(i, 8);
  }
  if (!rows.IsNull(i, 9)) c.assistance = rows.Text(i, 9);
  return c;
}

}  // namespace

Result<ports::CandidateCounts> SqlBillStore::CountCandidates(int64_t company_id, int season,
                                                             Date basis_on) {
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT h.heating_status, COALESCE((SELECT v.billing FROM contract_versions v "
      "WHERE v.household_id = h.id AND v.valid_until >= $3 ORDER BY v.valid_until, v.id LIMIT 1), "
      "h.billing), COUNT(*) FROM households h WHERE h.company_id = $1 "
      "AND NOT EXISTS (SELECT 1 FROM fees f WHERE f.household_id = h.id AND f.season = $2) "
      "GROUP BY 1, 2",
      {company_id, int64_t{season}, FormatDate(basis_on)});
  if (!rows.ok()) return rows.error();
  ports::CandidateCounts out;
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    const int64_t n = rows->Int(i, 2);
    if (rows->Text(i, 0) != "heated") {
      out.stopped += n;
    } else if (rows->Text(i, 1) == "meter") {
      out.meter += n;
    } else {
      out.area += n;
    }
  }
  return out;
}

Result<int64_t> SqlBillStore::CountBilled(int64_t company_id, int season) {
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT COUNT(*) FROM fees f JOIN households h ON h.id = f.household_id "
      "WHERE h.company_id = $1 AND f.season = $2",
      {company_id, int64_t{season}});
  if (!rows.ok()) return rows.error();
  return rows->Int(0, 0);
}

Result<std::vector<ports::BillingCandidate>> SqlBillStore::Candidates(int64_t company_id,
                                                                      int season, int64_t after_id,
                                                                      int limit) {
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT h.id, h.code, h.area_m2, h.heating_status, h.billing, m.heat, m.fault, r.id, "
      "r.refund_fen, h.assistance FROM households h "
      "LEFT JOIN meter_readings m ON m.household_id = h.id AND m.season = $2 "
      "LEFT JOIN refund_entries r ON r.household_id = h.id AND r.season_start_year = $3 "
      "AND r.status = 'approved' AND r.choice = 'offset' AND r.refund_fen > 0 "
      "WHERE h.company_id = $1 AND h.id > $4 "
      "AND NOT EXISTS (SELECT 1 FROM fees f WHERE f.household_id = h.id AND f.season = $2) "
      "ORDER BY h.id LIMIT " +
          std::to_string(std::clamp(limit, 1, 10000)),
      {company_id, int64_t{season}, int64_t{season - 1}, after_id});
  if (!rows.ok()) return rows.error();
  std::vector<ports::BillingCandidate> out;
  out.reserve(rows->rows.size());
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    auto c = ToCandidate(*rows, i);
    if (!c.ok()) return c.error();
    out.push_back(std::move(*c));
  }
  return out;
}

Result<std::vector<int64_t>> SqlBillStore::FailedMeters(int64_t company_id, Instant from,
                                                        Instant to,
                                                        std::optional<int64_t> household) {
  Where where;
  where.And("company_id =", company_id);
  where.And("state = 'calibrated' AND result = 'failed'");
  where.And("created_at >=", Unix(from));
  where.And("created_at <", Unix(to));
  if (household) where.And("household_id =", *household);
  MutexLock lock(mutex_);
  auto rows = conn_->Query("SELECT DISTINCT household_id FROM meter_disputes WHERE " + where.sql() +
                               " ORDER BY household_id",
                           where.params());
  if (!rows.ok()) return rows.error();
  std::vector<int64_t> out;
  out.reserve(rows->rows.size());
  for (size_t i = 0; i < rows->rows.size(); ++i) out.push_back(rows->Int(i, 0));
  return out;
}

Result<ports::BillingCandidate> SqlBillStore::BilledCandidate(int64_t fee_id) {
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT h.id, h.code, h.area_m2, h.heating_status, h.billing, m.heat, m.fault, NULL, NULL, "
      "h.assistance FROM bills b JOIN households h ON h.id = b.household_id "
      "LEFT JOIN meter_readings m ON m.household_id = h.id AND m.season = b.season "
      "WHERE b.fee_id = $1",
      {fee_id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return Error::NotFound("no bill " + std::to_string(fee_id), "id");
  return ToCandidate(*rows, 0);
}

Status SqlBillStore::Adjust(int64_t fee_id, const ports::NewBill& b, const std::string& actor) {
  MutexLock lock(mutex_);
  return InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto before = conn_->Query("SELECT total_fen, lines FROM bills WHERE fee_id = $1", {fee_id});
    if (!before.ok()) return before.error();
    if (before->empty()) return Error::NotFound("no bill " + std::to_string(fee_id), "id");
    auto u = conn_->Query(
        "UPDATE bills SET basis = $1, basis_reason = $2, area = $3, lines = $4, total_fen = $5, "
        "unapplied_offset_fen = $6 WHERE fee_id = $7",
        {BasisName(b.bill.basis), b.bill.basis_reason, b.area_centi, LinesJson(b.bill),
         b.bill.total_fen, b.bill.unapplied_offset_fen, fee_id});
    if (!u.ok()) return u.error();
    auto f = conn_->Query("UPDATE fees SET amount = $1 WHERE id = $2", {b.bill.total_fen, fee_id});
    if (!f.ok()) return f.error();
    const json was = {{"amount", before->Int(0, 0)},
                      {"lines", json::parse(before->Text(0, 1), nullptr, false)}};
    const json now = {{"amount", b.bill.total_fen},
                      {"lines", json::parse(LinesJson(b.bill))},
                      {"resettled", true}};
    return InsertAudit(*conn_, {0, "", actor, "update", "fees", fee_id, was.dump(), now.dump()});
  });
}

Result<ports::BillRecord> SqlBillStore::PayBack(const ports::Payback& p) {
  MutexLock lock(mutex_);
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto bill = GetLocked(p.fee_id);
    if (!bill.ok()) return bill.error();
    if (bill->OverpaidFen() != p.amount_fen) {
      return Error::FailedPrecondition("bill " + std::to_string(p.fee_id) + " holds " +
                                           FormatFen(bill->OverpaidFen()) +
                                           " yuan overpaid now, not " + FormatFen(p.amount_fen),
                                       "amount");
    }
    auto ins = conn_->Query(
        "INSERT INTO paybacks (fee_id, amount_fen, method, reference, paid_at, paid_by) VALUES "
        "($1, $2, $3, $4, $5, $6) RETURNING id",
        {p.fee_id, p.amount_fen, p.method,
         p.reference.empty() ? Value{nullptr} : Value{p.reference}, Unix(p.paid_at), p.paid_by});
    if (!ins.ok()) return ins.error();
    const json after = {{"fee_id", p.fee_id},
                        {"amount_fen", p.amount_fen},
                        {"method", p.method},
                        {"reference", p.reference},
                        {"paid_at", FormatLocal(p.paid_at)}};
    return InsertAudit(*conn_,
                       {0, "", p.paid_by, "create", "paybacks", ins->Int(0, 0), "", after.dump()});
  });
  if (!s.ok()) return s.error();
  return GetLocked(p.fee_id);
}

Result<BillingRunRecord> SqlBillStore::StartRun(const BillingRunRecord& run) {
  MutexLock lock(mutex_);
  int64_t id = 0;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto ins = conn_->Query(
        "INSERT INTO billing_runs (company_id, season, due_on, finished, issued, already_billed, "
        "not_heated, meter_by_area, offsets_fen, total_fen, run_by, run_at) VALUES ($1, $2, $3, "
        "0, 0, $4, 0, 0, 0, 0, $5, $6) RETURNING id",
        {run.company_id, int64_t{run.season}, FormatDate(run.due_on), run.already_billed,
         run.run_by, Unix(run.run_at)});
    if (!ins.ok()) return ins.error();
    id = ins->Int(0, 0);
    auto stored = GetRunLocked(id);
    if (!stored.ok()) return stored.error();
    return InsertAudit(*conn_,
                       {0, "", run.run_by, "create", "billing_runs", id, "", RunJson(*stored)});
  });
  if (!s.ok()) return s.error();
  return GetRunLocked(id);
}

Status SqlBillStore::IssueChunk(int64_t run_id, std::span<const ports::NewBill> bills,
                                int64_t not_heated, int64_t meter_by_area) {
  MutexLock lock(mutex_);
  return InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto run = GetRunLocked(run_id);
    if (!run.ok()) return run.error();
    if (run->finished) {
      return Error::FailedPrecondition("billing run " + std::to_string(run_id) + " is finished");
    }
    const std::string due = FormatDate(run->due_on);
    const std::string now = FormatLocal(
        std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
    int64_t total = 0, offsets = 0;
    for (size_t start = 0; start < bills.size(); start += kRowsPerStatement) {
      const auto part = bills.subspan(start, std::min(kRowsPerStatement, bills.size() - start));
      std::vector<Value> fee_params;
      fee_params.reserve(part.size() * 4);
      for (const auto& b : part) {
        fee_params.insert(fee_params.end(),
                          {b.household_id, int64_t{run->season}, b.bill.total_fen, due});
      }
      auto fees =
          conn_->Query(MultiRowInsert("INSERT INTO fees (household_id, season, amount, due_on)", 4,
                                      part.size(), " RETURNING id, household_id"),
                       fee_params);
      if (!fees.ok()) return fees.error();
      std::map<int64_t, int64_t> fee_of;  // household → its new fee
      for (size_t i = 0; i < fees->rows.size(); ++i) fee_of[fees->Int(i, 1)] = fees->Int(i, 0);
      if (fee_of.size() != part.size()) return Error::Internal("fees inserted do not match");
      std::vector<Value> bill_params, audit_params;
      bill_params.reserve(part.size() * 12);
      audit_params.reserve(part.size() * 4);
      for (const auto& b : part) {
        const int64_t fee = fee_of.at(b.household_id);
        bill_params.insert(
            bill_params.end(),
            {fee, run_id, run->company_id, b.household_id, b.household_code, int64_t{run->season},
             BasisName(b.bill.basis), b.bill.basis_reason, b.area_centi, LinesJson(b.bill),
             b.bill.total_fen, b.bill.unapplied_offset_fen});
        audit_params.insert(audit_params.end(), {fee, json{{"household_id", b.household_id},
                                                           {"season", run->season},
                                                           {"amount", b.bill.total_fen},
                                                           {"due_on", due},
                                                           {"billing_run_id", run_id}}
                                                          .dump()});
        total += b.bill.total_fen;
        for (const auto& l : b.bill.lines) {
          if (l.code == "offset") offsets -= l.amount_fen;
        }
      }
      auto ins = conn_->Query(
          MultiRowInsert("INSERT INTO bills (fee_id, run_id, company_id, household_id, "
                         "household_code, season, basis, basis_reason, area, lines, total_fen, "
                         "unapplied_offset_fen)",
                         12, part.size()),
          bill_params);
      if (!ins.ok()) return ins.error();
      // The fees' audit: one row each, as a record's creation is audited (resource "fees").
      std::string audit_sql =
          "INSERT INTO audit_log (at, actor, action, resource, record_id, after_json) VALUES ";
      std::vector<Value> params = {now, run->run_by};
      for (size_t i = 0; i < part.size(); ++i) {
        const std::string a = "$" + std::to_string(3 + 2 * i);
        const std::string j = "$" + std::to_string(4 + 2 * i);
        audit_sql +=
            (i ? ", " : "") + std::string("($1, $2, 'create', 'fees', ") + a + ", " + j + ")";
      }
      params.insert(params.end(), audit_params.begin(), audit_params.end());
      auto audited = conn_->Query(audit_sql, params);
      if (!audited.ok()) return audited.error();
    }
    for (const auto& b : bills) {
      for (int64_t refund : b.offset_refund_ids) {
        auto u = conn_->Query(
            "UPDATE refund_entries SET status = 'paid', updated_by = $1, updated_at = $2, "
            "payout_method = 'offset', payout_reference = '', paid_at = $2 "
            "WHERE id = $3 AND status = 'approved' AND choice = 'offset'",
            {run->run_by, now, refund});
        if (!u.ok()) return u.error();
        if (u->affected != 1) {
          return Error::FailedPrecondition("refund " + std::to_string(refund) +
                                           " changed while the bills were computed: run again");
        }
        const json before = {{"status", "approved"}, {"choice", "offset"}};
        const json after = {{"status", "paid"},
                            {"choice", "offset"},
                            {"offset_against_season", run->season},
                            {"billing_run_id", run_id}};
        if (auto a = InsertAudit(*conn_, {0, now, run->run_by, "update", "refunds", refund,
                                          before.dump(), after.dump()});
            !a.ok()) {
          return a;
        }
      }
    }
    auto u = conn_->Query(
        "UPDATE billing_runs SET issued = issued + $1, not_heated = not_heated + $2, "
        "meter_by_area = meter_by_area + $3, offsets_fen = offsets_fen + $4, "
        "total_fen = total_fen + $5 WHERE id = $6",
        {static_cast<int64_t>(bills.size()), not_heated, meter_by_area, offsets, total, run_id});
    if (!u.ok()) return u.error();
    return OkStatus();
  });
}

Result<BillingRunRecord> SqlBillStore::FinishRun(int64_t run_id) {
  MutexLock lock(mutex_);
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto before = GetRunLocked(run_id);
    if (!before.ok()) return before.error();
    auto u = conn_->Query("UPDATE billing_runs SET finished = 1 WHERE id = $1 AND finished = 0",
                          {run_id});
    if (!u.ok()) return u.error();
    if (u->affected != 1) {
      return Error::FailedPrecondition("billing run " + std::to_string(run_id) +
                                       " is finished already");
    }
    auto after = GetRunLocked(run_id);
    if (!after.ok()) return after.error();
    return InsertAudit(*conn_, {0, "", before->run_by, "update", "billing_runs", run_id,
                                RunJson(*before), RunJson(*after)});
  });
  if (!s.ok()) return s.error();
  return GetRunLocked(run_id);
}

}  // namespace hearth::adapters::storage

#include "adapters/storage/bill_sql.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "adapters/storage/audit_sql.hpp"
#include "adapters/storage/sql_time.hpp"

namespace hearth::adapters::storage {
namespace {

using nlohmann::json;
using ports::BillingRunRecord;
using ports::BillRecord;

constexpr const char* kRunColumns =
    "id, company_id, season, due_on, finished, issued, already_billed, not_heated, "
    "meter_by_area, offsets_fen, total_fen, run_by, run_at";

constexpr const char* kBillSelect =
    "SELECT b.fee_id, b.run_id, b.company_id, b.household_id, b.household_code, b.season, "
    "f.due_on, b.area, b.basis, b.basis_reason, b.lines, b.total_fen, b.unapplied_offset_fen, "
    "(SELECT COALESCE(SUM(p.amount), 0) FROM payments p WHERE p.fee_id = b.fee_id), r.run_by, "
    "r.run_at FROM bills b JOIN fees f ON f.id = b.fee_id JOIN billing_runs r ON r.id = b.run_id";

Error Corrupt(const std::string& what) {
  return Error::Internal("a stored bill is malformed: " + what);
}

std::string BasisName(rules::BillingBasis b) {
  return b == rules::BillingBasis::kMeter ? "meter" : "area";
}

Result<BillingRunRecord> ToRun(const Rows& rows, size_t i) {
  BillingRunRecord r;
  size_t k = 0;
  r.id = rows.Int(i, k++);
  r.company_id = rows.Int(i, k++);
  r.season = static_cast<int>(rows.Int(i, k++));
  auto due = ParseDate(rows.Text(i, k++));
  if (!due.ok()) return Error::Internal("a stored billing run is malformed: due_on");
  r.due_on = *due;
  r.finished = rows.Int(i, k++) != 0;
  r.issued = rows.Int(i, k++);
  r.already_billed = rows.Int(i, k++);
  r.not_heated = rows.Int(i, k++);
  r.meter_by_area = rows.Int(i, k++);
  r.offsets_fen = rows.Int(i, k++);
  r.total_fen = rows.Int(i, k++);
  r.run_by = rows.Text(i, k++);
  r.run_at = FromUnix(rows.Int(i, k++));
  return r;
}

Result<BillRecord> ToBill(const Rows& rows, size_t i) {
  BillRecord b;
  size_t k = 0;
  b.fee_id = rows.Int(i, k++);
  b.run_id = rows.Int(i, k++);
  b.company_id = rows.Int(i, k++);
  b.household_id = rows.Int(i, k++);
  b.household_code = rows.Text(i, k++);
  b.season = static_cast<int>(rows.Int(i, k++));
  auto due = ParseDate(rows.Text(i, k++));
  if (!due.ok()) return Corrupt("due_on");
  b.due_on = *due;
  b.area_centi = rows.Int(i, k++);
  const std::string basis = rows.Text(i, k++);
  if (basis != "area" && basis != "meter") return Corrupt("basis");
  b.bill.basis = basis == "meter" ? rules::BillingBasis::kMeter : rules::BillingBasis::kArea;
  b.bill.basis_reason = rows.Text(i, k++);
  auto lines = json::parse(rows.Text(i, k++), nullptr, false);
  if (!lines.is_array()) return Corrupt("lines");
  for (const auto& l : lines) {
    if (!l.is_object() || !l.contains("code") || !l.contains("text") || !l.contains("amount_fen") ||
        !l["code"].is_string() || !l["text"].is_string() || !l["amount_fen"].is_number_integer()) {
      return Corrupt("lines");
    }
    b.bill.lines.push_back({l["code"].get<std::string>(), l["text"].get<std::string>(),
                            l["amount_fen"].get<int64_t>()});
  }
  b.bill.total_fen = rows.Int(i, k++);
  b.bill.unapplied_offset_fen = rows.Int(i, k++);
  b.paid_fen = rows.Int(i, k++);
  b.issued_by = rows.Text(i, k++);
  b.issued_at = FromUnix(rows.Int(i, k++));
  return b;
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

}  // namespace

Result<ports::CandidateCounts> SqlBillStore::CountCandidates(int64_t company_id, int season) {
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT h.heating_status, h.billing, COUNT(*) FROM households h WHERE h.company_id = $1 "
      "AND NOT EXISTS (SELECT 1 FROM fees f WHERE f.household_id = h.id AND f.season = $2) "
      "GROUP BY h.heating_status, h.billing",
      {company_id, int64_t{season}});
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
      "r.refund_fen FROM households h "
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
    ports::BillingCandidate c;
    c.household_id = rows->Int(i, 0);
    c.code = rows->Text(i, 1);
    c.area_centi = rows->Int(i, 2);
    c.heated = rows->Text(i, 3) == "heated";
    c.basis =
        rows->Text(i, 4) == "meter" ? rules::BillingBasis::kMeter : rules::BillingBasis::kArea;
    if (!rows->IsNull(i, 5)) {
      c.heat_centi_gj = rows->Int(i, 5);
      auto fault = rules::ParseMeterFault(rows->Text(i, 6));
      if (!fault) return Error::Internal("a stored meter reading is malformed: fault");
      c.meter_fault = *fault;
    }
    if (!rows->IsNull(i, 7)) {
      c.offset_refund_ids.push_back(rows->Int(i, 7));
      c.offset_fen = rows->Int(i, 8);
    }
    out.push_back(std::move(c));
  }
  return out;
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
            "UPDATE refund_entries SET status = 'paid', updated_by = $1, updated_at = $2 "
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

Result<BillingRunRecord> SqlBillStore::GetRunLocked(int64_t id) {
  auto rows =
      conn_->Query(std::string("SELECT ") + kRunColumns + " FROM billing_runs WHERE id = $1", {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return Error::NotFound("no billing run " + std::to_string(id), "id");
  return ToRun(*rows, 0);
}

Result<std::vector<BillingRunRecord>> SqlBillStore::ListRuns(const ports::BillingRunQuery& q) {
  Where where;
  if (q.company_id) where.And("company_id =", *q.company_id);
  if (q.before) where.And("id <", *q.before);
  const std::string sql = std::string("SELECT ") + kRunColumns + " FROM billing_runs WHERE " +
                          where.sql() + " ORDER BY id DESC LIMIT " +
                          std::to_string(std::clamp(q.limit, 1, kMaxPageRows));
  MutexLock lock(mutex_);
  auto rows = conn_->Query(sql, where.params());
  if (!rows.ok()) return rows.error();
  std::vector<BillingRunRecord> out;
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    auto r = ToRun(*rows, i);
    if (!r.ok()) return r.error();
    out.push_back(std::move(*r));
  }
  return out;
}

Result<BillRecord> SqlBillStore::Get(int64_t fee_id) {
  MutexLock lock(mutex_);
  auto rows = conn_->Query(std::string(kBillSelect) + " WHERE b.fee_id = $1", {fee_id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return Error::NotFound("no bill " + std::to_string(fee_id), "id");
  return ToBill(*rows, 0);
}

Result<std::vector<BillRecord>> SqlBillStore::List(const ports::BillQuery& q) {
  Where where;
  if (q.company_id) where.And("b.company_id =", *q.company_id);
  if (q.household_id) where.And("b.household_id =", *q.household_id);
  if (q.season) where.And("b.season =", int64_t{*q.season});
  if (q.before) where.And("b.fee_id <", *q.before);
  const std::string sql = std::string(kBillSelect) + " WHERE " + where.sql() +
                          " ORDER BY b.fee_id DESC LIMIT " +
                          std::to_string(std::clamp(q.limit, 1, kMaxPageRows));
  MutexLock lock(mutex_);
  auto rows = conn_->Query(sql, where.params());
  if (!rows.ok()) return rows.error();
  std::vector<BillRecord> out;
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    auto b = ToBill(*rows, i);
    if (!b.ok()) return b.error();
    out.push_back(std::move(*b));
  }
  return out;
}

}  // namespace hearth::adapters::storage

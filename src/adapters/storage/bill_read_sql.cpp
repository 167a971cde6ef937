// SqlBillStore's reads (bill_sql.hpp): the runs, a bill and a page of bills, each bill with
// what has been paid of its fee. The writes are in bill_sql.cpp.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "adapters/storage/bill_sql.hpp"
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
    "(SELECT COALESCE(SUM(p.amount), 0) FROM payments p WHERE p.fee_id = b.fee_id), "
    "(SELECT COALESCE(SUM(k.amount_fen), 0) FROM paybacks k WHERE k.fee_id = b.fee_id), r.run_by, "
    "r.run_at FROM bills b JOIN fees f ON f.id = b.fee_id JOIN billing_runs r ON r.id = b.run_id";

Error Corrupt(const std::string& what) {
  return Error::Internal("a stored bill is malformed: " + what);
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
  b.paid_back_fen = rows.Int(i, k++);
  b.issued_by = rows.Text(i, k++);
  b.issued_at = FromUnix(rows.Int(i, k++));
  return b;
}

}  // namespace

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
  return GetLocked(fee_id);
}

Result<BillRecord> SqlBillStore::GetLocked(int64_t fee_id) {
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

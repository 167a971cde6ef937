#include "adapters/storage/energy_sql.hpp"

#include <algorithm>
#include <chrono>

#include <nlohmann/json.hpp>

#include "adapters/storage/audit_sql.hpp"
#include "core/decimal.hpp"

namespace hearth::adapters::storage {
namespace {

using ports::EnergyReport;

constexpr const char* kColumns =
    "id, company_id, day, fuel, stock, consumption, note, reported_by, reported_at";

Error Corrupt(const std::string& what) {
  return Error::Internal("a stored energy report is malformed: " + what);
}

std::string StateJson(const EnergyReport& r) {
  return nlohmann::json{{"company_id", r.company_id},
                        {"day", FormatDate(r.day)},
                        {"fuel", rules::FuelName(r.fuel)},
                        {"stock", FormatFen(r.stock_centi)},
                        {"consumption", FormatFen(r.consumption_centi)},
                        {"note", r.note}}
      .dump();
}

}  // namespace

Result<std::vector<EnergyReport>> SqlEnergyStore::Select(const std::string& where,
                                                         const std::vector<Value>& params,
                                                         const std::string& tail) {
  auto rows = conn_->Query(std::string("SELECT ") + kColumns + " FROM energy_reports WHERE " +
                               where + tail,
                           params);
  if (!rows.ok()) return rows.error();
  std::vector<EnergyReport> out;
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    EnergyReport r;
    r.id = rows->Int(i, 0);
    r.company_id = rows->Int(i, 1);
    auto day = ParseDate(rows->Text(i, 2));
    auto fuel = rules::ParseFuel(rows->Text(i, 3));
    if (!day.ok() || !fuel) return Corrupt("report " + std::to_string(r.id));
    r.day = *day;
    r.fuel = *fuel;
    r.stock_centi = rows->Int(i, 4);
    r.consumption_centi = rows->Int(i, 5);
    r.note = rows->Text(i, 6);
    r.reported_by = rows->Text(i, 7);
    r.reported_at = Instant{std::chrono::seconds{rows->Int(i, 8)}};
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::pair<EnergyReport, bool>> SqlEnergyStore::File(const EnergyReport& in) {
  MutexLock lock(mutex_);
  bool created = false;
  int64_t id = 0;
  auto attempt = [&]() REQUIRES(mutex_) -> Status {
    return InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
      const std::string day = FormatDate(in.day);
      const std::string fuel(rules::FuelName(in.fuel));
      auto before = Select("company_id = $1 AND day = $2 AND fuel = $3",
                           {in.company_id, day, fuel}, "");
      if (!before.ok()) return before.error();
      const int64_t at = in.reported_at.time_since_epoch().count();
      if (before->empty()) {
        auto ins = conn_->Query(
            "INSERT INTO energy_reports (company_id, day, fuel, stock, consumption, note, "
            "reported_by, reported_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            {in.company_id, day, fuel, in.stock_centi, in.consumption_centi, in.note,
             in.reported_by, at});
        if (!ins.ok()) return ins.error();
        id = ins->Int(0, 0);
        created = true;
        return InsertAudit(*conn_, {0, "", in.reported_by, "create", "energy_reports", id, "",
                                    StateJson(in)});
      }
      id = before->front().id;
      created = false;
      auto up = conn_->Query(
          "UPDATE energy_reports SET stock = $1, consumption = $2, note = $3, reported_by = $4, "
          "reported_at = $5 WHERE id = $6",
          {in.stock_centi, in.consumption_centi, in.note, in.reported_by, at, id});
      if (!up.ok()) return up.error();
      return InsertAudit(*conn_, {0, "", in.reported_by, "update", "energy_reports", id,
                                  StateJson(before->front()), StateJson(in)});
    });
  };
  Status s = attempt();
  // Two first reports of one day and fuel at once: the second finds the first on a retry.
  if (!s.ok() && s.error().code == ErrorCode::kAlreadyExists) s = attempt();
  if (!s.ok()) return s.error();
  auto stored = Select("id = $1", {id}, "");
  if (!stored.ok()) return stored.error();
  if (stored->empty()) return Corrupt("report " + std::to_string(id) + " vanished");
  return std::pair<EnergyReport, bool>{std::move(stored->front()), created};
}

Result<std::vector<EnergyReport>> SqlEnergyStore::List(const ports::EnergyQuery& q) {
  Where where;
  if (q.company_id) where.And("company_id =", *q.company_id);
  if (q.fuel) where.And("fuel =", std::string(rules::FuelName(*q.fuel)));
  if (q.from) where.And("day >=", FormatDate(*q.from));
  if (q.to) where.And("day <=", FormatDate(*q.to));
  const std::string tail = " ORDER BY day DESC, company_id, fuel, id LIMIT " +
                           std::to_string(std::clamp(q.limit, 1, kMaxPageRows)) + " OFFSET " +
                           std::to_string(std::max<int64_t>(0, q.offset));
  MutexLock lock(mutex_);
  return Select(where.sql(), where.params(), tail);
}

}  // namespace hearth::adapters::storage

// SqlMonitoringStore's manual measurements (R-TEMP-4): added, listed, signed or refused, each
// change audited in its own transaction (issue 11).
#include <nlohmann/json.hpp>

#include "adapters/storage/audit_sql.hpp"
#include "adapters/storage/monitoring_rows.hpp"
#include "adapters/storage/monitoring_store_sql.hpp"

namespace hearth::adapters::storage {
namespace {

using monitoring_rows::NowText;
using monitoring_rows::OptInt;
using monitoring_rows::OptValue;

using ports::Measurement;

constexpr const char* kMeasurementColumns =
    "id, household_id, room, taken_at, instrument, payload_json, signature, third_party, "
    "overridden, valid, violations_json, value_tenths, created_by, created_at, signed_by, "
    "signed_at, signed_via";

Result<Measurement> ToMeasurement(const Rows& rows, size_t r) {
  Measurement m;
  m.id = rows.Int(r, 0);
  m.household_id = rows.Int(r, 1);
  m.room = rows.Text(r, 2);
  auto at = ParseRfc3339(rows.Text(r, 3));
  if (!at.ok()) return Error::Internal("monitoring: bad stored taken_at '" + rows.Text(r, 3) + "'");
  m.taken_at = *at;
  m.instrument = rows.Text(r, 4);
  m.payload_json = rows.Text(r, 5);
  m.signature = rows.Text(r, 6);
  m.third_party = rows.Int(r, 7) != 0;
  m.overridden = rows.Int(r, 8) != 0;
  m.valid = rows.Int(r, 9) != 0;
  m.violations_json = rows.Text(r, 10);
  if (auto v = OptInt(rows, r, 11)) m.value = static_cast<rules::Tenths>(*v);
  m.created_by = rows.Text(r, 12);
  m.created_at = rows.Text(r, 13);
  if (!rows.Text(r, 16).empty()) {
    auto signed_at = ParseRfc3339(rows.Text(r, 15));
    if (!signed_at.ok()) {
      return Error::Internal("monitoring: bad stored signed_at '" + rows.Text(r, 15) + "'");
    }
    m.signed_record = ports::SignatureRecord{rows.Text(r, 14), *signed_at, rows.Text(r, 16)};
  }
  return m;
}

Result<std::vector<Measurement>> ToMeasurements(const Rows& rows) {
  std::vector<Measurement> out;
  out.reserve(rows.rows.size());
  for (size_t r = 0; r < rows.rows.size(); ++r) {
    auto m = ToMeasurement(rows, r);
    if (!m.ok()) return m.error();
    out.push_back(std::move(*m));
  }
  return out;
}

// The audit form of a measurement: what judging reads of it (R-REFUND-5).
std::string AuditJson(const Measurement& m) {
  nlohmann::json j{{"household_id", m.household_id},
                   {"room", m.room},
                   {"taken_at", FormatLocal(m.taken_at)},
                   {"value", m.value ? nlohmann::json(*m.value / 10.0) : nlohmann::json()},
                   {"signature", m.signature},
                   {"third_party", m.third_party},
                   {"overridden", m.overridden}};
  if (m.signed_record) {
    j["signed"] = {{"by", m.signed_record->by},
                   {"at", FormatLocal(m.signed_record->at)},
                   {"via", m.signed_record->via}};
  }
  return j.dump();
}

}  // namespace

Result<Measurement> SqlMonitoringStore::GetMeasurementLocked(int64_t id) {
  auto rows = conn_->Query(
      std::string("SELECT ") + kMeasurementColumns + " FROM measurements WHERE id = $1", {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return Error::NotFound("no measurement " + std::to_string(id), "id");
  return ToMeasurement(*rows, 0);
}

Result<Measurement> SqlMonitoringStore::AddMeasurement(const Measurement& m) {
  MutexLock lock(mutex_);
  Result<Measurement> out = Error::Internal("measurement not stored");
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    const auto& sig = m.signed_record;
    auto rows = conn_->Query(
        "INSERT INTO measurements (household_id, room, taken_at, instrument, payload_json, "
        "signature, third_party, overridden, valid, violations_json, value_tenths, created_by, "
        "created_at, signed_by, signed_at, signed_via) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
        "$9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
        {m.household_id, m.room, FormatLocal(m.taken_at), m.instrument, m.payload_json,
         m.signature, int64_t{m.third_party}, int64_t{m.overridden}, int64_t{m.valid},
         m.violations_json, OptValue(m.value), m.created_by, NowText(),
         sig ? sig->by : std::string(), sig ? FormatLocal(sig->at) : std::string(),
         sig ? sig->via : std::string()});
    if (!rows.ok()) return rows.error();
    out = GetMeasurementLocked(rows->Int(0, 0));
    if (!out.ok()) return out.error();
    return InsertAudit(*conn_, {0, out->created_at, m.created_by, "create", "measurements",
                                out->id, "", AuditJson(*out)});
  });
  if (!s.ok()) return s.error();
  return out;
}

Result<Measurement> SqlMonitoringStore::GetMeasurement(int64_t id) {
  MutexLock lock(mutex_);
  return GetMeasurementLocked(id);
}

Result<std::vector<Measurement>> SqlMonitoringStore::Measurements(int64_t household_id) {
  MutexLock lock(mutex_);
  auto rows = conn_->Query(std::string("SELECT ") + kMeasurementColumns +
                               " FROM measurements WHERE household_id = $1 "
                               "ORDER BY taken_at, id",
                           {household_id});
  if (!rows.ok()) return rows.error();
  return ToMeasurements(*rows);
}

Result<std::vector<Measurement>> SqlMonitoringStore::ListMeasurements(
    const ports::MeasurementQuery& q) {
  Where where;
  if (q.household_id) where.And("m.household_id =", *q.household_id);
  if (q.company_id) where.And("h.company_id =", *q.company_id);
  if (q.district_id) where.And("b.district_id =", *q.district_id);
  // taken_at is stored as FormatLocal text, so its order is the time order.
  if (q.from) where.And("m.taken_at >=", FormatLocal(*q.from));
  if (q.to) where.And("m.taken_at <=", FormatLocal(*q.to));
  if (q.after) where.And("m.id >", *q.after);
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      std::string("SELECT ") + kMeasurementColumns +
          " FROM measurements WHERE id IN (SELECT m.id FROM measurements m "
          "JOIN households h ON h.id = m.household_id JOIN partitions p ON p.id = h.partition_id "
          "JOIN buildings b ON b.id = p.building_id WHERE " + where.sql() +
          " ORDER BY m.id LIMIT " + std::to_string(std::clamp(q.limit, 1, 1000)) +
          ") ORDER BY id",
      where.params());
  if (!rows.ok()) return rows.error();
  return ToMeasurements(*rows);
}

Result<Measurement> SqlMonitoringStore::UpdateMeasurement(int64_t id,
                                                          const ports::MeasurementChange& change,
                                                          const std::string& actor) {
  MutexLock lock(mutex_);
  Result<Measurement> out = Error::Internal("measurement not changed");
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto before = GetMeasurementLocked(id);
    if (!before.ok()) return before.error();
    std::optional<ports::SignatureRecord> sig =
        change.signed_record ? change.signed_record : before->signed_record;
    auto r = conn_->Query(
        "UPDATE measurements SET signature = $2, overridden = $3, signed_by = $4, "
        "signed_at = $5, signed_via = $6 WHERE id = $1",
        {id, change.signature.value_or(before->signature),
         int64_t{change.overridden.value_or(before->overridden)}, sig ? sig->by : std::string(),
         sig ? FormatLocal(sig->at) : std::string(), sig ? sig->via : std::string()});
    if (!r.ok()) return r.error();
    out = GetMeasurementLocked(id);
    if (!out.ok()) return out.error();
    return InsertAudit(*conn_, {0, "", actor, "update", "measurements", id, AuditJson(*before),
                                AuditJson(*out)});
  });
  if (!s.ok()) return s.error();
  return out;
}

Result<std::vector<int64_t>> SqlMonitoringStore::MeasuredHouseholds(
    std::optional<int64_t> company_id) {
  std::vector<Value> params;
  std::string where = " WHERE m.valid = 1";
  if (company_id) {
    params.emplace_back(*company_id);
    where += " AND h.company_id = $1";
  }
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT DISTINCT m.household_id FROM measurements m JOIN households h ON h.id = "
      "m.household_id" +
          where + " ORDER BY m.household_id",
      params);
  if (!rows.ok()) return rows.error();
  std::vector<int64_t> out;
  for (size_t r = 0; r < rows->rows.size(); ++r) out.push_back(rows->Int(r, 0));
  return out;
}

}  // namespace hearth::adapters::storage

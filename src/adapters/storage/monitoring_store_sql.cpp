#include "adapters/storage/monitoring_store_sql.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include <nlohmann/json.hpp>

#include "adapters/json/monitoring_json.hpp"
#include "adapters/storage/audit_sql.hpp"
#include "adapters/storage/monitoring_rows.hpp"

namespace hearth::adapters::storage {
namespace {

using monitoring_rows::NowText;
using monitoring_rows::OptInt;
using monitoring_rows::OptValue;

using ports::DirtyMark;
using ports::HouseholdDay;

// Stored days are always written by FormatDate; a row that does not parse is a broken invariant.
Result<Date> DayOf(const Rows& rows, size_t r, size_t c) {
  auto d = ParseDate(rows.Text(r, c));
  if (!d.ok()) return Error::Internal("monitoring: bad stored day '" + rows.Text(r, c) + "'");
  return *d;
}

constexpr const char* kDayColumns =
    "d.household_id, d.day, d.value_tenths, d.room, d.rooms_json, d.computed_at";

// The rows of kDayColumns; the rooms only of the days of `rooms` (every day when none).
Result<std::vector<HouseholdDay>> ToDays(const Rows& rows,
                                         std::optional<ports::RoomsWanted> rooms = std::nullopt) {
  std::vector<HouseholdDay> out;
  out.reserve(rows.rows.size());
  for (size_t r = 0; r < rows.rows.size(); ++r) {
    auto day = DayOf(rows, r, 1);
    if (!day.ok()) return day.error();
    HouseholdDay d;
    d.household_id = rows.Int(r, 0);
    d.day = *day;
    if (auto v = OptInt(rows, r, 2)) d.value = static_cast<rules::Tenths>(*v);
    d.room = rows.Text(r, 3);
    if (!rooms || rooms->Holds(d.day)) {
      auto read = json::RoomSummariesFromText(rows.Text(r, 4));
      if (!read.ok()) return read.error();
      d.rooms = std::move(*read);
    }
    d.computed_at = rows.Text(r, 5);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

Result<int64_t> SqlMonitoringStore::DirtyMarkCount() {
  MutexLock lock(mutex_);
  auto rows = conn_->Query("SELECT COUNT(*) FROM dirty_sensor_days");
  if (!rows.ok()) return rows.error();
  return rows->Int(0, 0);
}

Result<std::vector<DirtyMark>> SqlMonitoringStore::DirtyMarks(int limit,
                                                              const ports::MarkRange& range) {
  std::vector<Value> params{int64_t{limit}};
  std::vector<std::string> terms;
  auto param = [&params](Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  if (range.households) {
    terms.push_back("m.household_id >= " + param(range.households->first) +
                    " AND m.household_id <= " + param(range.households->second));
  }
  if (range.days) {  // day is 'YYYY-MM-DD' text: its order is the dates'
    terms.push_back("d.day >= " + param(FormatDate(range.days->first)) + " AND d.day <= " +
                    param(FormatDate(range.days->second)));
  }
  std::string where;
  for (const std::string& t : terms) where += (where.empty() ? " WHERE " : " AND ") + t;
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT d.sensor_id, d.day, d.seq, m.household_id FROM dirty_sensor_days d "
      "JOIN sensors s ON s.id = d.sensor_id JOIN rooms m ON m.id = s.room_id" +
          where + " ORDER BY m.household_id, d.day, d.sensor_id LIMIT $1",
      params);
  if (!rows.ok()) return rows.error();
  std::vector<DirtyMark> out;
  out.reserve(rows->rows.size());
  for (size_t r = 0; r < rows->rows.size(); ++r) {
    auto day = DayOf(*rows, r, 1);
    if (!day.ok()) return day.error();
    out.push_back({rows->Int(r, 0), *day, rows->Int(r, 2), rows->Int(r, 3)});
  }
  return out;
}

Result<std::vector<ports::RoomReading>> SqlMonitoringStore::HouseholdReadings(int64_t household_id,
                                                                              int64_t from,
                                                                              int64_t to) {
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT x.sensor_id, m.name, m.kind, x.ts, x.centi FROM rooms m "
      "JOIN sensors s ON s.room_id = m.id JOIN readings x ON x.sensor_id = s.id "
      "WHERE m.household_id = $1 AND x.ts >= $2 AND x.ts < $3",
      {household_id, from, to});
  if (!rows.ok()) return rows.error();
  std::vector<ports::RoomReading> out;
  out.reserve(rows->rows.size());
  for (size_t r = 0; r < rows->rows.size(); ++r) {
    out.push_back({rows->Int(r, 0), rows->Text(r, 1), rows->Text(r, 2), rows->Int(r, 3),
                   static_cast<int32_t>(rows->Int(r, 4))});
  }
  return out;
}

// A round of the rollups writes its days and clears its marks in statements of kCommitRows rows
// each, not a statement a row: on PostgreSQL each is a round trip, and a season's replay writes
// 127,793 days and clears as many marks.
Result<int64_t> SqlMonitoringStore::CommitRollup(std::span<const HouseholdDay> days,
                                                 std::span<const DirtyMark> done) {
  constexpr size_t kCommitRows = 500;
  // A day once (PostgreSQL refuses to update a row twice in one statement): the last of a
  // (household, day) is the one kept, as row by row.
  std::map<std::pair<int64_t, Date>, const HouseholdDay*> unique;
  for (const HouseholdDay& d : days) unique[{d.household_id, d.day}] = &d;
  std::vector<const HouseholdDay*> rows;
  rows.reserve(unique.size());
  for (const auto& [key, d] : unique) rows.push_back(d);
  const std::string now = NowText();
  MutexLock lock(mutex_);
  int64_t cleared = 0;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    for (size_t at = 0; at < rows.size(); at += kCommitRows) {
      std::string values;
      std::vector<Value> params;
      for (size_t i = at; i < std::min(rows.size(), at + kCommitRows); ++i) {
        const HouseholdDay& d = *rows[i];
        values += (values.empty() ? "(" : ", (") + Placeholders(params.size() + 1, 6) + ")";
        params.insert(params.end(), {d.household_id, FormatDate(d.day), OptValue(d.value), d.room,
                                     json::RoomSummariesToText(d.rooms),
                                     d.computed_at.empty() ? now : d.computed_at});
      }
      auto r = conn_->Query(
          "INSERT INTO household_days (household_id, day, value_tenths, room, rooms_json, "
          "computed_at) VALUES " + values + " ON CONFLICT (household_id, day) DO "
          "UPDATE SET value_tenths = excluded.value_tenths, room = excluded.room, "
          "rooms_json = excluded.rooms_json, computed_at = excluded.computed_at",
          params);
      if (!r.ok()) return r.error();
    }
    // A mark is cleared only if its seq is still the one taken (else it was re-opened).
    for (size_t at = 0; at < done.size(); at += kCommitRows) {
      std::string where;
      std::vector<Value> params;
      for (size_t i = at; i < std::min(done.size(), at + kCommitRows); ++i) {
        const size_t n = params.size();
        where += std::string(where.empty() ? "" : " OR ") + "(sensor_id = $" +
                 std::to_string(n + 1) + " AND day = $" + std::to_string(n + 2) +
                 " AND seq = $" + std::to_string(n + 3) + ")";
        params.insert(params.end(), {done[i].sensor_id, FormatDate(done[i].day), done[i].seq});
      }
      auto r = conn_->Query("DELETE FROM dirty_sensor_days WHERE " + where, params);
      if (!r.ok()) return r.error();
      cleared += r->affected;
    }
    return OkStatus();
  });
  if (!s.ok()) return s.error();
  return cleared;
}

Result<std::vector<HouseholdDay>> SqlMonitoringStore::HouseholdDays(
    int64_t household_id, Date from, Date to, std::optional<ports::RoomsWanted> rooms) {
  return HouseholdDaysOf(household_id, household_id, from, to, rooms);
}

Result<std::vector<HouseholdDay>> SqlMonitoringStore::HouseholdDaysOf(
    int64_t first, int64_t last, Date from, Date to, std::optional<ports::RoomsWanted> rooms) {
  MutexLock lock(mutex_);
  auto rows = conn_->Query(std::string("SELECT ") + kDayColumns +
                               " FROM household_days d WHERE d.household_id >= $1 AND "
                               "d.household_id <= $2 AND d.day >= $3 AND d.day <= $4 "
                               "ORDER BY d.household_id, d.day",
                           {first, last, FormatDate(from), FormatDate(to)});
  if (!rows.ok()) return rows.error();
  return ToDays(*rows, rooms);
}

Result<std::vector<ports::SensorLast>> SqlMonitoringStore::LastReadings(
    std::optional<int64_t> company_id) {
  std::vector<Value> params;
  std::string where;
  if (company_id) {
    params.emplace_back(*company_id);
    where = " WHERE h.company_id = $1";
  }
  MutexLock lock(mutex_);
  // Each subquery is one descent of the readings key (sensor_id, ts).
  auto rows = conn_->Query(
      "SELECT s.id, s.code, h.id, h.code, h.company_id, m.name, m.kind, "
      "(SELECT x.ts FROM readings x WHERE x.sensor_id = s.id ORDER BY x.ts DESC LIMIT 1), "
      "(SELECT x.centi FROM readings x WHERE x.sensor_id = s.id ORDER BY x.ts DESC LIMIT 1) "
      "FROM sensors s JOIN rooms m ON m.id = s.room_id JOIN households h ON h.id = "
      "m.household_id" +
          where + " ORDER BY s.id",
      params);
  if (!rows.ok()) return rows.error();
  std::vector<ports::SensorLast> out;
  out.reserve(rows->rows.size());
  for (size_t r = 0; r < rows->rows.size(); ++r) {
    ports::SensorLast s;
    s.sensor_id = rows->Int(r, 0);
    s.sensor_code = rows->Text(r, 1);
    s.household_id = rows->Int(r, 2);
    s.household_code = rows->Text(r, 3);
    s.company_id = rows->Int(r, 4);
    s.room = rows->Text(r, 5);
    s.room_kind = rows->Text(r, 6);
    s.last_ts = OptInt(*rows, r, 7);
    if (auto c = OptInt(*rows, r, 8)) s.last_centi = static_cast<int32_t>(*c);
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<ports::SensorQuarantine>> SqlMonitoringStore::QuarantinedSensors(
    std::optional<int64_t> company_id, int64_t since) {
  std::vector<Value> params{since};
  std::string where;
  if (company_id) {
    params.emplace_back(*company_id);
    where = " WHERE h.company_id = $2";
  }
  MutexLock lock(mutex_);
  // The window's rows by received_at (indexed); the reason of each sensor's last kept row.
  auto rows = conn_->Query(
      "SELECT s.id, s.code, h.id, h.code, h.company_id, q.n, q.latest, q.received, "
      "(SELECT x.reason FROM reading_quarantine x WHERE x.sensor_id = s.id ORDER BY x.id DESC "
      "LIMIT 1) "
      "FROM (SELECT sensor_id, COUNT(*) AS n, MAX(ts) AS latest, MAX(received_at) AS received "
      "FROM reading_quarantine WHERE received_at >= $1 GROUP BY sensor_id) q "
      "JOIN sensors s ON s.id = q.sensor_id JOIN rooms m ON m.id = s.room_id "
      "JOIN households h ON h.id = m.household_id" +
          where + " ORDER BY s.id",
      params);
  if (!rows.ok()) return rows.error();
  std::vector<ports::SensorQuarantine> out;
  out.reserve(rows->rows.size());
  for (size_t r = 0; r < rows->rows.size(); ++r) {
    out.push_back({rows->Int(r, 0), rows->Text(r, 1), rows->Int(r, 2), rows->Text(r, 3),
                   rows->Int(r, 4), rows->Int(r, 5), rows->Int(r, 6), rows->Int(r, 7),
                   rows->Text(r, 8)});
  }
  return out;
}

Result<std::vector<int64_t>> SqlMonitoringStore::HouseholdsWithDays(
    Date from, Date to, std::optional<int64_t> company_id) {
  std::vector<Value> params{FormatDate(from), FormatDate(to)};
  std::string where = " WHERE d.day >= $1 AND d.day <= $2";
  if (company_id) {
    params.emplace_back(*company_id);
    where += " AND h.company_id = $3";
  }
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT DISTINCT d.household_id FROM household_days d JOIN households h ON h.id = "
      "d.household_id" + where + " ORDER BY d.household_id",
      params);
  if (!rows.ok()) return rows.error();
  std::vector<int64_t> out;
  out.reserve(rows->rows.size());
  for (size_t r = 0; r < rows->rows.size(); ++r) out.push_back(rows->Int(r, 0));
  return out;
}

}  // namespace hearth::adapters::storage

// SqlMonitoringStore's outdoor means (R-TEMP-1) and the companies' submissions of them (issue
// 11): a submission is kept apart, and copied into outdoor_means only when confirmed.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "adapters/storage/audit_sql.hpp"
#include "adapters/storage/monitoring_rows.hpp"
#include "adapters/storage/monitoring_store_sql.hpp"

namespace hearth::adapters::storage {
namespace {

using monitoring_rows::NowText;

constexpr const char* kSubmissionColumns =
    "id, district_id, day, mean_tenths, submitted_by, submitted_at, status, decided_by, "
    "decided_at";

Result<Date> StoredDay(const Rows& rows, size_t r, size_t c) {
  auto d = ParseDate(rows.Text(r, c));
  if (!d.ok()) return Error::Internal("weather: bad stored day '" + rows.Text(r, c) + "'");
  return *d;
}

Result<std::vector<ports::OutdoorMeanSubmission>> ToSubmissions(const Rows& rows) {
  std::vector<ports::OutdoorMeanSubmission> out;
  for (size_t r = 0; r < rows.rows.size(); ++r) {
    auto day = StoredDay(rows, r, 2);
    if (!day.ok()) return day.error();
    out.push_back({rows.Int(r, 0),
                   {rows.Int(r, 1), *day, static_cast<rules::Tenths>(rows.Int(r, 3))},
                   rows.Text(r, 4),
                   rows.Text(r, 5),
                   rows.Text(r, 6),
                   rows.Text(r, 7),
                   rows.Text(r, 8)});
  }
  return out;
}

// The audit form of one district-day mean.
std::string MeanJson(const ports::OutdoorMean& m, const std::string& recorded_by) {
  return nlohmann::json{{"district_id", m.district_id},
                        {"date", FormatDate(m.day)},
                        {"mean", m.mean / 10.0},
                        {"recorded_by", recorded_by}}
      .dump();
}

}  // namespace

Status SqlMonitoringStore::PutMeansLocked(std::span<const ports::OutdoorMean> means,
                                          const std::string& actor,
                                          const std::string& recorded_by) {
  for (const ports::OutdoorMean& m : means) {
    auto before = conn_->Query(
        "SELECT mean_tenths, recorded_by FROM outdoor_means WHERE district_id = $1 AND day = $2",
        {m.district_id, FormatDate(m.day)});
    if (!before.ok()) return before.error();
    auto r = conn_->Query(
        "INSERT INTO outdoor_means (district_id, day, mean_tenths, recorded_by) "
        "VALUES ($1, $2, $3, $4) ON CONFLICT (district_id, day) DO UPDATE SET "
        "mean_tenths = excluded.mean_tenths, recorded_by = excluded.recorded_by",
        {m.district_id, FormatDate(m.day), int64_t{m.mean}, recorded_by});
    if (!r.ok()) return r.error();
    std::string before_json;
    if (!before->empty()) {
      before_json = MeanJson({m.district_id, m.day, static_cast<rules::Tenths>(before->Int(0, 0))},
                             before->Text(0, 1));
    }
    if (auto a = InsertAudit(*conn_, {0, "", actor, before_json.empty() ? "create" : "update",
                                      "weather", m.district_id, before_json,
                                      MeanJson(m, recorded_by)});
        !a.ok()) {
      return a;
    }
  }
  return OkStatus();
}

Status SqlMonitoringStore::PutOutdoorMeans(std::span<const ports::OutdoorMean> means,
                                           const std::string& actor) {
  MutexLock lock(mutex_);
  return InTransaction(*conn_, [&]() REQUIRES(mutex_) { return PutMeansLocked(means, actor, actor); });
}

Result<std::vector<ports::OutdoorMean>> SqlMonitoringStore::OutdoorMeans(int64_t district_id,
                                                                         Date from, Date to) {
  MutexLock lock(mutex_);
  auto rows = conn_->Query(
      "SELECT district_id, day, mean_tenths FROM outdoor_means WHERE district_id = $1 AND "
      "day >= $2 AND day <= $3 ORDER BY day",
      {district_id, FormatDate(from), FormatDate(to)});
  if (!rows.ok()) return rows.error();
  std::vector<ports::OutdoorMean> out;
  for (size_t r = 0; r < rows->rows.size(); ++r) {
    auto day = StoredDay(*rows, r, 1);
    if (!day.ok()) return day.error();
    out.push_back({rows->Int(r, 0), *day, static_cast<rules::Tenths>(rows->Int(r, 2))});
  }
  return out;
}

Result<std::vector<int64_t>> SqlMonitoringStore::SubmitOutdoorMeans(
    std::span<const ports::OutdoorMean> means, const std::string& actor) {
  MutexLock lock(mutex_);
  std::vector<int64_t> ids;
  const std::string now = NowText();
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    for (const ports::OutdoorMean& m : means) {
      auto r = conn_->Query(
          "INSERT INTO outdoor_mean_submissions (district_id, day, mean_tenths, submitted_by, "
          "submitted_at, status) VALUES ($1, $2, $3, $4, $5, 'pending') RETURNING id",
          {m.district_id, FormatDate(m.day), int64_t{m.mean}, actor, now});
      if (!r.ok()) return r.error();
      ids.push_back(r->Int(0, 0));
      if (auto a = InsertAudit(*conn_, {0, now, actor, "submit", "weather", m.district_id, "",
                                        MeanJson(m, actor)});
          !a.ok()) {
        return a;
      }
    }
    return OkStatus();
  });
  if (!s.ok()) return s.error();
  return ids;
}

Result<std::vector<ports::OutdoorMeanSubmission>> SqlMonitoringStore::OutdoorMeanSubmissions(
    const ports::SubmissionQuery& q) {
  Where where;
  if (q.status) where.And("status =", *q.status);
  if (q.district_id) where.And("district_id =", *q.district_id);
  if (q.after) where.And("id >", *q.after);
  MutexLock lock(mutex_);
  auto rows = conn_->Query(std::string("SELECT ") + kSubmissionColumns +
                               " FROM outdoor_mean_submissions WHERE " + where.sql() +
                               " ORDER BY id LIMIT " + std::to_string(std::clamp(q.limit, 1, 1000)),
                           where.params());
  if (!rows.ok()) return rows.error();
  return ToSubmissions(*rows);
}

Result<ports::OutdoorMeanSubmission> SqlMonitoringStore::DecideOutdoorMean(
    int64_t id, bool confirm, const std::string& actor) {
  MutexLock lock(mutex_);
  ports::OutdoorMeanSubmission out;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    auto rows = conn_->Query(std::string("SELECT ") + kSubmissionColumns +
                                 " FROM outdoor_mean_submissions WHERE id = $1",
                             {id});
    if (!rows.ok()) return rows.error();
    auto found = ToSubmissions(*rows);
    if (!found.ok()) return found.error();
    if (found->empty()) {
      return Error::NotFound("no weather submission " + std::to_string(id), "id");
    }
    out = found->front();
    if (out.status != "pending") {
      return Error::FailedPrecondition("weather submission " + std::to_string(id) + " is " +
                                       out.status + " already");
    }
    out.status = confirm ? "confirmed" : "rejected";
    out.decided_by = actor;
    out.decided_at = NowText();
    auto r = conn_->Query(
        "UPDATE outdoor_mean_submissions SET status = $1, decided_by = $2, decided_at = $3 "
        "WHERE id = $4",
        {out.status, actor, out.decided_at, id});
    if (!r.ok()) return r.error();
    if (auto a = InsertAudit(*conn_, {0, out.decided_at, actor, confirm ? "confirm" : "reject",
                                      "weather", out.mean.district_id, "",
                                      MeanJson(out.mean, out.submitted_by)});
        !a.ok()) {
      return a;
    }
    if (!confirm) return OkStatus();
    return PutMeansLocked(std::span(&out.mean, 1), actor,
                          out.submitted_by + ", confirmed by " + actor);
  });
  if (!s.ok()) return s.error();
  return out;
}

}  // namespace hearth::adapters::storage

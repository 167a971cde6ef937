#include "adapters/storage/job_sql.hpp"

#include <algorithm>
#include <chrono>

namespace hearth::adapters::storage {
namespace {

using ports::Job;
using ports::JobState;

constexpr const char* kColumns =
    "id, kind, company_id, params, started_by, started_at, updated_at, finished_at, state, done, "
    "total, result, error_code, error_message, error_field";

int64_t Seconds(Instant t) { return t.time_since_epoch().count(); }
Instant At(int64_t s) { return Instant{std::chrono::seconds{s}}; }

}  // namespace

Result<std::vector<Job>> SqlJobStore::Select(const std::string& where,
                                             const std::vector<Value>& params,
                                             const std::string& tail) {
  auto rows = conn_->Query(std::string("SELECT ") + kColumns + " FROM jobs WHERE " + where + tail,
                           params);
  if (!rows.ok()) return rows.error();
  std::vector<Job> out;
  out.reserve(rows->rows.size());
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    Job j;
    j.id = rows->Int(i, 0);
    j.kind = rows->Text(i, 1);
    j.company_id = rows->Int(i, 2);
    j.params_json = rows->Text(i, 3);
    j.started_by = rows->Text(i, 4);
    j.started_at = At(rows->Int(i, 5));
    j.updated_at = At(rows->Int(i, 6));
    if (!rows->IsNull(i, 7)) j.finished_at = At(rows->Int(i, 7));
    auto state = ports::ParseJobState(rows->Text(i, 8));
    if (!state) return Error::Internal("job " + std::to_string(j.id) + " has an unknown state");
    j.state = *state;
    j.done = rows->Int(i, 9);
    j.total = rows->Int(i, 10);
    j.result_json = rows->Text(i, 11);
    j.error_code = rows->Text(i, 12);
    j.error_message = rows->Text(i, 13);
    j.error_field = rows->Text(i, 14);
    out.push_back(std::move(j));
  }
  return out;
}

Result<Job> SqlJobStore::Start(const Job& job, Instant stale_before) {
  MutexLock lock(mutex_);
  int64_t id = 0;
  Status s = InTransaction(*conn_, [&]() REQUIRES(mutex_) -> Status {
    // A run whose server died stops reporting: it no longer holds the kind and company.
    auto stale = conn_->Query(
        "UPDATE jobs SET state = 'interrupted', finished_at = $1, error_code = 'unavailable', "
        "error_message = 'the run stopped reporting progress (its server stopped); start it "
        "again' WHERE kind = $2 AND company_id = $3 AND state = 'running' AND updated_at < $4",
        {Seconds(job.started_at), job.kind, job.company_id, Seconds(stale_before)});
    if (!stale.ok()) return stale.error();
    auto running = Select("kind = $1 AND company_id = $2 AND state = 'running'",
                          {job.kind, job.company_id}, "");
    if (!running.ok()) return running.error();
    if (!running->empty()) {
      return Error::AlreadyExists("a " + job.kind + " is already running (job " +
                                      std::to_string(running->front().id) + ")",
                                  "kind");
    }
    auto ins = conn_->Query(
        "INSERT INTO jobs (kind, company_id, params, started_by, started_at, updated_at, state) "
        "VALUES ($1, $2, $3, $4, $5, $5, 'running') RETURNING id",
        {job.kind, job.company_id, job.params_json, job.started_by, Seconds(job.started_at)});
    if (!ins.ok()) return ins.error();
    id = ins->Int(0, 0);
    return OkStatus();
  });
  // Two starts at once: the unique index refuses the second, with the same answer as above.
  if (!s.ok() && s.error().code == ErrorCode::kAlreadyExists && s.error().field.empty()) {
    return Error::AlreadyExists("a " + job.kind + " is already running", "kind");
  }
  if (!s.ok()) return s.error();
  auto stored = Select("id = $1", {id}, "");
  if (!stored.ok()) return stored.error();
  if (stored->empty()) return Error::Internal("job " + std::to_string(id) + " vanished");
  return std::move(stored->front());
}

Status SqlJobStore::Progress(int64_t id, int64_t done, int64_t total, Instant at) {
  MutexLock lock(mutex_);
  auto up = conn_->Query(
      "UPDATE jobs SET done = $1, total = $2, updated_at = $3 WHERE id = $4 AND state = 'running'",
      {done, total, Seconds(at), id});
  if (!up.ok()) return up.error();
  return OkStatus();
}

Status SqlJobStore::Finish(int64_t id, JobState state, const std::string& result_json,
                           const Error* error, Instant at) {
  MutexLock lock(mutex_);
  auto up = conn_->Query(
      "UPDATE jobs SET state = $1, result = $2, error_code = $3, error_message = $4, "
      "error_field = $5, updated_at = $6, finished_at = $6 WHERE id = $7 AND state = 'running'",
      {std::string(ports::JobStateName(state)), result_json,
       std::string(error ? ErrorCodeName(error->code) : ""), error ? error->message : "",
       error ? error->field : "", Seconds(at), id});
  if (!up.ok()) return up.error();
  return OkStatus();
}

Result<Job> SqlJobStore::Get(int64_t id) {
  MutexLock lock(mutex_);
  auto rows = Select("id = $1", {id}, "");
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return Error::NotFound("no job " + std::to_string(id), "id");
  return std::move(rows->front());
}

Result<std::vector<Job>> SqlJobStore::List(const ports::JobQuery& q) {
  Where where;
  if (q.company_id) where.And("company_id =", *q.company_id);
  if (q.kind) where.And("kind =", *q.kind);
  if (q.before) where.And("id <", *q.before);
  const std::string tail =
      " ORDER BY id DESC LIMIT " + std::to_string(std::clamp(q.limit, 1, kMaxPageRows));
  MutexLock lock(mutex_);
  return Select(where.sql(), where.params(), tail);
}

}  // namespace hearth::adapters::storage

// Port: long runs as jobs (issue 14: "a refund run, a billing run … the API reports their
// progress (a job resource with a percentage)"). A job is a row any instance can read: what was
// asked (kind, company, parameters as JSON), by whom, how far it is (done of total), and how it
// ended (the run's answer as JSON, or its error). Methods take no scope: services check access.
//
// At most one job of a kind runs per company (company 0: every company) across every instance
// sharing the database: Start refuses a second (already_exists, naming the running job). A
// running job that has not reported for `stale_before` is taken to have died with its server:
// Start marks it interrupted first, so a crashed run never blocks the next one.
// Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"

namespace hearth::ports {

enum class JobState { kRunning, kSucceeded, kFailed, kInterrupted };

/// "running", "succeeded", "failed", "interrupted".
inline const char* JobStateName(JobState state) {
  switch (state) {
    case JobState::kRunning: return "running";
    case JobState::kSucceeded: return "succeeded";
    case JobState::kFailed: return "failed";
    case JobState::kInterrupted: return "interrupted";
  }
  return "failed";
}
inline std::optional<JobState> ParseJobState(const std::string& text) {
  for (JobState s : {JobState::kRunning, JobState::kSucceeded, JobState::kFailed,
                     JobState::kInterrupted}) {
    if (text == JobStateName(s)) return s;
  }
  return std::nullopt;
}

struct Job {
  int64_t id = 0;
  std::string kind;            ///< "refund-run", "billing-run"
  int64_t company_id = 0;      ///< 0: a run over every company (admin)
  std::string params_json;     ///< what was asked, a JSON object
  std::string started_by;
  Instant started_at, updated_at;
  std::optional<Instant> finished_at;
  JobState state = JobState::kRunning;
  int64_t done = 0, total = 0;  ///< units of the kind's work (households); total 0: not known yet
  std::string result_json;      ///< succeeded: the run's answer, a JSON object
  std::string error_code, error_message, error_field;  ///< failed, interrupted
};

struct JobQuery {
  std::optional<int64_t> company_id;  ///< nullopt: every company's and the cross-company jobs
  std::optional<std::string> kind;
  std::optional<int64_t> before;  ///< ids below this (newest first)
  int limit = 20;                 ///< 1..1000
};

class JobStore {
 public:
  virtual ~JobStore() = default;

  /// Records `job` (id, state, progress and ending ignored) as running, first marking
  /// interrupted any running job of its kind and company last updated before `stale_before`.
  /// already_exists (field "kind") when one is still running.
  virtual Result<Job> Start(const Job& job, Instant stale_before) = 0;
  /// How far a running job is; a job no longer running is left as it is.
  virtual Status Progress(int64_t id, int64_t done, int64_t total, Instant at) = 0;
  /// Ends a running job: succeeded with `result_json`, or failed or interrupted with the error.
  virtual Status Finish(int64_t id, JobState state, const std::string& result_json,
                        const Error* error, Instant at) = 0;
  virtual Result<Job> Get(int64_t id) = 0;  ///< not_found
  virtual Result<std::vector<Job>> List(const JobQuery& query) = 0;  ///< newest first
};

}  // namespace hearth::ports

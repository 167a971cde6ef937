// Long runs as jobs (issue 14: "a refund run, a billing run, an import, a plan for a large
// company … the API reports their progress (a job resource with a percentage)"). Start records
// the job (ports::JobStore) and runs its work on a thread of its own; the work says how far it
// is through a Progress, written to the job at most once per `report_every`; its answer (JSON
// text made by the caller) or its error ends the job. Any instance sharing the database reads
// the job, so a page polling it may be served by another instance.
//
// Decisions:
// - At most `max_running` runs at once in one process (resource_exhausted beyond, retry in
//   30 s): a run takes a core, and the machine serves requests too. One run of a kind per
//   company at a time across instances (the store's rule).
// - A running job silent for `stale_after` died with its server: it is shown interrupted, and the
//   next start of its kind and company marks it so. The runs Hearth starts this way resume or
//   replace what a broken run left (refund drafts are replaced; a billing run bills the rest).
// - On shutdown the running works are asked to stop (Progress answers false) and joined; their
//   jobs end interrupted.
// Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <list>
#include <string>
#include <thread>
#include <vector>

#include "core/mutex.hpp"
#include "core/result.hpp"
#include "core/thread_annotations.hpp"
#include "ports/clock.hpp"
#include "ports/job_store.hpp"
#include "ports/record_store.hpp"
#include "services/progress.hpp"

namespace hearth::services {

struct JobRunnerOptions {
  int max_running = 2;                           ///< runs at once in this process
  std::chrono::seconds report_every{1};          ///< progress written at most this often
  std::chrono::seconds stale_after{10 * 60};     ///< a running job silent this long is dead
};

class JobRunner {
 public:
  /// The work of a job: it reports through the Progress and returns its answer, a JSON object's
  /// text, or the error the job ends with.
  using Work = std::function<Result<std::string>(const Progress&)>;

  /// Neither is owned; both must outlive the runner.
  JobRunner(ports::JobStore& store, const ports::Clock& clock, JobRunnerOptions options = {})
      : store_(store), clock_(clock), options_(options) {}
  /// Asks running works to stop and waits for them.
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  /// Records `job` (kind, company_id, params_json, started_by; the rest is set here) and starts
  /// `work`. resource_exhausted when max_running runs are running here; already_exists (field
  /// "kind") when one of its kind runs for its company; unavailable once stopping.
  Result<ports::Job> Start(ports::Job job, Work work);
  /// The job when `scope` may see it (not_found otherwise: a company sees its own, a household
  /// none), a running one silent for stale_after shown interrupted.
  Result<ports::Job> Get(int64_t id, const ports::Scope& scope) const;
  /// Jobs newest first, narrowed to `scope`'s company.
  Result<std::vector<ports::Job>> List(ports::JobQuery query, const ports::Scope& scope) const;
  /// Blocks until no work of this runner is running.
  void Drain();

 private:
  struct Run {
    std::thread thread;
    bool finished = false;
  };
  void Execute(int64_t id, const Work& work, Run* run);
  ports::Job Presented(ports::Job job) const;

  ports::JobStore& store_;
  const ports::Clock& clock_;
  const JobRunnerOptions options_;
  mutable Mutex mutex_;
  CondVar finished_;
  std::list<Run> runs_ GUARDED_BY(mutex_);
  std::atomic<bool> stopping_{false};  ///< read by every Progress call
};

}  // namespace hearth::services

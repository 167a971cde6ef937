#include "services/job_runner.hpp"

#include <utility>

namespace hearth::services {

JobRunner::~JobRunner() {
  stopping_ = true;
  Drain();
}

void JobRunner::Drain() {
  std::list<Run> ended;
  {
    MutexLock lock(mutex_);
    finished_.Wait(mutex_, [this]() REQUIRES(mutex_) {
      for (const Run& r : runs_) {
        if (!r.finished) return false;
      }
      return true;
    });
    ended.swap(runs_);
  }
  for (Run& r : ended) r.thread.join();
}

Result<ports::Job> JobRunner::Start(ports::Job job, Work work) {
  std::list<Run> ended;
  MutexLock lock(mutex_);
  if (stopping_) return Error::Unavailable("the server is stopping; start the run again shortly");
  int running = 0;
  for (auto it = runs_.begin(); it != runs_.end();) {
    if (it->finished) {
      auto next = std::next(it);
      ended.splice(ended.end(), runs_, it);
      it = next;
    } else {
      ++running;
      ++it;
    }
  }
  for (Run& r : ended) r.thread.join();  // ended: joining does not wait
  if (running >= options_.max_running) {
    return Error::ResourceExhausted(
        std::to_string(running) + " long runs are already running on this server; try again "
                                  "when one has ended",
        30);
  }
  job.started_at = clock_.Now();
  auto started = store_.Start(job, job.started_at - options_.stale_after);
  if (!started.ok()) return started.error();
  Run& run = runs_.emplace_back();
  run.thread = std::thread([this, id = started->id, w = std::move(work), r = &run] {
    Execute(id, w, r);
  });
  return started;
}

void JobRunner::Execute(int64_t id, const Work& work, Run* run) {
  int64_t done = 0, total = 0, written_done = -1, written_total = -1;
  Instant last{};
  auto write = [&] {
    if (done == written_done && total == written_total) return;
    // Best effort: a failed write leaves the job's figure behind, not the run broken.
    (void)store_.Progress(id, done, total, clock_.Now());
    written_done = done;
    written_total = total;
    last = clock_.Now();
  };
  const Progress progress = [&](int64_t d, int64_t t) {
    done = d;
    total = t;
    if (clock_.Now() - last >= options_.report_every) write();
    return !stopping_;
  };
  Result<std::string> answer = work(progress);
  write();
  const bool stopped = stopping_;
  if (answer.ok()) {
    (void)store_.Finish(id, ports::JobState::kSucceeded, *answer, nullptr, clock_.Now());
  } else {
    const ports::JobState state =
        stopped ? ports::JobState::kInterrupted : ports::JobState::kFailed;
    (void)store_.Finish(id, state, "", &answer.error(), clock_.Now());
  }
  MutexLock lock(mutex_);
  run->finished = true;
  finished_.NotifyAll();
}

ports::Job JobRunner::Presented(ports::Job job) const {
  if (job.state == ports::JobState::kRunning &&
      job.updated_at < clock_.Now() - options_.stale_after) {
    job.state = ports::JobState::kInterrupted;
    job.error_code = ErrorCodeName(ErrorCode::kUnavailable);
    job.error_message = "the run stopped reporting progress (its server stopped); start it again";
  }
  return job;
}

Result<ports::Job> JobRunner::Get(int64_t id, const ports::Scope& scope) const {
  auto job = store_.Get(id);
  if (!job.ok()) return job.error();
  if (scope.household_id || (scope.company_id && job->company_id != *scope.company_id)) {
    return Error::NotFound("no job " + std::to_string(id), "id");
  }
  return Presented(std::move(*job));
}

Result<std::vector<ports::Job>> JobRunner::List(ports::JobQuery query,
                                                const ports::Scope& scope) const {
  if (scope.household_id) return std::vector<ports::Job>{};
  if (scope.company_id) query.company_id = scope.company_id;
  auto jobs = store_.List(query);
  if (!jobs.ok()) return jobs.error();
  for (ports::Job& j : *jobs) j = Presented(std::move(j));
  return jobs;
}

}  // namespace hearth::services

// `hearth serve`'s background rollups: RollupService::RunOnce every few seconds on a thread of its
// own, so that household-days follow the readings without anyone asking (readers of a
// household's days also catch it up synchronously). Stopped and joined by the destructor.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <thread>

#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "services/rollup_service.hpp"

namespace hearth::app::runtime {

class RollupWorker {
 public:
  /// Starts the thread; `rollups` must outlive the worker.
  RollupWorker(services::RollupService& rollups, std::chrono::milliseconds interval);
  /// Stops: waits for the current run to end (a run ends after its current round of marks).
  ~RollupWorker();
  RollupWorker(const RollupWorker&) = delete;
  RollupWorker& operator=(const RollupWorker&) = delete;

  /// Seconds since the last run that ended without an error (since the start before the first):
  /// with the backlog of marks, the rollups' lag (/metrics).
  double SecondsSinceLastRun() const;

 private:
  void Loop();

  services::RollupService& rollups_;
  const std::chrono::milliseconds interval_;
  Mutex mutex_;
  CondVar wake_;
  bool stop_ GUARDED_BY(mutex_) = false;
  std::atomic<int64_t> last_ok_ns_;  // steady clock
  std::thread thread_;
};

}  // namespace hearth::app::runtime

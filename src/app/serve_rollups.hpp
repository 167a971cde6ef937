// `hearth serve`'s background rollups: RollupService::RunOnce every few seconds on a thread of its
// own, so that household-days follow the readings without anyone asking (readers of a
// household's days also catch it up synchronously). Stopped and joined by the destructor.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "services/rollup_service.hpp"

namespace hearth::app {

class RollupWorker {
 public:
  /// Starts the thread; `rollups` must outlive the worker.
  RollupWorker(services::RollupService& rollups, std::chrono::milliseconds interval);
  /// Stops: waits for the current run to end (a run ends after its current round of marks).
  ~RollupWorker();
  RollupWorker(const RollupWorker&) = delete;
  RollupWorker& operator=(const RollupWorker&) = delete;

 private:
  void Loop();

  services::RollupService& rollups_;
  const std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;  // GUARDED_BY(mutex_)
  std::thread thread_;
};

}  // namespace hearth::app

#include "app/serve_rollups.hpp"

#include <spdlog/spdlog.h>

namespace hearth::app {

RollupWorker::RollupWorker(services::RollupService& rollups, std::chrono::milliseconds interval)
    : rollups_(rollups), interval_(interval), thread_([this] { Loop(); }) {}

RollupWorker::~RollupWorker() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void RollupWorker::Loop() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stop_; })) {
    lock.unlock();
    auto counts = rollups_.RunOnce(2000, 5);  // a few rounds, then check for stop again
    if (!counts.ok()) {
      spdlog::warn("rollups: {} {}", counts.error().message, counts.error().detail);
    } else if (counts->household_days > 0) {
      spdlog::debug("rollups: {} household-days from {} marks", counts->household_days,
                    counts->marks);
    }
    lock.lock();
  }
}

}  // namespace hearth::app

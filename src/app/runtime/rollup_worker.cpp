#include "app/runtime/rollup_worker.hpp"

#include <spdlog/spdlog.h>

namespace hearth::app::runtime {

namespace {
int64_t SteadyNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
}  // namespace

RollupWorker::RollupWorker(services::RollupService& rollups, std::chrono::milliseconds interval)
    : rollups_(rollups), interval_(interval), last_ok_ns_(SteadyNs()), thread_([this] { Loop(); }) {}

double RollupWorker::SecondsSinceLastRun() const {
  return static_cast<double>(SteadyNs() - last_ok_ns_.load()) / 1e9;
}

RollupWorker::~RollupWorker() {
  {
    MutexLock lock(mutex_);
    stop_ = true;
  }
  wake_.NotifyAll();
  thread_.join();
}

void RollupWorker::Loop() {
  while (true) {
    {
      MutexLock lock(mutex_);
      if (wake_.WaitFor(mutex_, interval_, [this]() REQUIRES(mutex_) { return stop_; })) return;
    }
    auto counts = rollups_.RunOnce(2000, 5);  // a few rounds, then check for stop again
    if (counts.ok()) last_ok_ns_ = SteadyNs();
    if (!counts.ok()) {
      spdlog::warn("rollups: {} {}", counts.error().message, counts.error().detail);
    } else if (counts->household_days > 0) {
      spdlog::debug("rollups: {} household-days from {} marks", counts->household_days,
                    counts->marks);
    }
  }
}

}  // namespace hearth::app::runtime

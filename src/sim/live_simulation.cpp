#include "sim/live_simulation.hpp"

#include <spdlog/spdlog.h>

namespace hearth::sim {

void LiveSimulation::Start() {
  thread_ = std::thread([this] { Run(); });
}

void LiveSimulation::Stop() {
  {
    MutexLock lock(mutex_);
    stop_ = true;
  }
  wake_.NotifyAll();
  if (thread_.joinable()) thread_.join();
}

void LiveSimulation::Run() {
  while (true) {
    const Instant now =
        std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    if (sent_until_ < now) {
      auto counts = simulation_.Run(sink_, sent_until_, now);
      if (counts.ok()) {
        readings_ += counts->readings;
        if (counts->readings > 0) {
          spdlog::info("simulator: {} readings up to {}", counts->readings, FormatLocal(now));
        }
        sent_until_ = now;
      } else {
        spdlog::warn("simulator: {} ({}); retrying", counts.error().message, counts.error().detail);
      }
    }
    MutexLock lock(mutex_);
    if (wake_.WaitFor(mutex_, tick_, [this]() REQUIRES(mutex_) { return stop_; })) return;
  }
}

}  // namespace hearth::sim

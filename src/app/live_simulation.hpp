// A simulation that follows the clock (hearth demo, hearth simulate --follow): on Start it sends
// everything from `from` up to now, then, every `tick`, what the simulator produced since. Runs in
// a thread of its own; a failed send is logged and retried at the next tick (the broker or the
// server may come back). Stop (or destruction) ends it and joins the thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/civil_time.hpp"
#include "services/simulation.hpp"

namespace hearth::app {

class LiveSimulation {
 public:
  /// Neither is owned; both must outlive this.
  LiveSimulation(const services::Simulation& simulation, services::SimulationSink& sink,
                 Instant from, std::chrono::seconds tick)
      : simulation_(simulation), sink_(sink), sent_until_(from), tick_(tick) {}
  ~LiveSimulation() { Stop(); }
  LiveSimulation(const LiveSimulation&) = delete;
  LiveSimulation& operator=(const LiveSimulation&) = delete;

  void Start();
  void Stop();
  /// Readings sent so far.
  int64_t readings() const { return readings_.load(); }

 private:
  void Run();

  const services::Simulation& simulation_;
  services::SimulationSink& sink_;
  Instant sent_until_;
  std::chrono::seconds tick_;
  std::atomic<int64_t> readings_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

/// The year of the season that `day` belongs to or follows: the season starting that autumn from
/// July on, else the one that started the autumn before.
int SeasonYearOf(Date day);

}  // namespace hearth::app

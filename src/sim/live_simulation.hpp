// A simulation that follows the clock (hearth demo, hearth simulate --follow): on Start it sends
// everything from `from` up to now, then, every `tick`, what the simulator produced since. Runs in
// a thread of its own; a failed send is logged and retried at the next tick (the broker or the
// server may come back). Stop (or destruction) ends it and joins the thread.
#pragma once

#include <atomic>
#include <chrono>
#include <thread>

#include "core/civil_time.hpp"
#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "sim/simulation.hpp"

namespace hearth::sim {

class LiveSimulation {
 public:
  /// Neither is owned; both must outlive this.
  LiveSimulation(const sim::Simulation& simulation, sim::SimulationSink& sink, Instant from,
                 std::chrono::seconds tick)
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

  const sim::Simulation& simulation_;
  sim::SimulationSink& sink_;
  Instant sent_until_;
  std::chrono::seconds tick_;
  std::atomic<int64_t> readings_{0};
  Mutex mutex_;
  CondVar wake_;
  bool stop_ GUARDED_BY(mutex_) = false;
  std::thread thread_;
};

}  // namespace hearth::sim

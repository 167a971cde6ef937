// How a long run (a refund run, a billing run) says how far it has come, for its job
// (services/job_runner.hpp, issue 14).
#pragma once

#include <cstdint>
#include <functional>

#include "core/result.hpp"

namespace hearth::services {

/// Called with `done` of `total` units of the run's work (households; total 0 while not known).
/// It answers false when the run should stop (its server is shutting down): the run then returns
/// unavailable at the next point where what it wrote can be resumed. An empty Progress is never
/// called.
using Progress = std::function<bool(int64_t done, int64_t total)>;

/// The error of a run its Progress stopped: what it wrote stands, and running it again goes on.
inline Error Stopped() {
  return Error::Unavailable(
      "the run was stopped before its end (the server is stopping); run it again to finish");
}

}  // namespace hearth::services

// hearth::Mutex, MutexLock and CondVar: std::mutex and std::condition_variable with the lock
// annotations of core/thread_annotations.hpp, which libstdc++'s types lack.
//
// Contract:
// - Mutex is a std::mutex (not recursive, not copyable or movable) that Clang's thread-safety
//   analysis knows as a capability: members declared GUARDED_BY(mu_) may be touched only where
//   the analysis can see mu_ held.
// - MutexLock holds a Mutex for its scope, like std::lock_guard; use it rather than Lock/Unlock.
// - CondVar waits with a Mutex the caller holds (it is released while waiting and held again
//   on return, as with std::condition_variable). A predicate that reads guarded state declares
//   so: `cv_.WaitFor(mu_, tick, [this]() REQUIRES(mu_) { return stop_; })`.
// - No cost over the std types: every member is an inline forward. Standard library only.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <utility>

#include "core/thread_annotations.hpp"

namespace hearth {

class CondVar;

class CAPABILITY("mutex") Mutex {
 public:
  Mutex() = default;
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void Lock() ACQUIRE() { mu_.lock(); }
  void Unlock() RELEASE() { mu_.unlock(); }
  /// True when it took the lock (then the caller must Unlock); false at once when it is held.
  bool TryLock() TRY_ACQUIRE(true) { return mu_.try_lock(); }

 private:
  friend class CondVar;
  std::mutex mu_;
};

/// Holds `mu` from construction to the end of the scope.
class SCOPED_CAPABILITY MutexLock {
 public:
  explicit MutexLock(Mutex& mu) ACQUIRE(mu) : mu_(mu) { mu_.Lock(); }
  ~MutexLock() RELEASE() { mu_.Unlock(); }
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;

 private:
  Mutex& mu_;
};

/// A std::condition_variable whose waits take the hearth::Mutex the caller holds.
class CondVar {
 public:
  void NotifyOne() noexcept { cv_.notify_one(); }
  void NotifyAll() noexcept { cv_.notify_all(); }

  /// Blocks until `pred()` is true. `pred` runs with `mu` held.
  template <typename Predicate>
  void Wait(Mutex& mu, Predicate pred) REQUIRES(mu) {
    Adopted lock(mu);
    cv_.wait(lock.lock, std::move(pred));
  }

  /// Blocks until `pred()` is true or `timeout` has passed; returns `pred()`, as
  /// std::condition_variable::wait_for does. `pred` runs with `mu` held.
  template <typename Rep, typename Period, typename Predicate>
  bool WaitFor(Mutex& mu, const std::chrono::duration<Rep, Period>& timeout, Predicate pred)
      REQUIRES(mu) {
    Adopted lock(mu);
    return cv_.wait_for(lock.lock, timeout, std::move(pred));
  }

 private:
  // The caller's lock, lent to std::condition_variable for one wait and given back on every way
  // out (a throwing predicate included): the caller's MutexLock still owns it.
  struct Adopted {
    explicit Adopted(Mutex& mu) : lock(mu.mu_, std::adopt_lock) {}
    ~Adopted() { (void)lock.release(); }
    Adopted(const Adopted&) = delete;
    Adopted& operator=(const Adopted&) = delete;
    std::unique_lock<std::mutex> lock;
  };

  std::condition_variable cv_;
};

}  // namespace hearth

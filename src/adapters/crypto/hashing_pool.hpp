// A bounded pool for password hashing (issue 12, item 3): argon2id costs about 0.2 s of a core
// and 64 MiB per call, so a flood of logins run on the HTTP threads stalled every other request.
// HashingPool runs the hashes and checks of another ports::PasswordHasher on a few threads of its
// own and admits at most `threads + queue` calls at a time; a call beyond that is refused at once
// (unavailable, "too busy", Error::retry_after_s) instead of queueing without bound.
//
// The caller's thread waits for its own call (Hash and Verify block until the pool has run it),
// so at most capacity() callers wait at once: a server reserves that many threads beyond those
// that serve other requests (app/runtime/service.cpp), and a flood then leaves the others free.
//
// Thread-safe. The destructor joins the threads; no call may be running or be made then (the
// server and every service using the pool stop first).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/mutex.hpp"
#include "core/result.hpp"
#include "ports/credentials.hpp"

namespace hearth::adapters::crypto {

struct HashingPoolOptions {
  unsigned threads = 1;       ///< hashing threads, >= 1 (each holds 64 MiB while it hashes)
  unsigned queue = 3;         ///< admitted calls that may wait for a thread
  int64_t retry_after_s = 1;  ///< told to refused callers
};

class HashingPool final : public ports::PasswordHasher {
 public:
  /// `inner` is not owned and must outlive the pool; it does the work.
  explicit HashingPool(const ports::PasswordHasher& inner, HashingPoolOptions options = {});
  ~HashingPool() override;
  HashingPool(const HashingPool&) = delete;
  HashingPool& operator=(const HashingPool&) = delete;

  /// inner.Hash on a pool thread; unavailable (retry_after_s) when the pool is full.
  Result<std::string> Hash(std::string_view password) const override;
  /// inner.Verify on a pool thread; unavailable (retry_after_s) when the pool is full.
  Result<bool> Verify(std::string_view encoded, std::string_view password) const override;

  /// threads + queue: the most calls admitted (running or waiting) at once.
  unsigned capacity() const { return options_.threads + options_.queue; }
  /// The calls admitted now, running or waiting (for tests and monitoring).
  unsigned load() const;

 private:
  // A call waiting for a thread: on the caller's stack while it waits.
  struct Job {
    std::function<void()> work;
    bool done = false;  // under mutex_
  };
  // Runs `work` on a pool thread and waits for it; false when the pool was full.
  bool Run(std::function<void()> work) const;
  void Work();

  const ports::PasswordHasher& inner_;
  const HashingPoolOptions options_;
  // The pool's state changes in const calls: the object is logically const (what it computes
  // does not depend on it) and its lock makes it thread-safe.
  mutable Mutex mutex_;
  mutable CondVar work_ready_;  // a job was queued, or stopping_
  mutable CondVar job_done_;    // a job finished
  mutable std::deque<Job*> jobs_ GUARDED_BY(mutex_);
  mutable unsigned admitted_ GUARDED_BY(mutex_) = 0;  // queued or running
  bool stopping_ GUARDED_BY(mutex_) = false;
  std::vector<std::thread> threads_;
};

}  // namespace hearth::adapters::crypto

// Group commit for a reading store (issue 17). A batch of readings is acknowledged only once its
// transaction is durable, and on SQLite every commit costs an fsync of the WAL and a write of each
// page the batch touched. So batches that arrive together (HTTP requests, MQTT, the simulator)
// queue here: the first in the queue (the leader) takes the batches waiting behind it, up to
// `max_rows` readings, and commits them in one transaction; each caller returns once that
// transaction has ended, with its own counts, as if it had been alone. LevelDB's DBImpl::Write
// does the same with its writers_ queue.
//
// Contract:
// - Insert returns only after the transaction holding its batch committed (ok) or was rolled
//   back (the error, and nothing of the batch stored). Never before: an acknowledgement may
//   follow it (ports/reading_store.hpp).
// - A group that fails is tried again batch by batch, each in its own transaction, so that a
//   batch the engine refuses (a sensor deleted since ingest looked it up) fails alone: all or
//   nothing per batch, as ports::ReadingStore::Insert promises.
// - Batches are committed in the order they were queued: of two readings with the same key in one
//   group, the one queued first is stored and the other counts against it, as without grouping.
// - The commit function never runs on two threads at once, and no waiting batch is skipped.
// - Memory: a group holds spans of its callers' batches, never copies of them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <span>
#include <utility>

#include "core/mutex.hpp"
#include "core/result.hpp"
#include "core/thread_annotations.hpp"
#include "ports/reading_store.hpp"

namespace hearth::adapters::storage {

/// One caller's batch in a group, with the counts the commit sets for it.
struct PendingBatch {
  std::span<const ports::Reading> readings;
  std::span<const ports::QuarantinedReading> quarantine;
  const ports::InsertSource* source = nullptr;
  ports::InsertCounts counts;  ///< zero when the commit function is called
};

/// Readings per group at most: a single larger batch is committed alone. About 1.5 MB of
/// readings, a few seconds of a city's ingest at full speed; bounds the transaction, not memory.
inline constexpr size_t kGroupRows = 65536;

/// Thread-safe.
class GroupCommit {
 public:
  /// Stores `group` in one transaction, all or nothing, setting each batch's counts as if the
  /// batches had been inserted one after another in this order. Returns the engine's error.
  using Commit = std::function<Status(std::span<PendingBatch* const> group)>;

  explicit GroupCommit(Commit commit, size_t max_rows = kGroupRows)
      : commit_(std::move(commit)), max_rows_(max_rows) {}

  /// Queues the batch and returns its counts once it is committed (see above).
  Result<ports::InsertCounts> Insert(std::span<const ports::Reading> readings,
                                     std::span<const ports::QuarantinedReading> quarantine,
                                     const ports::InsertSource& source);

  struct Totals {
    int64_t transactions = 0;  ///< commits tried, retries of a failed group included
    int64_t batches = 0;       ///< batches that ended, committed or not
  };
  Totals totals() const;

  /// Batches queued, the group being committed included.
  size_t Waiting() const;

 private:
  struct Writer;

  // The leader's part: commits `group` (the queue's front), each batch alone when together they
  // fail; sets every writer's status. Returns the transactions tried.
  int64_t CommitGroup(std::span<Writer* const> group);

  const Commit commit_;
  const size_t max_rows_;
  mutable Mutex mutex_;
  std::deque<Writer*> queue_ GUARDED_BY(mutex_);
  Totals totals_ GUARDED_BY(mutex_);
};

}  // namespace hearth::adapters::storage

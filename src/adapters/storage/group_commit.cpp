#include "adapters/storage/group_commit.hpp"

#include <vector>

namespace hearth::adapters::storage {

// A caller waiting in the queue. `done` is read and written under mutex_; the leader sets
// `status` and `batch.counts` without it, before it sets `done`, so the caller reads them after.
struct GroupCommit::Writer {
  PendingBatch batch;
  Status status = OkStatus();
  bool done = false;
  CondVar cv;
};

Result<ports::InsertCounts> GroupCommit::Insert(
    std::span<const ports::Reading> readings,
    std::span<const ports::QuarantinedReading> quarantine, const ports::InsertSource& source) {
  Writer w;
  w.batch.readings = readings;
  w.batch.quarantine = quarantine;
  w.batch.source = &source;
  std::vector<Writer*> group;
  {
    MutexLock lock(mutex_);
    queue_.push_back(&w);
    w.cv.Wait(mutex_, [&]() REQUIRES(mutex_) { return w.done || queue_.front() == &w; });
    if (w.done) {
      if (!w.status.ok()) return w.status.error();
      return w.batch.counts;
    }
    // The leader: this batch and those behind it, within the bound (the first always).
    size_t rows = 0;
    for (Writer* x : queue_) {
      const size_t n = x->batch.readings.size() + x->batch.quarantine.size();
      if (!group.empty() && rows + n > max_rows_) break;
      group.push_back(x);
      rows += n;
    }
  }
  const int64_t transactions = CommitGroup(group);
  {
    MutexLock lock(mutex_);
    for (Writer* x : group) {  // the queue's front, in order
      queue_.pop_front();
      x->done = true;
      if (x != &w) x->cv.NotifyOne();
    }
    totals_.transactions += transactions;
    totals_.batches += static_cast<int64_t>(group.size());
    if (!queue_.empty()) queue_.front()->cv.NotifyOne();  // the next leader
  }
  if (!w.status.ok()) return w.status.error();
  return w.batch.counts;
}

int64_t GroupCommit::CommitGroup(std::span<Writer* const> group) {
  std::vector<PendingBatch*> batches;
  batches.reserve(group.size());
  for (Writer* x : group) batches.push_back(&x->batch);
  Status s = commit_(batches);
  for (Writer* x : group) x->status = s;
  if (s.ok() || group.size() == 1) return 1;
  // Each alone: only the batches the engine refuses fail.
  for (PendingBatch* b : batches) b->counts = {};
  for (size_t i = 0; i < group.size(); ++i) group[i]->status = commit_({&batches[i], 1});
  return 1 + static_cast<int64_t>(group.size());
}

GroupCommit::Totals GroupCommit::totals() const {
  MutexLock lock(mutex_);
  return totals_;
}

size_t GroupCommit::Waiting() const {
  MutexLock lock(mutex_);
  return queue_.size();
}

}  // namespace hearth::adapters::storage

// GroupCommit (issue 17) with a commit function that records the groups it is given: batches that
// queue while a group commits share the next transaction, in the order they queued, within the
// bound; a failed group is tried batch by batch so that only the refused batch fails.
#include "adapters/storage/group_commit.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace hearth::adapters::storage {
namespace {

using ports::Reading;

// A batch of `rows` readings whose sensor_id is `tag`, so that a group names its batches.
std::vector<Reading> Batch(int64_t tag, size_t rows) {
  return std::vector<Reading>(rows, Reading{tag, 0, 0});
}

// The scene: the first batch's commit waits until every other batch has queued behind it; the
// others queue one after another, in order. `engine` stands in for the engine's transaction.
class GroupScene {
 public:
  GroupScene(size_t max_rows, std::function<Status(std::span<PendingBatch* const>)> engine)
      : commit_(
            [this, engine](std::span<PendingBatch* const> group) {
              if (!held_.exchange(true)) {
                while (commit_.Waiting() < batches_.size()) std::this_thread::yield();
                released_ = true;  // the queue shrinks from now on
              }
              std::vector<int64_t> tags;
              for (const PendingBatch* b : group) tags.push_back(b->readings.front().sensor_id);
              groups_.push_back(tags);  // one commit at a time: no lock needed
              return engine(group);
            },
            max_rows) {}

  // Inserts the batches, each from its own thread, the first one first; their answers.
  std::vector<Result<ports::InsertCounts>> Run(std::vector<std::vector<Reading>> batches) {
    batches_ = std::move(batches);
    std::vector<Result<ports::InsertCounts>> answers(batches_.size(), Error::Internal("unset"));
    std::vector<std::thread> threads;
    for (size_t i = 0; i < batches_.size(); ++i) {
      threads.emplace_back([this, i, &answers] {
        answers[i] = commit_.Insert(batches_[i], {}, source_);
      });
      // Queued (the first: being committed, and held until every batch has queued). Once the
      // last has queued the first is let go, and the queue may empty before this looks again.
      while (commit_.Waiting() < i + 1 && !released_) std::this_thread::yield();
    }
    for (auto& t : threads) t.join();
    return answers;
  }

  const std::vector<std::vector<int64_t>>& groups() const { return groups_; }
  GroupCommit::Totals totals() const { return commit_.totals(); }

 private:
  ports::InsertSource source_{"test", 0};
  std::atomic<bool> held_{false}, released_{false};
  std::vector<std::vector<Reading>> batches_;
  std::vector<std::vector<int64_t>> groups_;
  GroupCommit commit_;
};

// Every batch inserted: counts its readings.
Status InsertAll(std::span<PendingBatch* const> group) {
  for (PendingBatch* b : group) b->counts.inserted = static_cast<int64_t>(b->readings.size());
  return OkStatus();
}

TEST(GroupCommit, BatchesThatQueueWhileOneCommitsShareTheNextTransactionInOrder) {
  GroupScene scene(kGroupRows, InsertAll);
  auto answers = scene.Run({Batch(1, 3), Batch(2, 5), Batch(3, 7), Batch(4, 1)});
  ASSERT_EQ(scene.groups().size(), 2u);
  EXPECT_EQ(scene.groups()[0], (std::vector<int64_t>{1}));
  EXPECT_EQ(scene.groups()[1], (std::vector<int64_t>{2, 3, 4}));
  const int64_t rows[] = {3, 5, 7, 1};
  for (size_t i = 0; i < answers.size(); ++i) {
    ASSERT_TRUE(answers[i].ok()) << i;
    EXPECT_EQ(answers[i]->inserted, rows[i]) << "each caller has its own counts: " << i;
  }
  EXPECT_EQ(scene.totals().transactions, 2);
  EXPECT_EQ(scene.totals().batches, 4);
}

TEST(GroupCommit, AGroupHoldsAtMostMaxRowsReadingsButAlwaysItsFirstBatch) {
  GroupScene scene(10, InsertAll);
  auto answers = scene.Run({Batch(1, 4), Batch(2, 4), Batch(3, 4), Batch(4, 4), Batch(5, 25)});
  // Behind the first: 2+3 (8 rows; 4 more would be 12), then 4 (4 + 25 > 10), then 5 alone,
  // larger than the bound.
  const std::vector<std::vector<int64_t>> expected = {{1}, {2, 3}, {4}, {5}};
  EXPECT_EQ(scene.groups(), expected);
  for (const auto& a : answers) EXPECT_TRUE(a.ok());
}

TEST(GroupCommit, AFailedGroupIsTriedBatchByBatchAndOnlyTheRefusedBatchFails) {
  // The engine refuses any transaction holding batch 3 (a sensor deleted since it was looked up).
  GroupScene scene(kGroupRows, [](std::span<PendingBatch* const> group) -> Status {
    for (PendingBatch* b : group) {
      b->counts.inserted = static_cast<int64_t>(b->readings.size());
      if (b->readings.front().sensor_id == 3) return Error::Internal("FOREIGN KEY failed");
    }
    return OkStatus();
  });
  auto answers = scene.Run({Batch(1, 1), Batch(2, 2), Batch(3, 3), Batch(4, 4)});
  const std::vector<std::vector<int64_t>> expected = {{1}, {2, 3, 4}, {2}, {3}, {4}};
  EXPECT_EQ(scene.groups(), expected);
  ASSERT_TRUE(answers[1].ok());
  EXPECT_EQ(answers[1]->inserted, 2);
  ASSERT_FALSE(answers[2].ok());
  EXPECT_EQ(answers[2].error().detail, "FOREIGN KEY failed");
  ASSERT_TRUE(answers[3].ok());
  EXPECT_EQ(answers[3]->inserted, 4) << "counted once, by its own transaction";
  EXPECT_EQ(scene.totals().transactions, 5);
}

TEST(GroupCommit, ABatchAloneIsCommittedAloneAndAnEngineErrorIsItsAnswer) {
  int calls = 0;
  GroupCommit commit([&](std::span<PendingBatch* const> group) -> Status {
    ++calls;
    EXPECT_EQ(group.size(), 1u);
    return Error::Unavailable("database is locked");
  });
  const auto batch = Batch(1, 2);
  auto answer = commit.Insert(batch, {}, ports::InsertSource{});
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(calls, 1) << "a batch alone is not tried twice";
  EXPECT_EQ(commit.Waiting(), 0u);
}

}  // namespace
}  // namespace hearth::adapters::storage

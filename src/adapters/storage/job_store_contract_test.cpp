// The jobs store's contract on SQLite and on a real PostgreSQL cluster (issue 14: long runs as
// jobs with progress): one running job per kind and company, a stale one interrupted by the next
// start, progress and endings written only while running, and lists newest first.
#include <gtest/gtest.h>

#include "adapters/storage/job_sql.hpp"
#include "adapters/storage/migrations.hpp"
#include "support/test_database.hpp"

namespace hearth::adapters::storage {
namespace {

using ports::Job;
using ports::JobState;
using support::Engine;
using support::EngineName;

Instant T(int64_t s) { return Instant{std::chrono::seconds{1'780'000'000 + s}}; }

class JobStoreContract : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    auto conn = Connect(db_->url());
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(Migrate(**conn).ok());
    store_ = std::make_unique<SqlJobStore>(std::move(*conn));
  }
  void TearDown() override {
    store_.reset();
    db_.reset();
  }

  Result<Job> Start(const char* kind, int64_t company, int64_t at, int64_t stale_before = 0) {
    Job j;
    j.kind = kind;
    j.company_id = company;
    j.params_json = R"({"season":2025})";
    j.started_by = "li";
    j.started_at = T(at);
    return store_->Start(j, T(stale_before));
  }

  std::unique_ptr<support::TestDatabase> db_;
  std::unique_ptr<SqlJobStore> store_;
};

TEST_P(JobStoreContract, AJobRunsReportsAndEndsOnce) {
  auto job = Start("refund-run", 1, 0);
  ASSERT_TRUE(job.ok()) << job.error().message;
  EXPECT_GT(job->id, 0);
  EXPECT_EQ(job->state, JobState::kRunning);
  EXPECT_EQ(job->params_json, R"({"season":2025})");
  EXPECT_EQ(job->started_by, "li");
  EXPECT_EQ(job->started_at, T(0));
  EXPECT_EQ(job->updated_at, T(0));
  EXPECT_FALSE(job->finished_at);
  EXPECT_EQ(job->done, 0);
  EXPECT_EQ(job->total, 0);

  ASSERT_TRUE(store_->Progress(job->id, 400, 1000, T(5)).ok());
  auto half = store_->Get(job->id);
  ASSERT_TRUE(half.ok());
  EXPECT_EQ(half->done, 400);
  EXPECT_EQ(half->total, 1000);
  EXPECT_EQ(half->updated_at, T(5));

  ASSERT_TRUE(store_->Finish(job->id, JobState::kSucceeded, R"({"written":1000})", nullptr, T(9))
                  .ok());
  // Once ended, neither progress nor another ending changes it.
  ASSERT_TRUE(store_->Progress(job->id, 1, 2, T(10)).ok());
  const Error late = Error::Unavailable("stopped");
  ASSERT_TRUE(store_->Finish(job->id, JobState::kInterrupted, "", &late, T(11)).ok());
  auto done = store_->Get(job->id);
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->state, JobState::kSucceeded);
  EXPECT_EQ(done->done, 400);
  EXPECT_EQ(done->result_json, R"({"written":1000})");
  EXPECT_EQ(done->error_code, "");
  ASSERT_TRUE(done->finished_at);
  EXPECT_EQ(*done->finished_at, T(9));

  EXPECT_EQ(store_->Get(job->id + 100).error().code, ErrorCode::kNotFound);
}

TEST_P(JobStoreContract, AFailureKeepsTheErrorsCodeMessageAndField) {
  auto job = Start("billing-run", 2, 0);
  ASSERT_TRUE(job.ok());
  const Error e = Error::FailedPrecondition("no area tariff on 2025-11-15", "tariff");
  ASSERT_TRUE(store_->Finish(job->id, JobState::kFailed, "", &e, T(3)).ok());
  auto failed = store_->Get(job->id);
  ASSERT_TRUE(failed.ok());
  EXPECT_EQ(failed->state, JobState::kFailed);
  EXPECT_EQ(failed->error_code, "failed_precondition");
  EXPECT_EQ(failed->error_message, "no area tariff on 2025-11-15");
  EXPECT_EQ(failed->error_field, "tariff");
  EXPECT_EQ(failed->result_json, "");
}

TEST_P(JobStoreContract, OneRunningJobPerKindAndCompany) {
  auto first = Start("refund-run", 1, 100);
  ASSERT_TRUE(first.ok());
  auto second = Start("refund-run", 1, 101, 50);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(second.error().field, "kind");
  EXPECT_NE(second.error().message.find("job " + std::to_string(first->id)), std::string::npos)
      << second.error().message;
  // Another company, another kind, or every company (0): each its own.
  EXPECT_TRUE(Start("refund-run", 2, 101).ok());
  EXPECT_TRUE(Start("billing-run", 1, 101).ok());
  EXPECT_TRUE(Start("refund-run", 0, 101).ok());
  // Once it ends, the next may start.
  ASSERT_TRUE(store_->Finish(first->id, JobState::kSucceeded, "{}", nullptr, T(102)).ok());
  EXPECT_TRUE(Start("refund-run", 1, 103).ok());
}

TEST_P(JobStoreContract, AStaleRunningJobIsInterruptedByTheNextStart) {
  auto dead = Start("refund-run", 1, 100);
  ASSERT_TRUE(dead.ok());
  ASSERT_TRUE(store_->Progress(dead->id, 10, 100, T(200)).ok());
  // Reported at 200: not stale before 200, so still running.
  EXPECT_EQ(Start("refund-run", 1, 300, 200).error().code, ErrorCode::kAlreadyExists);
  auto next = Start("refund-run", 1, 900, 201);
  ASSERT_TRUE(next.ok()) << next.error().message;
  auto old = store_->Get(dead->id);
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->state, JobState::kInterrupted);
  EXPECT_EQ(old->error_code, "unavailable");
  EXPECT_NE(old->error_message.find("start it again"), std::string::npos);
  ASSERT_TRUE(old->finished_at);
  EXPECT_EQ(*old->finished_at, T(900));
  EXPECT_EQ(old->done, 10);
}

TEST_P(JobStoreContract, ListsNewestFirstFilteredAndPaged) {
  std::vector<int64_t> ids;
  for (int i = 0; i < 5; ++i) {
    auto j = Start(i % 2 ? "billing-run" : "refund-run", i < 3 ? 1 : 2, i);
    ASSERT_TRUE(j.ok());
    ids.push_back(j->id);
    ASSERT_TRUE(store_->Finish(j->id, JobState::kSucceeded, "{}", nullptr, T(i)).ok());
  }
  auto all = store_->List({});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 5u);
  EXPECT_EQ(all->front().id, ids[4]);
  ports::JobQuery q;
  q.company_id = 1;
  q.kind = "refund-run";
  auto mine = store_->List(q);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 2u);
  EXPECT_EQ((*mine)[0].id, ids[2]);
  EXPECT_EQ((*mine)[1].id, ids[0]);
  ports::JobQuery page;
  page.before = ids[3];
  page.limit = 2;
  auto older = store_->List(page);
  ASSERT_TRUE(older.ok());
  ASSERT_EQ(older->size(), 2u);
  EXPECT_EQ((*older)[0].id, ids[2]);
  EXPECT_EQ((*older)[1].id, ids[1]);
}

INSTANTIATE_TEST_SUITE_P(Engines, JobStoreContract,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage

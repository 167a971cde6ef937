// The job runner (issue 14: long runs as jobs with progress) over the real jobs store on SQLite:
// a work's progress and answer or error end its job; runs at once are bounded; a company sees its
// own jobs only; a silent running job shows interrupted; shutting down stops and ends the works.
#include "services/job_runner.hpp"

#include <gtest/gtest.h>

#include <future>

#include "adapters/storage/job_sql.hpp"
#include "adapters/storage/migrations.hpp"
#include "support/test_database.hpp"

namespace hearth::services {
namespace {

using ports::Job;
using ports::JobState;

class JobRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto conn = adapters::storage::Connect(db_.url());
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(adapters::storage::Migrate(**conn).ok());
    store_ = std::make_unique<adapters::storage::SqlJobStore>(std::move(*conn));
    runner_ = std::make_unique<JobRunner>(*store_, clock_);
  }

  static Job Asked(const char* kind, int64_t company) {
    Job j;
    j.kind = kind;
    j.company_id = company;
    j.params_json = "{}";
    j.started_by = "li";
    return j;
  }

  support::TestDatabase db_{support::Engine::kSqlite};
  ports::ManualClock clock_{*ParseRfc3339("2026-03-20T09:00:00+08:00")};
  std::unique_ptr<adapters::storage::SqlJobStore> store_;
  std::unique_ptr<JobRunner> runner_;
};

TEST_F(JobRunnerTest, AWorksProgressAndAnswerEndItsJob) {
  auto job = runner_->Start(Asked("refund-run", 1), [this](const Progress& progress) {
    for (int64_t done = 0; done <= 3000; done += 1000) {
      clock_.Advance(std::chrono::seconds{1});
      if (!progress(done, 3000)) return Result<std::string>(Stopped());
    }
    return Result<std::string>(std::string(R"({"written":3000})"));
  });
  ASSERT_TRUE(job.ok()) << job.error().message;
  EXPECT_EQ(job->state, JobState::kRunning);
  runner_->Drain();
  auto ended = runner_->Get(job->id, {});
  ASSERT_TRUE(ended.ok());
  EXPECT_EQ(ended->state, JobState::kSucceeded);
  EXPECT_EQ(ended->done, 3000);
  EXPECT_EQ(ended->total, 3000);
  EXPECT_EQ(ended->result_json, R"({"written":3000})");
  EXPECT_TRUE(ended->finished_at);
}

TEST_F(JobRunnerTest, AWorksErrorEndsItsJobFailed) {
  auto job = runner_->Start(Asked("billing-run", 1), [](const Progress&) -> Result<std::string> {
    return Error::FailedPrecondition("no area tariff", "tariff");
  });
  ASSERT_TRUE(job.ok());
  runner_->Drain();
  auto ended = runner_->Get(job->id, {});
  ASSERT_TRUE(ended.ok());
  EXPECT_EQ(ended->state, JobState::kFailed);
  EXPECT_EQ(ended->error_code, "failed_precondition");
  EXPECT_EQ(ended->error_message, "no area tariff");
  EXPECT_EQ(ended->error_field, "tariff");
}

TEST_F(JobRunnerTest, RunsAtOnceAreBoundedAndOnePerKindAndCompany) {
  std::promise<void> release;
  std::shared_future<void> go = release.get_future().share();
  auto blocked = [go](const Progress&) -> Result<std::string> {
    go.wait();
    return std::string("{}");
  };
  ASSERT_TRUE(runner_->Start(Asked("refund-run", 1), blocked).ok());
  auto same = runner_->Start(Asked("refund-run", 1), blocked);
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(same.error().code, ErrorCode::kAlreadyExists);
  ASSERT_TRUE(runner_->Start(Asked("refund-run", 2), blocked).ok());
  auto third = runner_->Start(Asked("billing-run", 3), blocked);
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().code, ErrorCode::kResourceExhausted);
  EXPECT_GT(third.error().retry_after_s, 0);
  release.set_value();
  runner_->Drain();
  EXPECT_TRUE(runner_->Start(Asked("billing-run", 3), blocked).ok());
  runner_->Drain();
}

TEST_F(JobRunnerTest, ACompanySeesItsOwnJobsAndAHouseholdNone) {
  auto ok = [](const Progress&) -> Result<std::string> { return std::string("{}"); };
  auto mine = runner_->Start(Asked("refund-run", 1), ok);
  auto theirs = runner_->Start(Asked("refund-run", 2), ok);
  ASSERT_TRUE(mine.ok() && theirs.ok());
  runner_->Drain();
  const ports::Scope company{1, std::nullopt};
  EXPECT_TRUE(runner_->Get(mine->id, company).ok());
  EXPECT_EQ(runner_->Get(theirs->id, company).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(runner_->Get(mine->id, {1, 7}).error().code, ErrorCode::kNotFound);
  auto listed = runner_->List({}, company);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().id, mine->id);
  EXPECT_EQ(runner_->List({}, {})->size(), 2u);
  EXPECT_TRUE(runner_->List({}, {1, 7})->empty());
}

TEST_F(JobRunnerTest, ARunningJobSilentTooLongShowsInterrupted) {
  std::promise<void> release;
  std::shared_future<void> go = release.get_future().share();
  auto job = runner_->Start(Asked("refund-run", 1), [go](const Progress&) -> Result<std::string> {
    go.wait();
    return std::string("{}");
  });
  ASSERT_TRUE(job.ok());
  clock_.Advance(std::chrono::minutes{9});
  EXPECT_EQ(runner_->Get(job->id, {})->state, JobState::kRunning);
  clock_.Advance(std::chrono::minutes{2});
  auto silent = runner_->Get(job->id, {});
  ASSERT_TRUE(silent.ok());
  EXPECT_EQ(silent->state, JobState::kInterrupted);
  EXPECT_EQ(silent->error_code, "unavailable");
  release.set_value();
  runner_->Drain();
}

TEST_F(JobRunnerTest, ShuttingDownStopsTheWorksAndEndsTheirJobsInterrupted) {
  std::promise<void> started;
  auto job = runner_->Start(Asked("refund-run", 1),
                            [&started](const Progress& progress) -> Result<std::string> {
                              for (int64_t done = 0;; ++done) {
                                if (!progress(done, 1'000'000)) return Stopped();
                                if (done == 1) started.set_value();
                                std::this_thread::sleep_for(std::chrono::milliseconds{1});
                              }
                            });
  ASSERT_TRUE(job.ok());
  started.get_future().wait();
  runner_.reset();  // asks the work to stop and waits for it
  auto ended = store_->Get(job->id);
  ASSERT_TRUE(ended.ok());
  EXPECT_EQ(ended->state, JobState::kInterrupted);
  EXPECT_EQ(ended->error_code, "unavailable");
  EXPECT_GT(ended->done, 0);
}

}  // namespace
}  // namespace hearth::services

#include "adapters/crypto/hashing_pool.hpp"

#include <algorithm>

namespace hearth::adapters::crypto {

HashingPool::HashingPool(const ports::PasswordHasher& inner, HashingPoolOptions options)
    : inner_(inner),
      options_{std::max(options.threads, 1u), options.queue,
               std::max<int64_t>(options.retry_after_s, 1)} {
  for (unsigned i = 0; i < options_.threads; ++i) threads_.emplace_back([this] { Work(); });
}

HashingPool::~HashingPool() {
  {
    MutexLock lock(mutex_);
    stopping_ = true;
  }
  work_ready_.NotifyAll();
  for (auto& t : threads_) t.join();
}

void HashingPool::Work() {
  for (;;) {
    Job* job = nullptr;
    {
      MutexLock lock(mutex_);
      work_ready_.Wait(mutex_, [this]() REQUIRES(mutex_) { return stopping_ || !jobs_.empty(); });
      // Admitted jobs are finished even when stopping: their callers are waiting.
      if (jobs_.empty()) return;
      job = jobs_.front();
      jobs_.pop_front();
    }
    job->work();  // never throws: Hash and Verify return errors
    {
      MutexLock lock(mutex_);
      job->done = true;
      --admitted_;
    }
    job_done_.NotifyAll();
  }
}

bool HashingPool::Run(std::function<void()> work) const {
  Job job{std::move(work)};
  MutexLock lock(mutex_);
  if (stopping_ || admitted_ >= capacity()) return false;
  ++admitted_;
  jobs_.push_back(&job);
  work_ready_.NotifyOne();
  job_done_.Wait(mutex_, [&job]() REQUIRES(mutex_) { return job.done; });
  return true;
}

unsigned HashingPool::load() const {
  MutexLock lock(mutex_);
  return admitted_;
}

namespace {

Error Busy(int64_t retry_after_s) {
  Error e = Error::Unavailable("the server is busy checking passwords; try again shortly");
  e.retry_after_s = retry_after_s;
  return e;
}

}  // namespace

Result<std::string> HashingPool::Hash(std::string_view password) const {
  Result<std::string> out = Error::Internal("hashing pool: the job did not run");
  if (!Run([&] { out = inner_.Hash(password); })) return Busy(options_.retry_after_s);
  return out;
}

Result<bool> HashingPool::Verify(std::string_view encoded, std::string_view password) const {
  Result<bool> out = false;
  if (!Run([&] { out = inner_.Verify(encoded, password); })) return Busy(options_.retry_after_s);
  return out;
}

}  // namespace hearth::adapters::crypto

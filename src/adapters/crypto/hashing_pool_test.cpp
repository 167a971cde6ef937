// ctest-labels: unit security
// HashingPool (issue 12, item 3): calls go through to the inner hasher; a full pool refuses at
// once with unavailable and a Retry-After, never reaching the hasher; admitted calls finish.
#include "adapters/crypto/hashing_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "adapters/crypto/password_hash.hpp"

namespace hearth::adapters::crypto {
namespace {

// A hasher whose calls wait until the test opens the gate.
class GatedHasher final : public ports::PasswordHasher {
 public:
  Result<std::string> Hash(std::string_view password) const override {
    Pass();
    return "hash:" + std::string(password);
  }
  Result<bool> Verify(std::string_view encoded, std::string_view password) const override {
    Pass();
    return encoded == "hash:" + std::string(password);
  }
  void Open() {
    MutexLock lock(mutex_);
    open_ = true;
    opened_.NotifyAll();
  }
  int entered() const { return entered_.load(); }

 private:
  void Pass() const {
    ++entered_;
    MutexLock lock(mutex_);
    opened_.Wait(mutex_, [this]() REQUIRES(mutex_) { return open_; });
  }
  mutable Mutex mutex_;
  mutable CondVar opened_;
  bool open_ GUARDED_BY(mutex_) = false;
  mutable std::atomic<int> entered_{0};
};

void WaitUntil(const std::function<bool()>& done) {
  while (!done()) std::this_thread::yield();
}

TEST(HashingPool, CallsGoThroughToTheInnerHasher) {
  Argon2Hasher argon2(Argon2Cost{1, 64, 1});
  HashingPool pool(argon2, {2, 2, 1});
  auto hash = pool.Hash("tall-ferns-rust");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(*pool.Verify(*hash, "tall-ferns-rust"));
  EXPECT_FALSE(*pool.Verify(*hash, "tall-ferns-rusty"));
  EXPECT_FALSE(*pool.Verify("not a hash", "tall-ferns-rust"));
  EXPECT_EQ(pool.capacity(), 4u);
  EXPECT_EQ(pool.load(), 0u);
}

TEST(HashingPool, AFullPoolRefusesAtOnceWithRetryAfter) {
  GatedHasher gated;
  HashingPool pool(gated, {1, 2, 3});  // one running, two waiting
  std::vector<std::thread> callers;
  std::atomic<int> matched{0};
  for (int i = 0; i < 3; ++i) {
    callers.emplace_back([&] {
      auto ok = pool.Verify("hash:pw", "pw");
      if (ok.ok() && *ok) ++matched;
    });
  }
  WaitUntil([&] { return pool.load() == 3 && gated.entered() == 1; });

  auto refused = pool.Verify("hash:pw", "pw");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(refused.error().retry_after_s, 3);
  auto hash_refused = pool.Hash("pw");
  ASSERT_FALSE(hash_refused.ok());
  EXPECT_EQ(hash_refused.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(gated.entered(), 1) << "refused calls never reach the hasher";

  gated.Open();
  for (auto& t : callers) t.join();
  EXPECT_EQ(matched.load(), 3);
  EXPECT_EQ(pool.load(), 0u);
  EXPECT_TRUE(*pool.Verify("hash:pw", "pw"));  // room again
}

}  // namespace
}  // namespace hearth::adapters::crypto

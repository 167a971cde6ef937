// Login throttling (platform defaults of rules/login_throttle.hpp): sequences of failures at
// given times, and the lock each leaves.
#include "rules/login_throttle.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace hearth::rules {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

Instant T0() { return *ParseRfc3339("2025-01-10T09:00:00+08:00"); }

TEST(LoginThrottle, LockGrowsFromTheFifthFailure) {
  ThrottleSettings s;
  struct Case {
    int64_t failures;
    int64_t lock_seconds;
  };
  const Case cases[] = {{1, 0},   {4, 0},   {5, 30},   {6, 60},   {7, 120},
                        {8, 240}, {9, 480}, {10, 900}, {11, 900}, {1000000, 900}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.failures);
    EXPECT_EQ(LockFor(c.failures, s).count(), c.lock_seconds);
  }
}

TEST(LoginThrottle, Sequences) {
  ThrottleSettings s;
  struct Step {
    int64_t at_seconds;  // failure time after T0
    int64_t failures;    // count after it
    int64_t locked_for;  // seconds locked after it (0: none)
  };
  struct Case {
    const char* name;
    std::vector<Step> steps;
  };
  const Case cases[] = {
      {"five quick failures lock for 30 s",
       {{0, 1, 0}, {10, 2, 0}, {20, 3, 0}, {30, 4, 0}, {40, 5, 30}}},
      {"failures after each lock double it",
       {{0, 1, 0}, {1, 2, 0}, {2, 3, 0}, {3, 4, 0}, {4, 5, 30}, {34, 6, 60}, {94, 7, 120}}},
      {"a quiet window forgets the failures", {{0, 1, 0}, {60, 2, 0}, {60 + 15 * 60, 1, 0}}},
      {"failures just inside the window are counted",
       {{0, 1, 0}, {15 * 60 - 1, 2, 0}, {30 * 60 - 2, 3, 0}}},
      {"the window is counted from the end of a lock",
       {{0, 1, 0},
        {1, 2, 0},
        {2, 3, 0},
        {3, 4, 0},
        {4, 5, 30},
        {4 + 30 + 15 * 60 - 1, 6, 60},
        {4 + 30 + 15 * 60 - 1 + 60 + 15 * 60, 1, 0}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::optional<LoginFailures> record;
    for (const auto& step : c.steps) {
      SCOPED_TRACE(step.at_seconds);
      Instant at = T0() + seconds{step.at_seconds};
      ASSERT_FALSE(LockedUntil(record, at)) << "the steps never fail while locked";
      record = AfterFailure(record, at, s);
      EXPECT_EQ(record->failures, step.failures);
      EXPECT_EQ(record->last_failure, at);
      if (step.locked_for == 0) {
        EXPECT_FALSE(record->locked_until);
        EXPECT_FALSE(LockedUntil(record, at));
      } else {
        EXPECT_EQ(record->locked_until, at + seconds{step.locked_for});
        EXPECT_EQ(LockedUntil(record, at + seconds{step.locked_for - 1}),
                  at + seconds{step.locked_for});
        EXPECT_FALSE(LockedUntil(record, at + seconds{step.locked_for}));
      }
    }
  }
}

TEST(LoginThrottle, NoRecordIsNoLock) { EXPECT_FALSE(LockedUntil(std::nullopt, T0())); }

TEST(LoginThrottle, ForgottenRecords) {
  ThrottleSettings s;
  LoginFailures plain{2, T0(), std::nullopt};
  EXPECT_FALSE(IsForgotten(plain, T0() + minutes{15} - seconds{1}, s));
  EXPECT_TRUE(IsForgotten(plain, T0() + minutes{15}, s));
  LoginFailures locked{9, T0(), T0() + minutes{8}};
  EXPECT_FALSE(IsForgotten(locked, T0() + minutes{15}, s));
  EXPECT_TRUE(IsForgotten(locked, T0() + minutes{23}, s));
}

TEST(LoginThrottle, OtherSettings) {
  ThrottleSettings s;
  s.free_failures = 1;
  s.first_lock = seconds{1};
  s.max_lock = seconds{5};
  EXPECT_EQ(LockFor(1, s).count(), 1);
  EXPECT_EQ(LockFor(2, s).count(), 2);
  EXPECT_EQ(LockFor(3, s).count(), 4);
  EXPECT_EQ(LockFor(4, s).count(), 5);
}

TEST(LoginThrottle, KeysOfPairsDiffer) {
  EXPECT_EQ(ThrottleKey("li.manager", "203.0.113.7"), "li.manager|203.0.113.7");
  EXPECT_EQ(ThrottleKey("li", "::1"), "li|::1");
  EXPECT_EQ(ThrottleKey("li", ""), "li|");
  EXPECT_NE(ThrottleKey("li", "10.0.0.1"), ThrottleKey("li", "10.0.0.2"));
  EXPECT_NE(ThrottleKey("li", "10.0.0.1"), ThrottleKey("wang", "10.0.0.1"));
  EXPECT_NE(ThrottleKey("li", ""), "li");  // not the key of the old per-username records
}

}  // namespace
}  // namespace hearth::rules

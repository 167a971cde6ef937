// ctest-labels: unit security
// Token buckets (rules/rate_limit.hpp): sequences of attempts at given times and what each gets.
#include "rules/rate_limit.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace hearth::rules {
namespace {

Instant T0() { return *ParseRfc3339("2025-01-10T09:00:00+08:00"); }

TEST(RateLimit, Sequences) {
  struct Step {
    int64_t at_seconds;  // attempt time after T0
    bool allowed;
    int64_t retry_after;  // when refused
  };
  struct Case {
    const char* name;
    RateSettings settings;
    std::vector<Step> steps;
  };
  const Case cases[] = {
      {"a burst of 3 then refused",
       {3, std::chrono::seconds{10}},
       {{0, true, 0}, {0, true, 0}, {0, true, 0}, {0, false, 10}, {9, false, 1}, {10, true, 0}}},
      {"one token back per period",
       {2, std::chrono::seconds{5}},
       {{0, true, 0}, {0, true, 0}, {4, false, 1}, {5, true, 0}, {6, false, 4}, {10, true, 0}}},
      {"refusals take nothing",
       {1, std::chrono::seconds{3}},
       {{0, true, 0}, {1, false, 2}, {1, false, 2}, {2, false, 1}, {3, true, 0}}},
      {"a long pause refills at most the burst",
       {2, std::chrono::seconds{1}},
       {{0, true, 0}, {0, true, 0}, {1000, true, 0}, {1000, true, 0}, {1000, false, 1}}},
      {"partial periods carry over",
       {1, std::chrono::seconds{4}},
       {{0, true, 0}, {3, false, 1}, {4, true, 0}, {7, false, 1}, {8, true, 0}}},
      {"a clock going back refills nothing",
       {1, std::chrono::seconds{4}},
       {{10, true, 0}, {5, false, 9}, {14, true, 0}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::optional<TokenBucket> bucket;
    for (const auto& step : c.steps) {
      SCOPED_TRACE(step.at_seconds);
      Admission a = TakeToken(bucket, T0() + std::chrono::seconds{step.at_seconds}, c.settings);
      EXPECT_EQ(a.allowed, step.allowed);
      EXPECT_EQ(a.retry_after.count(), step.retry_after);
      bucket = a.after;
    }
  }
}

TEST(RateLimit, FullBucketsCanBeDropped) {
  RateSettings s{2, std::chrono::seconds{5}};
  Admission a = TakeToken(std::nullopt, T0(), s);
  EXPECT_FALSE(IsFull(a.after, T0(), s));
  EXPECT_FALSE(IsFull(a.after, T0() + std::chrono::seconds{4}, s));
  EXPECT_TRUE(IsFull(a.after, T0() + std::chrono::seconds{5}, s));
}

TEST(RateLimit, PlatformDefaults) {
  RateSettings s;
  std::optional<TokenBucket> bucket;
  for (int i = 0; i < 20; ++i) {
    Admission a = TakeToken(bucket, T0(), s);
    ASSERT_TRUE(a.allowed) << i;
    bucket = a.after;
  }
  Admission refused = TakeToken(bucket, T0(), s);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after.count(), 3);
}

}  // namespace
}  // namespace hearth::rules

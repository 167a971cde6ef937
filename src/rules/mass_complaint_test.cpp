// Mass complaints (R-REG-1): the threshold at 19 and 20, the inclusive window, one flag per
// episode, input order.
#include "rules/mass_complaint.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace hearth::rules {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

const Instant kT0 = *ParseRfc3339("2026-12-01T08:00:00+08:00");

/// `n` complaints with ids from `first_id`, `step` apart from `at`.
std::vector<ReceivedComplaint> Burst(int64_t first_id, int n, Instant at, seconds step) {
  std::vector<ReceivedComplaint> out;
  for (int i = 0; i < n; ++i) out.push_back({first_id + i, at + i * step});
  return out;
}

std::vector<ReceivedComplaint> Join(std::vector<ReceivedComplaint> a,
                                    const std::vector<ReceivedComplaint>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

TEST(MassComplaint, TheThresholdAndTheWindow) {
  struct Case {
    const char* name;
    std::vector<ReceivedComplaint> complaints;
    size_t episodes;
    size_t first_complaints;   // of the first episode
    int64_t first_reached_id;  // of the first episode
  };
  const seconds day = hours(24);
  const Case cases[] = {
      {"19 in an hour", Burst(1, 19, kT0, minutes(3)), 0, 0, 0},
      {"20 in an hour", Burst(1, 20, kT0, minutes(3)), 1, 20, 20},
      {"20 exactly 24 h from first to last", Burst(1, 20, kT0, day / 19), 1, 20, 20},
      {"20 over 24 h and a second", Join(Burst(1, 19, kT0, minutes(1)), {{20, kT0 + day + seconds(1)}}),
       0, 0, 0},
      {"25 in a row: one episode", Burst(1, 25, kT0, minutes(10)), 1, 25, 20},
      {"none", {}, 0, 0, 0},
      // 20 in a day and a minute: the window of the 20th no longer holds the 1st, that of the
      // 19th does not hold the 20th.
      {"20 over 24 h 1 min", Join(Join({{1, kT0}}, Burst(2, 18, kT0 + hours(12), seconds(1))),
                                  {{20, kT0 + day + minutes(1)}}),
       0, 0, 0},
  };
  for (const auto& c : cases) {
    auto found = FindMassComplaints(c.complaints, 20, hours(24));
    ASSERT_EQ(found.size(), c.episodes) << c.name;
    if (found.empty()) continue;
    EXPECT_EQ(found[0].order_ids.size(), c.first_complaints) << c.name;
    EXPECT_EQ(found[0].reached_order_id, c.first_reached_id) << c.name;
  }
}

TEST(MassComplaint, AnEpisodeHasItsTimesAndComplaints) {
  auto found = FindMassComplaints(Burst(100, 22, kT0, minutes(30)), 20, hours(24));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].first_at, kT0);
  EXPECT_EQ(found[0].reached_at, kT0 + 19 * minutes(30));
  EXPECT_EQ(found[0].last_at, kT0 + 21 * minutes(30));
  EXPECT_EQ(found[0].order_ids.front(), 100);
  EXPECT_EQ(found[0].order_ids.back(), 121);
}

TEST(MassComplaint, ALaterBurstIsAnotherEpisodeUnlessItsWindowReachesBack) {
  // 20 from 08:00, then one at 14:00 the next day: its window (from 14:00 the day before) holds
  // only itself, so it is not hot and the first episode ends. 19 more from 14:01: the window of
  // the last reaches back to 14:19 the day before, after the first burst: a second episode, from
  // the 14:00 complaint.
  const Instant next = kT0 + hours(30);
  auto all = Join(Join(Burst(1, 20, kT0, minutes(1)), {{21, next}}),
                  Burst(22, 19, next + minutes(1), minutes(1)));
  auto found = FindMassComplaints(all, 20, hours(24));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].order_ids.size(), 20u);
  EXPECT_EQ(found[1].order_ids.size(), 20u);
  EXPECT_EQ(found[1].order_ids.front(), 21);
  EXPECT_EQ(found[1].reached_order_id, 40);

  // A burst whose window still reaches into the first episode extends it: 20 at 08:00 and 20
  // more from 20:00 the same day. Every window from the 21st on holds >= 20.
  auto joined = FindMassComplaints(
      Join(Burst(1, 20, kT0, minutes(1)), Burst(21, 20, kT0 + hours(12), minutes(1))), 20,
      hours(24));
  ASSERT_EQ(joined.size(), 1u);
  EXPECT_EQ(joined[0].order_ids.size(), 40u);
  EXPECT_EQ(joined[0].reached_order_id, 20);
  EXPECT_EQ(joined[0].last_at, kT0 + hours(12) + minutes(19));
}

TEST(MassComplaint, TheOrderGivenDoesNotMatter) {
  auto burst = Burst(1, 20, kT0, minutes(5));
  std::reverse(burst.begin(), burst.end());
  auto found = FindMassComplaints(burst, 20, hours(24));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].reached_order_id, 20);
  EXPECT_EQ(found[0].order_ids.front(), 1);
  // Two complaints at the same second: by id.
  auto same = FindMassComplaints({{{7, kT0}, {3, kT0}}}, 2, hours(1));
  ASSERT_EQ(same.size(), 1u);
  EXPECT_EQ(same[0].order_ids, (std::vector<int64_t>{3, 7}));
  EXPECT_EQ(same[0].reached_order_id, 7);
}

}  // namespace
}  // namespace hearth::rules

// Checked 128-bit arithmetic: exact results up to the edges of Int128, std::overflow_error past
// them, and floor/ceil division on both sides of zero.
#include "rules/solver/checked_int128.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>

namespace hearth::rules::solver {
namespace {

constexpr Int128 kMax = std::numeric_limits<Int128>::max();
constexpr Int128 kMin = std::numeric_limits<Int128>::min();

TEST(CheckedInt128, ExactInsideTheRange) {
  EXPECT_TRUE(CheckedAdd(kMax - 5, 5) == kMax);
  EXPECT_TRUE(CheckedSub(kMin + 5, 5) == kMin);
  EXPECT_TRUE(CheckedMul(Int128{1} << 62, Int128{1} << 64) == Int128{1} << 126);
  EXPECT_TRUE(CheckedMul(-(Int128{1} << 63), Int128{1} << 64) == kMin);
}

TEST(CheckedInt128, OverflowThrows) {
  EXPECT_THROW(CheckedAdd(kMax, 1), std::overflow_error);
  EXPECT_THROW(CheckedSub(kMin, 1), std::overflow_error);
  EXPECT_THROW(CheckedMul(Int128{1} << 64, Int128{1} << 63), std::overflow_error);
  EXPECT_THROW(CheckedMul(kMin, -1), std::overflow_error);
}

TEST(CheckedInt128, FloorAndCeilDivision) {
  struct Case {
    int64_t a, d, floor, ceil;
  };
  const Case cases[] = {{7, 2, 3, 4},   {-7, 2, -4, -3}, {6, 3, 2, 2}, {-6, 3, -2, -2},
                        {0, 5, 0, 0},   {1, 5, 0, 1},    {-1, 5, -1, 0}};
  for (const Case& c : cases) {
    SCOPED_TRACE(std::to_string(c.a) + "/" + std::to_string(c.d));
    EXPECT_EQ(static_cast<int64_t>(FloorDiv(c.a, c.d)), c.floor);
    EXPECT_EQ(static_cast<int64_t>(CeilDiv(c.a, c.d)), c.ceil);
  }
}

}  // namespace
}  // namespace hearth::rules::solver

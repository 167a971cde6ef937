#include "core/decimal.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace hearth {
namespace {

TEST(ParseDecimal, Table) {
  struct Case {
    const char* text;
    bool ok;
    int64_t units;
    int scale;
    int64_t tenths;
  };
  const Case cases[] = {
      {"18", true, 18, 0, 180},        {"17.95", true, 1795, 2, 180},   // half away from zero
      {"17.94", true, 1794, 2, 179},   {"-0.05", true, -5, 2, -1},      {"-0.04", true, -4, 2, 0},
      {"+3.5", true, 35, 1, 35},       {"16.0", true, 160, 1, 160},     {"15.9", true, 159, 1, 159},
      {"11.95", true, 1195, 2, 120},   {"0.000000001", true, 1, 9, 0},  {"", false, 0, 0, 0},
      {"1e3", false, 0, 0, 0},         {"1.2.3", false, 0, 0, 0},       {".5", false, 0, 0, 0},
      {"5.", false, 0, 0, 0},          {" 5", false, 0, 0, 0},          {"-", false, 0, 0, 0},
      {"1.0000000001", false, 0, 0, 0}, {"1000000000", false, 0, 0, 0}, {"18,5", false, 0, 0, 0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto d = ParseDecimal(c.text);
    ASSERT_EQ(d.ok(), c.ok);
    if (!c.ok) {
      EXPECT_NE(d.error().message.find("is not a decimal number"), std::string::npos);
      continue;
    }
    EXPECT_EQ(d->units, c.units);
    EXPECT_EQ(d->scale, c.scale);
    EXPECT_EQ(ToTenths(*d), c.tenths);
  }
}

// The one parser of measured values: plain decimals and JSON's exponent form, in any unit.
TEST(ParseScaled, Table) {
  struct Case {
    const char* text;
    int scale;
    std::optional<int64_t> units;
  };
  const Case cases[] = {
      {"18.25", 2, 1825},         {"18.255", 2, 1826},      {"-18.255", 2, -1826},
      {"18", 2, 1800},            {"1.82e1", 2, 1820},      {"1825E-2", 2, 1825},
      {"-5e-1", 1, -5},           {"0.05", 1, 1},           {"0.04", 1, 0},
      {"17.95", 1, 180},          {"0e99", 2, 0},           {"1e-40", 2, 0},
      {"1e12345", 2, std::nullopt}, {"abc", 2, std::nullopt}, {"1e", 2, std::nullopt},
      {"1e+", 2, std::nullopt},   {"", 2, std::nullopt},     {"1.5e1.0", 2, std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.text) + " at scale " + std::to_string(c.scale));
    auto got = ParseScaled(c.text, c.scale);
    ASSERT_EQ(got.has_value(), c.units.has_value());
    if (c.units) {
      EXPECT_EQ(static_cast<int64_t>(*got), *c.units);
    }
  }
  // An absurd exponent is capped, never wrapped: out of any range, with its sign.
  auto huge = ParseScaled("1e25", 2);
  ASSERT_TRUE(huge.has_value());
  EXPECT_GT(*huge, Int128{1} << 64);
  auto negative = ParseScaled("-1e25", 2);
  ASSERT_TRUE(negative.has_value());
  EXPECT_LT(*negative, -(Int128{1} << 64));
}

TEST(RoundDiv, HalfAwayFromZero) {
  struct Case {
    int64_t num, den, want;
  };
  const Case cases[] = {{5, 2, 3}, {-5, 2, -3}, {4, 3, 1}, {-4, 3, -1}, {7, -2, -4}, {1, 3, 0},
                        {2, 3, 1}, {0, 7, 0},   {10, 5, 2}};
  for (const auto& c : cases) {
    SCOPED_TRACE(std::to_string(c.num) + "/" + std::to_string(c.den));
    EXPECT_EQ(static_cast<int64_t>(RoundDiv(c.num, c.den)), c.want);
  }
}

TEST(Format, TenthsAndFen) {
  EXPECT_EQ(FormatTenths(183), "18.3");
  EXPECT_EQ(FormatTenths(-5), "-0.5");
  EXPECT_EQ(FormatTenths(200), "20.0");
  EXPECT_EQ(FormatFen(264000), "2640.00");
  EXPECT_EQ(FormatFen(5), "0.05");
  EXPECT_EQ(FormatFen(-1234), "-12.34");
}

}  // namespace
}  // namespace hearth

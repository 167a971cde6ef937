#include "adapters/http/message.hpp"

#include <gtest/gtest.h>

namespace hearth::adapters::http {
namespace {

TEST(ParseDigits, Table) {
  struct Case {
    std::string text;
    size_t max_digits;
    std::optional<int64_t> want;
  };
  const Case cases[] = {
      {"0", 18, 0},
      {"42", 18, 42},
      {"007", 18, 7},
      {"999999999999999999", 18, 999999999999999999},
      {"1000000000000000000", 18, std::nullopt},  // 19 digits
      {"1000", 4, 1000},
      {"10000", 4, std::nullopt},
      {"", 18, std::nullopt},
      {"-1", 18, std::nullopt},
      {"+1", 18, std::nullopt},
      {"1e3", 18, std::nullopt},
      {" 1", 18, std::nullopt},
      {"12a", 18, std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(ParseDigits(c.text, c.max_digits), c.want);
  }
}

}  // namespace
}  // namespace hearth::adapters::http

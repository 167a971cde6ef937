// ctest-labels: unit security
// Issue 12, finding 1: JSON input is depth-checked before any tree is built, and an object may not
// name a key twice.
#include "adapters/json/json_input.hpp"

#include <gtest/gtest.h>

namespace hearth::adapters::json {
namespace {

std::string Nested(int depth, const std::string& open = "[", const std::string& close = "]") {
  std::string s;
  for (int i = 0; i < depth; ++i) s += open;
  s += "1";
  for (int i = 0; i < depth; ++i) s += close;
  return s;
}

TEST(ExceedsDepth, Table) {
  struct Case {
    std::string name, text;
    bool exceeds;
  };
  const Case cases[] = {
      {"flat", R"({"a": 1, "b": [1, 2]})", false},
      {"32 arrays", Nested(32), false},
      {"33 arrays", Nested(33), true},
      {"33 objects", Nested(33, R"({"a":)", "}"), true},
      {"brackets inside strings do not count", "[\"" + std::string(100, '[') + "\"]", false},
      {"an escaped quote keeps the string open", R"(["\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["])",
       false},
      {"unclosed (left to the parser)", std::string(10, '['), false},
      {"100,000 levels (the finding)", Nested(100'000, R"({"contract":)", "}"), true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(ExceedsDepth(c.text), c.exceeds);
  }
}

TEST(ParseInput, RefusesWhatCouldBeReadTwoWaysOrTooDeep) {
  struct Case {
    std::string name, text;
    std::string message;  // "" when accepted
    std::string field;
  };
  const Case cases[] = {
      {"object", R"({"a": {"b": [1, {"c": 2}]}})", "", ""},
      {"the same key in sibling objects", R"([{"a": 1}, {"a": 2}])", "", ""},
      {"the same key at two levels", R"({"a": {"a": 1}})", "", ""},
      {"a repeated key", R"({"code": "a", "name": "x", "code": "b"})",
       "the body names the key 'code' twice in one object", "code"},
      {"a repeated key deeper", R"({"contract": {"q": 1, "q": 2}})",
       "the body names the key 'q' twice in one object", "q"},
      {"malformed", R"({"a": )", "the body is not valid JSON (at byte 7)", "body"},
      {"a number beyond a double (found by fuzzing)", "777e77777",
       "the body has a number out of range", "body"},
      {"too deep", Nested(40), "the body nests deeper than 32 levels", "body"},
      {"the finding: a contract 100,000 levels deep",
       R"({"code": "H-1", "contract": )" + Nested(100'000, R"({"a":)", "}") + "}",
       "the body nests deeper than 32 levels", "body"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto parsed = ParseInput(c.text);
    auto ordered = ParseOrderedInput(c.text);
    EXPECT_EQ(parsed.ok(), c.message.empty());
    EXPECT_EQ(ordered.ok(), c.message.empty());
    if (!parsed.ok()) {
      EXPECT_EQ(parsed.error().message, c.message);
      EXPECT_EQ(parsed.error().field, c.field);
      EXPECT_EQ(ordered.error().message, c.message);
    }
  }
  EXPECT_EQ(ParseInput("[1]", "the file").ok(), true);
  EXPECT_EQ(ParseInput("[", "the file").error().message, "the file is not valid JSON (at byte 2)");
}

}  // namespace
}  // namespace hearth::adapters::json

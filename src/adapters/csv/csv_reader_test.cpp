#include "adapters/csv/csv_reader.hpp"

#include <gtest/gtest.h>

namespace hearth::adapters::csv {
namespace {

TEST(CsvTable, ParsesFieldsInAnyOrder) {
  auto t = CsvTable::Parse("b,a\r\n2,1\n\n\"x,\"\"y\"\"\",\"multi\nline\"\n5,6", {"a", "b"},
                           {"c"});
  ASSERT_TRUE(t.ok()) << t.error().message;
  ASSERT_EQ(t->rows().size(), 3u);
  EXPECT_EQ(t->Field(t->rows()[0], "a"), "1");
  EXPECT_EQ(t->Field(t->rows()[0], "b"), "2");
  EXPECT_EQ(t->Field(t->rows()[1], "b"), "x,\"y\"");
  EXPECT_EQ(t->Field(t->rows()[1], "a"), "multi\nline");
  EXPECT_EQ(t->Field(t->rows()[1], "c"), "");
  EXPECT_FALSE(t->Has("c"));
  EXPECT_EQ(t->rows()[0].line, 2);
  EXPECT_EQ(t->rows()[1].line, 4);
  EXPECT_EQ(t->rows()[2].line, 6);
  EXPECT_EQ(t->ErrorAt(t->rows()[2], "a", "bad").message, "line 6, column 2 (a): bad");
}

TEST(CsvTable, ErrorsNameLineAndColumn) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"", "line 1, column 1: the file is empty; expected the header a,b"},
      {"a,b,z\n", "line 1, column 3 (z): unknown column; expected a,b"},
      {"a\n1\n", "line 1, column 2 (b): missing column; expected a,b"},
      {"a,a,b\n", "line 1, column 2 (a): the column appears twice"},
      {"a,b\n1,2\n1\n", "line 3, column 2: expected 2 fields, found 1"},
      {"a,b\n1,2,3\n", "line 2, column 3: expected 2 fields, found 3"},
      {"a,b\n1,x\"y\n", "line 2, column 2: a quote inside an unquoted field"},
      {"a,b\n1,\"y\"z\n", "line 2, column 2: text after a closing quote"},
      {"a,b\n1,\"open\n", "line 3, column 2: a quoted field is not closed"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto t = CsvTable::Parse(c.text, {"a", "b"});
    ASSERT_FALSE(t.ok());
    EXPECT_EQ(t.error().message, c.message);
    EXPECT_EQ(t.error().code, ErrorCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace hearth::adapters::csv

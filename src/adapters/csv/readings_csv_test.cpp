// The readings CSV of R-TEMP-3: exact values, any column order, and the line and column of the
// first problem of a malformed file.
#include "adapters/csv/readings_csv.hpp"

#include <gtest/gtest.h>

namespace hearth::adapters::csv {
namespace {

TEST(ParseReadingsCsv, ReadsExactValuesInAnyOffset) {
  auto r = ParseReadingsCsv(
      "\xEF\xBB\xBFroom,kind,ts,value\r\n"
      "b1,bedroom,2025-12-01T00:00:00+08:00,17.95\r\n"
      "\r\n"
      "lv,living,2025-11-30T16:00:00Z,-10\r\n"
      "\"k 1\",other,2025-12-01T09:00:00.75+09:00,45.0000\r\n"
      "b1,bedroom,2025-12-01T01:00:00+08:00,+0.001\r\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 4u);
  const auto& v = *r;
  EXPECT_EQ(v[0].room, "b1");
  EXPECT_EQ(v[0].kind, rules::RoomKind::kBedroom);
  EXPECT_EQ(v[0].value, 17950);
  EXPECT_EQ(v[1].kind, rules::RoomKind::kLiving);
  EXPECT_EQ(v[1].at, v[0].at);  // 16:00Z is 00:00 at +08:00
  EXPECT_EQ(v[1].value, -10000);
  EXPECT_EQ(v[2].room, "k 1");
  EXPECT_EQ(v[2].kind, rules::RoomKind::kOther);
  EXPECT_EQ(FormatLocal(v[2].at), "2025-12-01T08:00:00+08:00");  // fraction dropped
  EXPECT_EQ(v[2].value, 45000);
  EXPECT_EQ(v[3].value, 1);
}

TEST(ParseReadingsCsv, ColumnsInAnyOrderAndHeaderOnly) {
  auto r = ParseReadingsCsv("value,ts,kind,room\n18.3,2025-12-01T00:00:00Z,living,lv\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ(r->front().room, "lv");
  EXPECT_EQ(r->front().value, 18300);
  auto empty = ParseReadingsCsv("room,kind,ts,value\n");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

TEST(ParseReadingsCsv, MalformedFilesNameLineAndColumn) {
  struct Case {
    const char* name;
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"empty file", "",
       "line 1, column 1: the file is empty; expected the header room,kind,ts,value"},
      {"bad header", "room,kinds,ts,value\n",
       "line 1, column 2 (kinds): unknown column; expected room,kind,ts,value"},
      {"missing column", "room,kind,ts\n",
       "line 1, column 4 (value): missing column; expected room,kind,ts,value"},
      {"too few fields", "room,kind,ts,value\nb1,bedroom,2025-12-01T00:00:00Z\n",
       "line 2, column 4: expected 4 fields, found 3"},
      {"bad kind",
       "room,kind,ts,value\nb1,bedroom,2025-12-01T00:00:00Z,18\nb2,kitchen,2025-12-01T00:00:00Z,"
       "18\n",
       "line 3, column 2 (kind): 'kitchen' is not a room kind; expected bedroom, living or other"},
      {"kind in capitals", "room,kind,ts,value\nb1,Bedroom,2025-12-01T00:00:00Z,18\n",
       "line 2, column 2 (kind): 'Bedroom' is not a room kind; expected bedroom, living or other"},
      {"room changes kind",
       "room,kind,ts,value\nb1,bedroom,2025-12-01T00:00:00Z,18\n\nb1,living,2025-12-01T01:00:00Z,"
       "18\n",
       "line 4, column 2 (kind): room b1 is bedroom on line 2, not living"},
      {"empty room", "room,kind,ts,value\n,bedroom,2025-12-01T00:00:00Z,18\n",
       "line 2, column 1 (room): the room id is empty"},
      {"bad time", "room,kind,ts,value\nb1,bedroom,2025-12-01 00:00,18\n",
       "line 2, column 3 (ts): '2025-12-01 00:00' is not an RFC 3339 time (the time must be "
       "HH:MM:SS); expected e.g. 2024-09-27T16:00:00+08:00"},
      {"bad month", "room,kind,ts,value\nb1,bedroom,2025-13-01T00:00:00Z,18\n",
       "line 2, column 3 (ts): '2025-13-01T00:00:00Z' is not an RFC 3339 time (month 13 is out "
       "of range); expected e.g. 2024-09-27T16:00:00+08:00"},
      {"extra field", "room,kind,ts,value\nb1,bedroom,2025-12-01T00:00:00Z,18,5\n",
       "line 2, column 5: expected 4 fields, found 5"},
      {"decimal comma", "room,kind,ts,value\nb1,bedroom,2025-12-01T00:00:00Z,\"18,5\"\n",
       "line 2, column 4 (value): '18,5' is not a decimal number (unexpected ',')"},
      {"text value", "room,kind,ts,value\nb1,bedroom,2025-12-01T00:00:00Z,warm\n",
       "line 2, column 4 (value): 'warm' is not a decimal number (unexpected 'w')"},
      {"empty value", "room,kind,ts,value\nb1,bedroom,2025-12-01T00:00:00Z,\n",
       "line 2, column 4 (value): '' is not a decimal number (it is empty)"},
      {"too precise", "room,kind,ts,value\nb1,bedroom,2025-12-01T00:00:00Z,18.2501\n",
       "line 2, column 4 (value): '18.2501' has more than 3 decimals; readings are kept to "
       "0.001 °C"},
      {"value column first", "value,room,kind,ts\n1e3,b1,bedroom,2025-12-01T00:00:00Z\n",
       "line 2, column 1 (value): '1e3' is not a decimal number (unexpected 'e')"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = ParseReadingsCsv(c.text);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().message, c.message);
  }
}

}  // namespace
}  // namespace hearth::adapters::csv

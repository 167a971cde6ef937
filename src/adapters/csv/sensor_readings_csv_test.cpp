// The CSV body of POST /api/v1/readings: fields kept as text in any column order, and the line and
// column of the first problem of a malformed file.
#include "adapters/csv/sensor_readings_csv.hpp"

#include <gtest/gtest.h>

namespace hearth::adapters::csv {
namespace {

TEST(DecodeSensorReadingsCsv, KeepsFieldsAsSent) {
  auto r = DecodeSensorReadingsCsv(
      "\xEF\xBB\xBFsensor,ts,value\r\n"
      "T-1,2025-12-01T08:00:00+08:00,18.2\r\n"
      "\r\n"
      "\"T,2\",2025-12-01T00:00:00Z,-0.50\r\n"
      "T-3,not a time,warm\r\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 3u);
  const auto& v = *r;
  EXPECT_EQ(v[0].sensor, "T-1");
  EXPECT_EQ(v[0].ts, "2025-12-01T08:00:00+08:00");
  EXPECT_EQ(v[0].value, "18.2");
  EXPECT_EQ(v[1].sensor, "T,2");
  EXPECT_EQ(v[1].value, "-0.50");
  EXPECT_EQ(v[2].ts, "not a time");  // judged by the ingest service: a rejection, not a 400
  EXPECT_EQ(v[2].value, "warm");
}

TEST(DecodeSensorReadingsCsv, ColumnsInAnyOrder) {
  auto r = DecodeSensorReadingsCsv("value,sensor,ts\n18.5,T-1,2025-12-01T08:00:00+08:00\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ(r->front().sensor, "T-1");
  EXPECT_EQ(r->front().ts, "2025-12-01T08:00:00+08:00");
  EXPECT_EQ(r->front().value, "18.5");
  auto header_only = DecodeSensorReadingsCsv("sensor,ts,value\n");
  ASSERT_TRUE(header_only.ok());
  EXPECT_TRUE(header_only->empty());
}

TEST(DecodeSensorReadingsCsv, MalformedFilesNameLineAndColumn) {
  struct Case {
    const char* name;
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"empty", "", "line 1, column 1: the file is empty; expected the header sensor,ts,value"},
      {"the calculator's header", "room,kind,ts,value\n",
       "line 1, column 1 (room): unknown column; expected sensor,ts,value"},
      {"missing column", "sensor,ts\n",
       "line 1, column 3 (value): missing column; expected sensor,ts,value"},
      {"repeated column", "sensor,ts,value,ts\n",
       "line 1, column 4 (ts): the column appears twice"},
      {"short row", "sensor,ts,value\nT-1,2025-12-01T08:00:00Z,18\nT-1,18\n",
       "line 3, column 3: expected 3 fields, found 2"},
      {"long row", "sensor,ts,value\nT-1,2025-12-01T08:00:00Z,18,2\n",
       "line 2, column 4: expected 3 fields, found 4"},
      {"open quote", "sensor,ts,value\n\"T-1,2025-12-01T08:00:00Z,18",
       "line 2, column 1: a quoted field is not closed"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = DecodeSensorReadingsCsv(c.text);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().message, c.message);
  }
}

}  // namespace
}  // namespace hearth::adapters::csv

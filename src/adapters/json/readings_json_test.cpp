// The JSON body of POST /api/v1/readings: exact value text, any field order, and an error naming
// the element or the line and column for every malformed body.
#include "adapters/json/readings_json.hpp"

#include <gtest/gtest.h>

namespace hearth::adapters::json {
namespace {

TEST(DecodeReadingsJson, KeepsTheExactTextOfEachField) {
  auto r = DecodeReadingsJson(
      "[{\"sensor\":\"T-1\",\"ts\":\"2025-12-01T08:00:00+08:00\",\"value\":18.2},\n"
      " {\"value\" : -0.5 , \"ts\":\"2025-12-01T00:00:00Z\", \"sensor\":\"T\\u002d2\"},\n"
      " {\"sensor\":\"温度-3\",\"ts\":\"x\",\"value\":1.82e1},"
      " {\"sensor\":\"T-4\",\"ts\":\"\",\"value\":20}]  \n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 4u);
  const auto& v = *r;
  EXPECT_EQ(v[0].sensor, "T-1");
  EXPECT_EQ(v[0].ts, "2025-12-01T08:00:00+08:00");
  EXPECT_EQ(v[0].value, "18.2");  // not 18.199999…
  EXPECT_EQ(v[1].sensor, "T-2");  // escapes are decoded
  EXPECT_EQ(v[1].value, "-0.5");
  EXPECT_EQ(v[2].sensor, "温度-3");
  EXPECT_EQ(v[2].ts, "x");  // judged by the ingest service, not here
  EXPECT_EQ(v[2].value, "1.82e1");
  EXPECT_EQ(v[3].value, "20");
  auto empty = DecodeReadingsJson(" [ ] ");
  ASSERT_TRUE(empty.ok()) << empty.error().message;
  EXPECT_TRUE(empty->empty());
}

TEST(DecodeReadingsJson, MalformedBodiesSayWhereAndWhat) {
  struct Case {
    const char* name;
    std::string body;
    const char* message;  // the start of the error message
  };
  const std::string ok = R"("sensor":"T-1","ts":"2025-12-01T08:00:00+08:00")";
  const Case cases[] = {
      {"empty", "", "the body is empty"},
      {"blank", " \n", "the body is empty"},
      {"object", "{\"sensor\":\"T-1\"}", "the body must be a JSON array"},
      {"number", "5", "the body must be a JSON array"},
      {"string", "\"x\"", "the body must be a JSON array"},
      {"element not an object", "[{" + ok + ",\"value\":1}, 2]", "element 1: expected an object"},
      {"unknown field", "[{" + ok + ",\"value\":1,\"room\":\"b1\"}]",
       "element 0: unknown field \"room\"; expected sensor, ts, value"},
      {"missing value", "[{" + ok + "}]", "element 0: missing field \"value\""},
      {"missing sensor", "[{\"ts\":\"t\",\"value\":1}]", "element 0: missing field \"sensor\""},
      {"repeated field", "[{" + ok + ",\"value\":1,\"ts\":\"t\"}]",
       "element 0: field \"ts\" appears twice"},
      {"value as string", "[{" + ok + ",\"value\":\"18.2\"}]",
       "element 0: \"value\" must be a number"},
      {"value null", "[{" + ok + ",\"value\":null}]", "element 0: \"value\" must be a number"},
      {"value true", "[{" + ok + ",\"value\":true}]", "element 0: \"value\" must be a number"},
      {"sensor as number", "[{\"sensor\":7,\"ts\":\"t\",\"value\":1}]",
       "element 0: \"sensor\" must be a string"},
      {"leading zero", "[{" + ok + ",\"value\":018}]", "element 0: '018' is not a JSON number"},
      {"bare dot", "[{" + ok + ",\"value\":18.}]", "element 0: '18.' is not a JSON number"},
      {"trailing comma", "[{" + ok + ",\"value\":1},]", "line 1, column"},
      {"trailing text", "[{" + ok + ",\"value\":1}] x", "line 1, column"},
      {"truncated", "[{" + ok + ",\"value\":1", "line 1, column"},
      {"unquoted key", "[{sensor:\"T-1\"}]", "line 1, column"},
      {"bad UTF-8", "[{\"sensor\":\"\xff\",\"ts\":\"t\",\"value\":1}]", "line 1, column"},
      {"second line", "[\n{" + ok + ",\"value\":1}\n{" + ok + ",\"value\":2}]", "line"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = DecodeReadingsJson(c.body);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field, "body");
    EXPECT_EQ(r.error().message.rfind(c.message, 0), 0u) << r.error().message;
  }
}

TEST(IsJsonNumber, FollowsTheGrammar) {
  for (const char* yes : {"0", "-0", "18", "18.2", "-18.25", "1e5", "1E+5", "1.5e-3", "0.5"}) {
    EXPECT_TRUE(IsJsonNumber(yes)) << yes;
  }
  for (const char* no :
       {"", "-", "01", "+1", "1.", ".5", "1e", "1e+", "NaN", "1 ", "0x1", "1..2"}) {
    EXPECT_FALSE(IsJsonNumber(no)) << no;
  }
}

}  // namespace
}  // namespace hearth::adapters::json

#include "adapters/mqtt/reading_payload.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hearth::adapters::mqtt {
namespace {

struct Good {
  std::string topic;
  std::string payload;
  std::vector<ports::IncomingReading> want;
};

TEST(DecodeMqttReading, Decodes) {
  const std::string t = "hearth/v1/readings/S-001";
  const std::vector<Good> cases = {
      {t,
       R"({"ts":"2025-12-01T08:00:00+08:00","value":18.2})",
       {{"S-001", "2025-12-01T08:00:00+08:00", "18.2"}}},
      // The value's text is kept exactly: no trip through a double.
      {t,
       R"({"value":18.20,"ts":"2025-12-01T08:00:00Z"})",
       {{"S-001", "2025-12-01T08:00:00Z", "18.20"}}},
      {t, R"({"ts":"x","value":0.1})", {{"S-001", "x", "0.1"}}},
      {t, R"({"ts":"x","value":-3.75})", {{"S-001", "x", "-3.75"}}},
      {t, R"({"ts":"x","value":21})", {{"S-001", "x", "21"}}},
      {t, R"({"ts":"x","value":-4})", {{"S-001", "x", "-4"}}},
      {t, R"({"ts":"x","value":1.5e1})", {{"S-001", "x", "1.5e1"}}},
      {t, R"({"ts":"x","value":19.123456789012345678})", {{"S-001", "x", "19.123456789012345678"}}},
      {t, " \n{ \"ts\" : \"x\" , \"value\" : 7 }\n", {{"S-001", "x", "7"}}},
      {t,
       R"([{"ts":"a","value":18.2},{"ts":"b","value":19}])",
       {{"S-001", "a", "18.2"}, {"S-001", "b", "19"}}},
      {"hearth/v1/readings/bldg-7.room 3",
       R"([{"ts":"a","value":1}])",
       {{"bldg-7.room 3", "a", "1"}}},
      // Times are not judged here (IngestService is): any string passes through.
      {t, R"({"ts":"","value":1})", {{"S-001", "", "1"}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.topic + " " + c.payload);
    auto r = DecodeMqttReading(c.topic, c.payload);
    ASSERT_TRUE(r.ok()) << r.error().message;
    ASSERT_EQ(r->size(), c.want.size());
    for (size_t i = 0; i < c.want.size(); ++i) {
      EXPECT_EQ((*r)[i].sensor, c.want[i].sensor);
      EXPECT_EQ((*r)[i].ts, c.want[i].ts);
      EXPECT_EQ((*r)[i].value, c.want[i].value);
    }
  }
}

struct Bad {
  std::string topic;
  std::string payload;
  std::string message;
  std::string field;
};

TEST(DecodeMqttReading, RejectsWithTheReason) {
  const std::string t = "hearth/v1/readings/S-001";
  const std::string ok = R"({"ts":"x","value":1})";
  const std::vector<Bad> cases = {
      {"hearth/v1/reading/S-001", ok, "topic: expected hearth/v1/readings/<sensor-id>", "topic"},
      {"other/S-001", ok, "topic: expected hearth/v1/readings/<sensor-id>", "topic"},
      {"hearth/v1/readings/", ok,
       "topic: expected hearth/v1/readings/<sensor-id>, the sensor id one non-empty level",
       "topic"},
      {"hearth/v1/readings/a/b", ok,
       "topic: expected hearth/v1/readings/<sensor-id>, the sensor id one non-empty level",
       "topic"},
      {"hearth/v1/readings/+", ok,
       "topic: expected hearth/v1/readings/<sensor-id>, the sensor id one non-empty level",
       "topic"},
      {t, "", "payload: malformed JSON at byte 0", "payload"},
      {t, "{", "payload: malformed JSON at byte 1", "payload"},
      {t, R"({"ts":"x","value":1)", "payload: malformed JSON at byte 19", "payload"},
      {t, R"({"ts":"x","value":1}{})", "payload: malformed JSON at byte 20", "payload"},
      {t, R"({"ts":"x","value":1.})", "payload: malformed JSON at byte 20", "payload"},
      {t, R"({"ts":"x","value":NaN})", "payload: malformed JSON at byte 18", "payload"},
      {t, "{\"ts\":\"\xff\",\"value\":1}", "payload: malformed JSON at byte 7", "payload"},
      {t, R"({"ts":"x","value":1e999})", "payload: malformed JSON at byte 22", "payload"},
      {t, "18.2",
       "payload: expected an object {\"ts\":…,\"value\":…} or an array of them, not a number",
       "payload"},
      {t, R"("x")",
       "payload: expected an object {\"ts\":…,\"value\":…} or an array of them, not a string",
       "payload"},
      {t, "null",
       "payload: expected an object {\"ts\":…,\"value\":…} or an array of them, not null",
       "payload"},
      {t, "[]", "payload: empty array; expected at least one reading", "payload"},
      {t, "[1]", "payload[0]: expected an object {\"ts\":…,\"value\":…}, not a number", "payload"},
      {t, R"([{"ts":"x","value":1},[]])",
       "payload[1]: expected an object {\"ts\":…,\"value\":…}, not an array", "payload"},
      {t, R"({"ts":"x","value":1,"unit":"C"})",
       "payload: unknown field \"unit\"; expected ts and value", "unit"},
      {t, R"([{"ts":"x","value":1},{"ts":"y","value":2},{"ts":"z","value":3,"unit":"C"}])",
       "payload[2]: unknown field \"unit\"; expected ts and value", "unit"},
      {t, R"({"TS":"x","value":1})", "payload: unknown field \"TS\"; expected ts and value", "TS"},
      {t, R"({"ts":"x","ts":"y","value":1})", "payload: duplicate field \"ts\"", "ts"},
      {t, R"({"ts":"x","value":1,"value":2})", "payload: duplicate field \"value\"", "value"},
      {t, R"({"value":1})", "payload: missing field \"ts\"", "ts"},
      {t, R"({"ts":"x"})", "payload: missing field \"value\"", "value"},
      {t, R"([{"ts":"x","value":1},{}])", "payload[1]: missing field \"ts\"", "ts"},
      {t, R"({"ts":"x","value":"18.2"})", "payload: value must be a number, not a string", "value"},
      {t, R"({"ts":"x","value":null})", "payload: value must be a number, not null", "value"},
      {t, R"({"ts":"x","value":true})", "payload: value must be a number, not a boolean", "value"},
      {t, R"({"ts":"x","value":[1]})", "payload: value must be a number, not an array", "value"},
      {t, R"({"ts":"x","value":{}})", "payload: value must be a number, not an object", "value"},
      {t, R"({"ts":1700000000,"value":1})", "payload: ts must be a string (RFC 3339), not a number",
       "ts"},
      {t, R"({"ts":null,"value":1})", "payload: ts must be a string (RFC 3339), not null", "ts"},
      {t, R"({"ts":{"a":1},"value":1})", "payload: ts must be a string (RFC 3339), not an object",
       "ts"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.topic + " " + c.payload);
    auto r = DecodeMqttReading(c.topic, c.payload);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().message, c.message);
    EXPECT_EQ(r.error().field, c.field);
  }
}

TEST(DecodeMqttReading, AnArrayOfManyReadings) {
  std::string payload = "[";
  for (int i = 0; i < 1000; ++i) {
    if (i > 0) payload += ",";
    payload += R"({"ts":"t)" + std::to_string(i) + R"(","value":)" + std::to_string(i) + ".5}";
  }
  payload += "]";
  auto r = DecodeMqttReading("hearth/v1/readings/s", payload);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 1000u);
  EXPECT_EQ((*r)[999].ts, "t999");
  EXPECT_EQ((*r)[999].value, "999.5");
}

}  // namespace
}  // namespace hearth::adapters::mqtt

// Manual measurements as JSON (adapters/json/measurement_json.hpp): exact values, and the key at
// fault named for every malformed body. The rules themselves are R-TEMP-4's tests.
#include "adapters/json/measurement_json.hpp"

#include <gtest/gtest.h>

namespace hearth::adapters::json {
namespace {

const char* kGood = R"({"household_id":7,"room":"主卧","instrument":"infrared-gun",
  "resolution":0.1,"system_running":true,"environment":"sunny","closed_minutes":45,
  "readings":[{"at":"2025-12-05T10:00:00+08:00","value":17.25,"point":"upper"},
              {"at":"2025-12-05T10:01:00+08:00","value":"17.3","point":"middle"},
              {"at":"2025-12-05T10:02:00+08:00","value":17,"point":"lower"}],
  "signature":"refused","third_party":true})";

TEST(MeasurementJson, ParsesEveryField) {
  auto in = ParseMeasurementJson(kGood);
  ASSERT_TRUE(in.ok()) << in.error().message;
  EXPECT_EQ(in->household_id, 7);
  EXPECT_EQ(in->room, "主卧");
  const rules::ManualMeasurement& m = in->measurement;
  EXPECT_EQ(m.instrument, rules::Instrument::kInfraredGun);
  EXPECT_EQ(m.resolution, 100);
  EXPECT_TRUE(m.system_running);
  EXPECT_FALSE(m.shielded);  // absent: false
  EXPECT_EQ(m.closed_minutes, 45);
  EXPECT_FALSE(m.height_cm.has_value());
  ASSERT_EQ(m.readings.size(), 3u);
  EXPECT_EQ(m.readings[0].value, 17250);
  EXPECT_EQ(m.readings[1].value, 17300);
  EXPECT_EQ(m.readings[2].point, rules::WallPoint::kLower);
  EXPECT_EQ(m.signature, rules::Signature::kRefused);
  EXPECT_TRUE(m.third_party);
}

TEST(MeasurementJson, NamesTheKeyAtFault) {
  struct Case {
    const char* body;
    const char* field;
  };
  const Case cases[] = {
      {"[]", "body"},
      {R"({"room":"a","instrument":"glass-thermometer","resolution":0.1,"readings":[]})",
       "household_id"},
      {R"({"household_id":1,"instrument":"glass-thermometer","resolution":0.1,"readings":[]})",
       "room"},
      {R"({"household_id":1,"room":"a","instrument":"stick","resolution":0.1})", "instrument"},
      {R"({"household_id":1,"room":"a","instrument":"glass-thermometer","resolution":0.1,"readings":[]})",
       "readings"},
      {R"({"household_id":1,"room":"a","instrument":"glass-thermometer","resolution":0.1,
           "readings":[{"at":"noon","value":1}]})",
       "readings[0].at"},
      {R"({"household_id":1,"room":"a","instrument":"glass-thermometer","resolution":0.1,
           "readings":[{"at":"2025-12-05T10:00:00+08:00","value":17.0001}]})",
       "readings[0].value"},
      {R"({"household_id":1,"room":"a","instrument":"glass-thermometer","resolution":0.1,
           "readings":[{"at":"2025-12-05T10:00:00+08:00","value":17}],"signature":"maybe"})",
       "signature"},
      {R"({"household_id":1,"room":"a","instrument":"glass-thermometer","resolution":0.1,
           "readings":[{"at":"2025-12-05T10:00:00+08:00","value":17}],"shielded":"yes"})",
       "shielded"},
      {R"({"household_id":1,"colour":"red"})", "colour"},
      // Wrong types where text is expected (found by fuzz/monitoring_bodies_fuzz: they threw).
      {R"({"household_id":1,"room":"a","instrument":false,"resolution":0.1})", "instrument"},
      {R"({"household_id":1,"room":"a","instrument":"glass-thermometer","resolution":0.1,
           "readings":[{"at":"2025-12-05T10:00:00+08:00","value":17}],"signature":1})",
       "signature"},
      {R"({"household_id":1,"room":"a","instrument":"infrared-gun","resolution":0.1,
           "readings":[{"at":"2025-12-05T10:00:00+08:00","value":17,"point":[]}]})",
       "readings[0].point"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.body);
    auto in = ParseMeasurementJson(c.body);
    ASSERT_FALSE(in.ok());
    EXPECT_EQ(in.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(in.error().field, c.field) << in.error().message;
  }
}

TEST(MeasurementJson, StoredMeasurementSaysWhetherItIsEvidence) {
  ports::Measurement m;
  m.id = 3;
  m.household_id = 7;
  m.room = "主卧";
  m.taken_at = *ParseRfc3339("2025-12-05T10:00:00+08:00");
  m.instrument = "glass-thermometer";
  m.payload_json = R"({"room":"主卧"})";
  m.signature = "pending";
  m.valid = true;
  m.violations_json = "[]";
  m.value = 172;
  struct Case {
    const char* signature;
    bool third_party, overridden, evidence;
  };
  const Case cases[] = {{"pending", false, false, false},
                        {"signed", false, false, true},
                        {"refused", true, false, true},
                        {"signed", false, true, false}};
  for (const Case& c : cases) {
    m.signature = c.signature;
    m.third_party = c.third_party;
    m.overridden = c.overridden;
    auto j = MeasurementToJson(m);
    EXPECT_EQ(j["evidence"], c.evidence) << c.signature;
    EXPECT_EQ(j["value"], 17.2);
    EXPECT_EQ(j["taken_at"], "2025-12-05T10:00:00+08:00");
  }
}

}  // namespace
}  // namespace hearth::adapters::json

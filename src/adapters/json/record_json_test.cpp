#include "adapters/json/record_json.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace hearth::adapters::json {
namespace {

const model::Resource& Households() { return *model::FindResource("households"); }

const char* kValid = R"({"company_id":1,"partition_id":2,"code":"h1","area_m2":85.55,"floor":3,
  "orientation":"sun","billing":"area","heating_status":"heated"})";

TEST(FieldsFromJson, ValidBodyIsReadExactly) {
  auto f = FieldsFromJson(Households(), kValid, BodyMode::kCreate);
  ASSERT_TRUE(f.ok()) << f.error().message;
  EXPECT_EQ(std::get<int64_t>(f->at("area_m2")), 8555);  // exact, not 8554.999…
  EXPECT_EQ(std::get<std::string>(f->at("orientation")), "sun");
  EXPECT_FALSE(f->count("phone"));
}

TEST(FieldsFromJson, EveryProblemNamesItsField) {
  struct Case {
    std::string body;
    BodyMode mode;
    std::string field;
    std::string message;  // a part of it
  };
  // kValid with `key` set to `value` (replaced in place: a key may appear once, issue 12).
  auto with = [](const std::string& key, const std::string& value) {
    std::string body = kValid;
    const std::regex existing("\"" + key + "\":[^,}]*");
    if (std::regex_search(body, existing)) {
      return std::regex_replace(body, existing, "\"" + key + "\":" + value);
    }
    return body.substr(0, body.size() - 1) + ",\"" + key + "\":" + value + "}";
  };
  const Case cases[] = {
      {"{", BodyMode::kCreate, "body", "not valid JSON"},
      {"[1]", BodyMode::kCreate, "body", "must be a JSON object"},
      {R"({"code":"a","code":"b"})", BodyMode::kCreate, "code", "names the key 'code' twice"},
      {with("colour", "\"red\""), BodyMode::kCreate, "colour", "unknown field 'colour'"},
      {with("id", "5"), BodyMode::kCreate, "id", "assigned by the server"},
      {R"({"company_id":1})", BodyMode::kCreate, "partition_id", "is required"},
      {with("agreed_temp", "18.25"), BodyMode::kCreate, "agreed_temp", "more than 1 decimal"},
      {with("agreed_temp", "45.0"), BodyMode::kCreate, "agreed_temp", "out of range"},
      {with("area_m2", "\"big\""), BodyMode::kCreate, "area_m2", "not a decimal number"},
      {with("area_m2", "1.005"), BodyMode::kCreate, "area_m2", "more than 2 decimal"},
      {with("floor", "2.5"), BodyMode::kCreate, "floor", "expected an integer"},
      {with("floor", "\"3\""), BodyMode::kCreate, "floor", "expected an integer"},
      {with("floor", "500"), BodyMode::kCreate, "floor", "out of range"},
      {with("orientation", "\"north\""), BodyMode::kCreate, "orientation", "not one of shade, sun"},
      {with("partition_id", "0"), BodyMode::kCreate, "partition_id", "expected the id of a"},
      {with("code", "null"), BodyMode::kCreate, "code", "cannot be null"},
      {with("code", "\"\""), BodyMode::kCreate, "code", "must not be empty"},
      {with("contract", "[1]"), BodyMode::kCreate, "contract", "expected an object"},
      {with("phone", "12"), BodyMode::kCreate, "phone", "expected a string"},
      {R"({"company_id":2})", BodyMode::kUpdate, "company_id", "cannot be changed"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body);
    auto f = FieldsFromJson(Households(), c.body, c.mode);
    ASSERT_FALSE(f.ok());
    EXPECT_EQ(f.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(f.error().field, c.field);
    EXPECT_NE(f.error().message.find(c.message), std::string::npos) << f.error().message;
  }
}

TEST(FieldsFromJson, UpdateTakesAnySubset) {
  auto f = FieldsFromJson(Households(), R"({"agreed_temp":null,"floor":4})", BodyMode::kUpdate);
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(f->at("agreed_temp")));
}

TEST(FilterValue, ReadsTheFieldsType) {
  const model::Resource& h = Households();
  EXPECT_EQ(std::get<int64_t>(*FilterValue(*h.Find("company_id"), "12")), 12);
  EXPECT_FALSE(FilterValue(*h.Find("company_id"), "12a").ok());
  EXPECT_FALSE(FilterValue(*h.Find("orientation"), "north").ok());
  EXPECT_EQ(std::get<std::string>(*FilterValue(*h.Find("code"), "h1")), "h1");
}

TEST(RecordToJson, WritesDecimalsAndNulls) {
  ports::Record rec{7, {{"code", std::string("h1")}, {"phone", std::string("13812345678")},
                        {"area_m2", int64_t{8550}}, {"agreed_temp", int64_t{180}}}};
  auto j = RecordToJson(Households(), rec);
  EXPECT_EQ(j["id"], 7);
  EXPECT_EQ(j["phone"], "13812345678");
  EXPECT_EQ(j["area_m2"].dump(), "85.5");
  EXPECT_EQ(j["agreed_temp"].dump(), "18.0");
  EXPECT_EQ(j["id_number"], nullptr);
}

}  // namespace
}  // namespace hearth::adapters::json

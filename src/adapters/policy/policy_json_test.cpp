#include "adapters/policy/policy_json.hpp"

#include <gtest/gtest.h>

namespace hearth::adapters::policy {
namespace {

TEST(PolicyTextAsJson, KeepsTheFilesOrderAndEveryValueBesideItsSource) {
  struct Case {
    const char* toml;
    const char* json;
  };
  const Case cases[] = {
      {"b = 1\na = 2\n", R"({"b":1,"a":2})"},
      {"[z]\nx = { hours = 1, source = \"W 10.2.3\" }\n[a]\ny = true\n",
       R"({"z":{"x":{"hours":1,"source":"W 10.2.3"}},"a":{"y":true}})"},
      {"start = { date = \"11-15\", source = \"R-SEASON-1\", default = true }\n",
       R"({"start":{"date":"11-15","source":"R-SEASON-1","default":true}})"},
      {"shares = [50, 30, 20]\nrate = 0.5\n", R"({"shares":[50,30,20],"rate":0.5})"},
      {"day = 2026-11-15\n", R"({"day":"2026-11-15"})"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.toml);
    auto j = PolicyTextAsJson(c.toml);
    ASSERT_TRUE(j.ok()) << j.error().message;
    EXPECT_EQ(j->dump(), c.json);
  }
}

TEST(PolicyTextAsJson, TextThatIsNotTomlIsRefused) {
  auto j = PolicyTextAsJson("a = = 1");
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.error().field, "policy");
}

}  // namespace
}  // namespace hearth::adapters::policy

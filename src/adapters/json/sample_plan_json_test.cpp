// JSON of sampling plans (R-SAMPLE-1..3): the documented shape, exact areas.
#include "adapters/json/sample_plan_json.hpp"

#include <gtest/gtest.h>

namespace hearth::adapters::json {
namespace {

TEST(FormatAreaM2, ExactDecimalText) {
  struct Case {
    rules::AreaUnits area;
    const char* text;
  };
  const Case cases[] = {
      {0, "0"},
      {1, "0.000000001"},
      {1'500'000'000, "1.5"},
      {25'920'000'000'000, "25920"},
      {static_cast<rules::AreaUnits>(1'000'000) * rules::kAreaUnitsPerM2 + 1, "1000000.000000001"},
      {300'750'000'000, "300.75"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(FormatAreaM2(c.area), c.text);
  }
}

TEST(SamplePlanToJson, DocumentedShape) {
  std::vector<rules::SampleHousehold> hh(3);
  hh[0].id = "A";
  hh[1].id = "B";
  hh[2].id = "C";
  rules::SamplePlan plan;
  plan.households = 3;
  plan.total_area = 300'750'000'000;  // 300.75 m²
  plan.size = {3, 0, 2};
  plan.quotas = {{0, 1, 1}, {1, 1}, {1, 0, 1}};
  plan.achieved = {{1, 1, 0}, {1, 1}, {1, 0, 1}};
  plan.selected = {0, 2};
  plan.shortfalls = {{rules::SampleDimension::kPosition, 2, 1}};
  EXPECT_EQ(
      SamplePlanToJson(plan, hh).dump(),
      R"({"households":3,"total_area_m2":300.75,"rate_percent":3,"required":2,)"
      R"("quotas":{"position":{"near":0,"middle":1,"far":1},"orientation":{"shade":1,"sun":1},)"
      R"("floor":{"upper":1,"middle":0,"lower":1}},)"
      R"("achieved":{"position":{"near":1,"middle":1,"far":0},"orientation":{"shade":1,"sun":1},)"
      R"("floor":{"upper":1,"middle":0,"lower":1}},)"
      R"("selected":["A","C"],"shortfalls":[{"dimension":"position","value":"far","missing":1}]})");
  plan.total_area = 25'920'000'000'000;
  plan.selected.clear();
  plan.shortfalls.clear();
  auto j = SamplePlanToJson(plan, hh);
  EXPECT_EQ(j["total_area_m2"].dump(), "25920");
  EXPECT_EQ(j["selected"].dump(), "[]");
  EXPECT_EQ(j["shortfalls"].dump(), "[]");
}

}  // namespace
}  // namespace hearth::adapters::json

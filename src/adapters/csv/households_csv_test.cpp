// The households file of the sampling plan (R-SAMPLE-1..3): accepted rows, and the first problem
// located by line and column.
#include "adapters/csv/households_csv.hpp"

#include <gtest/gtest.h>

namespace hearth::adapters::csv {
namespace {

const std::string kHeader =
    "id,building,substation,floor,floors,position,orientation,area_m2,has_sensor\n";

TEST(HouseholdsCsv, ReadsEveryField) {
  auto r = ParseHouseholdsCsv(
      "has_sensor,area_m2,orientation,position,floors,floor,substation,building,id,tier\r\n"
      "1,86.40,sun,far,6,5,SS-3,B-12,H-1,\r\n"
      "0,72.123456789,shade,near,6,1,SS-3,B-12,H-2,upper\r\n"
      "0,1000,shade,middle,33,12,SS-1,\"B,7\",H-3,\r\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 3u);
  const auto& a = (*r)[0];
  EXPECT_EQ(a.id, "H-1");
  EXPECT_EQ(a.floor, 5);
  EXPECT_EQ(a.floors, 6);
  EXPECT_EQ(a.position, rules::NetworkPosition::kFar);
  EXPECT_EQ(a.orientation, rules::Orientation::kSun);
  EXPECT_EQ(a.area, 86'400'000'000);
  EXPECT_TRUE(a.has_sensor);
  EXPECT_FALSE(a.tier);
  EXPECT_EQ(rules::TierOf(a), rules::FloorTier::kUpper);
  const auto& b = (*r)[1];
  EXPECT_EQ(b.area, 72'123'456'789);            // exact
  EXPECT_EQ(b.tier, rules::FloorTier::kUpper);  // explicit tier wins over floor 1 of 6
  EXPECT_EQ(b.building, a.building);
  EXPECT_EQ(b.substation, a.substation);
  const auto& c = (*r)[2];
  EXPECT_EQ(rules::TierOf(c), rules::FloorTier::kMiddle);  // floor 12 of 33
  EXPECT_NE(c.building, a.building);
  EXPECT_NE(c.substation, a.substation);
}

TEST(HouseholdsCsv, HeaderOnlyIsNoHouseholds) {
  auto r = ParseHouseholdsCsv(kHeader);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->empty());
}

TEST(HouseholdsCsv, FirstProblemByLineThenColumn) {
  struct Case {
    std::string text;
    std::string error;  // the whole message
  };
  const std::string ok_row = "H1,B1,S1,1,6,near,shade,80,0\n";
  const Case cases[] = {
      {"",
       "line 1, column 1: the file is empty; expected the header "
       "id,building,substation,floor,floors,position,orientation,area_m2,has_sensor"},
      {"id,building,substation,floor,floors,position,orientation,area_m2\n",
       "line 1, column 9 (has_sensor): missing column; expected "
       "id,building,substation,floor,floors,position,orientation,area_m2,has_sensor"},
      {kHeader + ok_row + "H2,B1,S1,1,6,near,shade\n",
       "line 3, column 8: expected 9 fields, found 7"},
      {kHeader + ok_row + "H2,B1,S1,1,6,north,shade,80,0\n",
       "line 3, column 6 (position): position must be near, middle or far, got 'north'"},
      {kHeader + "H2,B1,S1,1,6,near,SHADE,80,0\n",
       "line 2, column 7 (orientation): orientation must be shade or sun, got 'SHADE'"},
      {kHeader + "H2,B1,S1,7,6,near,shade,80,0\n",
       "line 2, column 4 (floor): floor must be a whole number from 1 to 6 (the building's "
       "floors), got '7'"},
      {kHeader + "H2,B1,S1,0,6,near,shade,80,0\n",
       "line 2, column 4 (floor): floor must be a whole number from 1 to 6 (the building's "
       "floors), got '0'"},
      {kHeader + "H2,B1,S1,1,0,near,shade,80,0\n",
       "line 2, column 5 (floors): floors must be a whole number from 1 to 300, got '0'"},
      {kHeader + "H2,B1,S1,1,-6,near,shade,80,0\n",
       "line 2, column 5 (floors): floors must be a whole number from 1 to 300, got '-6'"},
      {kHeader + "H2,B1,S1,1.5,6,near,shade,80,0\n",
       "line 2, column 4 (floor): floor must be a whole number from 1 to 6 (the building's "
       "floors), got '1.5'"},
      {kHeader + "H2,B1,S1,1,6,near,shade,0,0\n",
       "line 2, column 8 (area_m2): area_m2 must be a decimal number of square metres, more "
       "than 0, got '0'"},
      {kHeader + "H2,B1,S1,1,6,near,shade,-80,0\n",
       "line 2, column 8 (area_m2): area_m2 must be a decimal number of square metres, more "
       "than 0, got '-80'"},
      {kHeader + "H2,B1,S1,1,6,near,shade,80m2,0\n",
       "line 2, column 8 (area_m2): '80m2' is not a decimal number (unexpected 'm'); area_m2 "
       "must be a decimal number of square metres, more than 0"},
      {kHeader + "H2,B1,S1,1,6,near,shade,80,yes\n",
       "line 2, column 9 (has_sensor): has_sensor must be 0 or 1, got 'yes'"},
      {kHeader + ok_row + "H1,B1,S1,1,6,near,shade,80,0\n",
       "line 3, column 1 (id): duplicate id 'H1' (first on line 2)"},
      {kHeader + ",B1,S1,1,6,near,shade,80,0\n", "line 2, column 1 (id): id must not be empty"},
      {kHeader + "H2,,S1,1,6,near,shade,80,0\n",
       "line 2, column 2 (building): building must not be empty"},
      {kHeader + "H2,B1,,1,6,near,shade,80,0\n",
       "line 2, column 3 (substation): substation must not be empty"},
      // Several problems on a line: the leftmost column's.
      {kHeader + "H2,B1,S1,9,6,up,shade,x,2\n",
       "line 2, column 4 (floor): floor must be a whole number from 1 to 6 (the building's "
       "floors), got '9'"},
      {"area_m2,has_sensor,id,building,substation,floor,floors,position,orientation\n"
       "80,2,H1,B1,S1,1,6,up,shade\n",
       "line 2, column 2 (has_sensor): has_sensor must be 0 or 1, got '2'"},
      {"id,building,substation,floor,floors,position,orientation,area_m2,has_sensor,tier\n"
       "H1,B1,S1,1,6,near,shade,80,0,top\n",
       "line 2, column 10 (tier): tier must be upper, middle or lower (or empty for the floor's "
       "tier), got 'top'"},
      {kHeader + "H1,B1,S1,1,6,near,shade,80,0,\n",
       "line 2, column 10: expected 9 fields, found 10"},
      // (the reader reports an unclosed quote where the file ends)
      {kHeader + "H1,\"B1,S1,1,6,near,shade,80,0\n",
       "line 3, column 2: a quoted field is not closed"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto r = ParseHouseholdsCsv(c.text);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().message, c.error);
    EXPECT_EQ(r.error().field.rfind("line ", 0), 0u);
  }
}

}  // namespace
}  // namespace hearth::adapters::csv

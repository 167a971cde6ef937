// R-SAMPLE-1..3: sample size, quotas, floor tiers, and the plan's households.
#include "rules/sampling.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

namespace hearth::rules {
namespace {

// The numbers of the shipped profiles (policies/weihai.toml, zibo.toml).
SamplingPolicy Shipped() {
  SamplingPolicy p;
  p.bands = {{1'000'000, 3}, {5'000'000, 2}, {std::nullopt, 1}};
  p.position = {20, 30, 50};
  p.orientation = {60, 40};
  p.floor = {30, 30, 40};
  return p;
}

AreaUnits M2(int64_t whole, int64_t nano = 0) {
  return static_cast<AreaUnits>(whole) * kAreaUnitsPerM2 + nano;
}

// R-SAMPLE-1: bands are inclusive at their upper bound; the next unit above is the next band.
TEST(RequiredSample, AreaBandsAtTheirBoundaries) {
  struct Case {
    const char* name;
    AreaUnits area;
    int percent;
    size_t band;
    int64_t required;  // of 1,000 households
  };
  const Case cases[] = {
      {"1 m²", M2(1), 3, 0, 30},
      {"exactly 1,000,000 m²", M2(1'000'000), 3, 0, 30},
      {"1,000,000 m² + 10^-9 m²", M2(1'000'000, 1), 2, 1, 20},
      {"1,000,001 m²", M2(1'000'001), 2, 1, 20},
      {"exactly 5,000,000 m²", M2(5'000'000), 2, 1, 20},
      {"5,000,000 m² + 10^-9 m²", M2(5'000'000, 1), 1, 2, 10},
      {"5,000,001 m²", M2(5'000'001), 1, 2, 10},
      {"80,000,000 m²", M2(80'000'000), 1, 2, 10},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    SampleSize s = RequiredSample(Shipped(), c.area, 1000);
    EXPECT_EQ(s.percent, c.percent);
    EXPECT_EQ(s.band, c.band);
    EXPECT_EQ(s.required, c.required);
  }
}

// R-SAMPLE-1 decision: rounded up to a whole household, in exact integers.
TEST(RequiredSample, RoundsUpToAWholeHousehold) {
  struct Case {
    int64_t households;
    AreaUnits area;
    int64_t required;
  };
  const Case cases[] = {
      {0, 0, 0},
      {1, M2(80), 1},                   // 3 % of 1 = 0.03 -> 1
      {33, M2(2'640), 1},               // 0.99 -> 1
      {34, M2(2'720), 2},               // 1.02 -> 2
      {100, M2(8'000), 3},              // exactly 3
      {101, M2(8'080), 4},              // 3.03 -> 4
      {150, M2(6'000'000), 2},          // 1 %: 1.5 -> 2
      {100'000, M2(1'000'000), 3'000},  // first band, exact
      {100'001, M2(4'000'000), 2'001},  // 2 %: 2000.02 -> 2001
      {3'000'000, M2(240'000'000), 30'000},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.households);
    EXPECT_EQ(RequiredSample(Shipped(), c.area, c.households).required, c.required);
  }
}

// The cap at the number of households (R-SAMPLE-1 decision) with an extreme profile.
TEST(RequiredSample, NeverMoreThanTheHouseholds) {
  SamplingPolicy all = Shipped();
  all.bands = {{std::nullopt, 100}};
  EXPECT_EQ(RequiredSample(all, M2(500), 7).required, 7);
}

// R-SAMPLE-2: largest remainder; ties go to the larger share, then to the value listed first.
TEST(LargestRemainder, Table) {
  struct Case {
    std::vector<int> shares;
    int64_t total;
    std::vector<int64_t> parts;
  };
  const Case cases[] = {
      {{20, 30, 50}, 0, {0, 0, 0}},
      {{20, 30, 50}, 1, {0, 0, 1}},  // .2 .3 .5
      {{20, 30, 50}, 2, {0, 1, 1}},  // .4 .6 1
      {{20, 30, 50}, 5, {1, 1, 3}},  // 1 1.5 2.5: tie .5/.5 -> the larger share (far)
      {{20, 30, 50}, 7, {1, 2, 4}},  // 1.4 2.1 3.5
      {{20, 30, 50}, 10, {2, 3, 5}},
      {{20, 30, 50}, 2001, {400, 600, 1001}},  // 400.2 600.3 1000.5
      {{60, 40}, 1, {1, 0}},
      {{60, 40}, 3, {2, 1}},  // 1.8 1.2
      {{60, 40}, 7, {4, 3}},  // 4.2 2.8
      {{30, 30, 40}, 1, {0, 0, 1}},
      {{30, 30, 40}, 2, {1, 0, 1}},  // .6 .6 .8: lower, then the tie goes to upper (first)
      {{30, 30, 40}, 3, {1, 1, 1}},  // .9 .9 1.2
      {{30, 30, 40}, 5, {2, 1, 2}},  // 1.5 1.5 2: tie -> upper
      {{30, 30, 40}, 10, {3, 3, 4}},
      {{30, 30, 40}, 11, {3, 3, 5}},  // 3.3 3.3 4.4
      {{1, 1, 1}, 2, {1, 1, 0}},      // all tied: listed order
      {{25, 25, 50}, 2, {1, 0, 1}},   // .5 .5 1: the .5 tie -> first listed
      {{25, 25, 50}, 3, {1, 1, 1}},   // .75 .75 1.5
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::to_string(c.total) + " by " + std::to_string(c.shares.size()) + " shares");
    auto parts = LargestRemainder(c.total, c.shares);
    EXPECT_EQ(parts, c.parts);
    int64_t sum = 0;
    for (auto v : parts) sum += v;
    EXPECT_EQ(sum, c.total);
  }
}

TEST(SampleQuotas, EveryDimensionSumsToTheRequiredCount) {
  for (int64_t k : {0, 1, 2, 3, 7, 13, 29, 100, 9999}) {
    SCOPED_TRACE(k);
    DimensionCounts q = SampleQuotas(Shipped(), k);
    EXPECT_EQ(q.position[0] + q.position[1] + q.position[2], k);
    EXPECT_EQ(q.orientation[0] + q.orientation[1], k);
    EXPECT_EQ(q.floor[0] + q.floor[1] + q.floor[2], k);
  }
  EXPECT_EQ(SampleQuotas(Shipped(), 10), (DimensionCounts{{2, 3, 5}, {6, 4}, {3, 3, 4}}));
}

// R-SAMPLE-2: network positions by pipe distance, by thirds within each substation (N near,
// M middle, F far), in input order; equal distances share the lowest rank.
TEST(PositionsByDistance, Table) {
  struct Case {
    const char* what;
    std::vector<BuildingDistance> buildings;
    std::string positions;
  };
  const Case cases[] = {
      {"none", {}, ""},
      {"one building is near", {{1, 500}}, "N"},
      {"three in order", {{1, 100}, {1, 200}, {1, 300}}, "NMF"},
      {"three out of order", {{1, 300}, {1, 100}, {1, 200}}, "FNM"},
      {"six: two each", {{1, 6}, {1, 5}, {1, 4}, {1, 3}, {1, 2}, {1, 1}}, "FFMMNN"},
      {"four: thirds as floors", {{1, 10}, {1, 20}, {1, 30}, {1, 40}}, "NNMF"},
      {"equal distances share a rank", {{1, 100}, {1, 100}, {1, 100}}, "NNN"},
      {"ties at the far end", {{1, 100}, {1, 300}, {1, 300}}, "NMM"},
      {"each substation on its own", {{1, 100}, {2, 900}, {1, 200}, {2, 50}}, "NMMN"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    std::string got;
    for (NetworkPosition p : PositionsByDistance(c.buildings)) {
      got += p == NetworkPosition::kNear ? 'N' : p == NetworkPosition::kMiddle ? 'M' : 'F';
    }
    EXPECT_EQ(got, c.positions);
  }
}

// R-SAMPLE-2: floor tiers by thirds (L lower, M middle, U upper), floor 1 first.
TEST(TierOfFloor, Table) {
  struct Case {
    int floors;
    std::string tiers;
  };
  const Case cases[] = {
      {1, "L"},
      {2, "LM"},
      {3, "LMU"},
      {4, "LLMU"},
      {5, "LLMMU"},
      {6, "LLMMUU"},
      {33, std::string(11, 'L') + std::string(11, 'M') + std::string(11, 'U')},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.floors);
    std::string got;
    for (int f = 1; f <= c.floors; ++f) {
      FloorTier t = TierOfFloor(f, c.floors);
      got += t == FloorTier::kLower ? 'L' : t == FloorTier::kMiddle ? 'M' : 'U';
    }
    EXPECT_EQ(got, c.tiers);
  }
}

TEST(TierOf, AnExplicitTierWins) {
  SampleHousehold h;
  h.floor = 1;
  h.floors = 6;
  EXPECT_EQ(TierOf(h), FloorTier::kLower);
  h.tier = FloorTier::kUpper;
  EXPECT_EQ(TierOf(h), FloorTier::kUpper);
  h.floor = 6;
  h.tier = FloorTier::kMiddle;
  EXPECT_EQ(TierOf(h), FloorTier::kMiddle);
}

TEST(Names, RoundTrip) {
  for (auto p : {NetworkPosition::kNear, NetworkPosition::kMiddle, NetworkPosition::kFar}) {
    EXPECT_EQ(ParsePosition(PositionName(p)), p);
  }
  for (auto o : {Orientation::kShade, Orientation::kSun})
    EXPECT_EQ(ParseOrientation(OrientationName(o)), o);
  for (auto t : {FloorTier::kUpper, FloorTier::kMiddle, FloorTier::kLower})
    EXPECT_EQ(ParseTier(TierName(t)), t);
  EXPECT_FALSE(ParsePosition("Near"));
  EXPECT_FALSE(ParseOrientation("north"));
  EXPECT_FALSE(ParseTier(""));
  EXPECT_EQ(ValueName(SampleDimension::kFloor, 0), "upper");
  EXPECT_EQ(DimensionName(SampleDimension::kOrientation), "orientation");
}

// ---- PlanSample --------------------------------------------------------------------------------

// `per_cell` households in every (position, orientation, tier) cell of every building; buildings
// numbered across `substations` substations of `buildings_each` buildings. Floors: a 3-floor
// building (floor 3 upper, 2 middle, 1 lower). Sensors on every other household when `sensors`.
std::vector<SampleHousehold> Estate(uint32_t substations, uint32_t buildings_each, int per_cell,
                                    bool sensors) {
  std::vector<SampleHousehold> out;
  for (uint32_t s = 0; s < substations; ++s) {
    for (uint32_t b = 0; b < buildings_each; ++b) {
      for (size_t p = 0; p < kPositions; ++p) {
        for (size_t o = 0; o < kOrientations; ++o) {
          for (int f = 1; f <= 3; ++f) {
            for (int k = 0; k < per_cell; ++k) {
              SampleHousehold h;
              h.substation = s;
              h.building = s * buildings_each + b;
              h.id = "S" + std::to_string(s) + "-B" + std::to_string(h.building) + "-" +
                     std::to_string(out.size());
              h.position = static_cast<NetworkPosition>(p);
              h.orientation = static_cast<Orientation>(o);
              h.floor = f;
              h.floors = 3;
              h.area = 80 * kAreaUnitsPerM2;
              h.has_sensor = sensors && k % 2 == 0;
              out.push_back(h);
            }
          }
        }
      }
    }
  }
  return out;
}

DimensionCounts Count(std::span<const SampleHousehold> hh, const std::vector<size_t>& selected) {
  DimensionCounts d;
  for (size_t i : selected) {
    ++d.position[static_cast<size_t>(hh[i].position)];
    ++d.orientation[static_cast<size_t>(hh[i].orientation)];
    ++d.floor[static_cast<size_t>(TierOf(hh[i]))];
  }
  return d;
}

// R-SAMPLE-1..3: the plan names exactly the required households and meets every quota.
TEST(PlanSample, MeetsEveryQuotaWhenTheHouseholdsAllow) {
  auto hh = Estate(3, 3, 2, false);  // 9 buildings × 36 = 324 households, 25,920 m²
  SamplePlan plan = PlanSample(Shipped(), hh, 1);
  EXPECT_EQ(plan.households, 324);
  EXPECT_EQ(plan.total_area, M2(25'920));
  EXPECT_EQ(plan.size.percent, 3);
  EXPECT_EQ(plan.size.required, 10);  // 9.72 -> 10
  EXPECT_EQ(plan.quotas, (DimensionCounts{{2, 3, 5}, {6, 4}, {3, 3, 4}}));
  EXPECT_EQ(plan.achieved, plan.quotas);
  EXPECT_EQ(Count(hh, plan.selected), plan.quotas);
  EXPECT_TRUE(plan.shortfalls.empty());
  ASSERT_EQ(plan.selected.size(), 10u);
  EXPECT_TRUE(std::is_sorted(plan.selected.begin(), plan.selected.end()));
  EXPECT_EQ(std::set<size_t>(plan.selected.begin(), plan.selected.end()).size(), 10u);
}

// R-SAMPLE-2: spread over substations, then buildings, as far as the quotas allow.
TEST(PlanSample, SpreadsOverSubstationsAndBuildings) {
  struct Case {
    uint32_t substations, buildings_each;
    int per_cell;
  };
  const Case cases[] = {{3, 3, 2}, {2, 5, 1}, {5, 2, 3}, {1, 12, 1}, {12, 1, 2}};
  for (const auto& c : cases) {
    SCOPED_TRACE(std::to_string(c.substations) + "x" + std::to_string(c.buildings_each));
    auto hh = Estate(c.substations, c.buildings_each, c.per_cell, false);
    for (uint64_t seed : {0u, 1u, 2u}) {
      SamplePlan plan = PlanSample(Shipped(), hh, seed);
      std::map<uint32_t, int> per_substation, per_building;
      for (size_t i : plan.selected) {
        ++per_substation[hh[i].substation];
        ++per_building[hh[i].building];
      }
      const auto k = static_cast<int64_t>(plan.selected.size());
      const int64_t buildings = c.substations * c.buildings_each;
      EXPECT_EQ(static_cast<int64_t>(per_substation.size()), std::min<int64_t>(k, c.substations));
      EXPECT_EQ(static_cast<int64_t>(per_building.size()), std::min<int64_t>(k, buildings));
      int lo = 1 << 30, hi = 0;
      for (auto& [s, n] : per_substation) {
        lo = std::min(lo, n);
        hi = std::max(hi, n);
      }
      EXPECT_LE(hi - lo, 1) << "substations balanced";
    }
  }
}

// Building and substation numbers far from dense give the same plan as dense ones.
TEST(PlanSample, SparseBuildingNumbers) {
  auto dense = Estate(4, 3, 2, true);
  auto sparse = dense;
  for (auto& h : sparse) {
    h.building = 4'000'000'000u - h.building * 1000u;
    h.substation = 3'000'000'000u + h.substation * 7u;
  }
  EXPECT_EQ(PlanSample(Shipped(), sparse, 5).selected, PlanSample(Shipped(), dense, 5).selected);
}

// R-SAMPLE-2: among equally spread households, those with a sensor first.
TEST(PlanSample, PrefersHouseholdsWithSensors) {
  auto hh = Estate(3, 3, 2, true);  // in every group one household of two has a sensor
  for (uint64_t seed : {0u, 5u, 77u}) {
    SamplePlan plan = PlanSample(Shipped(), hh, seed);
    for (size_t i : plan.selected) EXPECT_TRUE(hh[i].has_sensor) << hh[i].id;
  }
  // Spread comes first: with sensors only in building 0, the plan still uses every substation.
  for (auto& h : hh) h.has_sensor = h.building == 0;
  SamplePlan plan = PlanSample(Shipped(), hh, 3);
  std::set<uint32_t> substations;
  for (size_t i : plan.selected) substations.insert(hh[i].substation);
  EXPECT_EQ(substations.size(), 3u);
}

// Deterministic for a seed: same seed, same plan; another seed may choose others.
TEST(PlanSample, SameSeedSamePlan) {
  auto hh = Estate(1, 1, 40, false);  // one building: only the random order decides
  const auto a = PlanSample(Shipped(), hh, 42).selected;
  EXPECT_EQ(PlanSample(Shipped(), hh, 42).selected, a);
  int differ = 0;
  for (uint64_t seed = 0; seed < 8; ++seed) {
    auto other = PlanSample(Shipped(), hh, seed);
    EXPECT_EQ(other.achieved, other.quotas);
    if (other.selected != a) ++differ;
  }
  EXPECT_GE(differ, 7);
}

// R-SAMPLE-3: no far households and too few upper floors: the shortfall says which and by how
// much, and the plan still names the required count.
TEST(PlanSample, UnmeetableQuotasAreReportedAndTheCountStillReached) {
  std::vector<SampleHousehold> hh;
  for (auto& h : Estate(2, 3, 3, false)) {  // 648 households -> 20 required
    if (h.position == NetworkPosition::kFar) continue;
    if (TierOf(h) == FloorTier::kUpper && h.building != 0) continue;
    hh.push_back(h);
  }
  // Left: no far at all; upper only in building 0 (3 per cell × 2 positions × 2 = 12).
  SamplePlan plan = PlanSample(Shipped(), hh, 9);
  EXPECT_EQ(plan.households, static_cast<int64_t>(hh.size()));
  const int64_t k = plan.size.required;
  ASSERT_EQ(static_cast<int64_t>(plan.selected.size()), k);
  EXPECT_EQ(Count(hh, plan.selected), plan.achieved);
  ASSERT_FALSE(plan.shortfalls.empty());
  EXPECT_EQ(plan.shortfalls[0].dimension, SampleDimension::kPosition);
  EXPECT_EQ(plan.shortfalls[0].value, 2u);  // far
  EXPECT_EQ(plan.shortfalls[0].missing, plan.quotas.position[2]);
  EXPECT_EQ(plan.achieved.orientation, plan.quotas.orientation);
  EXPECT_EQ(plan.achieved.floor, plan.quotas.floor);  // 12 upper households suffice
}

TEST(PlanSample, TooFewUpperFloors) {
  std::vector<SampleHousehold> hh;  // one upper-floor household of 217
  bool kept = false;
  for (auto& h : Estate(3, 3, 2, false)) {
    if (TierOf(h) == FloorTier::kUpper) {
      if (kept) continue;
      kept = true;
    }
    hh.push_back(h);
  }
  SamplePlan plan = PlanSample(Shipped(), hh, 4);
  EXPECT_EQ(plan.size.required, 7);  // 6.51 -> 7
  EXPECT_EQ(plan.quotas.floor, (std::array<int64_t, 3>{2, 2, 3}));
  ASSERT_EQ(plan.selected.size(), 7u);
  const std::vector<SampleShortfall> want = {{SampleDimension::kFloor, 0, 1}};
  EXPECT_EQ(plan.shortfalls, want);
  EXPECT_EQ(plan.achieved.floor, (std::array<int64_t, 3>{1, 3, 3}));
  EXPECT_EQ(Count(hh, plan.selected), plan.achieved);
}

TEST(PlanSample, NoHouseholds) {
  SamplePlan plan = PlanSample(Shipped(), {}, 0);
  EXPECT_EQ(plan.size.required, 0);
  EXPECT_TRUE(plan.selected.empty());
  EXPECT_TRUE(plan.shortfalls.empty());
}

}  // namespace
}  // namespace hearth::rules

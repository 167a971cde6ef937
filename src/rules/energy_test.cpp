// Energy reserve (R-ENERGY-1): days of reserve rounded down, and the flags of a season's reports
// (missing days, low spells per fuel, a gap ending a spell).
#include "rules/energy.hpp"

#include <gtest/gtest.h>

namespace hearth::rules {
namespace {

Date D(const char* text) { return *ParseDate(text); }

TEST(Energy, FuelNamesAndUnits) {
  for (Fuel f : {Fuel::kCoal, Fuel::kGas, Fuel::kOil, Fuel::kBiomass}) {
    EXPECT_EQ(ParseFuel(FuelName(f)), f);
  }
  EXPECT_EQ(ParseFuel("Coal"), std::nullopt);
  EXPECT_EQ(FuelUnit(Fuel::kGas), "m3");
  EXPECT_EQ(FuelUnit(Fuel::kCoal), "t");
}

TEST(Energy, ReserveDaysRoundDown) {
  struct Case {
    int64_t stock, consumption;
    std::optional<int64_t> tenths;
  };
  const Case cases[] = {
      {1'050'000, 35'000, 300},  // 10,500 t at 350 t a day: exactly 30.0 days
      {1'049'999, 35'000, 299},  // a hundredth of a tonne less: 29.9
      {1'200'050, 35'025, 342},  // 12,000.50 ÷ 350.25 = 34.26…
      {0, 35'000, 0},
      {1'000, 0, std::nullopt},  // nothing consumed: no figure
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ReserveTenths(c.stock, c.consumption), c.tenths) << c.stock << " / " << c.consumption;
  }
}

TEST(Energy, FlagsMissingDaysAndLowSpellsPerFuel) {
  const std::vector<DailyReserve> reports = {
      {D("2026-11-01"), Fuel::kCoal, 350},
      {D("2026-11-01"), Fuel::kGas, 400},
      // 11-02: nothing at all (missing); 11-03: gas only (not missing).
      {D("2026-11-03"), Fuel::kGas, 299},
      {D("2026-11-04"), Fuel::kGas, 250},
      {D("2026-11-04"), Fuel::kCoal, 299},
      {D("2026-11-05"), Fuel::kGas, 300},   // exactly 30: not low, the gas spell ends
      {D("2026-11-05"), Fuel::kCoal, 280},  // coal: 11-04..05
      {D("2026-11-07"), Fuel::kCoal, 100},  // after a day without coal: a new spell
      {D("2026-11-07"), Fuel::kGas, std::nullopt},  // nothing consumed: not low
      {D("2026-10-31"), Fuel::kCoal, 10},   // outside the range
  };
  auto flags = FlagReserves(reports, D("2026-11-01"), D("2026-11-07"), 30);
  EXPECT_EQ(flags.missing_days, (std::vector<Date>{D("2026-11-02"), D("2026-11-06")}));
  ASSERT_EQ(flags.low_spells.size(), 3u);
  EXPECT_EQ(flags.low_spells[0].fuel, Fuel::kCoal);
  EXPECT_EQ(flags.low_spells[0].from, D("2026-11-04"));
  EXPECT_EQ(flags.low_spells[0].to, D("2026-11-05"));
  EXPECT_EQ(flags.low_spells[0].min_reserve_tenths, 280);
  EXPECT_EQ(flags.low_spells[1].from, D("2026-11-07"));
  EXPECT_EQ(flags.low_spells[1].min_reserve_tenths, 100);
  EXPECT_EQ(flags.low_spells[2].fuel, Fuel::kGas);
  EXPECT_EQ(flags.low_spells[2].from, D("2026-11-03"));
  EXPECT_EQ(flags.low_spells[2].to, D("2026-11-04"));
  EXPECT_EQ(flags.low_spells[2].min_reserve_tenths, 250);
}

TEST(Energy, AnEmptyRangeFlagsNothingAndNoReportsMissEveryDay) {
  EXPECT_TRUE(FlagReserves({}, D("2026-11-02"), D("2026-11-01"), 30).missing_days.empty());
  EXPECT_EQ(FlagReserves({}, D("2026-11-01"), D("2026-11-03"), 30).missing_days.size(), 3u);
}

}  // namespace
}  // namespace hearth::rules

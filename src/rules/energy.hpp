// Energy reserve (R-ENERGY-1, issue 15): a company's daily dispatch reports, the days of reserve
// each shows, and what is flagged over a season.
//
// R-ENERGY-1 [W 6.2]: a heating company keeps fuel for at least the profile's days of
// consumption (30, W 6.2.2) and files a daily dispatch report in the season (stock,
// consumption, days of reserve, per fuel); a missing daily report is flagged.
//
// Decisions (the platform's):
// - Days of reserve = stock ÷ the day's consumption, rounded down to tenths of a day (a reserve
//   of 29.99 days is below 30). A day with no consumption has no figure and is never low.
// - A day of the season is missing when the company filed no report at all that day (one report
//   of any fuel is a report). The season's reporting days run from its commissioning start (heat
//   is on from then) to its official end.
// - Consecutive days on which one fuel's reserve was below the threshold form one low spell; a
//   day without that fuel's report ends a spell.
//
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/civil_time.hpp"

namespace hearth::rules {

enum class Fuel { kCoal, kGas, kOil, kBiomass };

/// Wire names "coal", "gas", "oil", "biomass"; ParseFuel returns nullopt for any other text.
std::string_view FuelName(Fuel f);
std::optional<Fuel> ParseFuel(std::string_view name);
/// The unit stock and consumption are given in: "m3" for gas, "t" (tonnes) for the others.
std::string_view FuelUnit(Fuel f);

/// Days of reserve in tenths of a day, rounded down; none when `consumption_centi` is 0.
/// Amounts are in hundredths of the fuel's unit, both >= 0.
std::optional<int64_t> ReserveTenths(int64_t stock_centi, int64_t consumption_centi);

/// One report as the flags see it.
struct DailyReserve {
  Date day;
  Fuel fuel = Fuel::kCoal;
  std::optional<int64_t> reserve_tenths;
};

struct LowSpell {
  Fuel fuel = Fuel::kCoal;
  Date from, to;                   ///< inclusive
  int64_t min_reserve_tenths = 0;  ///< the lowest reserve of the spell
};

struct EnergyFlags {
  std::vector<Date> missing_days;   ///< in order
  std::vector<LowSpell> low_spells; ///< by fuel, then start
};

/// The flags of reports over [from, to] (inclusive) against `threshold_days`. `reports` may come
/// in any order; those outside the range are ignored.
EnergyFlags FlagReserves(std::span<const DailyReserve> reports, Date from, Date to,
                         int threshold_days);

}  // namespace hearth::rules

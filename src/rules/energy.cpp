#include "rules/energy.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <utility>

namespace hearth::rules {
namespace {

constexpr std::array<std::pair<Fuel, std::string_view>, 4> kFuels = {{
    {Fuel::kCoal, "coal"},
    {Fuel::kGas, "gas"},
    {Fuel::kOil, "oil"},
    {Fuel::kBiomass, "biomass"},
}};

}  // namespace

std::string_view FuelName(Fuel f) {
  for (const auto& [fuel, name] : kFuels)
    if (fuel == f) return name;
  return "?";
}

std::optional<Fuel> ParseFuel(std::string_view name) {
  for (const auto& [fuel, n] : kFuels)
    if (n == name) return fuel;
  return std::nullopt;
}

std::string_view FuelUnit(Fuel f) { return f == Fuel::kGas ? "m3" : "t"; }

std::optional<int64_t> ReserveTenths(int64_t stock_centi, int64_t consumption_centi) {
  if (consumption_centi <= 0 || stock_centi < 0) return std::nullopt;
  // Both in the same hundredths: tenths of a day = stock × 10 ÷ consumption, down. The stock is
  // at most ~9.2e17 / 10, far above any real figure (the API caps it lower).
  return stock_centi * 10 / consumption_centi;
}

EnergyFlags FlagReserves(std::span<const DailyReserve> reports, Date from, Date to,
                         int threshold_days) {
  EnergyFlags out;
  std::set<Date> reported;
  std::map<Fuel, std::map<Date, std::optional<int64_t>>> by_fuel;
  for (const DailyReserve& r : reports) {
    if (r.day < from || r.day > to) continue;
    reported.insert(r.day);
    by_fuel[r.fuel][r.day] = r.reserve_tenths;
  }
  for (Date d = from; d <= to; d += std::chrono::days{1}) {
    if (!reported.contains(d)) out.missing_days.push_back(d);
  }
  const int64_t threshold = int64_t{threshold_days} * 10;
  for (const auto& [fuel, days] : by_fuel) {
    std::optional<LowSpell> spell;
    auto close = [&]() {
      if (spell) out.low_spells.push_back(*spell);
      spell.reset();
    };
    for (const auto& [day, reserve] : days) {
      const bool low = reserve && *reserve < threshold;
      if (!low) {
        close();
        continue;
      }
      if (spell && spell->to + std::chrono::days{1} == day) {
        spell->to = day;
        spell->min_reserve_tenths = std::min(spell->min_reserve_tenths, *reserve);
      } else {
        close();
        spell = LowSpell{fuel, day, day, *reserve};
      }
    }
    close();
  }
  return out;
}

}  // namespace hearth::rules

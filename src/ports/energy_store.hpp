// Port: a company's daily dispatch reports of fuel (issue 15, R-ENERGY-1). One report per
// company, day and fuel: filing the same again corrects it, and both are audited (resource
// "energy_reports") in the change's transaction. Methods take no scope: services check access.
// Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "rules/energy.hpp"

namespace hearth::ports {

struct EnergyReport {
  int64_t id = 0;
  int64_t company_id = 0;
  Date day;
  rules::Fuel fuel = rules::Fuel::kCoal;
  int64_t stock_centi = 0;        ///< hundredths of the fuel's unit (rules::FuelUnit)
  int64_t consumption_centi = 0;  ///< the day's, same unit
  std::string note;
  std::string reported_by;
  Instant reported_at;
};

struct EnergyQuery {
  std::optional<int64_t> company_id;
  std::optional<rules::Fuel> fuel;
  std::optional<Date> from, to;  ///< inclusive
  int64_t offset = 0;            ///< rows to skip: the list's cursor is a position
  int limit = 50;                ///< 1..1001
};

class EnergyStore {
 public:
  virtual ~EnergyStore() = default;

  /// Files `report` (its id ignored): inserted, or replacing the company's report of the same
  /// day and fuel. Returns the report as stored and whether it was new.
  virtual Result<std::pair<EnergyReport, bool>> File(const EnergyReport& report) = 0;
  /// Reports newest day first, then by company, fuel and id (a stable order: a position pages
  /// it).
  virtual Result<std::vector<EnergyReport>> List(const EnergyQuery& query) = 0;
};

}  // namespace hearth::ports

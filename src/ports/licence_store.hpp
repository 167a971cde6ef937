// Works outside a company's licensed service area (Z 3.4, R-REG-1, issue 15): the buildings a
// company serves in a district not (or no longer) licensed to it (no licensed_districts row of
// the company and the building's district), with what the company does there: its households,
// the heating stops that cut them off, the work orders from them, the connection applications
// (报装, R-CONN-1) taken in for them.
//
// A building is refused at creation outside its company's licence (services/record_service.hpp);
// these are the buildings left outside when a licence is withdrawn later, or written before the
// check existed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace hearth::ports {

struct UnlicensedBuilding {
  int64_t company_id = 0;
  int64_t building_id = 0;
  std::string building_code;
  std::string community;
  int64_t district_id = 0;
  std::string district_code, district_name;
  int64_t households = 0;           ///< connections: its households, every heating status
  int64_t heated_households = 0;    ///< of those, heated
  std::vector<int64_t> outage_ids;  ///< stops that cut off any of its households, ascending
  int64_t work_orders = 0;          ///< orders received from its households (duplicates too)
  int64_t connection_applications = 0;  ///< applications for it, in any state

  bool operator==(const UnlicensedBuilding&) const = default;
};

/// Thread-safe.
class LicenceStore {
 public:
  virtual ~LicenceStore() = default;
  /// The buildings outside their company's licence (of `company_id` only, when given), by
  /// company then building id; a few statements, whatever their number.
  virtual Result<std::vector<UnlicensedBuilding>> Unlicensed(std::optional<int64_t> company_id) = 0;
};

}  // namespace hearth::ports

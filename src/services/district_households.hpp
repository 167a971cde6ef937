// The households of one company in one district (issue 15: the indicators of a district). A
// household lies where its building does: household → partition → building → district.
#pragma once

#include <cstdint>
#include <map>
#include <set>

#include "core/result.hpp"
#include "ports/record_store.hpp"

namespace hearth::services {

struct DistrictHouseholds {
  std::set<int64_t> all;                   ///< every household there, by id, heated or not
  std::map<int64_t, int64_t> heated_area;  ///< the heated ones: their area, m² × 100

  int64_t HeatedArea() const {
    int64_t sum = 0;
    for (const auto& [id, area] : heated_area) sum += area;
    return sum;
  }
};

/// The households of `company` in `district`, read page by page; none when the company has no
/// building there. Errors: the store's.
Result<DistrictHouseholds> HouseholdsInDistrict(ports::RecordStore& records, int64_t company,
                                                int64_t district);

}  // namespace hearth::services

// The days file of the refund calculator (`hearth calc refund --days FILE.csv`,
// POST /api/v1/calc/refund):
//
//   date,value,guarantee,outdoor_mean,unheated_hours,excluded
//   2025-12-01,17.5,,,,
//   2025-12-02,,20.0,-6.1,14,1
//
// `date` (YYYY-MM-DD) and `value` are required columns; the others may be left out of the header.
// Decimals are read exactly and rounded once to tenths, half away from zero (17.95 -> 18.0).
// Empty cells mean:
//   value           no daily value (the day is not judged, R-TEMP-5)
//   guarantee       the profile's guarantee (R-TEMP-1); `none` means no guarantee (R-TEMP-2)
//   outdoor_mean    not exempt (R-TEMP-1 (a))
//   unheated_hours  0: hours of company-caused outage on the day, 0..24, at most 2 decimals
//                   (R-REFUND-2)
//   excluded        0; 1 means a household-caused finding covers the day (R-REFUND-4)
// value and guarantee must lie in the sensor's valid range of the profile (R-TEMP-3);
// outdoor_mean within ±100 °C (a plausibility bound, not a rule).
//
// Every row is checked, also rows outside the official period, which are then left out (the
// season's extension days carry no fee, R-SEASON-1). A date given twice is an error. The first
// problem (by line, then column) is reported as "line L, column C (NAME): …".
#pragma once

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "rules/policy.hpp"
#include "rules/refund.hpp"
#include "rules/season.hpp"

namespace hearth::adapters::csv {

/// The rows of the official days of `season`, in file order, with `source` kRemote (or kNone
/// without a value). Errors: invalid_argument located as above.
Result<std::vector<rules::RefundDay>> ParseRefundDaysCsv(std::string_view text,
                                                         const rules::Policy& policy,
                                                         const rules::SeasonDates& season);

}  // namespace hearth::adapters::csv

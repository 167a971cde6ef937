// The demo city's season bills (issue 16, R-BILL-1, R-METER-1): the meter-billed households'
// readings of the last whole season, then each company's billing run of that season through
// BillingService, as the admin would run it. The city's area-billed households hold their fees
// of that season already (demo_households.cpp), so the run skips them and bills the meters (and a
// heated household without a fee, such as one resumed since), due a month after they were read:
// - most by their reading: 0.30 to 0.49 GJ per m², by household;
// - one in ten with a reading that records a damaged meter, billed by area (W 10.3 (10.3 c));
// - one in twelve without a reading, billed by area too.
#pragma once

#include <cstdint>

#include "core/result.hpp"
#include "ports/record_store.hpp"
#include "services/billing_service.hpp"

namespace hearth::sim {

struct DemoBillSummary {
  int64_t readings = 0;        ///< meter readings recorded
  int64_t issued = 0;          ///< bills issued
  int64_t meter_by_area = 0;   ///< of them, meters billed by area
  int64_t already_billed = 0;  ///< households with the season's fee before the runs
};

Result<DemoBillSummary> GenerateDemoBills(ports::RecordStore& records,
                                          const services::BillingService& billing, int season);

}  // namespace hearth::sim

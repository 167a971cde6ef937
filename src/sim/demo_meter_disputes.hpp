// The demo city's heat-meter disputes (issue 16, R-METER-1), raised and calibrated through
// MeterDisputeService so that each is checked, messaged and audited as a real one is (at the
// server's time).
//
// What it makes, per company, on its first three meter-billed households by id: a household's
// dispute whose meter failed (the company pays, W 10.3 (10.3 b), and the household is billed by
// area, 10.3 c), a household's whose meter passed (the household pays), and the company's own,
// still open.
#pragma once

#include <cstdint>

#include "core/result.hpp"
#include "ports/record_store.hpp"
#include "services/meter_dispute_service.hpp"

namespace hearth::sim {

struct DemoMeterDisputeSummary {
  int64_t disputes = 0, failed = 0, passed = 0, open = 0;
};

Result<DemoMeterDisputeSummary> GenerateDemoMeterDisputes(
    ports::RecordStore& records, const services::MeterDisputeService& service);

}  // namespace hearth::sim
